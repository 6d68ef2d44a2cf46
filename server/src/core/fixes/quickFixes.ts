// Code actions for a diagnostic a client sent back: found again among the server's own current
// findings, built by the finding's rule (./../rules), and every edit checked before it leaves the core.
import type { Analysis } from '../analyze';
import type { Diagnostic } from '../findings';
import { ruleFor } from '../rules';
import type { Range } from '../text/lineIndex';
import type { CoreAction, OffsetEdit } from './actions';

/** At most this many diagnostics of one code-action request are looked at (a client's list is not trusted to be small). */
export const MAX_REQUEST_DIAGNOSTICS = 256;

/** The part of a diagnostic a code action needs (what a client sends back). */
export interface DiagnosticRef {
  code?: string | number;
  range: Range;
  data?: unknown;
}

/** Structural equality of JSON-like data (key order ignored). */
function sameData(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 8 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.length > 64) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1),
  );
}

const samePosition = (a: unknown, b: { line: number; character: number }) =>
  typeof a === 'object' &&
  a !== null &&
  (a as { line?: unknown }).line === b.line &&
  (a as { character?: unknown }).character === b.character;

/**
 * The server's own finding in the current analysis that a client's diagnostic refers to: same
 * code, same range, and (when the client sends it back) the same data, with or without the
 * `clause` the LSP form adds. A stale, shifted or forged diagnostic matches nothing.
 */
export function currentDiagnostic(analysis: Analysis, ref: DiagnosticRef): Diagnostic | undefined {
  const range = ref.range as unknown as { start?: unknown; end?: unknown } | undefined;
  if (typeof ref.code !== 'string' || !range) return undefined;
  return analysis.result.diagnostics.find(
    (d) =>
      d.code === ref.code &&
      samePosition(range.start, d.range.start) &&
      samePosition(range.end, d.range.end) &&
      (ref.data === undefined ||
        sameData(ref.data, d.data ?? {}) ||
        sameData(ref.data, { ...(d.data ?? {}), ...(d.clause ? { clause: d.clause } : {}) })),
  );
}

/** Markup around a marker on its own line (what `markerRemoval` may take with it). */
const LINE_MARKUP = /^(?:(?![\r\n])[\s#>*_+-])*$/;
const LINE_MARKUP_AND_BREAK = /^(?:(?![\r\n])[\s#>*_+-])*(?:\r\n|\r|\n)?$/;

/**
 * The last check before an edit leaves the core: it inserts, or it replaces exactly the text the
 * finding names (the placeholder or value), or, for a choice marker, removes the marker and
 * nothing but markup and the line break of its own line.
 */
export function editAllowed(
  text: string,
  finding: { code: string; start: number; end: number },
  edit: OffsetEdit,
): boolean {
  const { start, end } = edit;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) return false;
  if (start === end) return true;
  if (finding.start === finding.end) return false;
  const replaces = ruleFor(finding.code)?.replaces;
  if (replaces === 'finding') return start === finding.start && end === finding.end;
  if (replaces === 'marker-line') {
    if (edit.newText !== '' || start > finding.start || end < finding.end) return false;
    const before = text.slice(start, finding.start);
    const after = text.slice(finding.end, end);
    return LINE_MARKUP.test(before) && LINE_MARKUP_AND_BREAK.test(after);
  }
  return false;
}

/**
 * Quick fixes for a diagnostic a client sent back: rebuilt only from the matching finding of the
 * server's own current analysis (never from the client's range or data), and every edit checked
 * by `editAllowed`. Nothing when the diagnostic matches no current finding.
 */
export function quickFixes(analysis: Analysis, ref: DiagnosticRef): CoreAction[] {
  const d = currentDiagnostic(analysis, ref);
  if (!d) return [];
  const finding = {
    code: d.code,
    start: analysis.lines.offsetAt(d.range.start),
    end: analysis.lines.offsetAt(d.range.end),
  };
  const text = analysis.context.text;
  return fixesFor(analysis, d, finding.start, finding.end).filter(
    (a) =>
      a.edits.length > 0 &&
      a.edits.every((e) => editAllowed(text, finding, e) || editAllowedForGroup(analysis, finding.code, e)),
  );
}

/**
 * Edits of actions that fix a whole group of the server's own findings at once: 「front matter の値で
 * すべて置き換える」 replaces exactly another current placeholder finding; renumbering replaces a
 * number with a number and nothing else.
 */
function editAllowedForGroup(analysis: Analysis, code: string, edit: OffsetEdit): boolean {
  const text = analysis.context.text;
  if (
    !Number.isInteger(edit.start) ||
    !Number.isInteger(edit.end) ||
    edit.start < 0 ||
    edit.end > text.length ||
    edit.start >= edit.end
  )
    return false;
  return ruleFor(code)?.groupEditAllowed?.(analysis, edit) ?? false;
}

/** Quick fixes for one of the server's own findings, rebuilt by its rule from the current text (no state kept anywhere). */
function fixesFor(analysis: Analysis, diagnostic: Diagnostic, start: number, end: number): CoreAction[] {
  const rule = ruleFor(diagnostic.code);
  if (!rule?.fixes) return [];
  const data = { ...(diagnostic.data ?? {}), ...(diagnostic.clause ? { clause: diagnostic.clause } : {}) };
  return rule.fixes({ analysis, ctx: analysis.context, data, start, end });
}
