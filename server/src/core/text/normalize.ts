// Matching works on a normalised view of the draft: NFKC, ASCII lower-cased, whitespace and
// Markdown emphasis marks dropped. Every normalised character remembers the source offset it
// came from, so a hit is always reported on the author's own characters (NFKC changes lengths:
// ㍻ → 平成, ｶﾞ → ガ).

export interface NormalizedText {
  /** The normalised characters. */
  text: string;
  /** `offsets[i]` is the source offset of the character `text[i]` came from; one extra entry holds the end. */
  offsets: Int32Array;
  /** `gap[i]` is 1 when whitespace was dropped right before `text[i]`. */
  gap: Uint8Array;
}

const MARKUP = new Set([42 /* * */, 95 /* _ */, 96 /* ` */]);

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 ||
    code === 0x3000 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

const MARK = /\p{M}/u;

/** True for characters that NFKC may compose with the character before them. */
function isCombining(code: number): boolean {
  if (code < 0x300) return false;
  if (code === 0x3099 || code === 0x309a || code === 0xff9e || code === 0xff9f) return true;
  if ((code >= 0x3040 && code <= 0x3098) || (code >= 0x309b && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3)) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return MARK.test(String.fromCharCode(code));
}

/** Characters whose NFKC form is themselves, checked without calling `normalize`. */
function isStable(code: number): boolean {
  return (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc || (code >= 0x4e00 && code <= 0x9fff) || code === 0x3001 || code === 0x3002 ||
    (code >= 0x300c && code <= 0x3011) || code === 0x3014 || code === 0x3015 || code === 0x30fb;
}

/** Normalises one phrase the way draft text is normalised (for catalog phrases). */
export function normalizePhrase(phrase: string): string {
  return normalizeRange(phrase, 0, phrase.length).text;
}

/**
 * Normalises `source[start, end)`. At each line start, indentation and blockquote `>` marks are
 * skipped too, so a paragraph wrapped inside a quote or list reads as one run of text.
 */
export function normalizeRange(source: string, start: number, end: number): NormalizedText {
  const out: string[] = [];
  const offsets: number[] = [];
  const gap: number[] = [];
  let pendingGap = 0;
  let lineStart = true;
  let i = start;
  while (i < end) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) {
      lineStart = true;
      pendingGap = 1;
      i++;
      continue;
    }
    if (isWhitespace(code)) {
      pendingGap = 1;
      i++;
      continue;
    }
    if (lineStart && code === 62 /* > */) {
      pendingGap = 1;
      i++;
      continue;
    }
    lineStart = false;
    if (MARKUP.has(code)) {
      i++;
      continue;
    }
    if (code < 0x80) {
      out.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[i]);
      offsets.push(i);
      gap.push(pendingGap);
      pendingGap = 0;
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
    if (next === i + 1 && isStable(code)) {
      out.push(source[i]);
      offsets.push(i);
      gap.push(pendingGap);
      pendingGap = 0;
      i = next;
      continue;
    }
    const normalized = source.slice(i, next).normalize('NFKC');
    for (let k = 0; k < normalized.length; k++) {
      const c = normalized.charCodeAt(k);
      if (isWhitespace(c)) {
        pendingGap = 1;
        continue;
      }
      if (MARKUP.has(c)) continue;
      out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : normalized[k]);
      offsets.push(i);
      gap.push(pendingGap);
      pendingGap = 0;
    }
    i = next;
  }
  offsets.push(end);
  return { text: out.join(''), offsets: Int32Array.from(offsets), gap: Uint8Array.from(gap) };
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

/** Source range `[start, end)` covered by normalised characters `[from, to)`. */
export function sourceSpan(source: string, norm: NormalizedText, from: number, to: number): [number, number] {
  const start = norm.offsets[from];
  if (to <= from) return [start, start];
  return [start, clusterEnd(source, norm.offsets[to - 1])];
}
