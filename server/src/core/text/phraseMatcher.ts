// Multi-phrase literal matching (Aho–Corasick) over normalised text: one pass finds every
// catalog phrase, however many there are. Phrases are literal strings; nothing is compiled
// from user input into a regular expression.

/**
 * Hits as a flat array of triples: phrase index, start, end (exclusive) in the searched text.
 * Compact because every open document keeps its blocks' hits: 6 bytes a hit (16-bit) where the
 * phrase indices and the text's length fit, else 12 (issue 12).
 */
export type PhraseHits = Int32Array | Uint16Array;

const NO_HITS: PhraseHits = new Int32Array(0);

let scratch = new Int32Array(3 * 1024);
/** Largest scratch kept between searches (entries). */
const SCRATCH_KEPT = 3 * 16384;

export class PhraseMatcher {
  private readonly next = new Map<number, number>();
  private readonly fail: number[] = [0];
  /** Phrases ending at each state, including those reached through failure links. */
  private readonly outputs: number[][] = [[]];
  private readonly lengths: number[];
  /** Transitions out of the root, by UTF-16 code unit (-1: none): most characters of a draft start no phrase. */
  private readonly root = new Int32Array(0x10000).fill(-1);

  constructor(phrases: readonly string[]) {
    this.lengths = phrases.map((p) => p.length);
    let states = 1;
    phrases.forEach((phrase, index) => {
      if (!phrase) return;
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const key = state * 0x10000 + phrase.charCodeAt(i);
        let to = this.next.get(key);
        if (to === undefined) {
          to = states++;
          this.next.set(key, to);
          this.fail.push(0);
          this.outputs.push([]);
        }
        state = to;
      }
      this.outputs[state].push(index);
    });
    // Breadth-first failure links.
    const children = new Map<number, Array<[number, number]>>();
    for (const [key, to] of this.next) {
      const from = Math.floor(key / 0x10000);
      const code = key % 0x10000;
      let list = children.get(from);
      if (!list) children.set(from, (list = []));
      list.push([code, to]);
    }
    const queue: number[] = [];
    for (const [code, to] of children.get(0) ?? []) {
      queue.push(to);
      this.root[code] = to;
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      for (const [code, to] of children.get(state) ?? []) {
        let f = this.fail[state];
        let target = this.next.get(f * 0x10000 + code);
        while (target === undefined && f !== 0) {
          f = this.fail[f];
          target = this.next.get(f * 0x10000 + code);
        }
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.outputs[this.fail[to]];
        if (inherited.length) this.outputs[to] = this.outputs[to].concat(inherited);
        queue.push(to);
      }
    }
  }

  /** Every occurrence of every phrase in `text` (overlapping ones included), in end order. */
  search(text: string, from = 0, to = text.length): PhraseHits {
    let n = 0;
    let out = scratch;
    const next = this.next;
    const fail = this.fail;
    const root = this.root;
    const outputs = this.outputs;
    const lengths = this.lengths;
    let state = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (state === 0) {
        const target = root[code];
        if (target < 0) continue;
        state = target;
      } else {
        let target = next.get(state * 0x10000 + code);
        while (target === undefined && state !== 0) {
          state = fail[state];
          target = state === 0 ? (root[code] < 0 ? undefined : root[code]) : next.get(state * 0x10000 + code);
        }
        state = target ?? 0;
      }
      const found = outputs[state];
      for (let k = 0; k < found.length; k++) {
        if (n + 3 > out.length) {
          const bigger = new Int32Array(out.length * 2);
          bigger.set(out);
          scratch = out = bigger;
        }
        const phrase = found[k];
        out[n] = phrase;
        out[n + 1] = i + 1 - lengths[phrase];
        out[n + 2] = i + 1;
        n += 3;
      }
    }
    // Most blocks hold no phrase: one shared empty result instead of a typed array each (memory per block).
    const hits = n ? carve(out, n, to > 0xffff || this.lengths.length > 0xffff) : NO_HITS;
    // Scratch grown for one block of very many hits is not kept for the process's life (issue 12).
    if (scratch.length > SCRATCH_KEPT) scratch = new Int32Array(3 * 1024);
    return hits;
  }
}

// Hits of all blocks are carved out of shared arenas, as normalised offsets are: a view per block
// instead of a typed array with a buffer of its own (some 150 bytes less per block, issue 12).
// Carved ranges are never written again.
const ARENA = 32768;
let arena = new Uint16Array(ARENA);
let used = 0;

function carve(from: Int32Array, n: number, wide: boolean): PhraseHits {
  // A block with very many hits gets its own array (it would waste most of an arena).
  if (wide) return from.slice(0, n);
  if (n > ARENA / 4) return Uint16Array.from(from.subarray(0, n));
  if (used + n > arena.length) {
    arena = new Uint16Array(ARENA);
    used = 0;
  }
  const view = arena.subarray(used, used + n);
  view.set(from.subarray(0, n));
  used += n;
  return view;
}
