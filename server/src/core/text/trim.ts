// String helpers that replace regexes like `/\s*#+\s*$/`: tried at every position, those
// backtrack over every run of spaces, quadratic in its length (issue 12).

const WS = /\s/;
/** Is the code unit at `i` whitespace in the sense of `\s` (and of String.prototype.trim)? */
const isSpace = (s: string, i: number) => WS.test(s[i]);

/** `s` without a closing `#` sequence and the whitespace around it, as `s.replace(/\s*#+\s*$/, '')`. */
export function withoutClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s, end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && s.charCodeAt(hashes - 1) === 35 /* # */) hashes--;
  if (hashes === end) return s;
  while (hashes > 0 && isSpace(s, hashes - 1)) hashes--;
  return s.slice(0, hashes);
}

/** The opening of an ATX heading: indentation, 1–6 `#` and the whitespace after them. */
const ATX_OPENING = /^\s*#{1,6}\s*/;

/**
 * The text of a heading's source: without its opening `#`s (and the whitespace around them) and
 * its closing `#` sequence. `lead` is how many code units the opening took. The one way the
 * outline, the fixes and the rules read a heading's words.
 */
export function headingText(raw: string): { text: string; lead: number } {
  const lead = ATX_OPENING.exec(raw)?.[0].length ?? 0;
  return { text: withoutClosingHashes(raw.slice(lead)), lead };
}
