/**
 * The job port: work that runs beside the web processes, in the archive's own database, and
 * survives a restart. SQLite keeps it in a table of the archive (sqlite.job-queue.ts); PostgreSQL
 * in pg-boss's tables (pgboss.job-queue.ts). Handlers (job.handlers.ts) are the same for both.
 */

/** What each kind of job is given. */
export interface JobData {
  /** Files already on disk, ingested as `chancery ingest` does; their relations become a job of their own. */
  /** Files and folders to ingest; `removeAfter` removes them once every file has been read (an upload's folder). */
  ingest: { paths: string[]; removeAfter?: boolean };
  /** Records saved by an ingest, whose replies, copies and attachments are resolved against the archive. */
  relations: { ids: string[] };
  /** The search index written again from every record. */
  reindex: Record<string, never>;
}

export type JobKind = keyof JobData;

export const JOB_KINDS: readonly JobKind[] = ['ingest', 'relations', 'reindex'];

/** queued → active → completed; active → retry (after a delay) → active …; or → failed. */
export type JobState = 'queued' | 'active' | 'retry' | 'completed' | 'failed';

/** How far a job has come: `done` of `total` units (files, records), and what it is at. */
export interface JobProgress {
  done: number;
  total: number;
  note?: string;
  /** What became of each file of an ingest, once it has ended. */
  files?: FileOutcome[];
}

/** One file of an ingest job, as its page and `chancery jobs --json` show it. */
export interface FileOutcome {
  /** The file's name within what the job was given. */
  file: string;
  status: 'ok' | 'skipped' | 'failed';
  format: string | null;
  ingested: number;
  updated: number;
  unchanged: number;
  held: number;
  /** Why it failed or was skipped, and its warnings. */
  problems: string[];
}

/** A job as `chancery jobs` lists it. */
export interface JobInfo {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Runs begun so far, the one under way included. */
  attempts: number;
  maxAttempts: number;
  progress: JobProgress | null;
  /** The message of the last attempt that failed (kept while the job waits for its retry). */
  lastError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a queued or retrying job may run next. */
  runAfter: string | null;
}

/** One run of a job, as its handler sees it. */
export interface JobRun<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  data: JobData[K];
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
  /** Records how far the job has come, for `chancery jobs` (written to the database). */
  report(progress: JobProgress): Promise<void>;
}

export type JobHandlers = { [K in JobKind]: (run: JobRun<K>) => Promise<void> };

/** What a worker tells its process: each run begun, finished, or failed (and whether it will be retried). */
export interface JobEvents {
  onStart?(run: JobRun): void;
  onDone?(run: JobRun): void;
  onFailed?(run: JobRun, error: Error, retryInSeconds: number | null): void;
}

/** How often a job that throws is run again, and how long the first retry waits (it doubles each time). */
export interface RetryPolicy {
  /** Runs after the first: 2 means three runs in all. */
  retries: number;
  delaySeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, delaySeconds: 30 };

/** A worker running jobs one at a time, until stopped. */
export interface JobWorker {
  /** Stops taking jobs and waits for the one under way, if any. */
  stop(): Promise<void>;
}

/**
 * The queue of background jobs of one archive.
 *
 * @example
 * const id = await jobs.add('reindex', {});
 * const worker = await jobs.work(jobHandlers(app), { onFailed: (run, e) => console.error(e) });
 */
export interface JobQueue {
  /** Queues a job; its id. */
  add<K extends JobKind>(kind: K, data: JobData[K]): Promise<string>;
  get(id: string): Promise<JobInfo | null>;
  /** The most recent jobs first. */
  list(options?: { limit?: number }): Promise<JobInfo[]>;
  /** Jobs queued, running or waiting for a retry. */
  countPending(): Promise<number>;
  /** Starts a worker in this process. */
  work(handlers: JobHandlers, events?: JobEvents): Promise<JobWorker>;
  close(): Promise<void>;
}

/** How long a failed run waits for its retry: the delay, doubled for each run before. */
export function retryDelaySeconds(policy: RetryPolicy, attempt: number): number {
  return policy.delaySeconds * 2 ** Math.max(0, attempt - 1);
}

/** An error's message, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
