import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument, type Document } from 'yaml';
import catalogSchema from '../../../../schemas/catalog.schema.json';
import { LineIndex, type Range } from '../text/lineIndex';
import { keyNodeAt, nodeAt, nodeSpan, pointerSteps } from '../yamlPositions';
import type { CatalogDef } from './types';
import { describeSchemaError } from './schemaMessages';
import type { Locale } from '../messages';
import { compileCatalog, type Catalog } from './compile';
import { checkCatalogConsistency } from './consistency';

export interface CatalogProblem {
  message: string;
  /** Path inside the catalog, e.g. `clauses/3/recognise/phrases`. */
  path: string;
  range: Range;
}

export type CatalogLoadResult = { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

let validateCatalog: ReturnType<Ajv['compile']> | undefined;

function catalogValidator() {
  validateCatalog ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(catalogSchema);
  return validateCatalog;
}

/** Parses, validates and compiles a catalog. `source` names it in messages (a path or `built-in`). */
export function loadCatalog(text: string, source: string, locale: Locale = 'ja'): CatalogLoadResult {
  try {
    return loadCatalogUnguarded(text, source, locale);
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

const tooDeep = (locale: Locale) =>
  locale === 'ja'
    ? 'カタログの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。'
    : 'The catalog is nested too deeply to be read (flatten its nested lists and mappings).';

function loadCatalogUnguarded(text: string, source: string, locale: Locale): CatalogLoadResult {
  const lines = new LineIndex(text);
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, prettyErrors: false });
  const at = (start: number, end: number) => lines.range(start, end);
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        message: /call stack/i.test(e.message) ? tooDeep(locale) : e.message.split('\n')[0],
        path: '',
        range: at(e.pos[0], e.pos[1]),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ message: (e as Error).message, path: '', range: at(0, 0) }] };
  }
  const validate = catalogValidator();
  if (!validate(data)) {
    return { ok: false, problems: schemaProblems(doc, validate.errors ?? [], at, locale) };
  }
  const def = data as CatalogDef;
  const inconsistencies = checkCatalogConsistency(def, locale);
  if (inconsistencies.length) {
    return {
      ok: false,
      problems: inconsistencies.map((p) => {
        const span = nodeSpan(nodeAt(doc, p.path)) ?? [0, 0];
        return { message: p.message, path: p.path.join('/'), range: at(span[0], span[1]) };
      }),
    };
  }
  return { ok: true, catalog: compileCatalog(def, source) };
}

function schemaProblems(
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
  return problems;
}
