import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { localized, messages } from '../core';
import type { DraftStatus } from '../protocol';
import { toLspDiagnostic } from './convert';
import type { DraftState } from './drafts';
import { lspText } from './messages';

/** The diagnostics the client gets for one analysed version (severity overrides applied). */
export function publishedDiagnostics(uri: string, state: DraftState): LspDiagnostic[] {
  const source = state.instead ? [state.instead] : (state.analysis?.result.diagnostics ?? []);
  return source.flatMap((d) => toLspDiagnostic(d, uri, state.settings.severity) ?? []);
}

/** The status-bar notification for one analysed version. */
export function draftStatus(uri: string, state: DraftState, problems: number): DraftStatus {
  const a = state.analysis;
  if (!a && !state.instead)
    return { uri, version: state.version, isDraft: false, categoryLabels: [], required: 0, present: 0, problems: 0 };
  const def = state.catalog.def;
  const r = a?.result;
  const required = r?.clauses.filter((c) => c.requirement === 'required') ?? [];
  const present = required.filter((c) => c.status !== 'missing').length;
  const docDef = r?.document ? def.documentTypes[r.document] : undefined;
  // Nothing judged (no clause applies because the type, the category or the YAML is unusable).
  const unchecked = !r || r.clauses.length === 0;
  return {
    uri,
    version: state.version,
    isDraft: true,
    documentLabel: docDef ? localized(state.locale, docDef, 'label') : undefined,
    categoryLabels: (r?.categories ?? []).map((c) => {
      const category = Object.hasOwn(def.categories, c) ? def.categories[c] : undefined;
      return category ? localized(state.locale, category, 'label') : c;
    }),
    required: required.length,
    present,
    problems,
    ...(unchecked ? { unchecked: true } : {}),
    coverageText: unchecked
      ? messages.clausesNotChecked(state.locale, true)
      : messages.requiredClauses(state.locale, present, required.length, true),
    tooltip: lspText(state.locale, unchecked ? 'statusUnchecked' : 'statusChecked', { count: problems }),
  };
}
