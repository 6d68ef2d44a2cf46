import Ajv, { type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Catalog } from './catalog/compile';
import { describeSchemaError } from './catalog/schemaMessages';
import type { Finding } from './findings';
import type { FrontMatterBlock } from './markdown/parse';
import { messages, type Locale } from './messages';
import { frontMatterSchema } from './frontmatterSchema';
import { closestValues } from './suggest';
import { yamlCauses } from './yamlCauses';
import { pointerSteps } from './yamlPositions';

/** Canonical front-matter keys and the spellings accepted for each. */
export const FRONT_MATTER_KEYS: Record<string, string[]> = {
  document: ['document', '文書種別'],
  category: ['category', '業務分類', 'categories'],
  organization: ['organization', '組織'],
  parties: ['parties', '当事者'],
  options: ['options', 'オプション'],
};

/** Common Markdown front-matter keys that are not ours and not worth a remark. */
const FOREIGN_KEYS = new Set([
  'title',
  'description',
  'author',
  'authors',
  'date',
  'updated',
  'version',
  'tags',
  'lang',
  'id',
  'draft',
  'slug',
  'layout',
  '件名',
  '作成日',
  '作成者',
  '版',
  '改訂日',
  'タイトル',
]);

const ALIAS_TO_KEY = new Map<string, string>();
for (const [key, aliases] of Object.entries(FRONT_MATTER_KEYS)) aliases.forEach((a) => ALIAS_TO_KEY.set(a, key));

type Span = [number, number];

export interface CategoryEntry {
  /** Resolved id, when the value is known. */
  id?: string;
  value: string;
  span: Span;
}

export interface FrontMatterInfo {
  document?: string;
  documentSpan?: Span;
  categories: string[];
  categoryEntries: CategoryEntry[];
  categorySpan?: Span;
  organization?: string;
  parties: Record<string, string>;
  options: Record<string, string | boolean | string[]>;
  optionSpans: Record<string, Span>;
  /** The whole front matter, fences included. */
  span: Span;
  /** True when the YAML could be read (clauses can be judged). */
  readable: boolean;
}

const validators = new WeakMap<Catalog, ValidateFunction>();

function validatorFor(catalog: Catalog): ValidateFunction {
  let v = validators.get(catalog);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true }).compile(
      frontMatterSchema(catalog.def),
    );
    validators.set(catalog, v);
  }
  return v;
}

const DRAFT_KEY = /(^|[\r\n])[ \t]*(?:-[ \t]*)?["']?(document|文書種別)["']?[ \t]*[:：]/;

const OPENING_FENCE = /^\ufeff?---[ \t]*(\r\n|\r|\n)/;
const FIRST_HEADING = /(^|\r\n|\r|\n)[ \t]{0,3}#{1,6}([ \t]|$)/;

/**
 * A text that opens with `---` but never closes its front matter is still a draft when the lines
 * before its first heading name the document type: one error on the opening fence (nothing can be
 * judged until it is closed), never silence. Undefined for any other text (e.g. Markdown that
 * simply starts with a thematic break).
 */
export function readUnclosedFrontMatter(
  text: string,
  locale: Locale,
  findings: Finding[],
): FrontMatterInfo | undefined {
  const open = OPENING_FENCE.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const heading = FIRST_HEADING.exec(rest);
  const region = heading ? rest.slice(0, heading.index) : rest;
  if (!DRAFT_KEY.test(region)) return undefined;
  const fenceStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  findings.push({
    code: 'frontmatter-yaml',
    severity: 'error',
    message: messages.frontMatterUnclosed(locale),
    start: fenceStart,
    end: fenceStart + 3,
  });
  return {
    categories: [],
    categoryEntries: [],
    parties: {},
    options: {},
    optionSpans: {},
    span: [fenceStart, open[0].length + region.length],
    readable: false,
  };
}

const recent = new WeakMap<Catalog, Map<string, { info: FrontMatterInfo | undefined; findings: Finding[] }>>();

/**
 * Reads the draft's front matter (remembering the last few, as typing in the body leaves the
 * front matter unchanged). Returns undefined when the file is not a draft (no
 * `document`/`文書種別`), so ordinary Markdown gets no diagnostics at all.
 */
export function readFrontMatter(
  block: FrontMatterBlock | undefined,
  catalog: Catalog,
  locale: Locale,
  findings: Finding[],
): FrontMatterInfo | undefined {
  if (!block) return undefined;
  let memo = recent.get(catalog);
  if (!memo) recent.set(catalog, (memo = new Map()));
  const key = `${locale}|${block.start}|${block.valueStart}|${block.end}|${block.value}`;
  let entry = memo.get(key);
  if (!entry) {
    const own: Finding[] = [];
    entry = { info: readFrontMatterUncached(block, catalog, locale, own), findings: own };
    memo.set(key, entry);
    if (memo.size > 64) memo.delete(memo.keys().next().value!);
  }
  for (const f of entry.findings) findings.push({ ...f });
  return entry.info;
}

function readFrontMatterUncached(
  block: FrontMatterBlock | undefined,
  catalog: Catalog,
  locale: Locale,
  findings: Finding[],
): FrontMatterInfo | undefined {
  if (!block) return undefined;
  const base = block.valueStart;
  const info: FrontMatterInfo = {
    categories: [],
    categoryEntries: [],
    parties: {},
    options: {},
    optionSpans: {},
    span: [block.start, block.end],
    readable: false,
  };
  const fenceSpan: Span = [block.start, Math.min(block.end, block.start + 3)];
  // The yaml parser recurses once per level of nesting: refuse absurd nesting up front, in one
  // deterministic finding, instead of letting the call stack decide.
  const tooDeep = nestingBeyond(block.value, MAX_FLOW_DEPTH);
  if (tooDeep >= 0) {
    if (!DRAFT_KEY.test(block.value)) return undefined;
    findings.push({
      code: 'frontmatter-yaml',
      severity: 'error',
      message: messages.frontMatterTooDeep(locale, MAX_FLOW_DEPTH),
      start: base + tooDeep,
      end: base + tooDeep + 1,
    });
    return info;
  }
  // yaml does not read a lone CR as a line break; LF has the same length, so offsets hold.
  // Repeated keys are found below, in linear time (yaml's own check is quadratic in the keys).
  const doc = parseDocument(block.value.replace(/\r(?!\n)/g, '\n'), {
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
  });
  const span = (node: YamlNode | null | undefined): Span | undefined =>
    node?.range ? [base + node.range[0], base + Math.max(node.range[0], node.range[1])] : undefined;

  const fatal = doc.errors;
  if (fatal.length || !isMap(doc.contents)) {
    if (!DRAFT_KEY.test(block.value)) return undefined;
    const causes = fatal.length ? yamlCauses(block.value) : [];
    if (causes.length) {
      // The usual slips, said in words the author can act on, on their own line.
      for (const c of causes.slice(0, 5))
        findings.push({
          code: 'frontmatter-yaml',
          severity: 'error',
          message: messages.frontMatterYamlCause(locale, c.cause, c.char),
          start: base + c.start,
          end: base + c.end,
        });
    } else if (fatal.length) {
      for (const e of fatal.slice(0, 5)) {
        const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        const start = base + Math.min(e.pos[0], block.value.length);
        findings.push({
          code: 'frontmatter-yaml',
          severity: 'error',
          message: messages.frontMatterYaml(locale, detail),
          start,
          end: Math.max(start, base + Math.min(e.pos[1], block.value.length)),
        });
      }
    } else {
      const s = span(doc.contents as YamlNode) ?? fenceSpan;
      findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.frontMatterNotMapping(locale),
        start: s[0],
        end: s[1],
      });
    }
    return info;
  }
  const root = doc.contents;
  const pairs = new Map<string, Pair>();
  const seen = new Set<string>();
  for (const item of root.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const name = String(item.key.value);
    const key = ALIAS_TO_KEY.get(name);
    const keySpan = span(item.key as YamlNode) ?? fenceSpan;
    if (seen.has(name)) {
      findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.repeatedKey(locale, name),
        start: keySpan[0],
        end: keySpan[1],
      });
      continue;
    }
    seen.add(name);
    if (!key) {
      if (FOREIGN_KEYS.has(name)) continue;
      const suggestion = closestValues(name, [...ALIAS_TO_KEY.keys()], 1)[0];
      findings.push({
        code: 'unknown-key',
        severity: 'information',
        message: messages.unknownKey(locale, name, suggestion),
        start: keySpan[0],
        end: keySpan[1],
        data: suggestion ? { suggestion } : undefined,
      });
      continue;
    }
    const earlier = pairs.get(key);
    if (earlier) {
      findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.duplicateKey(locale, String((earlier.key as { value: unknown }).value), name),
        start: keySpan[0],
        end: keySpan[1],
      });
      continue;
    }
    pairs.set(key, item as Pair);
  }
  if (!pairs.has('document')) return undefined;
  // In the maps itaku reads, a repeated key: the first one counts; say so where the second one is.
  for (const parent of ['options', 'parties']) {
    const map = pairs.get(parent)?.value;
    if (!isMap(map)) continue;
    const names = new Set<string>();
    map.items = map.items.filter((item) => {
      if (!isPair(item) || !isScalar(item.key)) return true;
      const name = String(item.key.value);
      if (!names.has(name)) return names.add(name);
      const s = span(item.key as YamlNode) ?? fenceSpan;
      findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.repeatedKey(locale, `${parent}.${name}`),
        start: s[0],
        end: s[1],
      });
      return false;
    });
  }
  info.readable = true;

  // Plain values of the keys we use; aliases of option values are resolved first.
  const plain: Record<string, unknown> = {};
  for (const [key, pair] of pairs) {
    try {
      plain[key] = pair.value ? (pair.value as YamlNode).toJS(doc, { maxAliasCount: 100 }) : null;
    } catch (e) {
      const s = span(pair.value as YamlNode) ?? fenceSpan;
      findings.push({
        code: 'frontmatter-yaml',
        severity: 'error',
        message: messages.frontMatterYaml(locale, (e as Error).message),
        start: s[0],
        end: s[1],
      });
      info.readable = false;
      return info;
    }
  }
  const optionsNode = pairs.get('options')?.value;
  const optionPairs = new Map<string, Pair>();
  if (isMap(optionsNode)) {
    for (const item of optionsNode.items)
      if (isPair(item) && isScalar(item.key)) optionPairs.set(String(item.key.value), item as Pair);
  }
  if (plain.options && typeof plain.options === 'object' && !Array.isArray(plain.options)) {
    const opts = plain.options as Record<string, unknown>;
    const listed = new Set(Object.keys(opts));
    for (const [name, value] of Object.entries(opts)) {
      const def = catalog.def.options[name];
      const keySpan = span(optionPairs.get(name)?.key as YamlNode) ?? fenceSpan;
      if (!def) {
        const suggestion = closestValues(name, Object.keys(catalog.def.options), 1)[0];
        findings.push({
          code: 'unknown-key',
          severity: 'warning',
          message: messages.unknownOption(locale, name, suggestion),
          start: keySpan[0],
          end: keySpan[1],
          data: suggestion ? { suggestion } : undefined,
        });
        delete opts[name];
        continue;
      }
      if (def.type === 'enum' && typeof value === 'string') opts[name] = catalog.optionValueOf(name, value) ?? value;
      if (def.type === 'clause-list' && typeof value === 'string')
        opts[name] = value.split(/[,、，\s]+/).filter(Boolean);
    }
    // A key the plain object lost (`__proto__` sets a prototype instead of a property) is unknown too.
    for (const [name, pair] of optionPairs) {
      if (listed.has(name) || Object.hasOwn(catalog.def.options, name)) continue;
      const keySpan = span(pair.key as YamlNode) ?? fenceSpan;
      findings.push({
        code: 'unknown-key',
        severity: 'warning',
        message: messages.unknownOption(locale, name, undefined),
        start: keySpan[0],
        end: keySpan[1],
      });
    }
  }
  // An empty value is the same as no value (missing-category says what to do).
  for (const key of Object.keys(plain)) if (plain[key] === null) delete plain[key];
  const validate = validatorFor(catalog);
  if (!(validate as (data: unknown) => boolean)(plain)) {
    const invalid = new Set<string>();
    const all = validate.errors ?? [];
    // Where anyOf failed, its branches' own errors are noise: keep the anyOf one.
    const alternatives = new Set(
      all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
    );
    const errors = all.filter(
      (e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || !alternatives.has(e.instancePath),
    );
    for (const error of errors) {
      const steps = pointerSteps(error.instancePath);
      invalid.add(steps.slice(0, 2).join('/'));
      let node: YamlNode | undefined = pairs.get(steps[0])?.value as YamlNode | undefined;
      if (steps[0] === 'options' && steps[1]) node = optionPairs.get(steps[1])?.value as YamlNode | undefined;
      else if (steps.length > 1) node = nodeAtPath(node, steps.slice(1)) ?? node;
      const s = span(node) ?? span(pairs.get(steps[0])?.key as YamlNode) ?? fenceSpan;
      const message = describeSchemaError({ ...error, instancePath: error.instancePath }, locale);
      if (!findings.some((f) => f.code === 'frontmatter-invalid' && f.start === s[0] && f.message === message)) {
        findings.push({ code: 'frontmatter-invalid', severity: 'error', message, start: s[0], end: s[1] });
      }
    }
    for (const key of invalid) {
      const [top, sub] = key.split('/');
      if (top === 'options' && sub) delete (plain.options as Record<string, unknown>)[sub];
      else delete plain[top];
    }
  }

  // document
  const docPair = pairs.get('document')!;
  info.documentSpan = span(docPair.value as YamlNode) ?? span(docPair.key as YamlNode) ?? fenceSpan;
  if (typeof plain.document === 'string') {
    const id = catalog.documentTypeOf(plain.document);
    if (id) info.document = id;
    else {
      const allowed = Object.entries(catalog.def.documentTypes).map(([k, d]) => `${k}（${d.label}）`);
      findings.push({
        code: 'unknown-document-type',
        severity: 'error',
        message: messages.unknownDocumentType(locale, plain.document, allowed),
        start: info.documentSpan[0],
        end: info.documentSpan[1],
        data: { suggestions: closestValues(plain.document, allDocumentTypeNames(catalog)) },
      });
    }
  }

  // category
  const catPair = pairs.get('category');
  const valueSpan = span(catPair?.value as YamlNode);
  info.categorySpan = valueSpan && valueSpan[1] > valueSpan[0] ? valueSpan : span(catPair?.key as YamlNode);
  const raw = plain.category;
  const entries: Array<{ value: string; node?: YamlNode }> = [];
  if (typeof raw === 'string') {
    const node = catPair?.value as YamlNode;
    const parts = raw
      .split(/[,、，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length <= 1) entries.push({ value: raw.trim(), node });
    else parts.forEach((value) => entries.push({ value, node }));
  } else if (Array.isArray(raw) && isSeq(catPair?.value)) {
    raw.forEach((value, i) => {
      if (typeof value === 'string')
        entries.push({ value: value.trim(), node: (catPair!.value as { items: YamlNode[] }).items[i] });
    });
  }
  const forms = Object.entries(catalog.def.categories)
    .filter(([id]) => id.startsWith('operation-'))
    .map(([, c]) => c.label);
  for (const entry of entries) {
    const s = span(entry.node) ?? info.categorySpan ?? fenceSpan;
    if (!entry.value) continue;
    const id = catalog.categoryOf(entry.value);
    info.categoryEntries.push({ id, value: entry.value, span: s });
    if (!id) {
      const allNames = allCategoryNames(catalog);
      const suggestions = closestValues(entry.value, allNames);
      findings.push({
        code: 'unknown-category',
        severity: 'error',
        message: messages.unknownCategory(locale, entry.value, suggestions, Object.keys(catalog.def.categories)),
        start: s[0],
        end: s[1],
        data: { value: entry.value, suggestions },
      });
      continue;
    }
    if (!info.categories.includes(id)) info.categories.push(id);
    const def = catalog.def.categories[id];
    if (def.ambiguousAliases?.some((a) => a === entry.value)) {
      findings.push({
        code: 'ambiguous-category',
        severity: 'information',
        message: messages.ambiguousCategory(
          locale,
          entry.value,
          locale === 'ja' ? `${def.label}（${id}）` : `${def.label_en} (${id})`,
          forms,
        ),
        start: s[0],
        end: s[1],
        data: {
          value: entry.value,
          suggestions: Object.keys(catalog.def.categories).filter((c) => c.startsWith('operation-')),
        },
      });
    }
  }
  if (
    !entries.length &&
    !findings.some((f) => f.code === 'frontmatter-invalid' && info.categorySpan && f.start === info.categorySpan[0])
  ) {
    const s = info.categorySpan ?? span(docPair.key as YamlNode) ?? fenceSpan;
    findings.push({
      code: 'missing-category',
      severity: 'error',
      message: messages.missingCategory(locale),
      start: s[0],
      end: s[1],
      data: { suggestions: Object.keys(catalog.def.categories) },
    });
  }

  if (typeof plain.organization === 'string' && plain.organization.trim())
    info.organization = plain.organization.trim();
  if (plain.parties && typeof plain.parties === 'object') {
    for (const [k, v] of Object.entries(plain.parties as Record<string, unknown>))
      if (typeof v === 'string' && v.trim()) info.parties[k] = v.trim();
  }
  if (plain.options && typeof plain.options === 'object') {
    for (const [k, v] of Object.entries(plain.options as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v))
        info.options[k] = v as string | boolean | string[];
      else if (v && typeof v === 'object') info.options[k] = JSON.stringify(v);
      const s = span(optionPairs.get(k)?.value as YamlNode);
      if (s) info.optionSpans[k] = s;
    }
  }
  return info;
}

function nodeAtPath(node: YamlNode | undefined, steps: string[]): YamlNode | undefined {
  let current: unknown = node;
  for (const step of steps) {
    if (isMap(current))
      current = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step)?.value;
    else if (isSeq(current)) current = current.items[Number(step)];
    else return undefined;
  }
  return current as YamlNode | undefined;
}

function allCategoryNames(catalog: Catalog): string[] {
  return Object.entries(catalog.def.categories).flatMap(([id, c]) => [id, ...c.aliases]);
}

function allDocumentTypeNames(catalog: Catalog): string[] {
  return Object.entries(catalog.def.documentTypes).flatMap(([id, d]) => [id, ...d.aliases]);
}

const MAX_FLOW_DEPTH = 64;

/**
 * Offset where nesting passes `limit` levels, or -1: the `[` or `{` that opens level `limit + 1`,
 * or the point on a line whose indentation and `- `/`? ` indicators are deeper than `limit` steps
 * of two. Quoted scalars and comments are skipped; a rough reading is enough to bound the
 * parser's recursion.
 */
function nestingBeyond(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === 0 || text.charCodeAt(i - 1) === 10) {
      let j = i;
      while (
        j < text.length &&
        (text.charCodeAt(j) === 0x20 ||
          ((text.charCodeAt(j) === 0x2d || text.charCodeAt(j) === 0x3f) && text.charCodeAt(j + 1) === 0x20))
      )
        j++;
      if (j - i > 2 * limit) return i + 2 * limit;
    }
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      for (i++; i < text.length && text.charCodeAt(i) !== c && text.charCodeAt(i) !== 10; i++)
        if (c === 0x22 && text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x23 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 10)) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}
