import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { Diagnostic, LineIndex, OffsetEdit } from '../core';
import type { SeverityOverride } from '../protocol';
import { ruleDocUri } from '../io/ruleDocs';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** The page documenting `code` (docs/rules/<code>.md beside the bundles). */
export function docsLink(code: string): string {
  return ruleDocUri(code);
}

/** A core diagnostic as an LSP one; `severity` overrides from the settings apply ('off' drops it). */
export function toLspDiagnostic(
  d: Diagnostic,
  uri: string,
  overrides: Record<string, SeverityOverride>,
): LspDiagnostic | undefined {
  const override = Object.hasOwn(overrides, d.code) ? overrides[d.code] : undefined;
  if (override === 'off') return undefined;
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[override ?? d.severity],
    code: d.code,
    codeDescription: { href: docsLink(d.code) },
    source: 'itaku',
    message: d.message,
  };
  if (d.data || d.clause) out.data = { ...(d.data ?? {}), ...(d.clause ? { clause: d.clause } : {}) };
  if (d.relatedInformation)
    out.relatedInformation = d.relatedInformation.map((r) => ({
      location: { uri, range: r.range },
      message: r.message,
    }));
  return out;
}

export function toTextEdits(edits: readonly OffsetEdit[], lines: LineIndex): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}
