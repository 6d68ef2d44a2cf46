// Matching works on a normalised view of the draft: NFKC, ASCII lower-cased, whitespace and
// Markdown emphasis marks dropped. Every normalised character remembers the source offset it
// came from, so a hit is always reported on the author's own characters (NFKC changes lengths:
// ㍻ → 平成, ｶﾞ → ガ).

export interface NormalizedText {
  /** The normalised characters. */
  text: string;
  /**
   * `offsetAt(offsets, i)` is the source offset of the character `text[i]` came from; one extra
   * entry holds the end. Every open draft keeps these for every block (issue 12), so offsets under
   * 64 K are kept as runs: a string of char-code pairs (index, offset), one where the offsets stop
   * going up one a character (a skipped space or line break, an NFKC expansion). Larger ones are
   * an Int32Array.
   */
  offsets: Offsets;
}

/** See NormalizedText.offsets: read with offsetAt. */
export type Offsets = string | Int32Array;

/** The `i`-th of `offsets` (0 ≤ i ≤ the normalised length). */
export function offsetAt(offsets: Offsets, i: number): number {
  if (typeof offsets !== 'string') return offsets[i];
  // The last run starting at or before i.
  let lo = 0;
  let hi = (offsets.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets.charCodeAt(2 * mid) <= i) lo = mid;
    else hi = mid - 1;
  }
  return offsets.charCodeAt(2 * lo + 1) + i - offsets.charCodeAt(2 * lo);
}

/** All the offsets of a normalised text as numbers (for tests). */
export function offsetList(norm: NormalizedText): number[] {
  return Array.from({ length: norm.text.length + 1 }, (_, i) => offsetAt(norm.offsets, i));
}

function isWhitespace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 12 ||
    code === 11 ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f
  );
}

/**
 * Invisible format characters: soft hyphens, zero-width joiners, direction marks, embeddings,
 * overrides and isolates. Text pasted from Word or a PDF carries them inside words, and a
 * right-to-left override inside 秘密の保持 hid the clause from the matcher (an attack; the editor
 * shows such characters itself). Dropped like whitespace, but they are no blank to fill.
 */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x61c ||
    code === 0x180e ||
    (code >= 0x200c && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const MARK = /\p{M}/u;

/** True for characters that NFKC may compose with the character before them. */
function isCombining(code: number): boolean {
  if (code < 0x300) return false;
  if (code === 0x3099 || code === 0x309a || code === 0xff9e || code === 0xff9f) return true;
  if ((code >= 0x3040 && code <= 0x3098) || (code >= 0x309b && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3))
    return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code >= 0xff00 && code <= 0xffef) return false; // full- and half-width forms (ﾞﾟ handled above)
  if (code >= 0x2000 && code <= 0x206f) return false; // general punctuation
  if (code >= 0x3000 && code <= 0x303f) return code >= 0x302a && code <= 0x302f; // CJK symbols; tone marks
  return MARK.test(String.fromCharCode(code));
}

/** Characters whose NFKC form is themselves, checked without calling `normalize`. */
function isStable(code: number): boolean {
  return (
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3001 && code <= 0x3007) ||
    (code >= 0x300c && code <= 0x3011) ||
    code === 0x3014 ||
    code === 0x3015 ||
    code === 0x30fb ||
    code === 0x301c
  );
}

/** Normalises one phrase the way draft text is normalised (for catalog phrases). */
export function normalizePhrase(phrase: string): string {
  return normalizeRange(phrase, 0, phrase.length).text;
}

// Scratch buffers reused by every call (the analysis is synchronous): no per-character garbage.
let chars = new Uint16Array(4096);
let sources = new Int32Array(4096);
/** Largest scratch kept between calls (characters). */
const SCRATCH_KEPT = 65536;

function shrinkScratch(): void {
  chars = new Uint16Array(4096);
  sources = new Int32Array(4096);
  if (narrow.length > 2 * SCRATCH_KEPT) narrow = new Uint16Array(4096);
}

function grow(min: number): void {
  let size = chars.length;
  while (size < min) size *= 2;
  const c = new Uint16Array(size);
  c.set(chars);
  const s = new Int32Array(size);
  s.set(sources);
  chars = c;
  sources = s;
}

/** NFKC of single code points, memoised: most drafts use a few hundred distinct characters. */
const singleNfkc = new Map<number, string>();

function toText(n: number, codes: Uint16Array = chars): string {
  let out = '';
  for (let i = 0; i < n; i += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}

/** The first `n` scratch source offsets and `end` as Offsets (relative offsets under 64 K: runs in a string). */
function toOffsets(n: number, end: number, wide: boolean): Offsets {
  if (wide) {
    const out = new Int32Array(n + 1);
    out.set(sources.subarray(0, n));
    out[n] = end;
    return out;
  }
  if (narrow.length < 2 * n + 2) narrow = new Uint16Array(Math.max(2 * n + 2, narrow.length * 2));
  let m = 0;
  for (let i = 0; i <= n; i++) {
    const o = i < n ? sources[i] : end;
    if (m === 0 || o !== narrow[m - 1] + i - narrow[m - 2]) {
      narrow[m++] = i;
      narrow[m++] = o;
    }
  }
  return toText(m, narrow);
}

let narrow = new Uint16Array(4096);

/**
 * Normalises `source[start, end)`. At each line start, indentation and blockquote `>` marks are
 * skipped too, so a paragraph wrapped inside a quote or list reads as one run of text. Offsets are
 * reported minus `base` (0: offsets into `source`).
 */
export function normalizeRange(source: string, start: number, end: number, base = 0): NormalizedText {
  // One slot a source character: the fast path below writes at most that, the others grow as needed.
  if (chars.length < end - start + 16) grow(end - start + 16);
  let c = chars;
  let src = sources;
  let n = 0;
  let lineStart = true;
  let i = start;
  while (i < end) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) {
      lineStart = true;
      i++;
      continue;
    }
    if (
      code === 32 ||
      code === 0x3000 ||
      code === 9 ||
      (code > 0x7f && (isWhitespace(code) || isInvisible(code))) ||
      code === 12 ||
      code === 11
    ) {
      i++;
      continue;
    }
    if (lineStart && code === 62 /* > */) {
      i++;
      continue;
    }
    lineStart = false;
    if (code === 42 || code === 95 || code === 96) {
      i++;
      continue;
    }
    if (code < 0x80 || (isStable(code) && !(i + 1 < end && isCombining(source.charCodeAt(i + 1))))) {
      c[n] = code >= 65 && code <= 90 ? code + 32 : code;
      src[n] = i - base;
      n++;
      i++;
      continue;
    }
    // One cluster: a code point plus the marks NFKC may fold into it.
    let next = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && next < end) {
      const low = source.charCodeAt(next);
      if (low >= 0xdc00 && low <= 0xdfff) next++;
    }
    while (next < end && isCombining(source.charCodeAt(next))) next++;
    let normalized: string;
    if (next === i + 1 && code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII: NFKC maps it to ASCII.
      normalized = String.fromCharCode(code - 0xfee0);
    } else if (next === i + 1) {
      let cached = singleNfkc.get(code);
      if (cached === undefined) singleNfkc.set(code, (cached = String.fromCharCode(code).normalize('NFKC')));
      normalized = cached;
    } else normalized = source.slice(i, next).normalize('NFKC');
    if (n + normalized.length >= c.length) {
      grow(n + normalized.length + 16);
      c = chars;
      src = sources;
    }
    for (let k = 0; k < normalized.length; k++) {
      const ch = normalized.charCodeAt(k);
      if (isWhitespace(ch) || isInvisible(ch)) continue;
      if (ch === 42 || ch === 95 || ch === 96) continue;
      c[n] = ch >= 65 && ch <= 90 ? ch + 32 : ch;
      src[n] = i - base;
      n++;
    }
    i = next;
  }
  const out = { text: toText(n), offsets: toOffsets(n, end - base, end - base > 0xffff || start - base < 0) };
  // Scratch grown for one huge block is not kept (12 bytes a character of it, for the process's life; issue 12).
  if (chars.length > SCRATCH_KEPT || narrow.length > 2 * SCRATCH_KEPT) shrinkScratch();
  return out;
}

/** End offset of the source cluster (code point plus folded marks) starting at `offset`. */
export function clusterEnd(source: string, offset: number): number {
  let next = offset + 1;
  const code = source.charCodeAt(offset);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = source.charCodeAt(next);
    if (low >= 0xdc00 && low <= 0xdfff) next++;
  }
  while (next < source.length && isCombining(source.charCodeAt(next))) next++;
  return next;
}

/**
 * Is there whitespace in the source right before normalised character `i`? (年 月 日 is a blank to
 * fill; 生年月日 is not.) `base` is the source offset the normalised offsets are relative to.
 */
export function whitespaceBefore(source: string, norm: NormalizedText, i: number, base = 0): boolean {
  const to = offsetAt(norm.offsets, i) + base;
  const from = i > 0 ? clusterEnd(source, offsetAt(norm.offsets, i - 1) + base) : base;
  for (let k = from; k < to; k++) if (isWhitespace(source.charCodeAt(k))) return true;
  return false;
}
