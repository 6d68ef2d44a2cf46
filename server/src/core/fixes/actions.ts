import type { Analysis } from '../analyze';
import type { Catalog } from '../catalog/compile';
import type { ClauseDef, WordingDef } from '../catalog/types';
import type { DraftContext } from '../context';
import { FRONT_MATTER_KEYS } from '../frontmatter';
import { parseMarkdown } from '../markdown/parse';
import { forEachPhrase, type BlockFacts } from '../model';
import { joinCategories } from '../features/coverageText';
import { localized, type Locale } from '../messages';
import { lineBreakOf, planClauseInsertion, type Insertion } from './insertClause';
import { renderWording } from './fill';
import { fixText } from './messages';
import { wordingChoices, wordingLabel } from './wording';

/** A replacement of `[start, end)` (an insertion when they are equal). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface CoreAction {
  title: string;
  kind: 'quickfix';
  isPreferred?: boolean;
  edits: OffsetEdit[];
}

export const t = (locale: Locale, ja: string, en: string) => (locale === 'ja' ? ja : en);

/** At most this many "change to" actions from a finding's `data.suggestions` (itaku sends ≤ the catalog's category count). */
export const MAX_SUGGESTIONS = 20;
const MAX_SUGGESTION_LENGTH = 200;

/** 「…に変更」: one action per suggested value, replacing exactly the finding's text (quoted if it was). */
export function suggestionChanges(
  ctx: DraftContext,
  data: { suggestions?: unknown; suggestion?: unknown },
  start: number,
  end: number,
): CoreAction[] {
  // Take at most MAX_SUGGESTIONS short strings of the payload.
  const listed: unknown[] = Array.isArray(data.suggestions)
    ? data.suggestions.slice(0, MAX_SUGGESTIONS)
    : [data.suggestion];
  const suggestions = listed.filter((s): s is string => typeof s === 'string' && s.length <= MAX_SUGGESTION_LENGTH);
  const quoted = /^["']/.test(ctx.text.slice(start, end));
  return suggestions.map((s, i) => ({
    title: fixText(ctx.locale, 'changeTo', { value: s }),
    kind: 'quickfix' as const,
    isPreferred: i === 0 && suggestions.length === 1,
    edits: [{ start, end, newText: quoted ? JSON.stringify(s) : s }],
  }));
}
/** Every placeholder the front matter can fill, each replaced by exactly its value (「front matter の値ですべて置き換える」, and fix-all). */
export function placeholderFills(analysis: Analysis): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const d of analysis.result.diagnostics) {
    const fill = d.code === 'unresolved-placeholder' ? (d.data as { fill?: unknown } | undefined)?.fill : undefined;
    if (typeof fill !== 'string' || !fill) continue;
    const start = analysis.lines.offsetAt(d.range.start);
    const end = analysis.lines.offsetAt(d.range.end);
    if (start < end) out.push({ start, end, newText: fill });
  }
  return out;
}

/** One action per wording variant of a missing clause; the one the options imply is preferred. */
export function clauseInsertions(ctx: DraftContext, clauseId: string): CoreAction[] {
  const index = ctx.catalog.clauseIndex.get(clauseId);
  if (index === undefined) return [];
  const clause = ctx.catalog.def.clauses[index];
  // Named by its title, as the missing-clause finding and hover name it (the heading it goes in under may be shorter).
  const name = localized(ctx.locale, clause, 'title');
  const choices = wordingChoices(ctx, clause);
  const labelOf = (w: WordingDef) => wordingLabel(ctx.locale, w);
  return choices.map(({ wording, preferred, categories }) => {
    let label = labelOf(wording);
    // For a mix of categories, name the category when another entry reads the same.
    if (choices.some((c) => c.wording !== wording && labelOf(c.wording) === label) && categories.length) {
      const names = joinCategories(
        categories.map((id) => localized(ctx.locale, ctx.catalog.def.categories[id], 'label')),
        ctx.locale,
      );
      label = label ? `${label}／${names}` : names;
    }
    const ins = insertionFor(ctx, index, clause, wording);
    return {
      title: label
        ? fixText(ctx.locale, 'insertClauseVariant', { name, label })
        : fixText(ctx.locale, 'insertClause', { name }),
      kind: 'quickfix' as const,
      isPreferred: preferred,
      edits: [{ start: ins.offset, end: ins.offset, newText: ins.text }],
    };
  });
}

/**
 * 「この段落を『…』として扱う」: for a paragraph or heading the checker did not read as a clause
 * that is still missing, one action per such clause, inserting the existing
 * `<!-- itaku: clause <id> -->` marker on its own line above it (the reviewer's correction).
 * The clauses the paragraph's words come nearest first (`nearness`), ties in catalog order.
 */
export function markParagraphActions(ctx: DraftContext, offset: number): CoreAction[] {
  if (!ctx.documentType) return [];
  const index = ctx.blocks.findIndex((b) => b.start <= offset && offset <= b.end);
  const block = ctx.blocks[index];
  if (!block || (block.facts.kind !== 'paragraph' && block.facts.kind !== 'heading')) return [];
  if (index > 0 && ctx.blocks[index - 1].facts.directive) return []; // already marked (or waived)
  const text = ctx.text;
  let ls = block.start;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13) ls--;
  // The comment keeps the line's container prefix (indentation, `>`), so it stays where the paragraph is.
  let pe = ls;
  while (pe < block.start && /[ \t>]/.test(text[pe])) pe++;
  let prefix = text.slice(ls, pe);
  // A later item of a list: a comment at the marker's column would end the list (the items after
  // it would start another). Indented to the item's text, it stays in the item above, and still
  // marks the paragraph after it.
  const item = block.facts.itemOffset;
  const previous = ctx.blocks[index - 1];
  if (item !== null && previous && previous.facts.listDepth >= block.facts.listDepth && block.facts.listDepth > 0)
    prefix = text.slice(ls, block.start + item).replace(/[^ \t>]/g, ' ') + ' '.repeat(-item);
  const eol = lineBreakOf(text);
  const candidates: number[] = [];
  for (const [clauseIndex, req] of ctx.requirements) {
    const clause = ctx.catalog.def.clauses[clauseIndex];
    if (req.level === 'required' && !ctx.locations.has(clauseIndex) && !ctx.waivers.has(clause.id))
      candidates.push(clauseIndex);
  }
  const { group, shared } = nearness(block.facts, ctx.catalog);
  const score = (map: Map<number, number>, c: number) => map.get(c) ?? 0;
  candidates.sort(
    (a, b) =>
      score(group, b) - score(group, a) ||
      (Math.abs(score(shared, b) - score(shared, a)) > 1e-9 ? score(shared, b) - score(shared, a) : 0) ||
      a - b,
  );
  const out: CoreAction[] = [];
  for (const clauseIndex of candidates) {
    const clause = ctx.catalog.def.clauses[clauseIndex];
    const title = localized(ctx.locale, clause, 'title');
    const what = fixText(ctx.locale, block.facts.kind === 'heading' ? 'thisHeading' : 'thisParagraph');
    out.push({
      title: fixText(ctx.locale, 'treatAs', { what, title }),
      kind: 'quickfix',
      edits: [{ start: ls, end: ls, newText: `${prefix}<!-- itaku: clause ${clause.id} -->${eol}` }],
    });
  }
  return out;
}

/**
 * How near a block's words come to each clause's recognition vocabulary, by clause index, from
 * one pass over the block's own phrase hits (normalised text, as detection reads it):
 * - `group`: the largest share of one of the clause's phrase groups (body, heading and title
 *   groups) whose terms the block holds, as a fraction (1 when all occur, though not in one sentence);
 * - `shared`: the clause's phrases the block holds (group terms, headings, titles, `support`
 *   words), each distinct phrase counting 1 / the number of clauses that use it (報告 is every
 *   other clause's word and tells less than 再発防止).
 */
function nearness(facts: BlockFacts, catalog: Catalog): { group: Map<number, number>; shared: Map<number, number> } {
  const t = catalog.detection;
  const terms = new Map<number, number>(); // group → bits of its terms held
  const shared = new Map<number, number>();
  forEachPhrase(facts, (phrase) => {
    const clauses = t.supportClauses[phrase];
    for (const c of clauses) shared.set(c, (shared.get(c) ?? 0) + 1 / clauses.length);
    for (const refs of [t.bodyRefs[phrase], t.headingRefs[phrase]])
      for (let r = 0; r < refs.length; r += 2) terms.set(refs[r], (terms.get(refs[r]) ?? 0) | refs[r + 1]);
  });
  const group = new Map<number, number>();
  for (const [g, held] of terms) {
    const c = t.groupClause[g];
    const share = bitCount(held) / bitCount(t.groupFull[g]);
    if (share > (group.get(c) ?? 0)) group.set(c, share);
  }
  return { group, shared };
}

/** The number of bits set in a 32-bit integer. */
function bitCount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Where and what to insert for one wording of a clause: under its empty heading, or as a new block. */
export function insertionFor(ctx: DraftContext, index: number, clause: ClauseDef, wording: WordingDef): Insertion {
  return underEmptyHeading(ctx, index, wording.text) ?? planClauseInsertion(ctx, clause, wording);
}

/**
 * A clause whose heading is already there with nothing under it gets its wording under that
 * heading (a second heading for it would leave the empty one behind).
 */
function underEmptyHeading(ctx: DraftContext, clause: number, wording: string): Insertion | undefined {
  const empty = ctx.emptyHeadings.find((e) => e.clause === clause);
  if (!empty) return undefined;
  // Wording that is only a blank of the template ({{omitted}}: （略）, or a drafting instruction)
  // says nothing about the clause's subject: under a heading that only mentions it (SLA) the clause
  // would stay missing. It goes in with the clause's own title instead (planClauseInsertion).
  if (/^\{\{[^{}]*\}\}$/.test(wording.trim())) return undefined;
  const text = ctx.text;
  const eol = lineBreakOf(text);
  const body = renderWording(wording, ctx.fill).trimEnd();
  // After the heading's line; a blank line before the wording, and one after unless one follows.
  let at = empty.end;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  let next = at;
  if (text.charCodeAt(next) === 13) next++;
  if (text.charCodeAt(next) === 10) next++;
  let ls = next;
  while (ls < text.length && (text.charCodeAt(ls) === 32 || text.charCodeAt(ls) === 9)) ls++;
  const blankFollows = ls >= text.length || text.charCodeAt(ls) === 10 || text.charCodeAt(ls) === 13;
  // Indented text below (an indented code block) would become part of a list the wording ends
  // with, and a heading inside a list or quote needs their prefixes: the usual placement then.
  let first = next;
  while (first < text.length) {
    let e = first;
    while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
    if (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) {
      if (e > first) return undefined;
      break;
    }
    first = e + 1;
  }
  const block = ctx.blocks[empty.block];
  if (block && (block.facts.listDepth > 0 || block.facts.quoted)) return undefined;
  return { offset: at, text: `${eol}${eol}${body}${blankFollows ? '' : eol}` };
}

/**
 * Deletes a 【…の場合】 marker: its whole line when the line holds nothing else, else just the
 * marker. Offered only when the rest of its block still reads as the same kind of block (taking
 * the first line away can turn an indented continuation into code, or a setext heading apart).
 */
/** What may surround a marker on its line (or remain of an emptied block) without being text. */
const MARKUP = /[\s#>*_\-+]/g;

export function markerRemoval(ctx: DraftContext, start: number, end: number): OffsetEdit | undefined {
  const text = ctx.text;
  let ls = start;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13) ls--;
  let le = end;
  while (le < text.length && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
  const rest = (text.slice(ls, start) + text.slice(end, le)).replace(MARKUP, '');
  let after = le;
  if (text.charCodeAt(after) === 13) after++;
  if (text.charCodeAt(after) === 10) after++;
  const candidates: OffsetEdit[] = rest
    ? [{ start, end, newText: '' }]
    : [
        { start: ls, end: after, newText: '' },
        { start, end, newText: '' },
      ];
  const index = ctx.blocks.findIndex((b) => b.start <= start && end <= b.end);
  const block = ctx.blocks[index];
  if (!block) return candidates[0];
  // The block an <!-- itaku: clause … --> comment points at must not vanish: the comment would
  // then point at whatever follows.
  const pointedAt = [...ctx.locations.values()].some((l) => l.by === 'marker' && l.block === index);
  const kinds = (source: string) =>
    parseMarkdown(source, 0, false)
      .blocks.map((b) => `${b.kind}${b.depth}`)
      .join(',');
  const original = kinds(text.slice(block.start, block.end));
  for (const edit of candidates) {
    const from = Math.min(edit.start, block.start);
    const to = Math.max(edit.end, block.end);
    const edited = text.slice(from, edit.start) + text.slice(edit.end, to);
    const remaining = kinds(edited);
    const emptied = !edited.replace(MARKUP, '');
    if ((emptied && !pointedAt) || (!emptied && remaining === original)) return edit;
  }
  return undefined;
}

export function categoryAdditions(ctx: DraftContext, start: number, end: number): CoreAction[] {
  const fm = ctx.frontMatter;
  const eol = lineBreakOf(ctx.text);
  const hasKey = fm.categorySpan !== undefined;
  return Object.entries(ctx.catalog.def.categories).map(([id, c]) => {
    const label = localized(ctx.locale, c, 'label');
    let edit: OffsetEdit;
    if (hasKey && fm.categorySpan![0] !== fm.categorySpan![1] && start !== end)
      edit = { start, end, newText: `[${id}]` };
    else {
      // A new line after the document line.
      const docEnd = fm.documentSpan ? fm.documentSpan[1] : fm.span[0];
      let le = docEnd;
      while (le < ctx.text.length && ctx.text.charCodeAt(le) !== 10 && ctx.text.charCodeAt(le) !== 13) le++;
      edit = { start: le, end: le, newText: `${eol}${FRONT_MATTER_KEYS.category[0]}: [${id}]` };
    }
    return {
      title: fixText(ctx.locale, 'setCategory', { id, label }),
      kind: 'quickfix' as const,
      edits: [edit],
    };
  });
}
