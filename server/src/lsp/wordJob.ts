// Word commands run in a worker of their own (server/out/wordWorker.js): what the server's thread
// knows of them. Only types come from ./word, so the server's bundle holds no Word library.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { Locale } from '../core';
import type { ExportWordRequest, ExportWordResult, WordToMarkdownRequest, WordToMarkdownResult } from '../protocol';
import { lspText } from './messages';

/** One Word command, as the Word worker receives it (plain data: it crosses a thread). */
export type WordJob =
  | {
      kind: 'toMarkdown';
      request: WordToMarkdownRequest;
      locale: Locale;
      /** The .itaku.yaml's defaults for the file, and the file. */
      defaults?: { document?: string; category?: string | string[] };
      configFile?: string;
    }
  | { kind: 'export'; request: ExportWordRequest; locale: Locale };

/** Heap of a Word worker: what a 1 MB export or a 10 MB .docx needs, with room. */
const WORD_WORKER_HEAP_MB = 2048;

/**
 * Runs one Word command in a worker of its own (server/out/wordWorker.js, beside the server's
 * bundle), so the server keeps answering while it converts; a worker that dies (out of memory)
 * answers with a message, and the server lives.
 */
export function runInWorker(job: WordJob): Promise<WordToMarkdownResult | ExportWordResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'wordWorker.js'), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORD_WORKER_HEAP_MB },
    });
    let settled = false;
    worker.once(
      'message',
      (m: { ok: true; result: WordToMarkdownResult | ExportWordResult } | { ok: false; error: string }) => {
        settled = true;
        void worker.terminate();
        if (m.ok) resolve(m.result);
        else reject(new Error(m.error));
      },
    );
    const failed = () => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, message: lspText(job.locale, 'wordWorkerFailed') });
    };
    worker.once('error', failed);
    worker.once('exit', failed);
  });
}
