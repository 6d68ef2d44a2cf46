// Step 1 of reading the front matter: the YAML and its structure (nesting bound, syntax errors,
// repeated and duplicate keys, unknown top-level keys). Nothing here knows what a value means.
import { isMap, isPair, isScalar, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { MAX_FRONT_MATTER, type FrontMatterBlock } from '../markdown/parse';
import { messages } from '../messages';
import { closestValues } from '../suggest';
import { yamlCauses } from '../yamlCauses';
import { FRONT_MATTER_KEYS, type Reading, type Span } from './types';

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

/** A draft names its document type in its first lines (what tells a draft from other Markdown). */
export const DRAFT_KEY = /(^|[\r\n])[ \t]*(?:-[ \t]*)?["']?(document|文書種別)["']?[ \t]*[:：]/;

const MAX_FLOW_DEPTH = 64;

/** The parsed YAML of a draft's front matter: its document and the pairs of the keys itaku reads. */
export interface Structure {
  doc: Document;
  /** Canonical key → its pair (the first spelling given). */
  pairs: Map<string, Pair>;
  /** Option name → its pair. */
  optionPairs: Map<string, Pair>;
  /** Absolute span of a YAML node. */
  span(node: unknown): Span | undefined;
}

/**
 * The structure of the front matter, or 'unreadable' (the YAML is broken: findings say why), or
 * undefined when the block is not a draft's (no `document` / `文書種別`).
 */
export function parseStructure(r: Reading, block: FrontMatterBlock): Structure | 'unreadable' | undefined {
  const base = block.valueStart;
  // The yaml parser recurses once per level of nesting: refuse absurd nesting up front, in one
  // deterministic finding, instead of letting the call stack decide.
  const tooDeep = nestingBeyond(block.value, MAX_FLOW_DEPTH);
  if (tooDeep >= 0) {
    if (!DRAFT_KEY.test(block.value)) return undefined;
    r.findings.push({
      code: 'frontmatter-yaml',
      severity: 'error',
      message: messages.frontMatterTooDeep(r.locale, MAX_FLOW_DEPTH),
      start: base + tooDeep,
      end: base + tooDeep + 1,
    });
    return 'unreadable';
  }
  // Nor a front matter of megabytes (the scan for nesting above is linear).
  if (block.value.length > MAX_FRONT_MATTER) {
    if (!DRAFT_KEY.test(block.value)) return undefined;
    r.findings.push({
      code: 'frontmatter-yaml',
      severity: 'error',
      message: messages.frontMatterTooLong(r.locale, block.value.length, MAX_FRONT_MATTER),
      start: r.fenceSpan[0],
      end: r.fenceSpan[1],
    });
    return 'unreadable';
  }
  // yaml does not read a lone CR as a line break; LF has the same length, so offsets hold.
  // Repeated keys are found below, in linear time (yaml's own check is quadratic in the keys).
  const doc = parseDocument(block.value.replace(/\r(?!\n)/g, '\n'), {
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
  });
  const span = (node: unknown): Span | undefined => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? [base + range[0], base + Math.max(range[0], range[1])] : undefined;
  };
  if (doc.errors.length || !isMap(doc.contents)) {
    if (!DRAFT_KEY.test(block.value)) return undefined;
    reportBrokenYaml(r, block, doc, span);
    return 'unreadable';
  }
  const pairs = topLevelPairs(r, doc, span);
  if (!pairs.has('document')) return undefined;
  dropRepeatedInnerKeys(r, pairs, span);
  const optionPairs = new Map<string, Pair>();
  const optionsNode = pairs.get('options')?.value;
  if (isMap(optionsNode)) {
    for (const item of optionsNode.items)
      if (isPair(item) && isScalar(item.key)) optionPairs.set(String(item.key.value), item as Pair);
  }
  return { doc, pairs, optionPairs, span };
}

/** Syntax errors, said in words the author can act on where a usual slip is the cause. */
function reportBrokenYaml(r: Reading, block: FrontMatterBlock, doc: Document, span: Structure['span']): void {
  const base = block.valueStart;
  const fatal = doc.errors;
  const causes = fatal.length ? yamlCauses(block.value) : [];
  if (causes.length) {
    // The usual slips, on their own line.
    for (const c of causes.slice(0, 5))
      r.findings.push({
        code: 'frontmatter-yaml',
        severity: 'error',
        message: messages.frontMatterYamlCause(r.locale, c.cause, c.char),
        start: base + c.start,
        end: base + c.end,
      });
  } else if (fatal.length) {
    for (const e of fatal.slice(0, 5)) {
      const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      const start = base + Math.min(e.pos[0], block.value.length);
      r.findings.push({
        code: 'frontmatter-yaml',
        severity: 'error',
        message: messages.frontMatterYaml(r.locale, detail),
        start,
        end: Math.max(start, base + Math.min(e.pos[1], block.value.length)),
      });
    }
  } else {
    const s = span(doc.contents) ?? r.fenceSpan;
    r.findings.push({
      code: 'frontmatter-invalid',
      severity: 'error',
      message: messages.frontMatterNotMapping(r.locale),
      start: s[0],
      end: s[1],
    });
  }
}

/** The pairs of the keys itaku reads; a repeated key, two spellings of one key and unknown keys are noted. */
function topLevelPairs(r: Reading, doc: Document, span: Structure['span']): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  const seen = new Set<string>();
  if (!isMap(doc.contents)) return pairs;
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const name = String(item.key.value);
    const key = ALIAS_TO_KEY.get(name);
    const keySpan = span(item.key) ?? r.fenceSpan;
    if (seen.has(name)) {
      r.findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.repeatedKey(r.locale, name),
        start: keySpan[0],
        end: keySpan[1],
      });
      continue;
    }
    seen.add(name);
    if (!key) {
      if (FOREIGN_KEYS.has(name)) continue;
      const suggestion = closestValues(name, [...ALIAS_TO_KEY.keys()], 1)[0];
      r.info.unknownKeys.push({ name, span: keySpan, option: false, suggestion });
      continue;
    }
    const earlier = pairs.get(key);
    if (earlier) {
      r.findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.duplicateKey(r.locale, String((earlier.key as { value: unknown }).value), name),
        start: keySpan[0],
        end: keySpan[1],
      });
      continue;
    }
    pairs.set(key, item as Pair);
  }
  return pairs;
}

/** In the maps itaku reads, a repeated key: the first one counts; say so where the second one is. */
function dropRepeatedInnerKeys(r: Reading, pairs: Map<string, Pair>, span: Structure['span']): void {
  for (const parent of ['options', 'parties']) {
    const map = pairs.get(parent)?.value;
    if (!isMap(map)) continue;
    const names = new Set<string>();
    map.items = map.items.filter((item) => {
      if (!isPair(item) || !isScalar(item.key)) return true;
      const name = String(item.key.value);
      if (!names.has(name)) return names.add(name);
      const s = span(item.key) ?? r.fenceSpan;
      r.findings.push({
        code: 'frontmatter-invalid',
        severity: 'error',
        message: messages.repeatedKey(r.locale, `${parent}.${name}`),
        start: s[0],
        end: s[1],
      });
      return false;
    });
  }
}

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
