import { analyzeBlocks, type Analysis, type AnalyzeOptions } from './analyze';
import type { Catalog } from './catalog/compile';
import { clausesInBlock } from './detect';
import { canCut, closed, drain, parseChunkedSteps, WINDOW_TARGET, type ChunkedMarkdown } from './markdown/chunked';
import { frontMatterEnd, type FrontMatterBlock } from './markdown/parse';
import { blockFacts, type BlockFacts, type LocatedBlock } from './model';

/**
 * A run of top-level blocks that parses the same alone as inside the whole draft. Offsets of its
 * blocks are relative to its start, so it moves with edits before it unchanged.
 */
interface Chunk {
  start: number;
  end: number;
  blocks: Array<{ start: number; end: number; facts: BlockFacts }>;
  frontMatter?: FrontMatterBlock;
  /** Spans read as plain text (over budget), relative to the chunk's start. */
  limited: Array<[number, number]>;
}

/** The shortest chunk (re-parsed whole when an edit touches it): about a millisecond of parsing. */
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
  for (let k = 1; k < parsed.roots.length; k++) {
    const previous = parsed.roots[k - 1];
    // Chunks of at least MIN_CHUNK characters: a chunk per short section would cost more memory than its text.
    if (parsed.roots[k].start - cuts[cuts.length - 1] < MIN_CHUNK) continue;
    if (canCut(text, previous.end, parsed.roots[k].start) && closed(text, previous)) cuts.push(parsed.roots[k].start);
  }
  cuts.push(to);
  const chunks: Chunk[] = cuts.slice(0, -1).map((start, i) => ({ start, end: cuts[i + 1], blocks: [], limited: [] }));
  let k = 0;
  let n = 0;
  for (const b of parsed.blocks) {
    while (k < chunks.length - 1 && b.start >= chunks[k].end) k++;
    const c = chunks[k];
    const facts = blockFacts(text, b, catalog);
    // Detection is per block and kept with its facts: done here, between steps, rather than all at once at the end.
    if (facts.hits.length) clausesInBlock(facts, catalog);
    c.blocks.push({ start: b.start - c.start, end: b.end - c.start, facts });
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
 * edit: from the chunk before the edit up to the first old chunk boundary after it where the new
 * parse provably ends in a clean top-level state. Block facts (normalised text, phrase hits,
 * detected clauses) of untouched chunks are reused. The result equals a full analysis.
 */
export class IncrementalAnalyzer {
  private text = '';
  private chunks: Chunk[] = [];
  private catalog: Catalog | undefined;
  /** How much the last call parsed (for tests and the benchmark). */
  lastStats = { chunks: 0, parsedChars: 0, full: true };

  analyze(text: string, options: AnalyzeOptions): Analysis | undefined {
    return drain(this.steps(text, options));
  }

  /** Runs of a stepwise analysis that were started; only the latest may commit its state. */
  private generation = 0;

  /**
   * `analyze` step by step: it yields between parse windows and batches of blocks, so the server's
   * worker can answer requests and stop a superseded version between steps. The analyser's state
   * changes only when a run completes, and only for the latest run started: a run abandoned
   * halfway (cancelled) leaves it as it was.
   */
  *steps(text: string, options: AnalyzeOptions): Generator<void, Analysis | undefined> {
    const generation = ++this.generation;
    const catalog = options.catalog;
    const sizes = options.plain ? { target: WINDOW_TARGET, max: 0 } : undefined;
    let chunks = this.chunks;
    if (catalog !== this.catalog || !this.chunks.length || sizes || this.plain) {
      chunks = yield* chunksOf(text, yield* parseChunkedSteps(text, 0, text.length, sizes), 0, text.length, catalog);
      this.lastStats = { chunks: chunks.length, parsedChars: text.length, full: true };
    } else if (text !== this.text) {
      chunks = yield* this.update(text, catalog);
    } else {
      this.lastStats = { chunks: chunks.length, parsedChars: 0, full: false };
    }
    if (generation === this.generation) {
      this.catalog = catalog;
      this.chunks = chunks;
      this.text = text;
      this.plain = Boolean(sizes);
    }
    const blocks: LocatedBlock[] = [];
    const limited: Array<[number, number]> = [];
    for (const c of chunks) {
      for (const b of c.blocks) blocks.push({ start: c.start + b.start, end: c.start + b.end, facts: b.facts });
      for (const [s, e] of c.limited) limited.push([c.start + s, c.start + e]);
    }
    return analyzeBlocks(text, chunks[0]?.frontMatter, blocks, options, limited);
  }

  /** The state was read as plain text (the time-budget fallback): the next normal run starts afresh. */
  private plain = false;

  /** The blocks of the current version as [start, end, kind] (for tests). */
  blockSpans(): Array<[number, number, string]> {
    return this.chunks.flatMap((c) =>
      c.blocks.map((b): [number, number, string] => [c.start + b.start, c.start + b.end, b.facts.kind]),
    );
  }

  private *update(text: string, catalog: Catalog): Generator<void, Chunk[]> {
    const old = this.text;
    const chunks = this.chunks;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    // The window starts at the chunk holding the character before the edit (an edit at a chunk's
    // start can change how the previous chunk ends, e.g. by indenting a list continuation).
    let first = 0;
    // Unless the front matter changes: a `---` typed far below can close (or a deleted one
    // reopen) the front matter, which changes how everything from the start is read.
    if (frontMatterEnd(old) === frontMatterEnd(text))
      while (first < chunks.length - 1 && chunks[first].end <= Math.max(0, prefix - 1)) first++;
    const from = chunks[first].start;
    // Candidate ends: old chunk starts inside the unchanged suffix, moved by the edit.
    const suffixStart = old.length - suffix;
    // A front matter is one construct: a window from the start must take all of it.
    const minEnd = from === 0 ? frontMatterEnd(text) : 0;
    for (let j = first + 1; j <= chunks.length; j++) {
      let to = text.length;
      if (j < chunks.length) {
        if (chunks[j].start < suffixStart) continue;
        to = chunks[j].start + delta;
        if (to < minEnd) continue;
        const c = text.charCodeAt(to);
        if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      }
      const window = yield* parseChunkedSteps(text, from, to);
      const last = window.roots[window.roots.length - 1];
      if (j < chunks.length && (!canCut(text, last ? last.end : from, to) || (last && !closed(text, last)))) continue;
      const middle = yield* chunksOf(text, window, from, to, catalog);
      const tail = chunks.slice(j).map((c) => ({ ...c, start: c.start + delta, end: c.end + delta }));
      const next = [...chunks.slice(0, first), ...middle, ...tail];
      this.lastStats = { chunks: next.length, parsedChars: to - from, full: from === 0 && to === text.length };
      return next;
    }
    // Unreachable: the last candidate (the end of the text) always ends the window.
    return chunks;
  }
}
