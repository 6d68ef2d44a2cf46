import type { ClauseDef, WordingDef } from '../catalog/types';
import type { DraftContext } from '../context';
import { forEachUsage, isEmptyItemLine, titleOf, type LocatedBlock } from '../model';
import { renderWording } from './fill';
import { readBlocks } from '../blocks';
import { BREAK, closerOf } from '../markdown/parse';
import { clausesInBlock, endsSection, isClauseTitle, isSectionText } from '../detect';
import { formatNumbered, freeNumber, parseNumbering } from './numbering';
import { numberedTitles, siblingNumbers, titleText } from '../numberedTitles';
import { headingText } from '../text/trim';

/** An insert-only edit: `text` goes in at `offset`; no existing character changes. */
export interface Insertion {
  offset: number;
  text: string;
  /** How many clauses the text inserts (fix-all merges the clauses inserted at one place). */
  clauses?: number;
}

/** The line break the draft uses most (CRLF drafts get CRLF insertions). */
export function lineBreakOf(text: string): string {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0 && crlf + lf < 200; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf > lf) return '\r\n';
  if (!lf && text.includes('\r')) return '\r';
  return '\n';
}

const withBreaks = (s: string, eol: string) => s.replace(/\r\n|\r|\n/g, eol);

/** The title text of a block (its heading text, or its title line). */
function blockTitle(ctx: DraftContext, b: LocatedBlock): string {
  const raw = ctx.text.slice(
    b.start,
    b.start + (b.facts.kind === 'heading' ? b.facts.length : titleOf(b.facts, ctx.text, b.start)[1]),
  );
  if (b.facts.kind === 'heading')
    return headingText(raw)
      .text.split(/\r\n|\r|\n/)[0]
      .trim();
  // A title may sit under a 【…の場合】 marker line; the title is its last line.
  return raw
    .split(/\r\n|\r|\n/)
    .pop()!
    .trim();
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function headingLine(depth: number, title: string): string {
  return `${'#'.repeat(Math.max(1, Math.min(6, depth)))} ${title}`;
}

/**
 * Title of an inserted clause in the style of a neighbour's title (numbered, bold, 【】 …).
 * After an article (第n条) the new one takes a branch number (第n条の2), as Japanese drafting
 * does, so no existing article needs renumbering.
 */
export function styledTitle(
  neighbour: string | undefined,
  before: boolean,
  title: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  if (!neighbour) return title;
  const plain = neighbour.replace(/^\*\*|\*\*$/g, '');
  const wrap = (t: string) => (neighbour.startsWith('**') ? `**${t}**` : t);
  const n = parseNumbering(plain);
  if (n) {
    // Never a number a sibling already has: n+1 when free, else a branch number (3の2, 第6条の2).
    const free = freeNumber(n, before, taken);
    return wrap(
      free
        ? formatNumbered(n, free.value, title, free.branch)
        : n.bracket
          ? `${n.bracket[0]}${title}${n.bracket[1]}`
          : title,
    );
  }
  if (plain.startsWith('【')) return wrap(`【${title}】`);
  return wrap(title);
}

const EMPTY_LINE_AT_END = new RegExp(`${BREAK}[ \t]*${BREAK}[ \t]*$`);
const BLANK_LINE_NEXT = new RegExp(`^[ \t]*${BREAK}[ \t]*(?:${BREAK}|$)`);

/**
 * Appends a block at the end of the draft, separated by a blank line. When the draft ends inside
 * a code fence or an HTML comment left open (which runs to the end anyway), it is closed first so
 * the new clause is draft text; nothing the author wrote reads differently.
 */
function atEnd(ctx: DraftContext, block: string, eol: string): Insertion {
  const text = ctx.text;
  let prefix = '';
  if (text.length && !/(\r\n|\r|\n)$/.test(text)) prefix = eol;
  const last = ctx.blocks[ctx.blocks.length - 1];
  const closer =
    last && last.facts.listDepth === 0 && !last.facts.quoted
      ? closerOf(text.slice(last.start, last.end), last.facts.kind)
      : '';
  if (closer) prefix += `${closer}${eol}`;
  if (text.length && !EMPTY_LINE_AT_END.test(text + prefix)) prefix += eol;
  return { offset: text.length, text: `${prefix}${block}${eol}` };
}

/** Index of the next heading at `depth` or shallower after block `from`; -1 when none. */
function nextHeading(blocks: readonly LocatedBlock[], from: number, depth: number): number {
  for (let i = from + 1; i < blocks.length; i++)
    if (blocks[i].facts.kind === 'heading' && blocks[i].facts.depth <= depth) return i;
  return -1;
}

/** Is the line just above `offset` (a line start) blank, or is there none? */
function blankAbove(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const previous = lineStart(
    text,
    offset - (text.charCodeAt(offset - 1) === 10 && text.charCodeAt(offset - 2) === 13 ? 2 : 1),
  );
  return /^[ \t]*(\r\n|\r|\n)?$/.test(text.slice(previous, offset));
}

/**
 * Inserts `block` as a section just before block `at` (or at the end when -1). A blank line is
 * added above it when the block before runs straight into `at` (a table row, a paragraph ended by
 * a quote or a list), so the new text cannot become part of that block.
 */
function beforeBlock(ctx: DraftContext, at: number, block: string, eol: string): Insertion {
  if (at < 0) return atEnd(ctx, block, eol);
  at = outsideTitledSection(ctx, at);
  const offset = lineStart(ctx.text, ctx.blocks[at].start);
  // A paragraph line indented as deep as code (a lazy continuation) would turn into a code block
  // once a blank line came before it; the new block goes after that paragraph instead.
  if (ctx.blocks[at].facts.kind === 'paragraph' && /^ {0,3}(\t| {4})/.test(ctx.text.slice(offset, offset + 8)))
    return afterBlock(ctx, ctx.blocks[at], block, eol);
  return atLineStart(ctx.text, offset, block, eol);
}

/** Is block `index` a title and nothing else (its text is in the blocks after it)? */
function titleOnly(ctx: DraftContext, index: number): boolean {
  const b = ctx.blocks[index];
  const [titleEnd] = titleOf(b.facts, ctx.text, b.start);
  return titleEnd > 0 && titleEnd >= b.facts.text.length;
}

/**
 * A clause title standing alone on its line (（１）再委託の禁止) heads the blocks after it, up to the
 * next heading or clause title, as detection reads its section. A block inserted before the
 * section's first text would end the section there and leave the title without its text: it goes
 * above the title instead. Returns the block to insert before.
 */
function outsideTitledSection(ctx: DraftContext, at: number): number {
  const blocks = ctx.blocks;
  const topTitle = (f: LocatedBlock['facts']) =>
    f.kind === 'paragraph' && f.listDepth === 0 && !f.quoted && isClauseTitle(f, ctx.catalog);
  if (blocks[at].facts.kind === 'heading' || topTitle(blocks[at].facts)) return at;
  for (let j = at - 1; j >= 0; j--) {
    const f = blocks[j].facts;
    if (f.kind === 'heading') return at;
    if (topTitle(f)) return titleOnly(ctx, j) ? j : at;
    // Text between the title and `at`: the section keeps it.
    if (isSectionText(f)) return at;
  }
  return at;
}

/** `block` as its own section at line start `offset`: a blank line above it unless there is one, and one below. */
function atLineStart(text: string, offset: number, block: string, eol: string): Insertion {
  return { offset, text: `${blankAbove(text, offset) ? '' : eol}${block}${eol}${eol}` };
}

/** The first non-blank line at or after `offset` starts with white space (code, or a lazy line). */
function indentedNext(text: string, offset: number): boolean {
  const m = /^(?:[ \t]*(?:\r\n|\r(?!\n)|\n))*([ \t]*)[^ \t\r\n]/.exec(text.slice(offset, offset + 400));
  return Boolean(m && m[1].length);
}

/**
 * Inserts `block` just after `b`, separated by blank lines on both sides. When indented text
 * follows (an indented code block) and the wording ends with a list, the list would take it in as
 * its own content, so the block goes before `b` instead (unless `b` is the text under a clause's
 * title line: the title would be left with nothing under it), or at the end of the draft.
 */
function afterBlock(ctx: DraftContext, b: LocatedBlock, block: string, eol: string): Insertion {
  if ((b.facts.listDepth > 0 || b.facts.quoted) && indentedNext(ctx.text, b.end)) {
    // Indented text after a block inside a list item or a quote may be more of that item (a
    // nested list, a second paragraph): wording put between them would end the item and leave that
    // text as indented code. The wording goes after the whole list or quote instead.
    const end = containerEnd(ctx, ctx.blocks.indexOf(b));
    if (end !== b) return indentedNext(ctx.text, end.end) ? atEnd(ctx, block, eol) : afterBlock(ctx, end, block, eol);
  }
  const rest = ctx.text.slice(b.end, b.end + 200);
  if (indentedNext(ctx.text, b.end) && (endsInList(ctx, block) || b.facts.listDepth > 0 || b.facts.quoted)) {
    const offset = lineStart(ctx.text, b.start);
    if (b.facts.listDepth === 0 && !b.facts.quoted && !indentedNext(ctx.text, offset) && !underTitle(ctx, b))
      return atLineStart(ctx.text, offset, block, eol);
    return atEnd(ctx, block, eol);
  }
  const tight = !BLANK_LINE_NEXT.test(rest) && /\S/.test(rest);
  return { offset: b.end, text: `${eol}${eol}${block}${tight ? eol : ''}` };
}

/** The last block of the run of list and quote blocks that block `index` is in. */
function containerEnd(ctx: DraftContext, index: number): LocatedBlock {
  let last = index;
  for (let j = index + 1; j < ctx.blocks.length; j++) {
    const f = ctx.blocks[j].facts;
    if (f.kind === 'heading' || (f.listDepth === 0 && !f.quoted)) break;
    last = j;
  }
  return ctx.blocks[last];
}

/** Does the inserted text end inside a list (which indented text after it would continue)? */
function endsInList(ctx: DraftContext, block: string): boolean {
  const blocks = readBlocks(block, ctx.catalog).blocks;
  return blocks.length > 0 && blocks[blocks.length - 1].facts.listDepth > 0;
}

/** Is `b` right below the title line (第1条（…）, **…**) a clause was found by? */
function underTitle(ctx: DraftContext, b: LocatedBlock): boolean {
  const index = ctx.blocks.indexOf(b);
  for (const loc of ctx.locations.values()) if (loc.by === 'title' && loc.block === index - 1) return true;
  return false;
}

/** The list item containing block `index`: its first block and its last block. */
function listItemBounds(blocks: readonly LocatedBlock[], index: number): [number, number] {
  let first = index;
  const depth = blocks[index].facts.listDepth;
  while (first > 0 && blocks[first].facts.itemOffset === null && blocks[first - 1].facts.listDepth >= depth) first--;
  let last = index;
  for (let j = index + 1; j < blocks.length; j++) {
    const f = blocks[j].facts;
    if (f.kind === 'heading' || f.listDepth < depth || (f.itemOffset !== null && f.listDepth <= depth)) break;
    last = j;
  }
  return [first, last];
}

/** Does the wording alone, without a title, read as the clause? */
function namesClause(ctx: DraftContext, clause: ClauseDef, body: string): boolean {
  const index = ctx.catalog.clauseIndex.get(clause.id);
  return readBlocks(body, ctx.catalog).blocks.some((b) =>
    clausesInBlock(b.facts, ctx.catalog).some((h) => h.clause === index),
  );
}

/** The ordered-list number of the item starting at block `head` (its marker `3.` or `3)`), if any. */
function itemNumber(ctx: DraftContext, head: LocatedBlock): { number: number; delimiter: string } | undefined {
  if (head.facts.itemOffset === null) return undefined;
  const at = head.start + head.facts.itemOffset;
  const m = /^(\d{1,9})([.)])[ \t]/.exec(ctx.text.slice(at, at + 12));
  return m ? { number: Number(m[1]), delimiter: m[2] } : undefined;
}

/** The items of the ordered list that item `first` belongs to, in order: their first blocks and numbers. */
function orderedItems(ctx: DraftContext, first: number): Array<{ block: number; number: number }> {
  const blocks = ctx.blocks;
  const depth = blocks[first].facts.listDepth;
  const own = itemNumber(ctx, blocks[first]);
  if (!own) return [];
  const inList = (i: number) => blocks[i].facts.kind !== 'heading' && blocks[i].facts.listDepth >= depth;
  let from = first;
  while (from > 0 && inList(from - 1)) from--;
  const out: Array<{ block: number; number: number }> = [];
  for (let i = from; i < blocks.length && inList(i); i++) {
    if (blocks[i].facts.listDepth !== depth) continue;
    const n = itemNumber(ctx, blocks[i]);
    if (n && n.delimiter === own.delimiter) out.push({ block: i, number: n.number });
  }
  return out;
}

function listItemInsertion(
  ctx: DraftContext,
  index: number,
  title: string | undefined,
  body: string,
  eol: string,
  before: boolean,
  /** The number to give an ordered item (default: the neighbour's, or the one after it). */
  forced?: number,
): Insertion {
  const [first, last] = listItemBounds(ctx.blocks, index);
  const head = ctx.blocks[first];
  const markerAt = head.start + (head.facts.itemOffset ?? 0);
  const lineAt = lineStart(ctx.text, markerAt);
  const indent = ctx.text.slice(lineAt, markerAt).replace(/[^\t ]/g, ' ');
  const m = /^([-*+]|(\d+)([.)]))([ \t]+)/.exec(ctx.text.slice(markerAt, markerAt + 12));
  let marker = '-';
  if (m?.[2] && forced === undefined) {
    // An ordered list whose next number is taken (a clause between 3. and 4.): the new item goes
    // after the list's last item, numbered after the highest, so no number repeats and no 前号
    // ends up pointing at the inserted item. Only inserting keeps the author's numbers as written.
    const wanted = Number(m[2]) + (before ? 0 : 1);
    const items = orderedItems(ctx, first);
    if (items.some((i) => i.number === wanted)) {
      const highest = Math.max(...items.map((i) => i.number));
      return listItemInsertion(ctx, items[items.length - 1].block, title, body, eol, false, highest + 1);
    }
  }
  if (m) marker = m[2] ? `${forced ?? Number(m[2]) + (before ? 0 : 1)}${m[3]}` : m[1];
  const contentIndent = indent + ' '.repeat(marker.length + 1);
  const bodyLines = body.split(/\r\n|\r|\n/);
  // Without a title, a body that is itself a list item ("- lead") becomes the item.
  const firstLine = title ?? bodyLines.shift()!.replace(/^[-*+]\s+/, '');
  const item = [
    `${indent}${marker} ${firstLine}`,
    ...bodyLines.map((l) => (l ? contentIndent + (title ? l : l.replace(/^ {2}/, '')) : l)),
  ].join(eol);
  if (before) return { offset: lineAt, text: `${item}${eol}` };
  // Only for an item at the left margin: an indented item after blocks outside its list would read
  // as indented code.
  const end = indent ? last : bodyOutsideList(ctx, index, last);
  const text = `${end > last ? eol : ''}${eol}${item}`;
  return { offset: pastEmptyItems(ctx.text, ctx.blocks[end].end, indent.length), text };
}

/**
 * An item that is only a title (`1. 秘密の保持`, a blank line, then its text) has its body after the
 * list or in the items after it: the paragraphs up to the next heading or clause title (as detection
 * reads the section). The new item goes after them, not between the title and its body. Returns
 * the last such block (`last` when there is none).
 */
function bodyOutsideList(ctx: DraftContext, index: number, last: number): number {
  const blocks = ctx.blocks;
  const f = blocks[index].facts;
  if (!titleOnly(ctx, index)) return last;
  let end = last;
  for (let j = last + 1; j < blocks.length; j++) {
    const n = blocks[j].facts;
    // Any block up to the section's end, but never past an unclosed fence or HTML block: after
    // it the wording would land inside it.
    const unclosed =
      (n.kind === 'code' || n.kind === 'html') && closerOf(ctx.text.slice(blocks[j].start, blocks[j].end), n.kind);
    if (unclosed || endsSection(f, n, ctx.catalog)) break;
    end = j;
  }
  return end;
}

/**
 * The end of the empty list items after `offset` indented deeper than `width` columns (empty nested
 * items such as `    -` make no block of their own). Inserted above them, a new item would take
 * them in: an indented `-` under its text reads as a setext underline and turns the inserted
 * wording into a heading.
 */
function pastEmptyItems(text: string, offset: number, width: number): number {
  let end = offset;
  for (;;) {
    let at = end;
    if (text.charCodeAt(at) === 13) at++;
    if (text.charCodeAt(at) === 10) at++;
    if (at === end || at >= text.length) return end;
    let column = 0;
    let i = at;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) column++;
      else if (c === 9) column += 4 - (column % 4);
      else break;
    }
    const c = text.charCodeAt(i);
    if (column <= width || i >= text.length || c === 10 || c === 13) return end;
    let lineEnd = i;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    // Only empty items: a line with text of its own is a block, already inside the item's bounds.
    if (!isEmptyItemLine(text.slice(i, lineEnd))) return end;
    end = lineEnd;
  }
}

/**
 * Where and how to insert the model wording of a missing clause: after the nearest preceding
 * clause in table order (else before the next one, else at the end of the draft's security
 * section, else at the end), as a block styled like its neighbour — heading level and numbering
 * (### (n) …, 第n条（…）, （ｎ）…), a list item, or a titled paragraph.
 */
export function planClauseInsertion(ctx: DraftContext, clause: ClauseDef, wording: WordingDef): Insertion {
  const eol = lineBreakOf(ctx.text);
  const title = clause.heading ?? clause.title;
  const body = withBreaks(renderWording(wording.text, ctx.fill).trimEnd(), eol);
  const order = ctx.documentType ? ctx.catalog.clausesFor(ctx.documentType) : ctx.catalog.def.clauses;
  const k = order.indexOf(clause);
  const locate = (c: ClauseDef) => ctx.locations.get(ctx.catalog.clauseIndex.get(c.id)!);
  let anchor = order
    .slice(0, Math.max(0, k))
    .reverse()
    .map(locate)
    .find((l) => l);
  let before = false;
  if (!anchor) {
    anchor = order
      .slice(k + 1)
      .map(locate)
      .find((l) => l);
    before = Boolean(anchor);
  }
  const blocks = ctx.blocks;

  if (anchor) {
    const b = blocks[anchor.block];
    const neighbour = blockTitle(ctx, b);
    const taken = siblingNumbers(ctx.text, blocks, anchor.block);
    if (anchor.by === 'heading') {
      const line = headingLine(b.facts.depth, styledTitle(neighbour, before, title, taken));
      const section = `${line}${eol}${eol}${body}`;
      return before
        ? beforeBlock(ctx, anchor.block, section, eol)
        : beforeBlock(ctx, nextHeading(blocks, anchor.block, b.facts.depth), section, eol);
    }
    const plainBody = anchor.by !== 'title' && namesClause(ctx, clause, body);
    // A list item takes the new clause as a sibling item, when its marker is known and no block
    // quote lies between (a quoted item would need its > prefixes); otherwise a paragraph follows.
    if (
      b.facts.listDepth > 0 &&
      !b.facts.quoted &&
      blocks[listItemBounds(blocks, anchor.block)[0]].facts.itemOffset !== null
    ) {
      if (plainBody) return listItemInsertion(ctx, anchor.block, undefined, body, eol, before);
      const itemTitle = anchor.by === 'title' ? styledTitle(neighbour, before, title, taken) : title;
      return listItemInsertion(ctx, anchor.block, itemTitle, body, eol, before);
    }
    if (anchor.by === 'title') return titleInsertion(ctx, anchor.block, neighbour, title, body, taken, before, eol);
    const paragraph = plainBody ? body : `**${title}**${eol}${eol}${body}`;
    if (before) return beforeBlock(ctx, anchor.block, paragraph, eol);
    return afterBlock(ctx, b, paragraph, eol);
  }

  return sectionEndInsertion(ctx, title, body, eol);
}

/** After (or before) a clause written as a title line (第6条（…）, **…**): an article in its style, numbered on. */
function titleInsertion(
  ctx: DraftContext,
  at: number,
  neighbour: string,
  title: string,
  body: string,
  taken: ReturnType<typeof siblingNumbers>,
  before: boolean,
  eol: string,
): Insertion {
  const blocks = ctx.blocks;
  if (before) {
    // Before the first clause: continue the article just above it (第1条（目的） → 第1条の2), if any.
    const style = parseNumbering(neighbour.replace(/^\*\*/, ''));
    let previous: string | undefined;
    let previousBlock = -1;
    for (let i = at - 1; i >= 0 && !previous; i--) {
      const f = blocks[i].facts;
      if (f.kind === 'heading') break;
      if (titleOf(f, ctx.text, blocks[i].start)[0] > 0 && f.listDepth === 0) {
        const t = blockTitle(ctx, blocks[i]);
        const n = parseNumbering(t.replace(/^\*\*/, ''));
        if (style && n && n.before === style.before && n.kind === style.kind) {
          previous = t;
          previousBlock = i;
        }
      }
    }
    const numbered = previous
      ? styledTitle(previous, false, title, siblingNumbers(ctx.text, blocks, previousBlock))
      : styledTitle(neighbour, true, title, taken);
    return beforeBlock(ctx, at, `${numbered}${eol}${body}`, eol);
  }
  const article = `${styledTitle(neighbour, before, title, taken)}${eol}${body}`;
  // The article runs until the next title in the same style, or the next heading.
  const style = parseNumbering(neighbour.replace(/^\*\*/, ''));
  let next = -1;
  for (let i = at + 1; i < blocks.length; i++) {
    const f = blocks[i].facts;
    if (f.kind === 'heading') {
      next = i;
      break;
    }
    if (titleOf(f, ctx.text, blocks[i].start)[0] > 0 && f.listDepth === 0) {
      const n = parseNumbering(blockTitle(ctx, blocks[i]).replace(/^\*\*/, ''));
      // Unnumbered titles end where the next clause title is (a （略） under the title is its body).
      if (style ? n && n.before === style.before && n.kind === style.kind : isClauseTitle(f, ctx.catalog)) {
        next = i;
        break;
      }
    }
  }
  return beforeBlock(ctx, next, article, eol);
}

/** No clause found at all: the end of the security section, in the style of its sub-headings. */
function sectionEndInsertion(ctx: DraftContext, title: string, body: string, eol: string): Insertion {
  const blocks = ctx.blocks;
  const isUmbrella = (facts: LocatedBlock['facts']) =>
    forEachUsage(facts, ctx.catalog, (u) => (u.kind === 'umbrella' ? 'stop' : undefined));
  const umbrella = blocks.findIndex((b) => b.facts.kind === 'heading' && isUmbrella(b.facts));
  if (umbrella >= 0) {
    const depth = blocks[umbrella].facts.depth;
    const end = nextHeading(blocks, umbrella, depth);
    let lastChild = -1;
    for (let i = umbrella + 1; i < (end < 0 ? blocks.length : end); i++)
      if (blocks[i].facts.kind === 'heading' && blocks[i].facts.depth === depth + 1) lastChild = i;
    const neighbour = lastChild >= 0 ? blockTitle(ctx, blocks[lastChild]) : undefined;
    const line = headingLine(
      depth + 1,
      styledTitle(neighbour, false, title, lastChild >= 0 ? siblingNumbers(ctx.text, blocks, lastChild) : undefined),
    );
    return beforeBlock(ctx, end, `${line}${eol}${eol}${body}`, eol);
  }
  const depths = blocks.filter((b) => b.facts.kind === 'heading' && b.facts.depth >= 2).map((b) => b.facts.depth);
  return atEnd(ctx, `${headingLine(depths.length ? Math.min(...depths) : 2, title)}${eol}${eol}${body}`, eol);
}

/**
 * The title line a clause typed in at `offset` (completion) starts with, numbered as the fixes
 * number an insertion after its neighbour: after `### (3) …` a `### (4) …` when (4) is free,
 * else `### (3の2) …`; after an article `第6条の2（…）`, as a title line of its own. Without a
 * numbered title before it, a heading one level below the section it is in (unnumbered).
 */
export function completionTitle(
  ctx: DraftContext,
  offset: number,
  title: string,
): { line: string; kind: 'heading' | 'title' } {
  const blocks = ctx.blocks;
  let lastHeading = -1;
  for (let i = 0; i < blocks.length && blocks[i].start < offset; i++)
    if (blocks[i].facts.kind === 'heading') lastHeading = i;
  const numbered = numberedTitles(ctx.text, blocks).filter(
    (t) => blocks[t.block].start < offset && t.block >= lastHeading,
  );
  const neighbour = numbered[numbered.length - 1];
  if (neighbour) {
    const taken = siblingNumbers(ctx.text, blocks, neighbour.block);
    const styled = styledTitle(titleText(ctx.text, blocks[neighbour.block]).title, false, title, taken);
    const b = blocks[neighbour.block];
    return b.facts.kind === 'heading'
      ? { line: headingLine(b.facts.depth, styled), kind: 'heading' }
      : { line: styled, kind: 'title' };
  }
  if (lastHeading < 0) return { line: headingLine(2, title), kind: 'heading' };
  const previous = blocks[lastHeading];
  const isClause = [...ctx.locations.values()].some((l) => l.by === 'heading' && l.block === lastHeading);
  return { line: headingLine(Math.min(6, previous.facts.depth + (isClause ? 0 : 1)), title), kind: 'heading' };
}
