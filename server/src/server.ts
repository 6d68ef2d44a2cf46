// The itaku language server: the entry file only creates the connection and wires thin handlers
// to the pure core (server/src/core) through server/src/lsp. Transport from argv: --stdio or --node-ipc.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { builtinCatalog } from './builtinCatalog';
import { checkNewDraftRequest, newDraftText, resolveLocale } from './core';
import { CatalogChanges } from './lsp/catalogChanges';
import { Catalogs } from './lsp/catalogs';
import { FIX_ALL_KIND, isLazyFixAll, workspaceEdit, type ActionClient } from './lsp/codeActions';
import { folderCoverageAnswer } from './lsp/coverage';
import { ProjectSettings } from './lsp/projectSettings';
import { Scheduler, type DraftInputs } from './lsp/scheduler';
import { sanitize, Settings } from './lsp/settings';
import { stdioTransport } from './lsp/transport';
import { editedDocuments } from './lsp/documents';
import { WorkspaceCheck } from './lsp/workspaceCheck';
import { runInWorker } from './lsp/wordJob';
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

let shutdownReceived = false;
// --stdio with a faster decoder for large messages (lsp/transport.ts); --node-ipc as the library does it.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, ...stdioTransport(() => process.exit(shutdownReceived ? 0 : 1)))
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // stdout carries the protocol: console output goes to the client's log (as the library does for its own stdio).
  const toLog =
    (log: (m: string) => void) =>
    (...args: unknown[]) =>
      log(args.map(String).join(' '));
  console.log = toLog((m) => connection.console.log(m));
  console.info = toLog((m) => connection.console.info(m));
  console.warn = toLog((m) => connection.console.warn(m));
  console.error = toLog((m) => connection.console.error(m));
}
// Every change's span goes to the analysis (lsp/documents.ts).
const documents = editedDocuments((uri, start, end, length) => scheduler.edited(uri, start, end, length));
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
/** What applies to a draft: the nearest .itaku.yaml over the settings, and its catalog (read here, on the main thread). */
async function inputsOf(uri: string): Promise<DraftInputs> {
  const draft = await project.forDraft(uri);
  const { settings, locale, defaults, configFile, ignored } = draft;
  const catalog = draft.catalogFile
    ? await catalogs.getFile(draft.catalogFile, locale)
    : await catalogs.get(settings.catalog, folderOf(uri), locale, settings.severity);
  return { settings, locale, catalog, defaults, ignored, configFile };
}
/** The catalog a draft at `uri` (a file not written yet, or a folder) is checked with, as its analysis picks it. */
async function catalogFor(uri: string | undefined) {
  return uri ? (await inputsOf(uri)).catalog : catalogs.get('', undefined, 'ja');
}
let workDoneProgress = false;
// Analysis runs in worker threads (server/out/worker.js), never on the connection's thread.
const scheduler = new Scheduler(connection, documents, inputsOf, builtinCatalog(), {
  workers: Number(process.env.ITAKU_WORKERS) || undefined,
  stepBudgetMs: Number(process.env.ITAKU_STEP_BUDGET_MS) || undefined,
  workerHeapMb: Number(process.env.ITAKU_WORKER_HEAP_MB) || undefined,
  get progress() {
    return workDoneProgress;
  },
  capabilities: () => ({ versionedEdits, snippetEdits, ...actionClient }),
});

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
  workDoneProgress = Boolean(params.capabilities.window?.workDoneProgress);
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
  scheduler.start();
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
  scheduler.refresh();
};
connection.onDidChangeConfiguration(refreshAll);
// A changed catalog file: only the drafts using it, debounced (catalogs are re-read by mtime).
const catalogChanges = new CatalogChanges(
  async (uri) => {
    if (!documents.get(uri)) return [];
    const inputs = await inputsOf(uri);
    return [...inputs.catalog.layers, ...(inputs.configFile ? [inputs.configFile] : [])];
  },
  () => documents.all().map((d) => d.uri),
  (uri) => scheduler.refresh(uri),
  () => {
    project.forget();
    catalogs.forget();
  },
);
// The closed drafts the workspace check published: refreshed when they change on disk.
const workspaceCheck = new WorkspaceCheck(
  connection,
  (uri) => documents.get(uri),
  settings,
  (uri, text) => scheduler.once(uri, text),
);
connection.onDidChangeWatchedFiles((params) => {
  catalogChanges.onChange(params);
  workspaceCheck.onChange(params);
});

// (Opening a document fires onDidChangeContent too.)
documents.onDidChangeContent((e) => scheduler.changed(e.document.uri));
documents.onDidOpen((e) => workspaceCheck.opened(e.document.uri));
documents.onDidClose((e) => scheduler.closed(e.document.uri));
connection.onShutdown(() => {
  shutdownReceived = true;
  return scheduler.dispose();
});

// Requests are answered in the document's worker from its last finished analysis; code actions
// only from the analysis of the current text (they wait for it, or get nothing once it is superseded).
connection.onCodeAction((params, token) =>
  scheduler.request(params.textDocument.uri, 'codeAction', params, token, [], {
    revision: scheduler.revisionOf(params.textDocument.uri),
  }),
);

// The one lazy action (fix-all): its edit from the server's own analysis of the version it stamps.
connection.onCodeActionResolve((action, token) => {
  if (!isLazyFixAll(action.data)) return action;
  const doc = documents.get(action.data.uri);
  if (!doc || doc.version !== action.data.version) return action;
  return scheduler.request(doc.uri, 'resolveFixAll', action, token, action, {
    revision: scheduler.revisionOf(doc.uri),
  });
});

connection.onHover((params, token) => scheduler.request(params.textDocument.uri, 'hover', params, token, null));

connection.onCompletion((params, token) =>
  scheduler.request(params.textDocument.uri, 'completion', params, token, [], {
    text: documents.get(params.textDocument.uri)?.getText(),
  }),
);

connection.onDocumentSymbol((params, token) =>
  scheduler.request(params.textDocument.uri, 'symbols', params, token, []),
);

// The Coverage view: an open draft's rows (from the analysis the diagnostics came from, in its
// worker), a folder's table (open drafts from their workers, the others read from disk).
connection.onRequest(CoverageRequest, (params: CoverageParams, token): Promise<CoverageAnswer | null> | null =>
  typeof params?.uri === 'string' && documents.get(params.uri)
    ? scheduler.request(params.uri, 'coverage', params, token, null)
    : null,
);
connection.onRequest(FolderCoverageRequest, (params: FolderCoverageParams, token) =>
  typeof params?.uri === 'string'
    ? folderCoverageAnswer(
        params.uri,
        {
          documents,
          inputsOf,
          openResult: (uri) => scheduler.request(uri, 'result', undefined, undefined, undefined),
          analyzeOnce: (uri, text) => scheduler.onceResult(uri, text),
        },
        token,
      )
    : null,
);

connection.onExecuteCommand(async (params) => {
  const [arg] = (params.arguments ?? []) as [Record<string, unknown> | undefined];
  if (params.command === Commands.insertAllMissing) {
    const doc = typeof arg?.uri === 'string' ? documents.get(arg.uri) : undefined;
    if (!doc) return { applied: false };
    // The documented `version`: edits computed for another version than the client means are refused.
    if (arg?.version !== undefined && arg.version !== doc.version) return { applied: false, clauses: 0 };
    const { edits, clauses, reveal } = await scheduler.request(
      doc.uri,
      'fixAll',
      undefined,
      undefined,
      { edits: [] as TextEdit[], clauses: 0, reveal: undefined as unknown },
      { revision: scheduler.revisionOf(doc.uri) },
    );
    if (!edits.length || documents.get(doc.uri)?.version !== doc.version) return { applied: false, clauses: 0 };
    const result = await connection.workspace.applyEdit({
      label: 'itaku',
      edit: workspaceEdit(doc, edits, versionedEdits),
    });
    // For a client that runs Commands.reveal: where the first inserted clause is, to show it.
    return { applied: result.applied, clauses, ...(result.applied && reveal ? { reveal } : {}) };
  }
  if (params.command === Commands.draftChoices) {
    const def = (await catalogFor(draftUri(arg))).def;
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
  if (params.command === Commands.checkWorkspace) return workspaceCheck.run(workspaceFolders);
  if (params.command === Commands.wordToMarkdown) {
    const request = arg as unknown as WordToMarkdownRequest;
    const inputs = typeof request?.uri === 'string' ? await project.forDraft(request.uri) : undefined;
    return runInWorker({
      kind: 'toMarkdown',
      request,
      locale: resolveLocale(request?.locale ?? clientLocale),
      defaults: inputs?.defaults,
      configFile: inputs?.configFile,
    });
  }
  if (params.command === Commands.exportWord) {
    const request = arg as unknown as ExportWordRequest;
    return runInWorker({ kind: 'export', request, locale: resolveLocale(request?.locale ?? clientLocale) });
  }
  if (params.command === Commands.newDraftText) {
    const asked = (arg as { locale?: unknown } | null | undefined)?.locale;
    const locale = resolveLocale(typeof asked === 'string' ? asked : clientLocale);
    const catalog = await catalogFor(draftUri(arg));
    // Checked first: a string for `categories`, an unknown id or a megabyte title is an InvalidParams
    // error with one sentence saying why, not a TypeError or a draft of megabytes.
    const checked = checkNewDraftRequest(catalog, arg, locale);
    if (!checked.ok) return new ResponseError(ErrorCodes.InvalidParams, checked.message);
    return newDraftText(catalog, checked.request, locale);
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
