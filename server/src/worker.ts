// An analysis worker of the language server (a second bundle, server/out/worker.js): it keeps the
// open documents' incremental analysers and last finished results, analyses step by step, and
// answers hover, completion, symbols and code actions from the last finished result. Several runs
// interleave at their steps, the shortest first, so a small draft is analysed while a large one
// is; a run whose version is superseded is stopped. See lsp/scheduler.ts for the main thread's side.
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalog } from './builtinCatalog';
import { compileCatalog, restoreOrigins, type Catalog } from './core';
import { codeActions, fixAllOffsetEdits, resolveFixAll, revealCommand } from './lsp/codeActions';
import { toTextEdits } from './lsp/convert';
import { completions } from './lsp/completion';
import { draftCoverageAnswer, openDraftResult } from './lsp/coverage';
import { Drafts, type DraftState } from './lsp/drafts';
import { hover } from './lsp/hover';
import { draftStatus, publishedDiagnostics } from './lsp/status';
import { documentSymbols } from './lsp/symbols';
import { HEARTBEAT, RUNNING, type FromWorker, type ToWorker } from './lsp/workerProtocol';

/** A run yields after this much work, so requests and other documents wait at most about this long. */
const SLICE_MS = 8;
/**
 * Tests only: a pause between two slices, so that an event-ordered test can act while a long
 * analysis is still running (on a fast machine the 5 MB draft is done in about a second).
 */
const SLICE_PAUSE_MS = Number(process.env.ITAKU_TEST_SLICE_PAUSE_MS) || 0;

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
// The built-in catalog's phrase tables are made at first use: here, before the first draft arrives.
void builtinCatalog().matcher;

/** Runs not finished yet, at most one per document (a newer version's run replaces the older one). */
interface Run {
  key: string;
  job: AnalysisJobMessage;
  steps: Generator<void, DraftState>;
}
type AnalysisJobMessage = Extract<ToWorker, { kind: 'analyze' }>['job'];
const runs = new Map<string, Run>();
/** Requests waiting for a revision's result (code actions), or for a document's first result. */
const waiting = new Map<
  string,
  Array<{ id: number; revision: number | undefined; answer: (s: DraftState | undefined) => void }>
>();

function analyse(job: AnalysisJobMessage): void {
  const key = job.once ? `once:${job.revision}` : job.uri;
  const previous = runs.get(key);
  if (previous) stop(previous);
  runs.set(key, { key, job, steps: drafts.steps({ ...job, catalog: catalogOf(job.catalogKey) }) });
  if (!looping) {
    looping = true;
    setImmediate(loop);
  }
}

/** A superseded run: its generator is closed (the analyser's state stays as it was) and the main thread told. */
function stop(run: Run): void {
  runs.delete(run.key);
  run.steps.return(undefined as never);
  post({ kind: 'cancelled', uri: run.job.uri, revision: run.job.revision });
}

let looping = false;

/**
 * One slice of the shortest run, then back to the event loop so that messages (requests, newer
 * versions) are handled: a small draft's analysis is never queued behind a large one's.
 */
function loop(): void {
  let run: Run | undefined;
  for (const r of runs.values()) if (!run || r.job.text.length < run.job.text.length) run = r;
  if (!run) {
    looping = false;
    return;
  }
  const sliceStart = now();
  Atomics.store(shared, RUNNING, run.job.revision);
  let state: DraftState | undefined;
  try {
    do {
      beat();
      const next = run.steps.next();
      if (next.done) state = next.value;
    } while (!state && now() - sliceStart < SLICE_MS);
  } catch (error) {
    // Drafts.steps handles analysis failures; this is a defect around it. The run is dropped, the worker lives.
    runs.delete(run.key);
    errors.push(`itaku: analysing ${run.job.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  Atomics.store(shared, RUNNING, 0);
  if (state) {
    runs.delete(run.key);
    finished(run.job, state);
  }
  if (SLICE_PAUSE_MS) setTimeout(loop, SLICE_PAUSE_MS);
  else setImmediate(loop);
}

function finished(job: AnalysisJobMessage, state: DraftState): void {
  const { uri, revision } = job;
  const diagnostics = publishedDiagnostics(uri, state);
  post({
    kind: 'analysed',
    uri,
    version: state.version,
    revision,
    diagnostics,
    status: draftStatus(uri, state, diagnostics.length),
    ...(job.once ? { result: openDraftResult(state) } : {}),
    errors,
  });
  errors = [];
  if (job.once) return;
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

const docOf = (uri: string, state: DraftState) =>
  TextDocument.create(uri, 'markdown', state.version, state.analysis?.context.text ?? '');

async function answer(m: Extract<ToWorker, { kind: 'request' }>): Promise<unknown> {
  const state = await stateFor(m.id, m.uri, m.revision);
  if (!state) return m.method === 'hover' || m.method === 'coverage' ? null : m.method === 'result' ? undefined : [];
  const a = state.analysis;
  const p = m.params as never;
  switch (m.method) {
    case 'hover':
      return a ? hover(a, (p as { position: never }).position, state.locale) : null;
    case 'symbols':
      return a ? documentSymbols(a, state.locale) : [];
    case 'completion':
      return completions(
        m.text ?? '',
        (p as { position: never }).position,
        a,
        state.catalog,
        state.locale,
        m.capabilities.reveal ? m.uri : undefined,
      );
    case 'codeAction':
      return codeActions(p, docOf(m.uri, state), state, m.capabilities.versionedEdits, m.capabilities.snippetEdits, {
        reveal: m.capabilities.reveal,
        resolve: m.capabilities.resolve,
      });
    case 'resolveFixAll':
      return (
        resolveFixAll(p, docOf(m.uri, state), state, m.capabilities.versionedEdits, {
          reveal: m.capabilities.reveal,
          resolve: m.capabilities.resolve,
        }) ?? p
      );
    case 'coverage':
      return draftCoverageAnswer(m.uri, state);
    case 'result':
      return openDraftResult(state);
    case 'fixAll': {
      const offsets = fixAllOffsetEdits(state);
      if (!offsets.length || !a) return { edits: [], clauses: 0 };
      const reveal = m.capabilities.reveal ? revealCommand(m.uri, a.context.text, offsets) : undefined;
      return {
        edits: toTextEdits(offsets, a.lines),
        clauses: a.result.diagnostics.filter((d) => d.code === 'missing-clause').length,
        reveal: reveal?.arguments?.[0],
      };
    }
  }
}

port.on('message', (m: ToWorker) => {
  beat();
  switch (m.kind) {
    case 'catalog': {
      const { key, def, source, root, layers, origins } = m.source;
      restoreOrigins(def, origins);
      catalogs.set(key, compileCatalog(def, source, { root, layers }));
      return;
    }
    case 'analyze':
      analyse(m.job);
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
      const run = runs.get(m.uri);
      if (run) stop(run);
      for (const w of waiting.get(m.uri) ?? []) w.answer(undefined);
      waiting.delete(m.uri);
      drafts.closed(m.uri);
      return;
    }
  }
});
