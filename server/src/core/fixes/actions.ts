import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { DraftContext } from '../context';
import type { Diagnostic } from '../findings';
import { FRONT_MATTER_KEYS } from '../frontmatter';
import { parseMarkdown } from '../markdown/parse';
import type { Locale } from '../messages';
import type { Range } from '../text/lineIndex';
import { lineBreakOf, planClauseInsertion, type Insertion } from './insertClause';
import { renderWording } from './fill';
import { renumberEdits } from './renumber';
import { wordingChoices } from './wording';

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

/** The part of a diagnostic a code action needs (what a client sends back). */
export interface DiagnosticRef {
  code?: string | number;
  range: Range;
  data?: unknown;
}

const t = (locale: Locale, ja: string, en: string) => (locale === 'ja' ? ja : en);

/** At most this many diagnostics of one code-action request are looked at (a client's list is not trusted to be small). */
export const MAX_REQUEST_DIAGNOSTICS = 256;

/** Structural equality of JSON-like data (key order ignored). */
function sameData(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 8 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.length > 64) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1),
  );
}

const samePosition = (a: unknown, b: { line: number; character: number }) =>
  typeof a === 'object' &&
  a !== null &&
  (a as { line?: unknown }).line === b.line &&
  (a as { character?: unknown }).character === b.character;

/**
 * The server's own finding in the current analysis that a client's diagnostic refers to: same
 * code, same range, and (when the client sends it back) the same data, with or without the
 * `clause` the LSP form adds. A stale, shifted or forged diagnostic matches nothing.
 */
export function currentDiagnostic(analysis: Analysis, ref: DiagnosticRef): Diagnostic | undefined {
  const range = ref.range as unknown as { start?: unknown; end?: unknown } | undefined;
  if (typeof ref.code !== 'string' || !range) return undefined;
  return analysis.result.diagnostics.find(
    (d) =>
      d.code === ref.code &&
      samePosition(range.start, d.range.start) &&
      samePosition(range.end, d.range.end) &&
      (ref.data === undefined ||
        sameData(ref.data, d.data ?? {}) ||
        sameData(ref.data, { ...(d.data ?? {}), ...(d.clause ? { clause: d.clause } : {}) })),
  );
}

/** Markup around a marker on its own line (what `markerRemoval` may take with it). */
const LINE_MARKUP = /^(?:(?![\r\n])[\s#>*_+-])*$/;
const LINE_MARKUP_AND_BREAK = /^(?:(?![\r\n])[\s#>*_+-])*(?:\r\n|\r|\n)?$/;

/** What a fix for each code may replace besides inserting: exactly the finding's own text. */
const REPLACES_FINDING = new Set([
  'unresolved-placeholder',
  'unknown-category',
  'unknown-document-type',
  'ambiguous-category',
  'unknown-key',
  'missing-category',
]);

/**
 * The last check before an edit leaves the core: it inserts, or it replaces exactly the text the
 * finding names (the placeholder or value), or, for a choice marker, removes the marker and
 * nothing but markup and the line break of its own line.
 */
export function editAllowed(
  text: string,
  finding: { code: string; start: number; end: number },
  edit: OffsetEdit,
): boolean {
  const { start, end } = edit;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) return false;
  if (start === end) return true;
  if (finding.start === finding.end) return false;
  if (REPLACES_FINDING.has(finding.code)) return start === finding.start && end === finding.end;
  if (finding.code === 'unresolved-variant') {
    if (edit.newText !== '' || start > finding.start || end < finding.end) return false;
    const before = text.slice(start, finding.start);
    const after = text.slice(finding.end, end);
    return LINE_MARKUP.test(before) && LINE_MARKUP_AND_BREAK.test(after);
  }
  return false;
}

/**
 * Quick fixes for a diagnostic a client sent back: rebuilt only from the matching finding of the
 * server's own current analysis (never from the client's range or data), and every edit checked
 * by `editAllowed`. Nothing when the diagnostic matches no current finding.
 */
export function quickFixes(analysis: Analysis, ref: DiagnosticRef): CoreAction[] {
  const d = currentDiagnostic(analysis, ref);
  if (!d) return [];
  const finding = {
    code: d.code,
    start: analysis.lines.offsetAt(d.range.start),
    end: analysis.lines.offsetAt(d.range.end),
  };
  const text = analysis.context.text;
  return fixesFor(analysis, d, finding.start, finding.end).filter(
    (a) =>
      a.edits.length > 0 &&
      a.edits.every((e) => editAllowed(text, finding, e) || editAllowedForGroup(analysis, finding.code, e)),
  );
}

/** Numerals (and the の of a branch number): all 「見出し番号を振り直す」 may replace, and with. */
const NUMERAL =
  /^[0-9０-９一二三四五六七八九十百千]+[条項号節章]?(?:の[0-9０-９一二三四五六七八九十百千]+)?[条項号節章]?$/;

/**
 * Edits of actions that fix a whole group of the server's own findings at once: 「front matter の値で
 * すべて置き換える」 replaces exactly another current placeholder finding; renumbering replaces a
 * number with a number and nothing else.
 */
function editAllowedForGroup(analysis: Analysis, code: string, edit: OffsetEdit): boolean {
  const text = analysis.context.text;
  if (
    !Number.isInteger(edit.start) ||
    !Number.isInteger(edit.end) ||
    edit.start < 0 ||
    edit.end > text.length ||
    edit.start >= edit.end
  )
    return false;
  if (code === 'unresolved-placeholder') {
    return analysis.result.diagnostics.some(
      (d) =>
        d.code === code &&
        analysis.lines.offsetAt(d.range.start) === edit.start &&
        analysis.lines.offsetAt(d.range.end) === edit.end,
    );
  }
  if (code === 'numbering') {
    // What differs, once the brackets and 第…条 around the number that both keep are set aside, is a number.
    let before = text.slice(edit.start, edit.end);
    let after = edit.newText;
    let p = 0;
    while (p < before.length && p < after.length && before[p] === after[p] && !NUMERAL.test(before[p])) p++;
    let q = 0;
    while (
      q < before.length - p &&
      q < after.length - p &&
      before[before.length - 1 - q] === after[after.length - 1 - q] &&
      !NUMERAL.test(before[before.length - 1 - q])
    )
      q++;
    before = before.slice(p, before.length - q);
    after = after.slice(p, after.length - q);
    return NUMERAL.test(before) && NUMERAL.test(after);
  }
  return false;
}

/** Quick fixes for one of the server's own findings, rebuilt from the current text (no state kept anywhere). */
function fixesFor(analysis: Analysis, diagnostic: Diagnostic, start: number, end: number): CoreAction[] {
  const ctx = analysis.context;
  const { locale } = ctx;
  const data: Record<string, unknown> = {
    ...(diagnostic.data ?? {}),
    ...(diagnostic.clause ? { clause: diagnostic.clause } : {}),
  };
  switch (diagnostic.code) {
    case 'missing-clause':
    case 'empty-clause':
      return typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : [];
    case 'unresolved-placeholder': {
      const fill = typeof data.fill === 'string' ? data.fill : undefined;
      if (!fill || start === end) return [];
      const one: CoreAction = {
        title: t(locale, `「${fill}」で置き換える`, `Replace with "${fill}"`),
        kind: 'quickfix',
        isPreferred: true,
        edits: [{ start, end, newText: fill }],
      };
      const all = placeholderFills(analysis);
      return all.length > 1
        ? [
            one,
            {
              title: t(
                locale,
                `front matter の値ですべて置き換える（${all.length} 件）`,
                `Replace all with the front-matter values (${all.length})`,
              ),
              kind: 'quickfix',
              edits: all,
            },
          ]
        : [one];
    }
    case 'unresolved-variant': {
      const edit = start === end ? undefined : markerRemoval(ctx, start, end);
      return edit
        ? [
            {
              title: t(
                locale,
                'この文言を採用し、選択肢の見出しを削除',
                'Keep this wording and remove the choice marker',
              ),
              kind: 'quickfix',
              isPreferred: true,
              edits: [edit],
            },
          ]
        : [];
    }
    case 'unknown-category':
    case 'unknown-document-type':
    case 'ambiguous-category':
    case 'unknown-key': {
      // `data` comes back from the client: take at most MAX_SUGGESTIONS short strings of it.
      const listed: unknown[] = Array.isArray(data.suggestions)
        ? data.suggestions.slice(0, MAX_SUGGESTIONS)
        : [data.suggestion];
      const suggestions = listed.filter((s): s is string => typeof s === 'string' && s.length <= MAX_SUGGESTION_LENGTH);
      const quoted = /^["']/.test(ctx.text.slice(start, end));
      return suggestions.map((s, i) => ({
        title: t(locale, `「${s}」に変更`, `Change to "${s}"`),
        kind: 'quickfix' as const,
        isPreferred: i === 0 && suggestions.length === 1,
        edits: [{ start, end, newText: quoted ? JSON.stringify(s) : s }],
      }));
    }
    case 'missing-category':
      return categoryAdditions(ctx, start, end);
    case 'numbering': {
      const edits = typeof data.group === 'string' ? renumberEdits(ctx, data.group) : [];
      return edits.length
        ? [{ title: t(locale, '見出し番号を振り直す', 'Renumber the headings'), kind: 'quickfix', edits }]
        : [];
    }
    default:
      return [];
  }
}

/** At most this many "change to" actions from a finding's `data.suggestions` (itaku sends ≤ the catalog's category count). */
export const MAX_SUGGESTIONS = 20;
const MAX_SUGGESTION_LENGTH = 200;
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
  const name = ctx.locale === 'ja' ? (clause.heading ?? clause.title) : (clause.heading_en ?? clause.title_en);
  const choices = wordingChoices(ctx, clause);
  const labelOf = (w: (typeof choices)[number]['wording']) => (ctx.locale === 'ja' ? w.label : (w.label_en ?? w.label));
  return choices.map(({ wording, preferred, categories }) => {
    let label = labelOf(wording);
    // For a mix of categories, name the category when another entry reads the same.
    if (choices.some((c) => c.wording !== wording && labelOf(c.wording) === label) && categories.length) {
      const names = categories
        .map((id) =>
          ctx.locale === 'ja' ? ctx.catalog.def.categories[id].label : ctx.catalog.def.categories[id].label_en,
        )
        .join(ctx.locale === 'ja' ? '・' : ', ');
      label = label ? `${label}／${names}` : names;
    }
    const ins = underEmptyHeading(ctx, index, wording.text) ?? planClauseInsertion(ctx, clause, wording);
    return {
      title: label
        ? t(ctx.locale, `「${name}」を挿入（${label}）`, `Insert "${name}" (${label})`)
        : t(ctx.locale, `「${name}」の雛形の文言を挿入`, `Insert the template wording for "${name}"`),
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
  const prefix = text.slice(ls, pe);
  const eol = lineBreakOf(text);
  const out: CoreAction[] = [];
  for (const [clauseIndex, req] of ctx.requirements) {
    const clause = ctx.catalog.def.clauses[clauseIndex];
    if (req.level !== 'required' || ctx.locations.has(clauseIndex) || ctx.waivers.has(clause.id)) continue;
    const title = ctx.locale === 'ja' ? clause.title : clause.title_en;
    const what =
      block.facts.kind === 'heading'
        ? t(ctx.locale, 'この見出し', 'this heading')
        : t(ctx.locale, 'この段落', 'this paragraph');
    out.push({
      title: t(ctx.locale, `${what}を『${title}』として扱う`, `Treat ${what} as "${title}"`),
      kind: 'quickfix',
      edits: [{ start: ls, end: ls, newText: `${prefix}<!-- itaku: clause ${clause.id} -->${eol}` }],
    });
  }
  return out;
}

/**
 * A clause whose heading is already there with nothing under it gets its wording under that
 * heading (a second heading for it would leave the empty one behind).
 */
function underEmptyHeading(ctx: DraftContext, clause: number, wording: string): Insertion | undefined {
  const empty = ctx.emptyHeadings.find((e) => e.clause === clause);
  if (!empty) return undefined;
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

function markerRemoval(ctx: DraftContext, start: number, end: number): OffsetEdit | undefined {
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

function categoryAdditions(ctx: DraftContext, start: number, end: number): CoreAction[] {
  const fm = ctx.frontMatter;
  const eol = lineBreakOf(ctx.text);
  const hasKey = fm.categorySpan !== undefined;
  return Object.entries(ctx.catalog.def.categories).map(([id, c]) => {
    const label = ctx.locale === 'ja' ? c.label : c.label_en;
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
      title: t(ctx.locale, `業務分類に ${id}（${label}）を指定`, `Set the category to ${id} (${label})`),
      kind: 'quickfix' as const,
      edits: [edit],
    };
  });
}

/**
 * Every missing required clause inserted with its preferred wording, as insert-only edits on
 * the original text. Clauses are inserted one at a time and the draft re-read in between, so
 * each one lands after the previous in table order and continues its numbering.
 */
export function fixAllInsertions(text: string, options: AnalyzeOptions): Insertion[] {
  let current = text;
  // Inserted pieces: where they start in `current`, and the original offset they belong to.
  const pieces: Array<{ at: number; origin: number; text: string }> = [];
  const tried = new Set<number>();
  for (let round = 0; round < 64; round++) {
    const analysis = analyze(current, options);
    if (!analysis) break;
    const ctx = analysis.context;
    let target: number | undefined;
    for (const [index, req] of ctx.requirements) {
      const id = ctx.catalog.def.clauses[index].id;
      if (req.level === 'required' && !ctx.locations.has(index) && !ctx.waivers.has(id) && !tried.has(index)) {
        target = index;
        break;
      }
    }
    if (target === undefined) break;
    tried.add(target);
    const clause = ctx.catalog.def.clauses[target];
    const choice = wordingChoices(ctx, clause).find((c) => c.preferred);
    if (!choice) continue;
    const ins = underEmptyHeading(ctx, target, choice.wording.text) ?? planClauseInsertion(ctx, clause, choice.wording);
    const inside = pieces.find((p) => p.at <= ins.offset && ins.offset <= p.at + p.text.length);
    if (inside) {
      const k = ins.offset - inside.at;
      inside.text = inside.text.slice(0, k) + ins.text + inside.text.slice(k);
    } else {
      const before = pieces.filter((p) => p.at + p.text.length <= ins.offset).reduce((n, p) => n + p.text.length, 0);
      pieces.push({ at: ins.offset, origin: ins.offset - before, text: ins.text });
    }
    for (const p of pieces) if (p !== inside && p.at > ins.offset) p.at += ins.text.length;
    current = current.slice(0, ins.offset) + ins.text + current.slice(ins.offset);
  }
  return pieces.sort((a, b) => a.at - b.at).map((p) => ({ offset: p.origin, text: p.text }));
}
