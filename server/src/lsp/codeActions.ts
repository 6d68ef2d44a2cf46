import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type DraftContext,
  editAllowed,
  fixAllInsertions,
  type Locale,
  markParagraphActions,
  MAX_REQUEST_DIAGNOSTICS,
  placeholderFills,
  quickFixes,
  waiverInsertion,
} from '../core';
import { toTextEdits } from './convert';
import type { DraftState } from './drafts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.itaku`;

const wants = (only: string[] | undefined, kind: string) =>
  !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/** The edits that insert every missing required clause (empty when none is missing). */
export function fixAllEdits(state: DraftState): TextEdit[] {
  const a = state.analysis;
  if (!a) return [];
  const text = a.context.text;
  const insertions = fixAllInsertions(text, { catalog: state.catalog, locale: state.locale });
  // Insert-only, checked like every other edit before it leaves the server.
  if (
    !insertions.every((i) =>
      editAllowed(
        text,
        { code: 'missing-clause', start: i.offset, end: i.offset },
        { start: i.offset, end: i.offset, newText: i.text },
      ),
    )
  )
    return [];
  return insertions.map((i) => ({ range: a.lines.range(i.offset, i.offset), newText: i.text }));
}

/**
 * `source.fixAll.itaku`: the missing clauses inserted and every placeholder the front matter
 * fills replaced. An insertion at a placeholder's start comes first (LSP keeps array order at one
 * position), so the two never touch the same characters.
 */
function sourceFixAllEdits(state: DraftState): TextEdit[] {
  const a = state.analysis;
  if (!a) return [];
  const inserts = fixAllEdits(state);
  const fills = toTextEdits(placeholderFills(a), a.lines);
  return [...inserts, ...fills];
}

/** The waiver directive for a missing clause; the reason is a tab stop when the client takes snippet edits. */
function waiverAction(
  ctx: DraftContext,
  clause: string,
  doc: TextDocument,
  versioned: boolean,
  snippets: boolean,
  named: boolean,
): CodeAction | undefined {
  const w = waiverInsertion(ctx, clause, named);
  if (!w) return undefined;
  const range = { start: doc.positionAt(w.offset), end: doc.positionAt(w.offset) };
  // A snippet edit lives only in versioned document changes (LSP 3.18 SnippetTextEdit).
  const edit: WorkspaceEdit =
    versioned && snippets
      ? {
          documentChanges: [
            {
              textDocument: { uri: doc.uri, version: doc.version },
              edits: [{ range, snippet: { kind: 'snippet', value: w.snippet } } as unknown as TextEdit],
            },
          ],
        }
      : workspaceEdit(doc, [{ range, newText: w.text }], versioned);
  return { title: w.title, kind: CodeActionKind.QuickFix, edit };
}

const fixAllTitle = (locale: Locale, n: number) =>
  locale === 'ja' ? `不足している必須条項をすべて挿入（${n} 件）` : `Insert all missing required clauses (${n})`;

/**
 * Code actions like ESLint's: quick fixes for the diagnostics in the request (each rebuilt from
 * the matching finding of the server's own analysis of this version; a stale or forged diagnostic
 * gets nothing), a "fix all" quick fix when several clauses are missing,
 * and `source.fixAll.itaku` for fix-on-save. `context.only` is respected.
 */
export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  state: DraftState,
  versioned: boolean,
  snippets = false,
): CodeAction[] {
  const a = state.analysis;
  if (!a) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  const missingCount = a.result.diagnostics.filter((d) => d.code === 'missing-clause').length;
  if (wants(only, CodeActionKind.QuickFix)) {
    let sawMissing = false;
    const requested = Array.isArray(params.context.diagnostics)
      ? params.context.diagnostics.slice(0, MAX_REQUEST_DIAGNOSTICS)
      : [];
    for (const d of requested) {
      if (!d || d.source !== 'itaku') continue;
      const actions = quickFixes(a, { code: d.code, range: d.range, data: d.data });
      if (d.code === 'missing-clause' && actions.length) sawMissing = true;
      for (const action of actions) {
        out.push({
          title: action.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: action.isPreferred,
          edit: workspaceEdit(doc, toTextEdits(action.edits, a.lines), versioned),
        });
      }
    }
    // The reviewer's correction: this paragraph is a clause the checker missed.
    const at = params.range?.start ? a.lines.offsetAt(params.range.start) : NaN;
    for (const action of markParagraphActions(a.context, at)) {
      // Insert-only, checked like every other edit before it leaves the server.
      if (
        !action.edits.every((e) =>
          editAllowed(a.context.text, { code: 'missing-clause', start: e.start, end: e.start }, e),
        )
      )
        continue;
      out.push({
        title: action.title,
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(doc, toTextEdits(action.edits, a.lines), versioned),
      });
    }
    if (sawMissing && missingCount > 1) {
      const edits = fixAllEdits(state);
      if (edits.length)
        out.push({
          title: fixAllTitle(state.locale, missingCount),
          kind: CodeActionKind.QuickFix,
          diagnostics: requested.filter((d) => d?.code === 'missing-clause'),
          edit: workspaceEdit(doc, edits, versioned),
        });
    }
    // Last, as eslint's "Disable …": waive the clause, giving the reason.
    // Only for a clause the server's own analysis of this version finds missing (never the client's word alone).
    const missingNow = new Set(a.result.diagnostics.filter((d) => d.code === 'missing-clause').map((d) => d.clause));
    const waivable = requested.filter((d) => d?.source === 'itaku' && d.code === 'missing-clause').length;
    for (const d of requested) {
      const clause = (d?.data as { clause?: unknown } | undefined)?.clause;
      if (
        d?.source === 'itaku' &&
        d.code === 'missing-clause' &&
        typeof clause === 'string' &&
        missingNow.has(clause)
      ) {
        const w = waiverAction(a.context, clause, doc, versioned, snippets, waivable > 1);
        if (w) out.push({ ...w, diagnostics: [d] });
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = sourceFixAllEdits(state);
    if (edits.length)
      out.push({
        title: missingCount
          ? fixAllTitle(state.locale, missingCount)
          : state.locale === 'ja'
            ? 'front matter の値ですべて置き換える'
            : 'Replace all with the front-matter values',
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, edits, versioned),
      });
  }
  return out;
}
