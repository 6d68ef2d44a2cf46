// Offsets are JavaScript string indices (UTF-16 code units), which is what LSP positions count.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Index of the first of the ascending `xs` that is at least `at` (xs.length when none). */
function firstAtLeast(xs: Int32Array, at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Maps string offsets to LSP positions and back; `\r\n`, `\r` and `\n` all end a line. */
export class LineIndex {
  /** Offsets where lines start (a typed array: half the memory of numbers, issue 12). */
  private readonly starts: Int32Array;

  constructor(
    readonly text: string,
    starts?: Int32Array,
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = LineIndex.scan(text);
  }

  private static scan(text: string): Int32Array {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // LF only (most drafts): let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return Int32Array.from(starts);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return Int32Array.from(starts);
  }

  /**
   * The index of `text`, which equals `previous.text` but for [prefix, text.length - suffix): the
   * line starts before the edit are kept, those after it moved, and only the edited span scanned
   * (a keystroke in a large draft, issue 12). A line starts after `\n`, or after `\r` not followed by
   * `\n`: whether one starts at s depends on the characters at s - 1 and s alone.
   */
  static edited(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = previous.starts;
    const delta = text.length - previous.text.length;
    const editEnd = text.length - suffix; // in the new text
    // Old starts before the edit, and from the first one after it (moved by delta).
    const keep = firstAtLeast(old, prefix);
    const after = firstAtLeast(old, editEnd - delta + 1);
    const edited: number[] = prefix === 0 ? [0] : [];
    for (let s = Math.max(1, prefix); s <= editEnd; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) edited.push(s);
    }
    const starts = new Int32Array(keep + edited.length + old.length - after);
    starts.set(old.subarray(0, keep));
    starts.set(edited, keep);
    for (let k = after, at = keep + edited.length; k < old.length; k++, at++) starts[at] = old[k] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
