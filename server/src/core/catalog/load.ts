import Ajv, { type ErrorObject } from 'ajv';
import { isScalar, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import catalogSchema from '../../../../schemas/catalog.schema.json';
import overlaySchema from '../../../../schemas/catalog-overlay.schema.json';
import { MAX_FINDINGS_PER_CODE } from '../findings';
import { LineIndex, type Range } from '../text/lineIndex';
import { keyNodeAt, isMergeKey, nodeAt, nodeSpan, pointerSteps } from '../yamlPositions';
import { isAliasBomb, MAX_YAML_ALIASES } from '../yamlCauses';
import type { CatalogDef } from './types';
import { describeSchemaError } from './schemaMessages';
import type { Locale } from '../messages';
import { catalogText } from './messages';
import { compileCatalog, type Catalog } from './compile';
import { checkCatalogConsistency } from './consistency';
import { mergeOverlay, type OverlayDef } from './overlay';
import { originAt, type CatalogOrigin } from './origin';

export interface CatalogProblem {
  message: string;
  /** Path inside the catalog, e.g. `clauses/3/recognise/phrases`. */
  path: string;
  range: Range;
  /** The file the problem is in, when it is not the catalog being loaded (a base it extends). */
  file?: string;
}

/**
 * How a catalog's `extends` is found: the server and the CLI read files, the core only asks.
 * `id` names the result (its resolved path, or the built-in catalog's id) in messages and cycle checks.
 */
export type CatalogResolution =
  { ok: true; id: string; text: string } | { ok: true; id: string; catalog: Catalog } | { ok: false; message: string };
export type CatalogResolver = (ref: string, from: string) => CatalogResolution;

/** How many catalogs one `extends` chain may hold. */
export const MAX_EXTENDS_DEPTH = 16;

export type CatalogLoadResult = { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

let validators: { catalog: ReturnType<Ajv['compile']>; overlay: ReturnType<Ajv['compile']> } | undefined;

function catalogValidator() {
  return (validators ??= compileValidators()).catalog;
}

function overlayValidator() {
  return (validators ??= compileValidators()).overlay;
}

function compileValidators() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addSchema(catalogSchema);
  return { catalog: ajv.getSchema(catalogSchema.$id)!, overlay: ajv.compile(overlaySchema) };
}

/**
 * Parses, validates and compiles a catalog. `source` names it in messages (a path or `built-in`).
 * A catalog with `extends` is an overlay: `resolve` brings its base (see CatalogResolver).
 */
export function loadCatalog(
  text: string,
  source: string,
  locale: Locale = 'ja',
  resolve?: CatalogResolver,
): CatalogLoadResult {
  try {
    return loadCatalogUnguarded(text, source, locale, resolve, [source]);
  } catch (e) {
    // The YAML parser and the validator recurse once per level of nesting: a catalog nested
    // thousands of levels deep gets a sentence, not "Maximum call stack size exceeded".
    if (e instanceof RangeError)
      return {
        ok: false,
        problems: [
          {
            message: tooDeep(locale),
            path: '',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          },
        ],
      };
    throw e;
  }
}

const tooDeep = (locale: Locale) => catalogText(locale, 'catalogTooDeep');

/**
 * Parses YAML text into data, keeping the document (for positions); errors as problems. `tooDeepKey`
 * names the file in the sentence for YAML nested too deeply: a catalog, or `configTooDeep` for a
 * .itaku.yaml.
 */
export function readYamlData(
  text: string,
  locale: Locale,
  tooDeepKey: 'catalogTooDeep' | 'configTooDeep' = 'catalogTooDeep',
):
  | { ok: true; doc: Document; data: unknown; at: (start: number, end: number) => Range }
  | { ok: false; problems: CatalogProblem[] } {
  const lines = new LineIndex(text);
  // Repeated keys are found below in linear time: yaml's own check compares every key of a mapping
  // with every other (20,000 keys took 6.3 s).
  // Merge keys (`<<: *defaults`, YAML 1.1) are merged, as most YAML tools do.
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false, merge: true });
  const at = (start: number, end: number) => lines.range(start, end);
  if (!doc.errors.length) repeatedKeys(doc);
  if (doc.errors.length) {
    return {
      ok: false,
      problems: capProblems(
        doc.errors.map((e) => ({
          message: /call stack/i.test(e.message) ? catalogText(locale, tooDeepKey) : e.message.split('\n')[0],
          path: '',
          range: at(e.pos[0], e.pos[1]),
        })),
        locale,
      ),
    };
  }
  try {
    return { ok: true, doc, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), at };
  } catch (e) {
    const message = isAliasBomb(e)
      ? catalogText(locale, 'yamlTooManyAliases', { max: MAX_YAML_ALIASES })
      : (e as Error).message;
    return { ok: false, problems: [{ message, path: '', range: at(0, 0) }] };
  }
}

/**
 * A key given twice in one mapping is an error at the second (as yaml's `uniqueKeys` reports it),
 * found with one set per mapping. Scalar keys compare by value; other keys are left to the schema.
 */
function repeatedKeys(doc: Document): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // `<<` may be given more than once (each merges its mapping in), as yaml allows with `merge`.
        if (!isScalar(pair.key) || isMergeKey(pair.key)) continue;
        const key = pair.key.value;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const range = pair.key.range ?? [0, 0];
        doc.errors.push(new YAMLParseError([range[0], range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
}

function loadCatalogUnguarded(
  text: string,
  source: string,
  locale: Locale,
  resolve: CatalogResolver | undefined,
  chain: string[],
): CatalogLoadResult {
  const read = readYamlData(text, locale);
  if (!read.ok) return read;
  const { doc, data, at } = read;
  if (data && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'extends'))
    return loadOverlay(doc, data, source, locale, at, resolve, chain);
  const validate = catalogValidator();
  if (!validate(data)) {
    return { ok: false, problems: schemaProblems(doc, validate.errors ?? [], at, locale) };
  }
  const def = data as CatalogDef;
  const inconsistencies = checkCatalogConsistency(def, locale);
  if (inconsistencies.length) {
    return {
      ok: false,
      problems: capProblems(
        inconsistencies.map((p) => {
          const span = nodeSpan(nodeAt(doc, p.path)) ?? [0, 0];
          return { message: p.message, path: p.path.join('/'), range: at(span[0], span[1]) };
        }),
        locale,
      ),
    };
  }
  return { ok: true, catalog: compileCatalog(def, source) };
}

export function schemaProblems(
  doc: Document,
  errors: ErrorObject[],
  at: (s: number, e: number) => Range,
  locale: Locale,
): CatalogProblem[] {
  // oneOf reports every branch's failure; keep the most specific errors.
  const useful = errors.filter((e) => e.keyword !== 'oneOf' || errors.length === 1);
  const seen = new Set<string>();
  const problems: CatalogProblem[] = [];
  for (const error of useful.length ? useful : errors) {
    const steps = pointerSteps(error.instancePath);
    let span: [number, number] | undefined;
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      span = nodeSpan(keyNodeAt(doc, steps, key));
    }
    span ??= nodeSpan(nodeAt(doc, steps)) ?? [0, 0];
    const message = describeSchemaError(error, locale);
    const key = `${error.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ message, path: steps.join('/'), range: at(span[0], span[1]) });
  }
  return capProblems(problems, locale);
}

/**
 * At most MAX_FINDINGS_PER_CODE problems, then one with the count of the rest (placed at the first
 * left out): a thousand wrong entries are one mistake repeated, as a draft's findings are capped by
 * too-many-findings.
 */
export function capProblems(problems: CatalogProblem[], locale: Locale): CatalogProblem[] {
  if (problems.length <= MAX_FINDINGS_PER_CODE) return problems;
  const more = problems.length - MAX_FINDINGS_PER_CODE;
  const message = catalogText(locale, 'moreProblems', { count: more, max: MAX_FINDINGS_PER_CODE });
  return [...problems.slice(0, MAX_FINDINGS_PER_CODE), { ...problems[MAX_FINDINGS_PER_CODE], message }];
}

/** Where an overlay's problems are placed: its YAML document, and its `extends` as the fallback. */
interface OverlayFile {
  readonly doc: Document;
  readonly source: string;
  readonly at: (s: number, e: number) => Range;
  readonly extendsSpan: [number, number];
  onExtends(message: string): CatalogProblem;
}

/** An overlay: its own schema, then its base (through `resolve`), the merge, and the base's checks on the result. */
function loadOverlay(
  doc: Document,
  data: object,
  source: string,
  locale: Locale,
  at: (s: number, e: number) => Range,
  resolve: CatalogResolver | undefined,
  chain: string[],
): CatalogLoadResult {
  const validate = overlayValidator();
  if (!validate(data)) return { ok: false, problems: schemaProblems(doc, validate.errors ?? [], at, locale) };
  const overlay = data as OverlayDef;
  const extendsSpan = nodeSpan(nodeAt(doc, ['extends'])) ?? [0, 0];
  const file: OverlayFile = {
    doc,
    source,
    at,
    extendsSpan,
    onExtends: (message) => ({ message, path: 'extends', range: at(extendsSpan[0], extendsSpan[1]) }),
  };
  const based = loadBase(file, overlay, locale, resolve, chain);
  if (!based.ok) return based;
  const base = based.catalog;
  const origin = (path: Array<string | number>): CatalogOrigin => {
    // A mapping entry is shown at its key (`web-ops:`), a list item where it starts.
    const last = path[path.length - 1];
    const key = typeof last === 'string' ? keyNodeAt(doc, path.slice(0, -1), last) : undefined;
    const span = nodeSpan(key) ?? nodeSpan(nodeAt(doc, path)) ?? extendsSpan;
    const start = at(span[0], span[0]).start;
    return { catalog: overlay.title, file: source, path, line: start.line, character: start.character };
  };
  const merged = mergeOverlay(base.def, overlay, origin, locale);
  if (merged.problems.length)
    return {
      ok: false,
      problems: capProblems(
        merged.problems.map((p) => {
          const node = p.onKey
            ? keyNodeAt(doc, p.path.slice(0, -1), String(p.path[p.path.length - 1]))
            : nodeAt(doc, p.path);
          const span = nodeSpan(node) ?? nodeSpan(nodeAt(doc, p.path)) ?? extendsSpan;
          return { message: p.message, path: p.path.join('/'), range: at(span[0], span[1]) };
        }),
        locale,
      ),
    };
  const problems = mergedProblems(file, merged.def, locale);
  if (problems) return { ok: false, problems };
  return {
    ok: true,
    catalog: compileCatalog(merged.def, source, {
      root: base.root ?? base.def.id,
      layers: [source, ...base.layers],
    }),
  };
}

/** The overlay's base: resolved, outside the chain so far, within the depth, and itself loaded without problems. */
function loadBase(
  file: OverlayFile,
  overlay: OverlayDef,
  locale: Locale,
  resolve: CatalogResolver | undefined,
  chain: string[],
): CatalogLoadResult {
  const fail = (...problems: CatalogProblem[]): CatalogLoadResult => ({ ok: false, problems });
  const resolved: CatalogResolution = resolve
    ? resolve(overlay.extends, file.source)
    : { ok: false, message: catalogText(locale, 'noBaseReader') };
  if (!resolved.ok)
    return fail(
      file.onExtends(catalogText(locale, 'baseUnreadable', { base: overlay.extends, reason: resolved.message })),
    );
  if (chain.includes(resolved.id)) {
    const cycle = [...chain.slice(chain.indexOf(resolved.id)), resolved.id].join(' → ');
    return fail(file.onExtends(catalogText(locale, 'extendsCycle', { cycle })));
  }
  if (chain.length >= MAX_EXTENDS_DEPTH)
    return fail(file.onExtends(catalogText(locale, 'extendsTooDeep', { max: MAX_EXTENDS_DEPTH })));
  if ('catalog' in resolved) return { ok: true, catalog: resolved.catalog };
  const loaded = loadCatalogUnguarded(resolved.text, resolved.id, locale, resolve, [...chain, resolved.id]);
  if (!loaded.ok)
    return fail(
      file.onExtends(catalogText(locale, 'baseHasProblems', { base: overlay.extends, count: loaded.problems.length })),
      ...loaded.problems.map((p) => ({ ...p, file: p.file ?? resolved.id })),
    );
  return loaded;
}

/**
 * The merged catalog passes the same checks as any catalog; each problem is placed on the
 * overlay entry that brought in what is wrong (or on `extends` when no entry did). Undefined when it passes
 * (a failed schema check is a failure even when all its errors are `oneOf` ones, which are left out).
 */
function mergedProblems(file: OverlayFile, merged: CatalogDef, locale: Locale): CatalogProblem[] | undefined {
  const { doc, source, at, onExtends } = file;
  const place = (steps: Array<string | number>, message: string): CatalogProblem => {
    const found = originAt(merged, steps);
    if (!found || found.origin.file !== source) return onExtends(message);
    for (let keep = found.rest.length; keep >= 0; keep--) {
      const span = nodeSpan(nodeAt(doc, [...found.origin.path, ...found.rest.slice(0, keep)]));
      if (span) return { message, path: found.origin.path.join('/'), range: at(span[0], span[1]) };
    }
    return onExtends(message);
  };
  const validateMerged = catalogValidator();
  if (!validateMerged(merged))
    return (validateMerged.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf')
      .map((e) => place(pointerSteps(e.instancePath), describeSchemaError(e, locale)));
  const inconsistencies = checkCatalogConsistency(merged, locale);
  return inconsistencies.length ? inconsistencies.map((p) => place(p.path, p.message)) : undefined;
}
