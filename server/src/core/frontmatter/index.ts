// Reading a draft's front matter, in three steps: parse (YAML and structure), validate (plain
// values, options, JSON Schema) and resolve (the typed FrontMatterInfo the rules read). The
// document, category and unknown-key findings are rules (../rules) reading that info.
import type { Catalog } from '../catalog/compile';
import type { Finding } from '../findings';
import { frontMatterFences, MAX_FRONT_MATTER, type FrontMatterBlock } from '../markdown/parse';
import { messages, type Locale } from '../messages';
import { DRAFT_KEY, parseStructure } from './parse';
import { resolveInfo } from './resolve';
import { emptyInfo, type FrontMatterInfo, type Reading } from './types';
import { validValues } from './validate';

export { FRONT_MATTER_KEYS, type CategoryEntry, type FrontMatterInfo, type UnknownKey } from './types';

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
  const fences = frontMatterFences(text);
  if (!fences) return undefined;
  const rest = text.slice(fences.openEnd);
  const heading = FIRST_HEADING.exec(rest);
  const region = heading ? rest.slice(0, heading.index) : rest;
  if (!DRAFT_KEY.test(region)) return undefined;
  const fenceStart = fences.openStart;
  findings.push({
    code: 'frontmatter-yaml',
    severity: 'error',
    message: messages.frontMatterUnclosed(locale),
    start: fenceStart,
    end: fenceStart + 3,
  });
  return emptyInfo([fenceStart, fences.openEnd + region.length]);
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
  // A front matter too long to read is judged by its length and whether it is a draft's alone: no
  // need to key on megabytes.
  const value =
    block.value.length > MAX_FRONT_MATTER ? `#${block.value.length}|${DRAFT_KEY.test(block.value)}` : block.value;
  const key = `${locale}|${block.start}|${block.valueStart}|${block.end}|${value}`;
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
  block: FrontMatterBlock,
  catalog: Catalog,
  locale: Locale,
  findings: Finding[],
): FrontMatterInfo | undefined {
  const r: Reading = {
    catalog,
    locale,
    findings,
    info: emptyInfo([block.start, block.end]),
    fenceSpan: [block.start, Math.min(block.end, block.start + 3)],
  };
  const structure = parseStructure(r, block);
  if (structure === undefined) return undefined;
  if (structure === 'unreadable') return r.info;
  r.info.readable = true;
  const plain = validValues(r, structure);
  if (!plain) {
    r.info.readable = false;
    return r.info;
  }
  resolveInfo(r, structure, plain);
  return r.info;
}
