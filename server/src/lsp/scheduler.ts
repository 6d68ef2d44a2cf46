import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  composeUnchanged,
  NOTHING_CHANGED,
  originEntries,
  type AnalysisResult,
  type Catalog,
  type FrontMatterDefaults,
  type Locale,
  type UnchangedEnds,
} from '../core';
import { lspText } from './messages';
import { StatusNotification, type DraftStatus, type ItakuSettings } from '../protocol';
import {
  HEARTBEAT,
  RUNNING,
  type CatalogSource,
  type FromWorker,
  type ToWorker,
  type WorkerMethod,
} from './workerProtocol';

/** What applies to one draft: its settings, message language and catalog (and its .itaku.yaml's part). */
export interface DraftInputs {
  settings: ItakuSettings;
  locale: Locale;
  catalog: Catalog;
  defaults?: FrontMatterDefaults;
  ignored: boolean;
  configFile?: string;
}

/** A step of analysis (one parse window) that runs longer than this stops its worker; the draft is then read as plain text. */
export const STEP_BUDGET_MS = 5000;
/** Work-done progress is shown for an analysis still running after this long. */
export const PROGRESS_AFTER_MS = 1000;
/**
 * A draft this long (UTF-16 units; about 1 MB of Japanese text, about a second of analysis on the
 * benchmark machine) gets a worker of its own when the pool can grow (Scheduler.placeNew).
 */
export const LARGE_DRAFT_CHARS = 400_000;
/** What is kept of a file over the size limit: enough to tell whether it is a draft. */
const TOO_LARGE_HEAD = 64 * 1024;

interface Slot {
  worker: Worker;
  shared: Int32Array;
  /** Custom catalogs this worker has loaded (by key). */
  catalogs: Set<string>;
  /** Analyses posted and not yet answered: revision → uri. */
  analyses: Map<number, string>;
  requests: Map<number, { resolve: (value: unknown) => void; fallback: unknown }>;
  /** Characters of the documents it holds (new documents go to the least loaded worker). */
  load: number;
  watchdog?: NodeJS.Timeout;
  beat: number;
  beatAt: number;
  /** It has finished an analysis: compiled code, so its steps are held to the budget (until then, four times it). */
  warm: boolean;
}

interface Doc {
  slot: Slot;
  /** The revision of the document's current text and settings (bumped on every change). */
  revision: number;
  size: number;
  /** The draft overran the step budget, or ran its worker out of memory: it is read as plain text until it is closed. */
  plain?: 'time' | 'memory';
  /** It stopped its worker again when read as plain text: not analysed until it is closed (one finding says so). */
  abandoned?: boolean;
  progress?: { timer?: NodeJS.Timeout; reporter?: Promise<WorkDoneProgressServerReporter>; revision: number };
  /** The revision last posted to its worker, and what the editor's changes since then left unchanged. */
  sent?: number;
  unchanged?: UnchangedEnds;
}

export interface SchedulerOptions {
  workers?: number;
  stepBudgetMs?: number;
  /** The old-generation heap limit of each worker (MB); Node's default when absent (tests set a small one). */
  workerHeapMb?: number;
  progress?: boolean;
  capabilities: () => { versionedEdits: boolean; snippetEdits: boolean; reveal?: boolean; resolve?: boolean };
}

/**
 * The main thread's side of analysis: documents are analysed in a small pool of worker threads
 * (server/src/worker.ts), so the connection is never blocked by a parse. Each document stays with
 * one worker (its incremental state lives there); a new document goes to the least loaded one, or
 * to a worker started for it so that a large draft and small ones do not share one (`placeNew`).
 * Requests are forwarded to the document's worker, which answers from the last finished result
 * (code actions from the result of the current revision). Every change bumps the document's
 * revision: a result is published only for the current revision, and the worker stops a run
 * whose revision is superseded. A worker whose step overruns the budget is terminated and
 * replaced; the draft that overran is then read as plain text, and the others are re-analysed.
 */
export class Scheduler {
  private readonly slots: Slot[] = [];
  private readonly docs = new Map<string, Doc>();
  private readonly pending = new Set<string>();
  private revisions = 0;
  private requestIds = 0;
  private disposed = false;
  private readonly stepBudgetMs: number;

  /** Custom catalogs as workers receive them, keyed per catalog object (a changed file is a new object). */
  private readonly sources = new WeakMap<Catalog, CatalogSource>();
  private catalogKeys = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    /** Resolves what applies to a draft (settings, .itaku.yaml, catalog): on the main thread, which reads files. */
    private readonly inputsOf: (uri: string) => Promise<DraftInputs>,
    /** The built-in catalog, which every worker has already. */
    private readonly builtin: Catalog,
    private readonly options: SchedulerOptions,
  ) {
    this.stepBudgetMs = options.stepBudgetMs ?? STEP_BUDGET_MS;
  }

  /**
   * Starts the pool, once: after the server has answered `initialize` (a worker loads the core and
   * the built-in catalog, which on two cores would delay that answer), or at the first analysis.
   * With `workers` set, that many start at once; otherwise one, and a second only when a large
   * draft is open (see `placeNew`): each worker costs some 35 MB before it holds a draft, and most
   * sessions never need two.
   */
  start(): Slot[] {
    if (!this.slots.length && !this.disposed) {
      for (let i = 0; i < (this.options.workers ?? 1); i++) this.slots.push(this.spawn());
    }
    return this.slots;
  }

  /** How many workers the pool may have: `workers` if set, else two on a machine with two cores or more. */
  private get maxWorkers(): number {
    return this.options.workers ?? Math.max(1, Math.min(2, os.availableParallelism()));
  }

  /** The least loaded worker (starting the pool if it has not started). */
  private leastLoaded(): Slot {
    return this.start().reduce((a, b) => (b.load < a.load ? b : a));
  }

  /**
   * The worker a newly opened document goes to: the least loaded one, unless a large draft (over
   * LARGE_DRAFT_CHARS, about a second of analysis) would share it with others — the large draft
   * being opened, or one that worker holds already. Then, while the pool can grow, a new worker
   * takes the new document, so small drafts are never analysed in the same thread as a large one.
   */
  private placeNew(size: number): Slot {
    const slot = this.leastLoaded();
    const sharesWithLarge = slot.load > 0 && (size > LARGE_DRAFT_CHARS || this.holdsLarge(slot));
    if (!sharesWithLarge || this.slots.length >= this.maxWorkers || this.disposed) return slot;
    const fresh = this.spawn();
    this.slots.push(fresh);
    this.connection.console.log(
      `itaku: started analysis worker ${this.slots.length} of ${this.maxWorkers}, so that a large draft is analysed apart from the others`,
    );
    return fresh;
  }

  private holdsLarge(slot: Slot): boolean {
    for (const doc of this.docs.values()) if (doc.slot === slot && doc.size > LARGE_DRAFT_CHARS) return true;
    return false;
  }

  /** The document changed (or was opened): a new revision, analysed soon. */
  changed(uri: string): void {
    const doc = this.docs.get(uri);
    const text = this.documents.get(uri)?.getText() ?? '';
    if (doc) {
      doc.slot.load += text.length - doc.size;
      doc.size = text.length;
      doc.revision = ++this.revisions;
    } else {
      const slot = this.placeNew(text.length);
      slot.load += text.length;
      this.docs.set(uri, { slot, revision: ++this.revisions, size: text.length });
    }
    this.schedule(uri);
  }

  /**
   * The editor replaced characters `start`–`end` of a document of `length` characters (called
   * before `changed`): what stays unchanged since the revision last posted shrinks to what this
   * change leaves. The worker is told, instead of comparing the two texts.
   */
  edited(uri: string, start: number, end: number, length: number): void {
    const doc = this.docs.get(uri);
    if (doc?.unchanged) doc.unchanged = composeUnchanged(doc.unchanged, { prefix: start, suffix: length - end });
  }

  /** Settings or a catalog changed: re-analyse one document, or every open one. */
  refresh(uri?: string): void {
    for (const u of uri ? [uri] : [...this.docs.keys()]) if (this.docs.has(u)) this.changed(u);
  }

  closed(uri: string): void {
    const doc = this.docs.get(uri);
    if (doc) {
      doc.slot.load -= doc.size;
      this.endProgress(doc);
      this.post(doc.slot, { kind: 'close', uri });
      this.docs.delete(uri);
    }
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    void this.connection.sendNotification(StatusNotification, {
      uri,
      version: null,
      isDraft: false,
      categoryLabels: [],
      required: 0,
      present: 0,
      problems: 0,
    } satisfies DraftStatus);
  }

  /** The revision of the document's current text, if it is open. */
  revisionOf(uri: string): number | undefined {
    return this.docs.get(uri)?.revision;
  }

  /**
   * Asks the document's worker. Without `revision` it answers from the last finished result (or
   * the first one); with it, from that revision's result only (`fallback` once it is superseded).
   * `$/cancelRequest` answers at once with RequestCancelled.
   */
  request<T>(
    uri: string,
    method: WorkerMethod,
    params: unknown,
    token: CancellationToken | undefined,
    fallback: T,
    extra: { revision?: number; text?: string } = {},
  ): Promise<T> {
    const doc = this.docs.get(uri);
    if (!doc) return Promise.resolve(fallback);
    const slot = doc.slot;
    const id = ++this.requestIds;
    return new Promise<T>((resolve, reject) => {
      slot.requests.set(id, { resolve: resolve as (v: unknown) => void, fallback });
      const cancel = token?.onCancellationRequested(() => {
        if (!slot.requests.delete(id)) return;
        this.post(slot, { kind: 'cancel', id });
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled'));
      });
      const settle = slot.requests.get(id)!;
      settle.resolve = (v) => {
        cancel?.dispose();
        resolve(v as T);
      };
      this.post(slot, {
        kind: 'request',
        id,
        uri,
        method,
        params,
        revision: extra.revision,
        text: extra.text,
        capabilities: this.options.capabilities(),
      });
    });
  }

  /**
   * One analysis of a text that need not be open (the workspace check), in the least loaded
   * worker; nothing is kept for it. Undefined for Markdown that is not a draft.
   */
  async once(uri: string, text: string): Promise<LspDiagnostic[] | undefined> {
    const m = await this.runOnce(uri, text);
    return m?.status.isDraft ? m.diagnostics : undefined;
  }

  /**
   * The same one-off analysis, for its result (the folder's coverage): in a worker, under the step
   * budget, so a slow file never holds up the server's other requests. Undefined when the worker
   * was stopped on it; null when it is not a draft.
   */
  async onceResult(uri: string, text: string): Promise<AnalysisResult | null | undefined> {
    const m = await this.runOnce(uri, text);
    return m && (m.status.isDraft ? (m.result ?? null) : null);
  }

  private async runOnce(uri: string, text: string): Promise<Extract<FromWorker, { kind: 'analysed' }> | undefined> {
    const { settings, locale, catalog, defaults, ignored, configFile } = await this.inputsOf(uri);
    const slot = this.leastLoaded();
    const catalogKey = this.catalogIn(slot, catalog);
    const revision = ++this.revisions;
    const result = new Promise<Extract<FromWorker, { kind: 'analysed' }> | undefined>((resolve) =>
      this.onces.set(revision, resolve),
    );
    this.dispatch(slot, {
      uri,
      version: 0,
      revision,
      text,
      settings,
      locale,
      catalogKey,
      defaults,
      ignored,
      configFile,
      once: true,
    });
    return result;
  }

  private readonly onces = new Map<number, (m: Extract<FromWorker, { kind: 'analysed' }> | undefined) => void>();

  /** Stops every worker (server shutdown). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(
      this.slots.map((s) => {
        clearInterval(s.watchdog);
        return s.worker.terminate();
      }),
    );
  }

  private schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(() => {
      this.pending.delete(uri);
      void this.submit(uri).catch((e) =>
        this.connection.console.error(`itaku: analysing ${uri} failed: ${(e as Error).stack ?? e}`),
      );
    });
  }

  /** Resolves the settings and catalog of the document's folder, then posts its current revision. */
  private async submit(uri: string): Promise<void> {
    const doc = this.docs.get(uri);
    const current = this.documents.get(uri);
    if (!doc || !current) return;
    const revision = doc.revision;
    const { settings, locale, catalog, defaults, ignored, configFile } = await this.inputsOf(uri);
    // Superseded while the settings were read: the newer revision is already scheduled.
    if (this.docs.get(uri) !== doc || doc.revision !== revision) return;
    const slot = doc.slot;
    const catalogKey = this.catalogIn(slot, catalog);
    let text = current.getText();
    const size = text.length > settings.maxFileSize / 3 ? Buffer.byteLength(text, 'utf8') : text.length;
    const tooLarge = size > settings.maxFileSize ? { size, limit: settings.maxFileSize } : undefined;
    if (tooLarge || doc.abandoned) text = text.slice(0, TOO_LARGE_HEAD);
    const edit = doc.sent !== undefined && doc.unchanged ? { since: doc.sent, ...doc.unchanged } : undefined;
    doc.sent = revision;
    doc.unchanged = NOTHING_CHANGED;
    this.dispatch(slot, {
      uri,
      version: current.version,
      revision,
      text,
      edit,
      tooLarge,
      settings,
      locale,
      catalogKey,
      defaults,
      ignored,
      configFile,
      abandoned: doc.abandoned,
      plain: doc.plain
        ? doc.plain === 'memory'
          ? { memory: true }
          : { budgetSeconds: this.stepBudgetMs / 1000 }
        : undefined,
    });
    this.startProgress(uri, doc, locale);
  }

  /** Posts an analysis job to `slot`'s worker, watched until it is answered. */
  private dispatch(slot: Slot, job: Extract<ToWorker, { kind: 'analyze' }>['job']): void {
    slot.analyses.set(job.revision, job.uri);
    this.watch(slot);
    this.post(slot, { kind: 'analyze', job });
  }

  /** The key a job names its catalog by in `slot`'s worker, sending the catalog there first if it is new to it. */
  private catalogIn(slot: Slot, catalog: Catalog): string {
    const source = this.sourceOf(catalog);
    if (source && !slot.catalogs.has(source.key)) {
      slot.catalogs.add(source.key);
      this.post(slot, { kind: 'catalog', source });
    }
    return source?.key ?? '';
  }

  private sourceOf(catalog: Catalog): CatalogSource | undefined {
    if (catalog === this.builtin) return undefined;
    let source = this.sources.get(catalog);
    if (!source) {
      source = {
        key: `${catalog.source}#${++this.catalogKeys}`,
        def: catalog.def,
        source: catalog.source,
        root: catalog.root,
        layers: [...catalog.layers],
        origins: originEntries(catalog.def),
      };
      this.sources.set(catalog, source);
    }
    return source;
  }

  private spawn(): Slot {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    // stdout: true — a worker's stdout is not the process's: over --stdio that carries the protocol.
    const heap = this.options.workerHeapMb;
    const worker = new Worker(path.join(__dirname, 'worker.js'), {
      workerData: { shared: shared.buffer },
      stdout: true,
      ...(heap ? { resourceLimits: { maxOldGenerationSizeMb: heap } } : {}),
    });
    worker.stdout.on('data', (chunk: Buffer) => this.connection.console.log(chunk.toString().trimEnd()));
    const slot: Slot = {
      worker,
      shared,
      catalogs: new Set(),
      analyses: new Map(),
      requests: new Map(),
      load: 0,
      beat: 0,
      beatAt: Date.now(),
      warm: false,
    };
    worker.on('message', (m: FromWorker) => this.received(slot, m));
    worker.on('error', (e) => {
      // Out of memory (Node stops a worker at its heap limit): the draft it was analysing is read as plain text.
      const memory = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.connection.console.error(
        memory
          ? 'itaku: an analysis worker ran out of memory; it is replaced'
          : `itaku: an analysis worker failed: ${e.stack ?? e}`,
      );
      this.replace(slot, Atomics.load(shared, RUNNING), memory ? 'memory' : 'time');
    });
    worker.on('exit', () => this.replace(slot, Atomics.load(shared, RUNNING)));
    // The pool must not keep the server alive on its own.
    worker.unref();
    return slot;
  }

  private received(slot: Slot, m: FromWorker): void {
    switch (m.kind) {
      case 'analysed': {
        slot.analyses.delete(m.revision);
        slot.warm = true;
        for (const e of m.errors) this.connection.console.error(e);
        const once = this.onces.get(m.revision);
        if (once) {
          this.onces.delete(m.revision);
          return once(m);
        }
        const doc = this.docs.get(m.uri);
        if (!doc || doc.slot !== slot || doc.revision !== m.revision) return;
        this.endProgress(doc);
        // A client's version is echoed only when it is one LSP allows (an integer).
        void this.connection.sendDiagnostics({
          uri: m.uri,
          version: Number.isInteger(m.version) ? m.version : undefined,
          diagnostics: m.diagnostics,
        });
        void this.connection.sendNotification(StatusNotification, m.status);
        return;
      }
      case 'cancelled':
        slot.analyses.delete(m.revision);
        // Debug level: it happens at almost every keystroke, and the output channel showed a line each time.
        this.connection.console.debug(
          `itaku: the analysis of ${m.uri} (revision ${m.revision}) was superseded and stopped`,
        );
        return;
      case 'answer':
      case 'failed': {
        const r = slot.requests.get(m.id);
        if (!r) return;
        slot.requests.delete(m.id);
        if (m.kind === 'failed') this.connection.console.error(`itaku: a request failed: ${m.message}`);
        r.resolve(m.kind === 'answer' ? m.result : r.fallback);
        return;
      }
    }
  }

  private post(slot: Slot, m: ToWorker): void {
    slot.worker.postMessage(m);
  }

  /** While a worker has analyses to do, check that its heartbeat moves at least once per step budget. */
  private watch(slot: Slot): void {
    if (slot.watchdog) return;
    slot.beat = Atomics.load(slot.shared, HEARTBEAT);
    slot.beatAt = Date.now();
    slot.watchdog = setInterval(
      () => {
        if (!slot.analyses.size) {
          clearInterval(slot.watchdog);
          slot.watchdog = undefined;
          return;
        }
        const beat = Atomics.load(slot.shared, HEARTBEAT);
        // Only a step counts (not starting up, nor answering requests): the worker is in one while RUNNING is set.
        if (beat !== slot.beat || Atomics.load(slot.shared, RUNNING) === 0) {
          slot.beat = beat;
          slot.beatAt = Date.now();
        } else if (Date.now() - slot.beatAt > (slot.warm ? this.stepBudgetMs : 4 * this.stepBudgetMs)) {
          const culprit = Atomics.load(slot.shared, RUNNING);
          this.connection.console.warn(
            `itaku: an analysis step ran longer than ${this.stepBudgetMs} ms; its worker is stopped and replaced`,
          );
          this.replace(slot, culprit);
        }
      },
      Math.max(10, this.stepBudgetMs / 4),
    );
    slot.watchdog.unref();
  }

  /** Terminates a worker and puts a fresh one in its place; its documents are analysed again there. */
  private replace(slot: Slot, culprit: number, why: 'time' | 'memory' = 'time'): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.disposed) return;
    clearInterval(slot.watchdog);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    const fresh = this.spawn();
    this.slots[index] = fresh;
    // Over time, the draft being analysed; out of memory, the largest draft the worker holds (what a
    // worker keeps is what fills its heap, and the allocation that fails can come between analyses),
    // unless a file of the workspace check was running (nothing is kept for it; it gets no result).
    const checking = culprit !== 0 && this.onces.has(culprit);
    const culpritUri =
      why === 'memory' && !checking ? this.largestIn(slot) : culprit ? slot.analyses.get(culprit) : undefined;
    for (const r of slot.requests.values()) r.resolve(r.fallback);
    for (const revision of slot.analyses.keys()) {
      const once = this.onces.get(revision);
      if (once) {
        this.onces.delete(revision);
        once(undefined);
      }
    }
    for (const [uri, doc] of this.docs) {
      if (doc.slot !== slot) continue;
      doc.slot = fresh;
      // The fresh worker has no earlier text to compare with.
      doc.sent = doc.unchanged = undefined;
      fresh.load += doc.size;
      if (uri === culpritUri) {
        // A second stop, as plain text: analysing it again would only stop the next worker too.
        if (doc.plain) doc.abandoned = true;
        doc.plain = why;
      }
      this.changed(uri);
    }
  }

  /** The largest document `slot` holds that is still analysed. */
  private largestIn(slot: Slot): string | undefined {
    let largest: [string, Doc] | undefined;
    for (const entry of this.docs)
      if (entry[1].slot === slot && !entry[1].abandoned && (!largest || entry[1].size > largest[1].size))
        largest = entry;
    return largest?.[0];
  }

  private startProgress(uri: string, doc: Doc, locale: Locale): void {
    if (!this.options.progress || doc.progress) return;
    const progress: NonNullable<Doc['progress']> = { revision: doc.revision };
    doc.progress = progress;
    progress.timer = setTimeout(() => {
      progress.timer = undefined;
      if (this.docs.get(uri) !== doc || doc.progress !== progress) return;
      progress.reporter = this.connection.window.createWorkDoneProgress().then((reporter) => {
        reporter.begin(lspText(locale, 'analysing'), undefined, path.posix.basename(uri));
        return reporter;
      });
      // Ended in the meantime: the reporter is closed as soon as it exists.
      progress.reporter.catch(() => undefined);
    }, PROGRESS_AFTER_MS);
  }

  private endProgress(doc: Doc): void {
    const progress = doc.progress;
    if (!progress) return;
    doc.progress = undefined;
    clearTimeout(progress.timer);
    void progress.reporter?.then((r) => r.done()).catch(() => undefined);
  }
}
