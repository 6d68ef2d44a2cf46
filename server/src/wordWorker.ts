// The server's Word worker (a bundle of its own, server/out/wordWorker.js): one Word command per
// worker, converted off the connection's thread. A 1 MB export takes about 3 s and a 10 MB .docx
// longer; on the server's thread every other request waited that long, and a large one could run
// the whole server out of memory. Here only this worker is stopped at its heap limit.
import { parentPort, workerData } from 'node:worker_threads';
import { builtinCatalog } from './builtinCatalog';
import { runWordJob } from './lsp/word';
import type { WordJob } from './lsp/wordJob';

runWordJob(workerData as WordJob, builtinCatalog).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
);
