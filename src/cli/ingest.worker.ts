/**
 * The body of the ingest worker that `ingestInWorker` starts: opens the archive, runs the batch,
 * and tells the main thread what happens as messages (see `IngestMessage`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openApp } from '../app.ts';
import { isChanceryError } from '../errors.ts';
import { ingestPaths } from '../ingest/ingest.batch.ts';
import { INGEST_PAGE_CACHE_MB, type IngestJob, type IngestMessage } from './ingest.thread.ts';

const job = workerData as IngestJob;
const tell = (message: IngestMessage) => parentPort?.postMessage(message);

try {
  const app = await openApp({ ...(job.db ? { db: job.db } : {}), pageCacheMb: INGEST_PAGE_CACHE_MB });
  try {
    const report = await ingestPaths({
      paths: job.paths,
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
      readerThreads: job.readerThreads,
      onProgress: job.progress ? (progress) => tell({ kind: 'progress', progress }) : undefined,
      onFile: (file) => tell({ kind: 'file', file }),
    });
    tell({ kind: 'done', report });
  } finally {
    await app.close();
  }
} catch (error) {
  // A Chancery error (a database of a newer schema, …) reaches the command as itself; anything
  // else is a bug, and the worker's 'error' event carries its stack.
  if (!isChanceryError(error)) throw error;
  tell({ kind: 'failed', code: error.code, message: error.message });
}
