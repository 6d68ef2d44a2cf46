import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyOffsetEdits,
  currentDiagnostic,
  type DraftContext,
  editAllowed,
  fixAllInsertions,
  insertedSpan,
  LineIndex,
  type Locale,
  markParagraphActions,
  MAX_REQUEST_DIAGNOSTICS,
  type OffsetEdit,
  partiesInsertion,
  partyOfPlaceholder,
  placeholderFills,
  quickFixes,
  waiverInsertion,
} from '../core';
import { Commands } from '../protocol';
import { toTextEdits } from './convert';
import type { DraftState } from './drafts';
import { lspText } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.itaku`;

const wants = (only: string[] | undefined, kind: string) =>
  !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/** The insertions of every missing required clause, as offset edits (empty when none is missing). */
export function fixAllOffsetEdits(state: DraftState): OffsetEdit[] {
  const a = state.analysis;
  if (!a) return [];
  const text = a.context.text;
  const insertions = fixAllInsertions(text, { catalog: state.catalog, locale: state.locale });
  const edits = insertions.map((i) => ({ start: i.offset, end: i.offset, newText: i.text }));
  // Insert-only, checked like every other edit before it leaves the server.
  return edits.every((e) => editAllowed(text, { code: 'missing-clause', start: e.start, end: e.start }, e))
    ? edits
    : [];
}

/** The edits that insert every missing required clause (empty when none is missing). */
export function fixAllEdits(state: DraftState): TextEdit[] {
  return state.analysis ? toTextEdits(fixAllOffsetEdits(state), state.analysis.lines) : [];
}

/**
 * The client command that shows what a fix inserted (`Commands.reveal`): the inserted text's range
 * in the document after the edit. Undefined when the edit inserts nothing.
 */
export function revealCommand(uri: string, text: string, edits: readonly OffsetEdit[]): Command | undefined {
  const span = insertedSpan(edits);
  if (!span) return undefined;
  const lines = new LineIndex(applyOffsetEdits(text, edits));
  return {
    title: 'itaku: reveal',
    command: Commands.reveal,
    arguments: [{ uri, range: lines.range(span.start, span.end) }],
  };
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

/**
 * An insertion at `offset` as a snippet edit (tab stops for what the author must type) where the
 * client takes them — they live only in versioned document changes (LSP 3.18 SnippetTextEdit) —
 * else as plain text.
 */
function insertionEdit(
  doc: TextDocument,
  offset: number,
  text: string,
  snippet: string,
  versioned: boolean,
  snippets: boolean,
): WorkspaceEdit {
  const range = { start: doc.positionAt(offset), end: doc.positionAt(offset) };
  return versioned && snippets
    ? {
        documentChanges: [
          {
            textDocument: { uri: doc.uri, version: doc.version },
            edits: [{ range, snippet: { kind: 'snippet', value: snippet } } as unknown as TextEdit],
          },
        ],
      }
    : workspaceEdit(doc, [{ range, newText: text }], versioned);
}

/** The waiver directive for a missing clause; the reason is a tab stop when the client takes snippet edits. */
function waiverAction(
  ctx: DraftContext,
  clause: string,
  doc: TextDocument,
  versioned: boolean,
  snippets: boolean,
  named: boolean,
): { action: CodeAction; insertion: { offset: number; text: string } } | undefined {
  const w = waiverInsertion(ctx, clause, named);
  if (!w) return undefined;
  return {
    action: {
      title: w.title,
      kind: CodeActionKind.QuickFix,
      edit: insertionEdit(doc, w.offset, w.text, w.snippet, versioned, snippets),
    },
    insertion: w,
  };
}

const fixAllTitle = (locale: Locale, n: number) => lspText(locale, 'fixAllMissing', { count: n });

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
  client: ActionClient = {},
): CodeAction[] {
  const a = state.analysis;
  if (!a) return [];
  // A fix with plain edits asks the client to show what it inserted (snippet edits place the cursor themselves).
  const withReveal = (action: CodeAction, edits: readonly OffsetEdit[]): CodeAction => {
    const command = client.reveal ? revealCommand(doc.uri, a.context.text, edits) : undefined;
    return command ? { ...action, command } : action;
  };
  // A snippet edit leaves the cursor in its tab stop; a plain insertion is revealed.
  const withSnippetOrReveal = (action: CodeAction, insertion: { offset: number; text: string }): CodeAction =>
    versioned && snippets
      ? action
      : withReveal(action, [{ start: insertion.offset, end: insertion.offset, newText: insertion.text }]);
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
        out.push(
          withReveal(
            {
              title: action.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [d],
              isPreferred: action.isPreferred,
              edit: workspaceEdit(doc, toTextEdits(action.edits, a.lines), versioned),
            },
            action.edits,
          ),
        );
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
      out.push(
        withReveal(
          {
            title: action.title,
            kind: CodeActionKind.QuickFix,
            edit: workspaceEdit(doc, toTextEdits(action.edits, a.lines), versioned),
          },
          action.edits,
        ),
      );
    }
    if (sawMissing && missingCount > 1) {
      const action: CodeAction = {
        title: fixAllTitle(state.locale, missingCount),
        kind: CodeActionKind.QuickFix,
        diagnostics: requested.filter((d) => d?.code === 'missing-clause'),
      };
      // Inserting every clause re-reads the draft once per clause (100–400 ms): where the client
      // resolves actions, that is done only when this one is chosen, never for every lightbulb
      // request while the author types.
      if (client.resolve) out.push({ ...action, data: { fixAll: true, uri: doc.uri, version: doc.version } });
      else {
        const edits = resolveFixAll(action, doc, state, versioned, client);
        if (edits) out.push(edits);
      }
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
        if (w) out.push(withSnippetOrReveal({ ...w.action, diagnostics: [d] }, w.insertion));
      }
    }
    // [甲]/[乙] the front matter cannot fill, because it names no parties: add them (once per request).
    const partyPlaceholders = requested.filter((d) => {
      if (d?.source !== 'itaku' || d.code !== 'unresolved-placeholder') return false;
      const own = currentDiagnostic(a, { code: d.code, range: d.range, data: d.data });
      return (
        own &&
        !(own.data as { fill?: unknown } | undefined)?.fill &&
        partyOfPlaceholder(a.context, own.data?.placeholder)
      );
    });
    const parties = partyPlaceholders.length ? partiesInsertion(a.context) : undefined;
    if (parties)
      out.push(
        withSnippetOrReveal(
          {
            title: parties.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: partyPlaceholders,
            isPreferred: true,
            edit: insertionEdit(doc, parties.offset, parties.text, parties.snippet, versioned, snippets),
          },
          parties,
        ),
      );
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = sourceFixAllEdits(state);
    if (edits.length)
      out.push({
        title: missingCount ? fixAllTitle(state.locale, missingCount) : lspText(state.locale, 'fixAllValues'),
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(doc, edits, versioned),
      });
  }
  return out;
}

/** What the client can do with a code action besides applying its edit. */
export interface ActionClient {
  /** It runs `Commands.reveal` (initializationOptions.clientCommands). */
  reveal?: boolean;
  /** It resolves a code action's edit lazily (codeAction/resolve with `edit`). */
  resolve?: boolean;
}

/** The data of a quick fix whose edit is computed on codeAction/resolve. */
export interface LazyFixAll {
  fixAll: true;
  uri: string;
  version: number;
}

export function isLazyFixAll(data: unknown): data is LazyFixAll {
  const d = data as Partial<LazyFixAll> | null;
  return (
    typeof d === 'object' && d !== null && d.fixAll === true && typeof d.uri === 'string' && Number.isInteger(d.version)
  );
}

/**
 * 「不足している必須条項をすべて挿入」 with its edit (and reveal command), computed from the server's
 * own analysis of this version; undefined when nothing is missing any more.
 */
export function resolveFixAll(
  action: CodeAction,
  doc: TextDocument,
  state: DraftState,
  versioned: boolean,
  client: ActionClient = {},
): CodeAction | undefined {
  const a = state.analysis;
  if (!a) return undefined;
  const edits = fixAllOffsetEdits(state);
  if (!edits.length) return undefined;
  const { data: _data, ...rest } = action;
  const resolved: CodeAction = { ...rest, edit: workspaceEdit(doc, toTextEdits(edits, a.lines), versioned) };
  const command = client.reveal ? revealCommand(doc.uri, a.context.text, edits) : undefined;
  return command ? { ...resolved, command } : resolved;
}
