// The itaku language server: the entry file only creates the connection and wires thin handlers
// to the pure core (server/src/core) through server/src/lsp. Transport from argv: --stdio or --node-ipc.
import * as v8 from 'node:v8';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalog } from './builtinCatalog';
import { type NewDraftRequest, newDraftText, resolveLocale } from './core';
import { CatalogChanges } from './lsp/catalogChanges';
import { Catalogs } from './lsp/catalogs';
import {
  codeActions,
  fixAllOffsetEdits,
  FIX_ALL_KIND,
  isLazyFixAll,
  resolveFixAll,
  revealCommand,
  workspaceEdit,
  type ActionClient,
} from './lsp/codeActions';
import { completions } from './lsp/completion';
import { draftCoverageAnswer, folderCoverageAnswer } from './lsp/coverage';
import { Drafts } from './lsp/drafts';
import { hover } from './lsp/hover';
import { Publisher } from './lsp/publisher';
import { ProjectSettings } from './lsp/projectSettings';
import { sanitize, Settings } from './lsp/settings';
import { documentSymbols } from './lsp/symbols';
import { toTextEdits } from './lsp/convert';
import { checkWorkspace } from './lsp/workspaceCheck';
import { exportWord, wordToMarkdown } from './lsp/word';
import {
  Commands,
  CoverageRequest,
  FolderCoverageRequest,
  type CoverageAnswer,
  type CoverageParams,
  type DraftChoices,
  type ExportWordRequest,
  type FolderCoverageParams,
  type InitializationOptions,
  type WordToMarkdownRequest,
} from './protocol';

// A long-lived editor companion: trade a little peak speed for a smaller heap (about half the
// RSS with 100 large drafts open; edits stay incremental and fast).
v8.setFlagsFromString('--optimize-for-size');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new Settings(connection);
const catalogs = new Catalogs(connection, builtinCatalog);
let clientLocale: string | undefined;
/** False when the client says the workspace is not trusted (VS Code's Restricted Mode). */
let workspaceTrusted = true;
let workspaceFolders: string[] = [];
let versionedEdits = false;
let snippetEdits = false;
let dynamicConfiguration = false;
let workspaceFolderEvents = false;
const actionClient: ActionClient = {};

const folderOf = (uri: string) =>
  workspaceFolders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
const project = new ProjectSettings(
  connection,
  settings,
  (uri) => folderOf(uri),
  () => clientLocale,
  () => workspaceTrusted,
);
const drafts = new Drafts(
  settings,
  catalogs,
  folderOf,
  () => clientLocale,
  (uri, error) =>
    connection.console.error(`itaku: analysing ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`),
  project,
);
const publisher = new Publisher(connection, documents, drafts);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  clientLocale = init.locale ?? params.locale;
  workspaceTrusted = init.workspaceTrusted !== false;
  settings.supported = Boolean(params.capabilities.workspace?.configuration);
  settings.fallback = sanitize(init.settings);
  dynamicConfiguration = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
  versionedEdits = Boolean(params.capabilities.workspace?.workspaceEdit?.documentChanges);
  snippetEdits = Boolean(
    (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
  );
  workspaceFolderEvents = Boolean(params.capabilities.workspace?.workspaceFolders);
  actionClient.reveal = Array.isArray(init.clientCommands) && init.clientCommands.includes(Commands.reveal);
  const resolveSupport = params.capabilities.textDocument?.codeAction;
  actionClient.resolve = Boolean(
    resolveSupport?.dataSupport && resolveSupport.resolveSupport?.properties?.includes('edit'),
  );
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (!workspaceFolders.length && params.rootUri) workspaceFolders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', '[', ',', ' '] },
      documentSymbolProvider: true,
      executeCommandProvider: {
        commands: [
          Commands.insertAllMissing,
          Commands.newDraftText,
          Commands.draftChoices,
          Commands.checkWorkspace,
          Commands.wordToMarkdown,
          Commands.exportWord,
        ],
      },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'itaku', version: typeof ITAKU_VERSION === 'string' ? ITAKU_VERSION : '0.0.0-dev' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  if (workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspaceFolders = workspaceFolders
        .filter((f) => !e.removed.some((r) => r.uri === f))
        .concat(e.added.map((a) => a.uri));
    });
  }
});

const refreshAll = () => {
  settings.forget();
  project.forget();
  catalogs.forget();
  drafts.forget();
  for (const doc of documents.all()) publisher.schedule(doc.uri);
};
connection.onDidChangeConfiguration(refreshAll);
// A changed catalog file: only the drafts using it, debounced (catalogs are re-read by mtime).
const catalogChanges = new CatalogChanges(
  async (uri) => {
    const doc = documents.get(uri);
    if (!doc) return [];
    const state = await drafts.state(doc);
    return [...state.catalog.layers, ...(state.configFile ? [state.configFile] : [])];
  },
  () => documents.all().map((d) => d.uri),
  (uri) => {
    drafts.forget(uri);
    publisher.schedule(uri);
  },
  () => {
    project.forget();
    catalogs.forget();
  },
);
connection.onDidChangeWatchedFiles((params) => catalogChanges.onChange(params));

documents.onDidOpen((e) => publisher.schedule(e.document.uri));
documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
documents.onDidClose((e) => publisher.closed(e.document.uri));

connection.onCodeAction(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = await drafts.state(doc);
  if (token.isCancellationRequested || state.version !== doc.version) return [];
  return codeActions(params, doc, state, versionedEdits, snippetEdits, actionClient);
});

// The one lazy action (fix-all): its edit from the server's own analysis of the version it stamps.
connection.onCodeActionResolve(async (action) => {
  if (!isLazyFixAll(action.data)) return action;
  const doc = documents.get(action.data.uri);
  if (!doc || doc.version !== action.data.version) return action;
  const state = await drafts.state(doc);
  if (state.version !== doc.version) return action;
  return resolveFixAll(action, doc, state, versionedEdits, actionClient) ?? action;
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const state = await drafts.state(doc);
  return state.analysis ? hover(state.analysis, params.position, state.locale) : null;
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = await drafts.state(doc);
  return completions(
    doc.getText(),
    params.position,
    state.analysis,
    state.catalog,
    state.locale,
    actionClient.reveal ? doc.uri : undefined,
  );
});

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const state = await drafts.state(doc);
  return state.analysis ? documentSymbols(state.analysis, state.locale) : [];
});

// The Coverage view: an open draft's rows (from the analysis the diagnostics came from), a folder's table.
connection.onRequest(CoverageRequest, async (params: CoverageParams): Promise<CoverageAnswer | null> => {
  const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
  return doc ? draftCoverageAnswer(doc.uri, await drafts.state(doc)) : null;
});
connection.onRequest(FolderCoverageRequest, (params: FolderCoverageParams, token) =>
  typeof params?.uri === 'string'
    ? folderCoverageAnswer(params.uri, { documents, drafts, settings, catalogs, folderOf }, token)
    : null,
);

connection.onExecuteCommand(async (params) => {
  const [arg] = (params.arguments ?? []) as [Record<string, unknown> | undefined];
  if (params.command === Commands.insertAllMissing) {
    const doc = typeof arg?.uri === 'string' ? documents.get(arg.uri) : undefined;
    if (!doc) return { applied: false };
    // The documented `version`: edits computed for another version than the client means are refused.
    if (arg?.version !== undefined && arg.version !== doc.version) return { applied: false, clauses: 0 };
    const state = await drafts.state(doc);
    if (state.version !== doc.version) return { applied: false, clauses: 0 };
    const offsets = fixAllOffsetEdits(state);
    if (!offsets.length || !state.analysis) return { applied: false, clauses: 0 };
    const clauses = state.analysis.result.diagnostics.filter((d) => d.code === 'missing-clause').length;
    const result = await connection.workspace.applyEdit({
      label: 'itaku',
      edit: workspaceEdit(doc, toTextEdits(offsets, state.analysis.lines), versionedEdits),
    });
    // For a client that runs Commands.reveal: where the first inserted clause is, to show it.
    const reveal = actionClient.reveal ? revealCommand(doc.uri, state.analysis.context.text, offsets) : undefined;
    return { applied: result.applied, clauses, ...(result.applied && reveal ? { reveal: reveal.arguments?.[0] } : {}) };
  }
  if (params.command === Commands.draftChoices) {
    const def = (await drafts.catalogFor(draftUri(arg))).def;
    return {
      documentTypes: Object.entries(def.documentTypes).map(([id, d]) => ({
        id,
        label: d.label,
        label_en: d.label_en,
        aliases: d.aliases,
        parties: d.parties === true,
      })),
      categories: Object.entries(def.categories).map(([id, c]) => ({
        id,
        label: c.label,
        label_en: c.label_en,
        aliases: c.aliases,
      })),
    } satisfies DraftChoices;
  }
  if (params.command === Commands.checkWorkspace)
    return checkWorkspace(connection, workspaceFolders, (uri) => documents.get(uri), settings, drafts);
  if (params.command === Commands.wordToMarkdown) {
    const request = arg as unknown as WordToMarkdownRequest;
    return wordToMarkdown(request, resolveLocale(request?.locale ?? clientLocale));
  }
  if (params.command === Commands.exportWord) {
    const request = arg as unknown as ExportWordRequest;
    return exportWord(request, builtinCatalog(), resolveLocale(request?.locale ?? clientLocale));
  }
  if (params.command === Commands.newDraftText) {
    const request = arg as unknown as NewDraftRequest & { locale?: string };
    return newDraftText(await drafts.catalogFor(draftUri(arg)), request, resolveLocale(request.locale ?? clientLocale));
  }
  return null;
});

/** The `uri` a New draft command names (the active editor's or the workspace folder's), if any. */
function draftUri(arg: unknown): string | undefined {
  const uri = (arg as { uri?: unknown } | undefined)?.uri;
  return typeof uri === 'string' && uri.length < 10_000 ? uri : undefined;
}

declare const ITAKU_VERSION: string;

documents.listen(connection);
connection.listen();
