import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Locale } from '../../server/src/core/messages';
import type { OffsetEdit } from '../../server/src/core/fixes/actions';
import { catalog } from './catalog';

export { lines } from './fixtures';

export function check(text: string, locale: Locale = 'ja'): Analysis {
  const a = analyze(text, { catalog: catalog(), locale });
  if (!a) throw new Error('not a draft');
  return a;
}

/** Compact, exact view of diagnostics: `line:col-line:col severity code [clause]` (0-based). */
export function summary(a: Analysis): string[] {
  return a.result.diagnostics.map((d) => {
    const r = d.range;
    const extra = d.clause
      ? ` ${d.clause}`
      : d.code === 'unresolved-placeholder' || d.code === 'unresolved-variant'
        ? ` ${JSON.stringify(a.context.text.slice(a.lines.offsetAt(r.start), a.lines.offsetAt(r.end)))}`
        : '';
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code}${extra}`;
  });
}

export function statuses(a: Analysis): Record<string, string> {
  return Object.fromEntries(a.result.clauses.map((c) => [c.id, c.status]));
}

export function missing(a: Analysis): string[] {
  return a.result.diagnostics.filter((d) => d.code === 'missing-clause').map((d) => d.clause!);
}

/** Applies offset edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** True when every character of `original` is still in `edited`, in order. */
export function keepsAllCharacters(original: string, edited: string): boolean {
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    j = edited.indexOf(original[i], j);
    if (j < 0) return false;
    j++;
  }
  return true;
}
