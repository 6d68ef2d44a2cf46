import {
  closerOf,
  FENCE_OPEN,
  frontMatterBlockOf,
  frontMatterEnd,
  MAX_FRONT_MATTER,
  parseMarkdown,
  type Block,
  type ParsedMarkdown,
} from './parse';
import { plainLineBlocks } from './plainLines';

// Issue 12: micromark's cost grows faster than the text in some constructs (lazy continuation
// lines, `*a*a*a…`, unclosed links, …) and its syntax tree of a whole 5 MB draft takes gigabytes.
// So a draft is parsed in windows of top-level blocks, cut only where a parse of the pieces
// provably equals the parse of the whole: cost and memory follow the largest window. A stretch
// with no such cut for more than MAX_WINDOW characters is over budget: it is read as plain text
// (paragraphs between blank lines, no Markdown structure assumed), so clause phrases and
// placeholders are still found, and the analysis reports it once (`analysis-limited`).

/** Windows are cut at the first safe place after this many characters. */
export const WINDOW_TARGET = 8 * 1024;
/** The budget: a stretch without a safe cut for longer than this is read as plain text. */
export const MAX_WINDOW = 32 * 1024;

export interface ChunkedMarkdown extends ParsedMarkdown {
  /** Spans read as plain text because they were over budget. */
  limited: Array<[number, number]>;
}

const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/;

/**
 * Can a parse be cut at `at` (the start of a top-level node, or a window's end)? Only before a
 * non-indented line that follows a blank line: there CommonMark has closed every container and
 * every leaf except fenced code and HTML blocks of kinds 1–5, which `closed` checks for the node
 * before the cut. What follows is then read afresh whether it is parsed alone or in the whole.
 */
export function canCut(text: string, gapStart: number, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c === 32 || c === 9 || c === 10 || c === 13) return false;
  // A window that began with U+FEFF would lose it (micromark drops a leading BOM), and the line
  // would read differently (`\ufeff---` is text, `---` a thematic break).
  if (c === 0xfeff && at > 0) return false;
  if (at > 0 && text.charCodeAt(at - 1) !== 10 && text.charCodeAt(at - 1) !== 13) return false;
  return BLANK_LINE.test(text.slice(Math.max(0, gapStart - 1), at));
}

/** Can a parse be cut after this top-level node? Not after indented code (see above) nor an unclosed fence or HTML block. */
export function closed(text: string, node: { start: number; end: number; type: string }): boolean {
  if (node.type === 'code' && !FENCE_OPEN.test(text.slice(node.start, node.end).split(/\r\n|\r|\n/, 1)[0])) {
    // After indented code micromark reads the next block as interrupting it (an empty list item
    // becomes a paragraph), so a cut there could change what follows.
    return false;
  }
  return closerOf(text.slice(node.start, node.end), node.type) === '';
}

/** Starts of non-blank, non-indented lines that follow a blank line, in [from, to): the candidate cuts. */
function candidateCuts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let blank = false; // was the previous line blank?
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j);
    const isBlank = j >= to || c === 10 || c === 13;
    if (!isBlank && blank && j === i && i > from && c !== 0xfeff) out.push(i);
    blank = isBlank;
    while (j < to && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    if (text.charCodeAt(j) === 13) j++;
    if (j < to && text.charCodeAt(j) === 10 && text.charCodeAt(j - 1) !== 10) j++;
    i = j === i ? i + 1 : j;
  }
  return out;
}

/** Plain-text blocks of [from, to): paragraphs between blank lines. */
function plainBlocks(text: string, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = from;
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    let k = i;
    while (k < j && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k < j) {
      if (start < 0) start = k;
      end = j;
    } else if (start >= 0) {
      blocks.push({ kind: 'paragraph', start, end, depth: 0, listDepth: 0, itemOffset: -1, quoted: false });
      start = -1;
    }
    if (text.charCodeAt(j) === 13) j++;
    if (j < to && text.charCodeAt(j) === 10) j++;
    i = j === i ? i + 1 : j;
  }
  if (start >= 0) blocks.push({ kind: 'paragraph', start, end, depth: 0, listDepth: 0, itemOffset: -1, quoted: false });
  return blocks;
}

/**
 * Parses [from, to) of `text` (to the end by default) window by window. Equal to
 * `parseMarkdown(text.slice(from, to), from, from === 0)` whenever `limited` is empty.
 */
export function parseChunked(
  text: string,
  from = 0,
  to = text.length,
  sizes = { target: WINDOW_TARGET, max: MAX_WINDOW },
): ChunkedMarkdown {
  return drain(parseChunkedSteps(text, from, to, sizes));
}

/** Runs a stepwise computation to its end (what the CLI and the tests do; the server's worker yields between steps). */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `parseChunked` one window at a time: it yields after each window, so a caller can answer other
 * work or stop (a superseded version) between windows. `sizes.max = 0` reads everything after the
 * front matter as plain text in one span (the server's fallback for a draft that overran its time budget).
 */
export function* parseChunkedSteps(
  text: string,
  from = 0,
  to = text.length,
  sizes = { target: WINDOW_TARGET, max: MAX_WINDOW },
): Generator<void, ChunkedMarkdown> {
  const out: ChunkedMarkdown = { blocks: [], roots: [], limited: [] };
  const cuts = candidateCuts(text, from, to);
  // A front matter is one construct: the first window takes all of it.
  const minEnd = from === 0 ? frontMatterEnd(text) : 0;
  const cutAtLeast = (at: number) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cuts[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo < cuts.length ? cuts[lo] : to;
  };
  // A front matter too long to read is not given to micromark either.
  const fmTooLong = minEnd - from > MAX_FRONT_MATTER;
  let start = from;
  while (start < to) {
    let end = cutAtLeast(Math.max(start + sizes.target, minEnd));
    let parsed: ParsedMarkdown | undefined;
    while (!(fmTooLong && start === from) && (end - start <= sizes.max || (start === from && end <= minEnd))) {
      // A window of only headings and plain lines is read directly (plainLines.ts), else by micromark.
      const window =
        plainLineBlocks(text, start, end, start === 0) ?? parseMarkdown(text.slice(start, end), start, start === 0);
      const last = window.roots[window.roots.length - 1];
      if (end >= to || (canCut(text, last ? last.end : start, end) && (!last || closed(text, last)))) {
        parsed = window;
        break;
      }
      // Not a clean end (an open fence or HTML block, indented code): a window twice as long.
      end = cutAtLeast(start + 2 * (end - start));
    }
    if (!parsed && start === from && minEnd > start) {
      // Never read a front matter as plain text: it alone (from its fences when it is too long to be
      // read at all), then what follows afresh, as at any cut: a front matter closes every construct.
      if (fmTooLong) {
        out.frontMatter = frontMatterBlockOf(text);
        out.roots.push({ start: out.frontMatter!.start, end: out.frontMatter!.end, type: 'yaml' });
      } else {
        const fm = parseMarkdown(text.slice(start, minEnd), start, true);
        out.frontMatter = fm.frontMatter;
        for (const r of fm.roots) out.roots.push(r);
      }
      start = minEnd;
      continue;
    }
    if (parsed) {
      if (parsed.frontMatter) out.frontMatter = parsed.frontMatter;
      for (const b of parsed.blocks) out.blocks.push(b);
      for (const r of parsed.roots) out.roots.push(r);
    } else {
      // Over budget: plain text up to the first candidate cut past the budget.
      end = sizes.max > 0 ? Math.min(end, cutAtLeast(start + sizes.max)) : to;
      const blocks = plainBlocks(text, start, end);
      out.limited.push([blocks.length ? blocks[0].start : start, end]);
      for (const b of blocks) out.blocks.push(b);
      // One root ending where its text does (before the blank line of the cut).
      out.roots.push({ start, end: blocks.length ? blocks[blocks.length - 1].end : start, type: 'paragraph' });
    }
    start = end;
    yield;
  }
  return out;
}
