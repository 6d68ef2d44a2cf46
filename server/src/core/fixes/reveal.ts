// What an editor should show after a fix: the text it inserted, as offsets in the edited text.
import type { OffsetEdit } from './actions';

/**
 * The span `edits` put into the text, in the text after they are applied: the first edit's new
 * text (by position), without the blank lines around it. Undefined when the edits only delete.
 * Edits must not overlap (every edit leaving the server is checked so).
 */
export function insertedSpan(edits: readonly OffsetEdit[]): { start: number; end: number } | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  for (const e of sorted) {
    const text = e.newText;
    let from = 0;
    let to = text.length;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (from < to) return { start: e.start + shift + from, end: e.start + shift + to };
    shift += text.length - (e.end - e.start);
  }
  return undefined;
}

/** The text after `edits` (non-overlapping) are applied. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + text.slice(last);
}
