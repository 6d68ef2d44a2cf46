import { analyzeBlocks, type Analysis, type AnalyzeOptions } from './analyze';
import type { Catalog } from './catalog/compile';
import { clausesInBlock } from './detect';
import { canCut, closed, drain, parseChunkedSteps, WINDOW_TARGET, type ChunkedMarkdown } from './markdown/chunked';
import { frontMatterEnd, type FrontMatterBlock } from './markdown/parse';
import { blockFacts, NONE, type BlockSelector, type LocatedBlock, type SelectBlocks } from './model';
import { LineIndex } from './text/lineIndex';

/**
 * A run of top-level blocks that parses the same alone as inside the whole draft. Its blocks are
 * kept located where they were when the chunk started at `locatedAt`: moved with edits before it,
 * it makes them again (one object per block, shared with the analysis: retained memory, issue 12).
 */
interface Chunk {
  start: number;
  end: number;
  located: LocatedBlock[];
  locatedAt: number;
  frontMatter?: FrontMatterBlock;
  /** Spans read as plain text (over budget), relative to the chunk's start. */
  limited: Array<[number, number]>;
  /**
   * The safe cuts inside the chunk (starts of top-level nodes where a chunk could have been cut,
   * relative to its start, ascending): an edit re-parses only from the cut before it to a cut after it.
   */
  cuts: number[];
  /** Per selector, which of its blocks have the property (offsets do not matter: kept when it moves). */
  selected?: Map<BlockSelector, number[]>;
}

/** Which of a chunk's blocks (indices into `blocks`) have a selector's property: made once per chunk. */
function selectedIn(c: Chunk, selector: BlockSelector, text: string, catalog: Catalog): readonly number[] {
  const kept = (c.selected ??= new Map());
  let out = kept.get(selector);
  if (!out) {
    const located = locatedBlocks(c);
    for (let i = 0; i < located.length; i++)
      if (selector.test(located[i], text, catalog)) (out === undefined || out === NONE ? (out = []) : out).push(i);
    kept.set(selector, (out ??= NONE));
  }
  return out;
}

/** `SelectBlocks` over chunks: each chunk's answer is kept with it, so an edit reads the blocks of new chunks only. */
function chunkSelect(chunks: readonly Chunk[], text: string, catalog: Catalog): SelectBlocks {
  const kept = new Map<BlockSelector, number[]>();
  return (selector) => {
    let out = kept.get(selector);
    if (!out) {
      out = [];
      let base = 0;
      for (let k = 0; k < chunks.length; k++) {
        const selected = selectedIn(chunks[k], selector, text, catalog);
        for (let i = 0; i < selected.length; i++) out.push(base + selected[i]);
        base += chunks[k].located.length;
      }
      kept.set(selector, out);
    }
    return out;
  };
}

/** A chunk's blocks at their offsets in the text: made again only when the chunk moved (issue 12). */
function locatedBlocks(c: Chunk): LocatedBlock[] {
  if (c.locatedAt === c.start) return c.located;
  const shift = c.start - c.locatedAt;
  const out: LocatedBlock[] = new Array(c.located.length);
  for (let i = 0; i < out.length; i++) {
    const b = c.located[i];
    out[i] = { start: b.start + shift, end: b.end + shift, facts: b.facts };
  }
  c.located = out;
  c.locatedAt = c.start;
  return out;
}

/** The shortest chunk: fewer, longer chunks cost less memory (an edit re-parses only between the safe cuts around it). */
const MIN_CHUNK = 1024;

/** Blocks given their facts between two yields: a step of a few milliseconds. */
const FACTS_PER_STEP = 256;

/** Chunks of a parsed region [from, to): cut between top-level nodes wherever that is safe. */
function* chunksOf(
  text: string,
  parsed: ChunkedMarkdown,
  from: number,
  to: number,
  catalog: Catalog,
): Generator<void, Chunk[]> {
  const cuts = [from];
  // Safe cuts inside each chunk (absolute here).
  const inner: number[][] = [[]];
  for (let k = 1; k < parsed.roots.length; k++) {
    const previous = parsed.roots[k - 1];
    const at = parsed.roots[k].start;
    if (!canCut(text, previous.end, at) || !closed(text, previous)) continue;
    // Chunks of at least MIN_CHUNK characters: a chunk per short section would cost more memory than its text.
    if (at - cuts[cuts.length - 1] < MIN_CHUNK) inner[inner.length - 1].push(at);
    else {
      cuts.push(at);
      inner.push([]);
    }
  }
  cuts.push(to);
  const chunks: Chunk[] = cuts.slice(0, -1).map((start, i) => ({
    start,
    end: cuts[i + 1],
    located: [],
    locatedAt: start,
    limited: [],
    cuts: inner[i].map((at) => at - start),
  }));
  let k = 0;
  let n = 0;
  for (const b of parsed.blocks) {
    while (k < chunks.length - 1 && b.start >= chunks[k].end) k++;
    const c = chunks[k];
    const facts = blockFacts(text, b, catalog);
    // Detection is per block and kept with its facts: done here, between steps, rather than all at once at the end.
    if (facts.hits.length) clausesInBlock(facts, catalog);
    c.located.push({ start: b.start, end: b.end, facts });
    if (++n % FACTS_PER_STEP === 0) yield;
  }
  k = 0;
  for (const [s, e] of parsed.limited) {
    while (k < chunks.length - 1 && s >= chunks[k].end) k++;
    chunks[k].limited.push([s - chunks[k].start, e - chunks[k].start]);
  }
  if (parsed.frontMatter) chunks[0].frontMatter = parsed.frontMatter;
  return chunks;
}

/**
 * Characters compared at once by the prefix and suffix scans: two slices of equal text compare as
 * memory, some 25× faster than a loop over char codes (a keystroke scans the whole draft, issue 12).
 */
const RUN = 2048;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + RUN <= n && a.slice(i, i + RUN) === b.slice(i, i + RUN)) i += RUN;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + RUN <= max && a.slice(a.length - i - RUN, a.length - i) === b.slice(b.length - i - RUN, b.length - i))
    i += RUN;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Analyses successive versions of one draft, re-parsing only the top-level blocks around each
 * edit: from the safe cut before the edit up to the first old safe cut after it where the new
 * parse provably ends in a clean top-level state. Block facts (normalised text, phrase hits,
 * detected clauses, per-block results) of untouched blocks are reused, and the line index is
 * moved past the edit. The result equals a full analysis.
 */
/**
 * What a caller knows of an edit (the server, from the editor's change events): the first `prefix`
 * and the last `suffix` characters of the new text are those of the analyser's last text. Either
 * may be less than the longest common part (the window is then a little wider), never more.
 */
export interface UnchangedEnds {
  prefix: number;
  suffix: number;
}

/** No edit yet: composed with an edit, it gives that edit. */
export const NOTHING_CHANGED: Readonly<UnchangedEnds> = Object.freeze({ prefix: Infinity, suffix: Infinity });

/** What two edits in turn leave unchanged: the smaller prefix and the smaller suffix of the two. */
export function composeUnchanged(a: UnchangedEnds, b: UnchangedEnds): UnchangedEnds {
  return { prefix: Math.min(a.prefix, b.prefix), suffix: Math.min(a.suffix, b.suffix) };
}

export class IncrementalAnalyzer {
  private text = '';
  private chunks: Chunk[] = [];
  private catalog: Catalog | undefined;
  /** The line index of `text`, when its last analysis made one. */
  private lines: LineIndex | undefined;
  /** How much the last call parsed (for tests and the benchmark). */
  lastStats = { chunks: 0, parsedChars: 0, full: true };

  analyze(text: string, options: AnalyzeOptions, unchanged?: UnchangedEnds): Analysis | undefined {
    return drain(this.steps(text, options, unchanged));
  }

  /** Runs of a stepwise analysis that were started; only the latest may commit its state. */
  private generation = 0;

  /**
   * `analyze` step by step: it yields between parse windows and batches of blocks, so the server's
   * worker can answer requests and stop a superseded version between steps. The analyser's state
   * changes only when a run completes, and only for the latest run started: a run abandoned
   * halfway (cancelled) leaves it as it was. With `unchanged`, the edit is not searched for by
   * comparing the two texts (a scan of the whole draft on every keystroke).
   */
  *steps(text: string, options: AnalyzeOptions, unchanged?: UnchangedEnds): Generator<void, Analysis | undefined> {
    const generation = ++this.generation;
    const catalog = options.catalog;
    const sizes = options.plain ? { target: WINDOW_TARGET, max: 0 } : undefined;
    let chunks = this.chunks;
    const previous = { text: this.text, lines: this.lines };
    // The edit, as the common prefix and suffix of the previous text and this one.
    let edit: [number, number] | undefined;
    if (catalog !== this.catalog || !this.chunks.length || sizes || this.plain) {
      chunks = yield* chunksOf(text, yield* parseChunkedSteps(text, 0, text.length, sizes), 0, text.length, catalog);
      this.lastStats = { chunks: chunks.length, parsedChars: text.length, full: true };
    } else if (text !== this.text) {
      [chunks, edit] = yield* this.update(text, catalog, unchanged);
    } else {
      this.lastStats = { chunks: chunks.length, parsedChars: 0, full: false };
    }
    // The line index of the previous text, moved past the edit (or of this text, unchanged).
    let lines = text === previous.text ? previous.lines : undefined;
    if (edit && previous.lines?.text === previous.text)
      lines = LineIndex.edited(previous.lines, text, edit[0], edit[1]);
    if (generation === this.generation) {
      this.catalog = catalog;
      this.chunks = chunks;
      this.text = text;
      this.plain = Boolean(sizes);
    }
    let count = 0;
    for (let k = 0; k < chunks.length; k++) count += chunks[k].located.length;
    const blocks = new Array<LocatedBlock>(count);
    const limited: Array<[number, number]> = [];
    count = 0;
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k];
      const located = locatedBlocks(c);
      for (let i = 0; i < located.length; i++) blocks[count++] = located[i];
      for (const [s, e] of c.limited) limited.push([c.start + s, c.start + e]);
    }
    const analysis = analyzeBlocks(
      text,
      chunks[0]?.frontMatter,
      blocks,
      options,
      limited,
      lines,
      chunkSelect(chunks, text, catalog),
    );
    if (generation === this.generation) this.lines = analysis?.lines;
    return analysis;
  }

  /** The state was read as plain text (the time-budget fallback): the next normal run starts afresh. */
  private plain = false;

  /** The blocks of the current version as [start, end, kind] (for tests). */
  blockSpans(): Array<[number, number, string]> {
    return this.chunks.flatMap((c) =>
      locatedBlocks(c).map((b): [number, number, string] => [b.start, b.end, b.facts.kind]),
    );
  }

  private *update(
    text: string,
    catalog: Catalog,
    unchanged: UnchangedEnds | undefined,
  ): Generator<void, [Chunk[], [number, number]]> {
    const old = this.text;
    const chunks = this.chunks;
    const shorter = Math.min(old.length, text.length);
    const prefix = unchanged ? Math.max(0, Math.min(unchanged.prefix, shorter)) : commonPrefix(old, text);
    const suffix = unchanged
      ? Math.max(0, Math.min(unchanged.suffix, shorter - prefix))
      : commonSuffix(old, text, shorter - prefix);
    const delta = text.length - old.length;
    // The window starts at the last safe cut before the character before the edit (an edit at a
    // cut can change how what precedes it ends, e.g. by indenting a list continuation).
    let first = 0;
    let from = 0;
    // Unless the front matter changes: a `---` typed far below can close (or a deleted one
    // reopen) the front matter, which changes how everything from the start is read.
    if (frontMatterEnd(old) === frontMatterEnd(text)) {
      const before = Math.max(0, prefix - 1);
      while (first < chunks.length - 1 && chunks[first].end <= before) first++;
      from = chunks[first].start + lastCutAtMost(chunks[first].cuts, before - chunks[first].start);
    }
    // Candidate ends: old safe cuts inside the unchanged suffix, moved by the edit.
    const suffixStart = old.length - suffix;
    // A front matter is one construct: a window from the start must take all of it.
    const minEnd = from === 0 ? frontMatterEnd(text) : 0;
    for (const [j, cut] of cutsAfter(chunks, first, from)) {
      let to = text.length;
      if (j < chunks.length) {
        if (chunks[j].start + cut < suffixStart) continue;
        to = chunks[j].start + cut + delta;
        if (to < minEnd) continue;
        const c = text.charCodeAt(to);
        if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      }
      const window = yield* parseChunkedSteps(text, from, to);
      const last = window.roots[window.roots.length - 1];
      if (j < chunks.length && (!canCut(text, last ? last.end : from, to) || (last && !closed(text, last)))) continue;
      const middle = yield* chunksOf(text, window, from, to, catalog);
      // What the window leaves of the chunks it starts and ends in joins its first and last chunks.
      const head = chunks[first];
      if (from > head.start) middle[0] = joined(piece(head, 0, from - head.start, 0), middle[0]);
      let rest = j;
      if (j < chunks.length && cut > 0) {
        const c = chunks[j];
        middle[middle.length - 1] = joined(middle[middle.length - 1], piece(c, cut, c.end - c.start, delta));
        rest = j + 1;
      }
      const tail = chunks.slice(rest).map((c) => ({ ...c, start: c.start + delta, end: c.end + delta }));
      const next = [...chunks.slice(0, first), ...middle, ...tail];
      this.lastStats = { chunks: next.length, parsedChars: to - from, full: from === 0 && to === text.length };
      return [next, [prefix, suffix]];
    }
    // Unreachable: the last candidate (the end of the text) always ends the window.
    return [chunks, [prefix, suffix]];
  }
}

/** The last of `cuts` (ascending) at most `at`, else 0 (the chunk's start). */
function lastCutAtMost(cuts: readonly number[], at: number): number {
  let best = 0;
  for (const cut of cuts) {
    if (cut > at) break;
    best = cut;
  }
  return best;
}

/**
 * The safe cuts after `from` in old offsets, as [chunk index, offset in that chunk]: the cuts
 * inside chunk `first`, then each later chunk's start and its cuts, then [chunks.length, 0] for the text's end.
 */
function* cutsAfter(chunks: readonly Chunk[], first: number, from: number): Generator<[number, number]> {
  for (let j = first; j < chunks.length; j++) {
    const c = chunks[j];
    if (j > first) yield [j, 0];
    for (const cut of c.cuts) if (c.start + cut > from) yield [j, cut];
  }
  yield [chunks.length, 0];
}

/** The part [a, b) of a chunk (offsets relative to it) as a chunk of its own, moved by `delta`. */
function piece(c: Chunk, a: number, b: number, delta: number): Chunk {
  // The blocks stay located where they were (relative to the old start): located again when used.
  const out: Chunk = {
    start: c.start + a + delta,
    end: c.start + b + delta,
    located: [],
    locatedAt: c.locatedAt + a,
    limited: [],
    cuts: [],
  };
  for (const x of c.located) if (x.start - c.locatedAt >= a && x.start - c.locatedAt < b) out.located.push(x);
  for (const [s, e] of c.limited) if (s >= a && s < b) out.limited.push([s - a, e - a]);
  for (const cut of c.cuts) if (cut > a && cut < b) out.cuts.push(cut - a);
  if (a === 0 && c.frontMatter) out.frontMatter = c.frontMatter;
  return out;
}

/** Two adjacent chunks as one (the boundary between them is a safe cut of the joined chunk). */
function joined(x: Chunk, y: Chunk): Chunk {
  const shift = y.start - x.start;
  // Both located where they are now, so the joined blocks share one start.
  const out: Chunk = {
    start: x.start,
    end: y.end,
    located: [...locatedBlocks(x), ...locatedBlocks(y)],
    locatedAt: x.start,
    limited: [...x.limited],
    cuts: [...x.cuts, shift],
  };
  for (const [s, e] of y.limited) out.limited.push([s + shift, e + shift]);
  for (const cut of y.cuts) out.cuts.push(cut + shift);
  const frontMatter = x.frontMatter ?? y.frontMatter;
  if (frontMatter) out.frontMatter = frontMatter;
  return out;
}
