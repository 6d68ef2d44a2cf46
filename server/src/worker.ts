// An analysis worker of the language server (a second bundle, server/out/worker.js): it keeps the
// open documents' incremental analysers and last finished results, analyses step by step, and
// answers hover, completion, symbols and code actions from the last finished result. Several runs
// interleave at their steps, so a small draft is analysed while a large one is; a run whose
// version is superseded stops at its next step. See lsp/scheduler.ts for the main thread's side.
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalog } from './builtinCatalog';
import type { Catalog } from './core/catalog/compile';
import { loadCatalog } from './core/catalog/load';
import { codeActions, fixAllEdits } from './lsp/codeActions';
import { completions } from './lsp/completion';
import { Drafts, type DraftState } from './lsp/drafts';
import { hover } from './lsp/hover';
import { draftStatus, publishedDiagnostics } from './lsp/status';
import { documentSymbols } from './lsp/symbols';
import { HEARTBEAT, RUNNING, type FromWorker, type ToWorker } from './lsp/workerProtocol';

/** A run yields after this much work, so requests and other documents wait at most about this long. */
const SLICE_MS = 8;

const port = parentPort!;
const shared = new Int32Array((workerData as { shared: SharedArrayBuffer }).shared);
const post = (m: FromWorker) => port.postMessage(m);
const beat = () => Atomics.add(shared, HEARTBEAT, 1);
const now = () => performance.now();

let errors: string[] = [];
const drafts = new Drafts((uri, error) =>
  errors.push(`itaku: analysing ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`),
);
const catalogs = new Map<string, Catalog>();
const catalogOf = (key: string) => (key ? (catalogs.get(key) ?? builtinCatalog()) : builtinCatalog());

/** The run in progress per document, and requests waiting for a revision's result. */
const running = new Map<string, { revision: number; cancelled: boolean }>();
const waiting = new Map<
  string,
  Array<{ id: number; revision: number | undefined; answer: (s: DraftState | undefined) => void }>
>();

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));

async function analyse(job: Extract<ToWorker, { kind: 'analyze' }>['job']): Promise<void> {
  const { uri, revision } = job;
  const previous = running.get(uri);
  if (previous) previous.cancelled = true;
  const me = { revision, cancelled: false };
  running.set(uri, me);
  // A newer version may already be queued behind this message.
  await yieldToMessages();
  if (me.cancelled) return post({ kind: 'cancelled', uri, revision });
  const steps = drafts.steps({ ...job, catalog: catalogOf(job.catalogKey) });
  let sliceStart = now();
  Atomics.store(shared, RUNNING, revision);
  let state: DraftState;
  for (;;) {
    beat();
    const next = steps.next();
    if (next.done) {
      state = next.value;
      break;
    }
    if (now() - sliceStart < SLICE_MS) continue;
    Atomics.store(shared, RUNNING, 0);
    await yieldToMessages();
    if (me.cancelled) {
      steps.return(undefined as never);
      return post({ kind: 'cancelled', uri, revision });
    }
    sliceStart = now();
    Atomics.store(shared, RUNNING, revision);
  }
  Atomics.store(shared, RUNNING, 0);
  if (running.get(uri) === me) running.delete(uri);
  const diagnostics = publishedDiagnostics(uri, state);
  post({
    kind: 'analysed',
    uri,
    version: state.version,
    revision,
    diagnostics,
    status: draftStatus(uri, state, diagnostics.length),
    errors,
  });
  errors = [];
  const waiters = waiting.get(uri);
  if (waiters) {
    // A request without a revision takes the first result; one for a revision gets nothing once that is superseded.
    const done = (w: { revision: number | undefined }) => w.revision === undefined || w.revision <= revision;
    const still = waiters.filter((w) => !done(w));
    for (const w of waiters)
      if (done(w)) w.answer(w.revision === undefined || w.revision === revision ? state : undefined);
    if (still.length) waiting.set(uri, still);
    else waiting.delete(uri);
  }
}

/** The state a request is answered from: the given revision's (waiting for it), else the last finished one (or the first to finish). */
function stateFor(id: number, uri: string, revision: number | undefined): Promise<DraftState | undefined> {
  const latest = drafts.latest(uri);
  if (revision === undefined ? latest : latest && latest.revision >= revision)
    return Promise.resolve(revision === undefined || latest!.revision === revision ? latest : undefined);
  return new Promise((answer) => {
    const list = waiting.get(uri) ?? [];
    list.push({ id, revision, answer });
    waiting.set(uri, list);
  });
}

async function answer(m: Extract<ToWorker, { kind: 'request' }>): Promise<unknown> {
  const state = await stateFor(m.id, m.uri, m.revision);
  if (!state) return m.method === 'hover' ? null : [];
  const a = state.analysis;
  const p = m.params as never;
  switch (m.method) {
    case 'hover':
      return a ? hover(a, (p as { position: never }).position, state.locale) : null;
    case 'symbols':
      return a ? documentSymbols(a, state.locale) : [];
    case 'completion':
      return completions(m.text ?? '', (p as { position: never }).position, a, state.catalog, state.locale);
    case 'codeAction': {
      const doc = TextDocument.create(m.uri, 'markdown', state.version, a?.context.text ?? '');
      return codeActions(p, doc, state, m.capabilities.versionedEdits, m.capabilities.snippetEdits);
    }
    case 'fixAll':
      return {
        edits: fixAllEdits(state),
        clauses: a?.result.diagnostics.filter((d) => d.code === 'missing-clause').length ?? 0,
      };
  }
}

port.on('message', (m: ToWorker) => {
  beat();
  switch (m.kind) {
    case 'catalog': {
      const loaded = loadCatalog(m.source.text, m.source.file);
      if (loaded.ok) catalogs.set(m.source.key, loaded.catalog);
      return;
    }
    case 'analyze':
      void analyse(m.job);
      return;
    case 'request':
      answer(m).then(
        (result) => post({ kind: 'answer', id: m.id, result }),
        (e: unknown) =>
          post({ kind: 'failed', id: m.id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
      return;
    case 'cancel':
      for (const [uri, list] of waiting) {
        const hit = list.find((w) => w.id === m.id);
        if (hit) {
          hit.answer(undefined);
          waiting.set(
            uri,
            list.filter((w) => w !== hit),
          );
        }
      }
      return;
    case 'close': {
      const run = running.get(m.uri);
      if (run) run.cancelled = true;
      running.delete(m.uri);
      for (const w of waiting.get(m.uri) ?? []) w.answer(undefined);
      waiting.delete(m.uri);
      drafts.closed(m.uri);
      return;
    }
  }
});
