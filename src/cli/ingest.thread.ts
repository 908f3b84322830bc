import { readdirSync } from 'node:fs';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { ChanceryError, type ErrorCode } from '../errors.ts';
import type { FileReport, IngestProgress, IngestReport } from '../ingest/ingest.batch.ts';
import { startTypescriptWorker } from '../runtime/typescript.worker.ts';

/** What the ingest worker is asked to do. */
export interface IngestJob {
  /** The database file; the default one (`CHANCERY_DB` or ./data/chancery.db) when absent. */
  db?: string;
  paths: string[];
  /** Whether to report progress (a progress bar is drawn). */
  progress: boolean;
  /** Threads that read files while the worker saves them; `READER_THREADS` when absent. */
  readerThreads?: number;
}

/**
 * A bulk ingest runs at a lower processor priority than a server: on a machine that also serves
 * the reading room, readers are answered first and the ingest takes the cycles they leave (bench/load,
 * 200 connections: p99 0.85 s with an ingest at nice 10, 1.3 s at normal priority; README,
 * "Performance"). On an idle machine the priority changes nothing.
 */
export const INGEST_NICE = 10;

/**
 * Reader threads beside the worker, which writes: on a machine with cores to spare, one per core
 * beyond two, and two at most (SQLite takes one writer, and two readers prepare records faster
 * than it saves them). On two cores they only compete with the writer: the 45 FRUS volumes took
 * 52.7 s and 589 MB with two readers against 42.7 s and 337 MB with none, each thread holding its
 * own caches.
 */
export const READER_THREADS = Math.max(0, Math.min(2, availableParallelism() - 2));

/** What the ingest worker tells the thread that started it. */
export type IngestMessage =
  | { kind: 'progress'; progress: IngestProgress }
  | { kind: 'file'; file: FileReport }
  | { kind: 'done'; report: IngestReport }
  | { kind: 'failed'; code: ErrorCode; message: string };

/**
 * The ceiling of the worker's old generation. Under the ceiling V8 sets on a machine with
 * gigabytes free, it lets the old generation grow to about four times what survived its last full
 * collection before the next; under a lower one it collects sooner. The ingest keeps 40–50 MB
 * alive between files, but a record as large as the limits let in (64 million characters of
 * JSON, README "Limits") needs its text, analysis and index entries at once: 512 MB were too few
 * for one of 59 million (the worker ran out of memory), 768 hold one of 63 million
 * (test/ingest.thread.test.ts).
 */
const HEAP_CEILING_MB = 768;

/**
 * The worker's young generation, where the garbage of each document (its text, words and terms)
 * is made and dies. V8 empties it by copying out what is still alive, with the worker stopped:
 * the smaller it is, the more often, and the more of a document's work in progress is copied.
 * On the 45 FRUS volumes (`--trace-gc`), at 8 MB: 2,653 such collections, 4.5 s in all, and a
 * peak of 289–303 MB; at 32 MB: 719, 2.5 s, and 328–347 MB (V8's own size, under a 1 GB ceiling,
 * peaked at 344 MB in an earlier session). On a third of the volumes, six runs of each in turn,
 * 32 MB was the faster in five of the six pairs, its median time 5.5 % lower (README,
 * "Performance").
 */
const YOUNG_GENERATION_MB = 32;

/**
 * The page cache of the ingest's SQLite connection. An ingest appends: the pages it writes are
 * new, and few are read again before the transaction ends. 4 MB instead of 16: the 45 FRUS
 * volumes peak at 292 MB, not 303, in the same 35 s (bench/ingest).
 */
export const INGEST_PAGE_CACHE_MB = 4;

/**
 * Runs `chancery ingest` in a worker thread whose heap has a ceiling, so that the garbage an ingest
 * makes is collected before it piles up; the main thread only relays progress and file reports.
 *
 * @example const report = await ingestInWorker({ paths: ['../shared/corpus/frus'], progress: false });
 */
export function ingestInWorker(
  job: IngestJob,
  on: { progress?: (progress: IngestProgress) => void; file?: (file: FileReport) => void } = {},
  options: { nice?: number } = {},
): Promise<IngestReport> {
  if (options.nice !== undefined) lowerPriority(options.nice);
  return new Promise((resolve, reject) => {
    const worker = startTypescriptWorker(new URL('./ingest.worker.ts', import.meta.url), {
      workerData: { ...job, readerThreads: job.readerThreads ?? READER_THREADS } satisfies IngestJob,
      resourceLimits: {
        maxOldGenerationSizeMb: HEAP_CEILING_MB,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    // A promise settles once: the 'exit' that follows a report (or an error) changes nothing.
    worker.on('message', (message: IngestMessage) => {
      if (message.kind === 'progress') on.progress?.(message.progress);
      else if (message.kind === 'file') on.file?.(message.file);
      else if (message.kind === 'done') resolve(message.report);
      else reject(new ChanceryError(message.code, message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      reject(new Error(`the ingest worker stopped (exit code ${code}) before it reported`)),
    );
  });
}

/**
 * Lowers the priority of every thread of the process (on Linux each thread has its own nice value:
 * V8's and libuv's threads exist before any code runs), never above what it was started with
 * (`nice -n 15 chancery ingest`). Threads started afterwards, the ingest's worker among them,
 * inherit it. Where it is not allowed, the ingest runs at the priority it has.
 */
function lowerPriority(nice: number): void {
  const wanted = Math.min(19, Math.max(getPriority(), nice));
  let threads: number[] = [0];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // Not Linux: the process's own priority.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, wanted);
    } catch {
      // A thread that ended meanwhile, or a right the process lacks.
    }
  }
}
