import type { Block, ParsedMarkdown, RootSpan } from './parse';

// Issue 12: micromark costs about the same per block whatever the block holds, so a draft of
// many short sections (`# 仕様書` / `## …` / one sentence, repeated) takes ~10 s per MB in it,
// ten times an ordinary draft. itaku needs only where each leaf block starts and ends, and for a
// window made only of the simplest lines those are certain without micromark: this reads such a
// window directly and returns undefined for anything else (which micromark then parses). The
// result is the parse's (test/core/plainLines.test.ts compares them on generated windows).

const LF = 10;
const CR = 13;
const HASH = 35;
const SPACE = 32;
const TAB = 9;
const LT = 0x3c;

/**
 * Could a line starting with this character be anything but paragraph text (or continue one)?
 * Containers, indented code, fences, HTML, thematic breaks, setext underlines, list markers,
 * definitions and escapes all start with one of these; so do lines this reader leaves to micromark.
 */
function mayStartConstruct(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === HASH ||
    (c >= 48 && c <= 57) || // digits: ordered list markers
    c === 0x3e || // >
    c === 0x2d || // -
    c === 0x2b || // +
    c === 0x2a || // *
    c === 0x5f || // _
    c === 0x3d || // =
    c === 0x60 || // `
    c === 0x7e || // ~
    c === 0x3c || // <
    c === 0x5b || // [
    c === 0x5c || // \
    c === 0x7c || // |
    c === 0xfeff
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Does `-->` occur in text[from, end)? A scan of the line only (an indexOf would read on to the text's end). */
function closesOnLine(text: string, from: number, end: number): boolean {
  for (let k = from; k + 3 <= end; k++)
    if (text.charCodeAt(k) === 0x2d && text.charCodeAt(k + 1) === 0x2d && text.charCodeAt(k + 2) === 0x3e) return true;
  return false;
}

/**
 * A line starting with a digit that is no ordered list marker (`3.業務内容…`, `2026年…`): 1–9
 * digits, then anything but `.` or `)`, or `.`/`)` followed by text (a marker needs a space, a
 * tab or the line's end after it). Numbered paragraphs are common in drafts (issue 12).
 */
function digitText(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && j - i < 10 && isDigit(text.charCodeAt(j))) j++;
  if (j - i > 9 || j >= end) return false;
  const c = text.charCodeAt(j);
  if (c !== 0x2e && c !== 0x29) return true;
  const after = j + 1 < end ? text.charCodeAt(j + 1) : LF;
  return after !== SPACE && after !== TAB && after !== LF;
}

/**
 * The blocks of text[from, to) when every line there is empty, an ATX heading `#…# text` (one
 * space after the marks, no closing marks, no trailing blank), an HTML comment that opens the
 * line and closes on it (`<!-- itaku: … -->`) or plain paragraph text (a first
 * character that starts no construct, or digits that are no list marker; no trailing blank, no
 * NUL or BOM anywhere), lines ending in LF, CRLF or CR; undefined otherwise. Offsets are into
 * `text`. Never for a window that could hold a front matter.
 */
export function plainLineBlocks(
  text: string,
  from: number,
  to: number,
  frontMatterAllowed: boolean,
): ParsedMarkdown | undefined {
  if (frontMatterAllowed && text.startsWith('---', from)) return undefined;
  const blocks: Block[] = [];
  const roots: RootSpan[] = [];
  let paragraph = -1; // start of the open paragraph, if any
  let paragraphEnd = -1;
  const closeParagraph = () => {
    if (paragraph < 0) return;
    blocks.push({
      kind: 'paragraph',
      start: paragraph,
      end: paragraphEnd,
      depth: 0,
      listDepth: 0,
      itemOffset: -1,
      quoted: false,
    });
    roots.push({ start: paragraph, end: paragraphEnd, type: 'paragraph' });
    paragraph = -1;
  };
  let i = from;
  while (i < to) {
    let end = i;
    while (end < to && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) {
      const c = text.charCodeAt(end);
      if (c === 0 || c === 0xfeff) return undefined;
      end++;
    }
    if (end > i) {
      const last = text.charCodeAt(end - 1);
      if (last === SPACE || last === TAB) return undefined;
      const first = text.charCodeAt(i);
      if (first === HASH) {
        let depth = 1;
        while (depth <= 6 && text.charCodeAt(i + depth) === HASH) depth++;
        const after = text.charCodeAt(i + depth + 1);
        if (
          depth > 6 ||
          text.charCodeAt(i + depth) !== SPACE ||
          i + depth + 1 >= end ||
          after === SPACE ||
          after === TAB
        )
          return undefined;
        if (last === HASH) return undefined;
        closeParagraph();
        blocks.push({ kind: 'heading', start: i, end, depth, listDepth: 0, itemOffset: -1, quoted: false });
        roots.push({ start: i, end, type: 'heading' });
      } else if (first === LT && text.startsWith('<!--', i)) {
        // An HTML comment closed on its own line (the directives): an HTML block of that line. It
        // interrupts a paragraph. `<!-->` and comments left open are micromark's.
        if (!closesOnLine(text, i + 4, end)) return undefined;
        closeParagraph();
        blocks.push({ kind: 'html', start: i, end, depth: 0, listDepth: 0, itemOffset: -1, quoted: false });
        roots.push({ start: i, end, type: 'html' });
      } else {
        if (mayStartConstruct(first) && !(isDigit(first) && digitText(text, i, end))) return undefined;
        if (paragraph < 0) paragraph = i;
        paragraphEnd = end;
      }
    } else closeParagraph();
    // The line ending: LF, CRLF or a lone CR (Windows drafts, and old Mac ones, read the same way).
    i = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }
  closeParagraph();
  return { blocks, roots };
}
