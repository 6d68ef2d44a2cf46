import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Catalog, WorkerStop } from '../core';
import { checkAnyFile, type CheckJob, type Outcome, type WorkerData, type WorkerMessage } from './check';
import { type FixPlan, type FixResult, writePlan } from './fix';

/** How many files each worker holds at once: enough to keep it busy, few to re-queue when it is stopped. */
const IN_FLIGHT = 4;

export interface BudgetOptions {
  /** Worker threads (at least one; the main thread only watches and hands out files). */
  jobs: number;
  /** Seconds one file may take per started megabyte of it before its worker is stopped (0: no limit). */
  budgetSeconds: number;
  onProgress: (done: number) => void;
  /** The old-generation heap limit of each worker (MB); Node's default when absent (tests set a small one). */
  workerHeapMb?: number;
}

/** One worker thread and the files it holds, oldest (the one it is working on) first. */
interface Slot {
  worker: Worker;
  /** Set once the worker has loaded itself and the built-in catalog: its clock runs from then. */
  ready: boolean;
  held: number[];
  /** When the worker began its oldest file (when that was handed over or the file before it came back). */
  since: number;
  /** The oldest file's time limit (ms), from its size. */
  limitMs: number;
}

/**
 * Checks files in worker threads (`jobs` of them, fed from one queue) under a time budget. A file whose check runs past
 * `budgetSeconds` per started megabyte (micromark has inputs it parses in super-quadratic time),
 * or whose worker runs out of memory, has its worker stopped and replaced: the file is then read
 * as plain text on the main thread, with one `analysis-limited` finding saying so, and the
 * worker's other files are handed out again. Results come back in the files' order.
 */
export function checkWithBudget(
  entry: string,
  files: CheckJob[],
  data: WorkerData,
  catalogOf: (job: CheckJob) => Catalog,
  options: BudgetOptions,
): Promise<Outcome[]> {
  return runWithBudget<Outcome>(entry, files, data, options, { kind: 'check' }, (job, stopped) => {
    return checkAnyFile(job.file, job.shown, catalogOf(job), { ...job.settings, plain: { ...stopped, cli: true } });
  });
}

/**
 * Computes `--fix` edits in worker threads under the same budget; the main thread writes them (a
 * worker is never stopped in the middle of a write). A file over the budget is left unchanged.
 */
export async function fixWithBudget(
  entry: string,
  files: CheckJob[],
  data: WorkerData,
  options: BudgetOptions & { maxSize: number; dryRun: boolean },
): Promise<FixResult[]> {
  const task = { kind: 'fix', maxSize: options.maxSize, dryRun: options.dryRun } as const;
  const plans = await runWithBudget<FixPlan>(entry, files, data, options, task, (job, stopped) =>
    Promise.resolve({
      file: job.file,
      shown: job.shown,
      status: 'memory' in stopped ? 'over-memory' : 'over-budget',
      inserted: 0,
      message: 'memory' in stopped ? undefined : String(stopped.budgetSeconds),
    }),
  );
  return plans.map(writePlan);
}

/** What a worker does with each job it is handed. */
export type PoolTask = { kind: 'check' } | { kind: 'fix'; maxSize: number; dryRun: boolean };

function runWithBudget<R>(
  entry: string,
  files: CheckJob[],
  data: WorkerData,
  options: BudgetOptions,
  task: PoolTask,
  overBudget: (job: CheckJob, stopped: WorkerStop) => Promise<R>,
): Promise<R[]> {
  const outcomes: R[] = new Array(files.length);
  const queue = files.map((_, i) => i);
  const slots = new Set<Slot>();
  let done = 0;
  const budgetMs = options.budgetSeconds * 1000;
  const limitOf = (i: number) =>
    budgetMs > 0 ? budgetMs * Math.max(1, Math.ceil(sizeOf(files[i].file) / 1e6)) : Infinity;
  return new Promise<R[]>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (watch) clearInterval(watch);
      for (const slot of slots) void slot.worker.terminate();
      slots.clear();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(outcomes);
    };
    const settle = (i: number, outcome: R) => {
      outcomes[i] = outcome;
      options.onProgress(++done);
      if (done === files.length) finish();
    };
    const feed = (slot: Slot) => {
      while (slot.held.length < IN_FLIGHT && queue.length > 0) {
        const i = queue.shift()!;
        if (slot.held.length === 0) begin(slot, i);
        slot.held.push(i);
        slot.worker.postMessage({ index: i, job: files[i], task });
      }
    };
    const begin = (slot: Slot, i: number) => {
      slot.since = slot.ready ? Date.now() : Infinity;
      slot.limitMs = limitOf(i);
    };
    const start = () => {
      const heap = options.workerHeapMb;
      const worker = new Worker(entry, {
        workerData: data,
        ...(heap ? { resourceLimits: { maxOldGenerationSizeMb: heap } } : {}),
      });
      const slot: Slot = { worker, ready: false, held: [], since: Infinity, limitMs: 0 };
      slot.worker.on('message', (m: WorkerMessage<R>) => {
        if (!slots.has(slot)) return;
        if (!('outcome' in m)) {
          slot.ready = true;
          if (slot.held.length > 0) begin(slot, slot.held[0]);
          return;
        }
        slot.held.shift();
        if (slot.held.length > 0) begin(slot, slot.held[0]);
        feed(slot);
        settle(m.index, m.outcome);
      });
      slot.worker.on('error', (error) => {
        if (!slots.has(slot)) return;
        // Out of memory on a file (Node stops the worker at its heap limit): that file is read as plain text.
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.held.length > 0)
          stop(slot, { memory: true });
        else finish(error);
      });
      // A worker that ends by itself (not stopped here) would leave its files unanswered: the run fails
      // with a sentence instead of waiting for ever.
      slot.worker.on('exit', (code) => slots.has(slot) && finish(new Error(`a worker thread exited (code ${code})`)));
      slots.add(slot);
      feed(slot);
    };
    // A worker past its oldest file's limit (the watch), or out of memory, is stopped: that file gets
    // its over-budget result here, and a fresh worker takes the rest.
    const stop = (slot: Slot, stopped: WorkerStop) => {
      slots.delete(slot);
      void slot.worker.terminate();
      const [stuck, ...rest] = slot.held;
      queue.unshift(...rest);
      overBudget(files[stuck], stopped).then(
        (outcome) => settle(stuck, outcome),
        (error: unknown) => finish(error),
      );
      if (queue.length > 0) start();
    };
    const watch =
      budgetMs > 0
        ? setInterval(
            () => {
              const now = Date.now();
              for (const slot of [...slots])
                if (slot.held.length > 0 && now - slot.since > slot.limitMs)
                  stop(slot, { budgetSeconds: slot.limitMs / 1000 });
            },
            Math.min(250, Math.max(10, budgetMs / 4)),
          )
        : undefined;
    if (files.length === 0) return finish();
    const workers = Math.max(1, Math.min(options.jobs, 8, Math.ceil(files.length / IN_FLIGHT)));
    for (let w = 0; w < workers; w++) start();
  });
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
