import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { DraftContext } from '../context';
import { FRONT_MATTER_KEYS } from '../frontmatter';
import { parseMarkdown } from '../markdown/parse';
import type { Locale } from '../messages';
import type { Range } from '../text/lineIndex';
import { lineBreakOf, planClauseInsertion, type Insertion } from './insertClause';
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

/** Quick fixes for one diagnostic, rebuilt from the current text (no state kept anywhere). */
export function quickFixes(analysis: Analysis, diagnostic: DiagnosticRef): CoreAction[] {
  const ctx = analysis.context;
  const { locale } = ctx;
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const start = analysis.lines.offsetAt(diagnostic.range.start);
  const end = analysis.lines.offsetAt(diagnostic.range.end);
  switch (diagnostic.code) {
    case 'missing-clause':
      return typeof data.clause === 'string' ? clauseInsertions(ctx, data.clause) : [];
    case 'unresolved-placeholder': {
      const fill = typeof data.fill === 'string' ? data.fill : undefined;
      if (!fill || start === end) return [];
      const one: CoreAction = { title: t(locale, `「${fill}」で置き換える`, `Replace with "${fill}"`), kind: 'quickfix', isPreferred: true, edits: [{ start, end, newText: fill }] };
      const all = placeholderFills(analysis);
      return all.length > 1 ? [one, { title: t(locale, `front matter の値ですべて置き換える（${all.length} 件）`, `Replace all with the front-matter values (${all.length})`), kind: 'quickfix', edits: all }] : [one];
    }
    case 'unresolved-variant': {
      const edit = start === end ? undefined : markerRemoval(ctx, start, end);
      return edit ? [{ title: t(locale, 'この文言を採用し、選択肢の見出しを削除', 'Keep this wording and remove the choice marker'), kind: 'quickfix', isPreferred: true, edits: [edit] }] : [];
    }
    case 'unknown-category':
    case 'unknown-document-type':
    case 'ambiguous-category':
    case 'unknown-key': {
      const suggestions = Array.isArray(data.suggestions) ? (data.suggestions as string[]) : typeof data.suggestion === 'string' ? [data.suggestion] : [];
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
      return edits.length ? [{ title: t(locale, '見出し番号を振り直す', 'Renumber the headings'), kind: 'quickfix', edits }] : [];
    }
    default:
      return [];
  }
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
  const name = ctx.locale === 'ja' ? clause.heading ?? clause.title : clause.heading_en ?? clause.title_en;
  return wordingChoices(ctx, clause).map(({ wording, preferred }) => {
    const label = ctx.locale === 'ja' ? wording.label : wording.label_en ?? wording.label;
    const ins = planClauseInsertion(ctx, clause, wording);
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
  const candidates: OffsetEdit[] = rest ? [{ start, end, newText: '' }] : [{ start: ls, end: after, newText: '' }, { start, end, newText: '' }];
  const index = ctx.blocks.findIndex((b) => b.start <= start && end <= b.end);
  const block = ctx.blocks[index];
  if (!block) return candidates[0];
  // The block an <!-- itaku: clause … --> comment points at must not vanish: the comment would
  // then point at whatever follows.
  const pointedAt = [...ctx.locations.values()].some((l) => l.by === 'marker' && l.block === index);
  const kinds = (source: string) => parseMarkdown(source, 0, false).blocks.map((b) => `${b.kind}${b.depth}`).join(',');
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
    if (hasKey && fm.categorySpan![0] !== fm.categorySpan![1] && start !== end) edit = { start, end, newText: `[${id}]` };
    else {
      // A new line after the document line.
      const docEnd = fm.documentSpan ? fm.documentSpan[1] : fm.span[0];
      let le = docEnd;
      while (le < ctx.text.length && ctx.text.charCodeAt(le) !== 10 && ctx.text.charCodeAt(le) !== 13) le++;
      edit = { start: le, end: le, newText: `${eol}${FRONT_MATTER_KEYS.category[0]}: [${id}]` };
    }
    return { title: t(ctx.locale, `業務分類に ${id}（${label}）を指定`, `Set the category to ${id} (${label})`), kind: 'quickfix' as const, edits: [edit] };
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
    const ins = planClauseInsertion(ctx, clause, choice.wording);
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
