import type { Catalog, PhraseUsage } from './catalog/compile';
import type { Block, BlockKind } from './markdown/parse';
import { clusterEnd, normalizeRange, offsetAt, type NormalizedText, type Offsets } from './text/normalize';
import type { PhraseHits } from './text/phraseMatcher';

/**
 * What the analysis needs to know about one block of draft text. Everything is relative to the
 * block's own start, so facts for an unchanged block can be reused after edits elsewhere.
 */
export interface BlockFacts extends NormalizedText {
  kind: BlockKind;
  depth: number;
  listDepth: number;
  /** Offset of the list item marker relative to the block start (≤ 0), or null. */
  itemOffset: number | null;
  quoted: boolean;
  /** Source length of the block. */
  length: number;
  /** The block's normalised text (see NormalizedText; on the facts, not an object of its own: issue 12). */
  text: string;
  offsets: Offsets;
  /** Phrase hits as triples (phrase, start, end) over `text`. */
  hits: PhraseHits;
  /**
   * Normalised index where the block's title ends (whole heading, or a title line); 0 when none.
   * Computed eagerly only for blocks with phrase hits (detection needs it); -1 until asked for
   * otherwise — use `titleOf`.
   */
  titleEnd: number;
  /** Source offset (relative) where the title ends (-1: not computed yet). */
  titleSourceEnd: number;
  /** Sorted normalised indices where a new sentence starts (after 。, |, !, ?, and after the title). */
  sentenceStarts: Numbers;
  /** For HTML blocks: the comment's text when it is an itaku directive. */
  directive?: string;
  /** Every line reads like a table-of-contents entry (a title, then a page number): it states nothing. */
  toc: boolean;
  /**
   * Per-block results computed on first use and kept with the facts (which are reused across
   * versions of a draft). Declared here so every facts object has one shape; made on the first
   * result kept (most blocks keep none: an empty object per block cost 56 bytes, issue 12).
   */
  memo: Record<string, unknown> | undefined;
  /** The clauses detection found in the block (detect.ts), once asked; undefined until then. */
  detected: unknown;
}

export interface LocatedBlock {
  start: number;
  end: number;
  facts: BlockFacts;
}

const NUMBERING =
  /^(第\s*[0-9０-９一二三四五六七八九十百]+\s*[条章節項款]?|[0-9０-９]+([.．][0-9０-９]+)*[.．、)）]?|[（(][0-9０-９一二三四五六七八九十]+[）)]|[（(][ア-ンa-zａ-ｚ][）)]|[ア-ン][.．、\s）)]|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[.．\s]|[Ⅰ-Ⅹ])/;
const BRACKETED = /^(\*\*|__|【|［|\[|〔|■|□|◆|◇|●|○|・)/;
// Case-insensitive: <!-- ITAKU: … --> is the same comment, not silently ignored.
const DIRECTIVE_HEAD = /^itaku(?:-disable)?\b/i;

/** The text of an `<!-- itaku… -->` comment (trimmed), else undefined. No regex over the whole comment: it can be megabytes. */
export function directiveOf(html: string): string | undefined {
  const t = html.trim();
  if (t.length < 7 || !t.startsWith('<!--') || !t.endsWith('-->')) return undefined;
  const inner = t.slice(4, -3).trim();
  return DIRECTIVE_HEAD.test(inner) ? inner : undefined;
}

const BRACKET_TITLE =
  /^\s*(?:(第\s*[0-9０-９一二三四五六七八九十百]+\s*条(?:の[0-9０-９一二三四五六七八九十]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)*[.．]?|[（(][0-9０-９]+[）)]|[①-⑳]|[ア-ン][.．]?)\s*)?(\*\*|__|[（(【［[])/;
const CLOSING: Record<string, string> = {
  '（': '）',
  '(': ')',
  '【': '】',
  '［': '］',
  '[': ']',
  '**': '**',
  __: '__',
};

/**
 * The title at the start of a non-heading block, as `[normalised length, source length]`
 * (`[0, 0]` when none): a bracketed title (第6条（秘密の保持）乙は…), or a first line that reads
 * like a title (**秘密保持**, 5 機密保持, 秘密の保持 followed by the text on the next line).
 */
/** Longest text between 【 and 】 that is read as a 【…の場合】 choice marker. */
const MARKER_MAX = 120;

/** Is the line only a 【…の場合】 choice marker (bold or not)? A label above the clause, not its title. */
function isMarkerLine(line: string): boolean {
  const t = line.trim().replace(/^(\*\*|__)|(\*\*|__)$/g, '');
  const inner = t.slice(1, -1);
  return t.startsWith('【') && t.endsWith('場合】') && inner.length <= MARKER_MAX && !/[【】]/.test(inner);
}

/** A character that makes a line more than punctuation (letters, digits, kana, kanji). */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** An empty list item's marker alone on its line (`-`, `*`, `+`, `1.`, `2)`). */
const EMPTY_ITEM = /^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]*$/;

/** Is the line an empty list item, its marker alone (`-`, `  1.`)? */
export function isEmptyItemLine(line: string): boolean {
  return EMPTY_ITEM.test(line);
}

/** Is the line without a word of its own (punctuation, or an empty list item's marker)? */
function isBareLine(line: string): boolean {
  return !WORD_CHARACTER.test(line) || EMPTY_ITEM.test(line);
}

/**
 * A link reference definition's first line (`[label]: destination`). Inside a paragraph it is text;
 * at a paragraph's start the parser takes it out of the paragraph.
 */
const DEFINITION_LINE = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/;

function titleLength(source: string, start: number, end: number, norm: NormalizedText): [number, number] {
  // A choice marker on the first line: the title, if any, is the next line (so removing the
  // marker does not change what the block is about).
  // So is a first line with no word in it, or only an empty list marker (a stray `-` or `1.` a
  // paragraph swallowed): whether the parser reads such a line into the paragraph or as a block of
  // its own depends on what is above it, and the title must not.
  // Below such a line, so is a link reference definition's line: once the marker is removed, the
  // parser takes it out of the paragraph.
  let from = start;
  let lineEnd: number;
  for (;;) {
    lineEnd = from;
    while (lineEnd < end && source.charCodeAt(lineEnd) !== 10 && source.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = source.slice(from, lineEnd);
    const skipped =
      lineEnd < end && (from === start ? isMarkerLine(line) || isBareLine(line) : DEFINITION_LINE.test(line));
    if (!skipped) break;
    let next = lineEnd;
    if (source.charCodeAt(next) === 13) next++;
    if (source.charCodeAt(next) === 10) next++;
    if (next >= end) return [0, 0];
    from = next;
  }
  const line = source.slice(from, lineEnd);
  // `norm` offsets are relative to `start`.
  const countUntil = (offset: number) => {
    let n = 0;
    while (n < norm.text.length && offsetAt(norm.offsets, n) + start < offset) n++;
    return n;
  };
  const before = from === start ? 0 : countUntil(from);
  const bracket = BRACKET_TITLE.exec(line);
  if (bracket) {
    const opener = bracket[2];
    const open = bracket[0].length - opener.length;
    const close = line.indexOf(CLOSING[opener], open + opener.length);
    const inner = close > open ? line.slice(open + opener.length, close) : '';
    const isNumber = /^[0-9０-９一二三四五六七八九十ア-ンａ-ｚa-z]{1,3}$/.test(inner.trim());
    if (inner.trim() && close - open <= 40 && !isNumber && !/場合】?$/.test(inner) && !inner.includes('。')) {
      const stop = from + close + CLOSING[opener].length;
      const n = countUntil(stop);
      return n > before ? [n, stop - start] : [0, 0];
    }
  }
  const trimmed = line.trim();
  if (!trimmed) return [0, 0];
  const count = countUntil(lineEnd);
  if (count === before || count - before > 40) return [0, 0];
  const text = norm.text.slice(before, count);
  if (text.includes('。') || text.includes('場合】')) return [0, 0];
  // 「1 受託者は、…」 wrapped onto a second line is the start of a sentence, not a numbered title.
  if (text.includes('は、') || text.includes('は,')) return [0, 0];
  if (NUMBERING.test(trimmed) || BRACKETED.test(trimmed)) return [count, lineEnd - start];
  // A plain first line is a title only when it reads like one: short, no comma, ends in a noun.
  if (lineEnd === end && count - before > 25) return [0, 0];
  if (text.includes('、') || text.includes(',')) return [0, 0];
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0x3041 && last <= 0x3096) return [0, 0];
  return [count, lineEnd - start];
}

/** Longest line read as a table-of-contents entry. */
const TOC_LINE_MAX = 100;

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * A table-of-contents entry: a short line without 。 that ends in a page number set apart by
 * spaces or leaders (`8 再委託に関する事項 21`, `秘密の保持 …… 3`). A block of nothing else is a
 * table of contents, not clause text; so is one of at least three entries and at most half as many
 * other lines (a PDF's contents page often carries the document's title and 「目次」 in the same block).
 */
function isTableOfContents(source: string, start: number, end: number): boolean {
  let lines = 0;
  let others = 0;
  let ls = start;
  while (ls < end) {
    let le = ls;
    while (le < end && source.charCodeAt(le) !== 10 && source.charCodeAt(le) !== 13) le++;
    let e = le;
    while (
      e > ls &&
      (source.charCodeAt(e - 1) === 32 || source.charCodeAt(e - 1) === 9 || source.charCodeAt(e - 1) === 0x3000)
    )
      e--;
    if (e > ls) {
      if (isTocEntry(source, ls, e)) lines++;
      else others++;
    }
    ls = le;
    while (ls < end && (source.charCodeAt(ls) === 10 || source.charCodeAt(ls) === 13)) ls++;
  }
  return lines > 0 && (others === 0 || (lines >= 3 && lines >= 2 * others));
}

/** Is source[ls, e) (a line without its trailing blanks) a table-of-contents entry? */
function isTocEntry(source: string, ls: number, e: number): boolean {
  if (e - ls > TOC_LINE_MAX || source.slice(ls, e).includes('。')) return false;
  let d = e;
  while (d > ls && isDigit(source.charCodeAt(d - 1))) d--;
  const c = d > ls ? source.charCodeAt(d - 1) : 0;
  // Digits set apart by a space, a tab or a leader (… ‥ ・ . ．), after some text.
  const apart =
    c === 32 || c === 9 || c === 0x3000 || c === 0x2026 || c === 0x2025 || c === 0x30fb || c === 46 || c === 0xff0e;
  return d < e && e - d <= 3 && apart && d - ls >= 3;
}

/** Computes the facts of one block; `source` is the whole draft. */
export function blockFacts(source: string, block: Block, catalog: Catalog): BlockFacts {
  const { start, end } = block;
  const itemOffset = block.itemOffset >= 0 ? block.itemOffset - start : null;
  // Literal objects of one shape (no spread): this runs for every block of every draft.
  if (block.kind === 'code' || block.kind === 'html') {
    const directive = block.kind === 'html' ? directiveOf(source.slice(start, end)) : undefined;
    return {
      kind: block.kind,
      depth: block.depth,
      listDepth: block.listDepth,
      itemOffset,
      quoted: block.quoted,
      length: end - start,
      text: '',
      offsets: EMPTY_OFFSETS,
      hits: NO_HITS,
      titleEnd: 0,
      titleSourceEnd: 0,
      sentenceStarts: ONLY_START,
      directive,
      toc: false,
      memo: undefined,
      detected: undefined,
    };
  }
  const norm = normalizeRange(source, start, end, start);
  const hits = catalog.matcher.search(norm.text);
  const facts: BlockFacts = {
    kind: block.kind,
    depth: block.depth,
    listDepth: block.listDepth,
    itemOffset,
    quoted: block.quoted,
    length: end - start,
    text: norm.text,
    offsets: norm.offsets,
    hits,
    titleEnd: -1,
    titleSourceEnd: -1,
    sentenceStarts: ONLY_START,
    directive: undefined,
    toc: false,
    memo: undefined,
    detected: undefined,
  };
  // Titles and sentences only matter for detection when some phrase occurs in the block.
  if (hits.length) {
    facts.toc = block.kind === 'paragraph' && isTableOfContents(source, start, end);
    computeTitle(facts, source, start);
    facts.sentenceStarts = sentenceStartsOf(norm.text, facts.titleEnd, (i) => lineBreakAfter(source, start, facts, i));
  }
  return facts;
}

/** Particles no sentence starts with: a 。 before one is a lost bracket's, not a sentence end. */
const PARTICLES = new Set('をはがにのでもへとや'.split('').map((ch) => ch.charCodeAt(0)));

/**
 * Does the sentence go on after the 。 at `i`? Where a PDF lost the brackets of 「(以下「作業場所」という。)」,
 * the text reads 「…以下「作業場所」という。を特定し…」: a 。 after 」という, or before a particle, ends nothing.
 */
function continuesAfter(text: string, i: number): boolean {
  if (i + 1 < text.length && PARTICLES.has(text.charCodeAt(i + 1))) return true;
  return i >= 4 && text.startsWith('」という', i - 4);
}

/** Is there a line break in the source between normalised character `i` and the next one (or the end)? */
function lineBreakAfter(source: string, start: number, norm: NormalizedText, i: number): boolean {
  const o = norm.offsets;
  const to = i + 1 < norm.text.length ? offsetAt(o, i + 1) + start : start + (offsetAt(o, norm.text.length) || 0);
  for (let k = offsetAt(o, i) + start + 1; k < to; k++) {
    const c = source.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return i + 1 >= norm.text.length;
}

function computeTitle(facts: BlockFacts, source: string, start: number): void {
  const [titleEnd, titleSourceEnd] =
    facts.kind === 'heading'
      ? [facts.text.length, facts.length]
      : titleLength(source, start, start + facts.length, facts);
  facts.titleEnd = titleEnd;
  facts.titleSourceEnd = titleSourceEnd;
}

/** The block's title bounds, computing them on first use: [normalised end, source end] (relative). */
export function titleOf(facts: BlockFacts, source: string, start: number): [number, number] {
  if (facts.titleSourceEnd < 0 && facts.kind !== 'code' && facts.kind !== 'html') computeTitle(facts, source, start);
  return [Math.max(0, facts.titleEnd), Math.max(0, facts.titleSourceEnd)];
}

/**
 * Where sentences start: after 。 ! ? (not inside brackets), at each table row (a `|` that ends its
 * line: the cells of one row are read together, 「ウイルスの検知から対処まで | 6時間以内」), and after the title.
 */
function sentenceStartsOf(text: string, titleEnd: number, rowEndsAt: (i: number) => boolean): Numbers {
  const starts = [0];
  if (titleEnd > 0 && titleEnd < text.length) starts.push(titleEnd);
  // 。 inside brackets — (以下「従事者」という。) — does not end the sentence around it.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ || c === 0x300c /* 「 */ || c === 0x300e /* 『 */) depth++;
    else if ((c === 41 || c === 0x300d || c === 0x300f) && depth > 0) depth--;
    else if (
      (c === 124 /* | */ && rowEndsAt(i)) ||
      (depth === 0 && (c === 33 || c === 63 || (c === 0x3002 /* 。 */ && !continuesAfter(text, i))))
    ) {
      if (c === 124) depth = 0;
      if (i + 1 < text.length && i + 1 !== titleEnd) starts.push(i + 1);
    }
  }
  if (titleEnd > 0) starts.sort((a, b) => a - b);
  // One shared [0] for a block of one sentence; otherwise compact (every open draft keeps these per block, issue 12).
  return starts.length === 1 ? ONLY_START : compactNumbers(starts);
}

/** The sentence starts of a block of one sentence (shared). */
const ONLY_START: Numbers = '\0';

/**
 * A list of numbers kept per block: the char codes of a string when all are under 64 K (16 bytes
 * and two a number; an array is 48 and eight), else a number array. Read with `numberAt`.
 */
export type Numbers = string | readonly number[];

export function numberAt(list: Numbers, i: number): number {
  return typeof list === 'string' ? list.charCodeAt(i) : list[i];
}

/** `values` as Numbers. */
export function compactNumbers(values: readonly number[]): Numbers {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0 || v > 0xffff || !Number.isInteger(v)) return values.slice();
  }
  // One flat string (appending a character at a time would make a chain of cons strings).
  if (values.length <= 8192) return String.fromCharCode.apply(null, values as number[]);
  let out = '';
  for (let i = 0; i < values.length; i += 8192)
    out += String.fromCharCode.apply(null, values.slice(i, i + 8192) as number[]);
  return out;
}

const EMPTY_OFFSETS: Offsets = '\0\0';
const NO_HITS: PhraseHits = new Int32Array(0);

/** Index of the sentence containing normalised position `index`. */
export function sentenceOf(facts: BlockFacts, index: number): number {
  const starts = facts.sentenceStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (numberAt(starts, mid) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Absolute source span of normalised characters `[from, to)` of a located block. */
export function spanInBlock(text: string, block: LocatedBlock, from: number, to: number): [number, number] {
  const offsets = block.facts.offsets;
  const start = block.start + offsetAt(offsets, from);
  if (to <= from) return [start, start];
  return [start, clusterEnd(text, block.start + offsetAt(offsets, to - 1))];
}

/**
 * A per-block result computed once and kept on the block's facts: facts are reused across
 * versions of a draft, so only blocks that changed are looked at again.
 */
export function memoOnFacts<T>(facts: BlockFacts, key: MemoKey<T>, compute: () => T): T {
  let value = facts.memo?.[key.name] as T | undefined;
  if (value === undefined) (facts.memo ??= {})[key.name] = value = compute();
  return value;
}

/**
 * The value kept under `key`, or undefined; `remember` keeps one. What runs over every block on
 * every edit uses these, without a closure: a function that makes one allocates the variables it
 * captures on every call, even when the value is kept (issue 12).
 */
export function memoized<T>(facts: BlockFacts, key: MemoKey<T>): T | undefined {
  return facts.memo?.[key.name] as T | undefined;
}

export function remember<T>(facts: BlockFacts, key: MemoKey<T>, value: T): T {
  (facts.memo ??= {})[key.name] = value;
  return value;
}

/** A key of the per-block memo, typed by the value kept under it (one `memoKey` per kind of result). */
export interface MemoKey<T> {
  readonly name: string;
  /** Never set: it only carries T. */
  readonly value?: T;
}

export const memoKey = <T>(name: string): MemoKey<T> => ({ name });

/**
 * A property a block has or not by its own text alone (so it holds for its facts across edits):
 * a pass over the draft reads only the blocks that have it. `test` gets the block where it is
 * now and the draft's text (the block's own text is all it may read).
 */
export interface BlockSelector {
  readonly name: string;
  test(block: LocatedBlock, text: string, catalog: Catalog): boolean;
}

/** Indices (ascending) of the blocks that have a selector's property. */
export type SelectBlocks = (selector: BlockSelector) => readonly number[];

/**
 * `SelectBlocks` by a scan of all the blocks (a whole-document analysis; the incremental analyser
 * keeps the answer per chunk instead, so an edit reads only the chunks it changed, issue 12).
 */
export function scanBlocks(blocks: readonly LocatedBlock[], text: string, catalog: Catalog): SelectBlocks {
  const kept = new Map<BlockSelector, number[]>();
  return (selector) => {
    let out = kept.get(selector);
    if (!out) {
      out = [];
      for (let i = 0; i < blocks.length; i++) if (selector.test(blocks[i], text, catalog)) out.push(i);
      kept.set(selector, out);
    }
    return out;
  };
}

/** What a visit of forEachUsage asks for next: the next usage (undefined), the next hit, or the end. */
export type UsageStep = undefined | 'next-hit' | 'stop';

/**
 * Visits the usages of every phrase hit in the block, in order, with the hit's normalised range.
 * The hits stay encoded as flat `[phrase, start, end]` triples (what keeps the benchmark fast);
 * rules read them only through this. True when a visit returned `'stop'`.
 */
export function forEachUsage(
  facts: BlockFacts,
  catalog: Catalog,
  visit: (usage: PhraseUsage, start: number, end: number) => UsageStep | void,
): boolean {
  const hits = facts.hits;
  const usages = catalog.usages;
  for (let k = 0; k < hits.length; k += 3) {
    const start = hits[k + 1];
    const end = hits[k + 2];
    for (const u of usages[hits[k]]) {
      const step = visit(u, start, end);
      if (step === 'next-hit') break;
      if (step === 'stop') return true;
    }
  }
  return false;
}

/** Visits each distinct phrase the block holds a hit of, once, in the order of its first hit. */
export function forEachPhrase(facts: BlockFacts, visit: (phrase: number) => void): void {
  const hits = facts.hits;
  const seen = new Set<number>();
  for (let k = 0; k < hits.length; k += 3) {
    if (seen.has(hits[k])) continue;
    seen.add(hits[k]);
    visit(hits[k]);
  }
}

/** Does any hit of the block have a phrase with this flag set? */
export function anyHit(facts: BlockFacts, flags: Uint8Array): boolean {
  const hits = facts.hits;
  for (let k = 0; k < hits.length; k += 3) if (flags[hits[k]]) return true;
  return false;
}

export const NONE: never[] = [];

const MARKERS = memoKey<Array<[number, number]>>('variant-markers');

/** 【…の場合】 choice markers of one block as [open, close] normalised indices, computed once per block. */
export function markersIn(facts: BlockFacts): Array<[number, number]> {
  // Kept only where there is a 【 (a memo entry per block costs memory; passes over the draft ask only
  // the blocks a selector picked, issue 12).
  if (facts.text.indexOf('【') < 0) return NONE;
  return memoized(facts, MARKERS) ?? remember(facts, MARKERS, markersOf(facts.text));
}

function markersOf(text: string): Array<[number, number]> {
  let open = text.indexOf('【');
  const found: Array<[number, number]> = [];
  while (open >= 0) {
    const close = text.indexOf('】', open + 1);
    if (close < 0) break;
    const inner = text.slice(open + 1, close);
    if (!inner.includes('【') && inner.length <= MARKER_MAX && inner.endsWith('場合')) found.push([open, close]);
    open = text.indexOf('【', close + 1);
  }
  return found;
}

/** Does the normalised span [start, end) lie inside one of `markers` (from markersIn)? */
export function insideMarker(markers: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  // Markers are disjoint and in text order: only the last one opening at or before `start` can hold the span.
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (markers[mid][0] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && end <= markers[lo - 1][1] + 1;
}
