import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { startJobLoop, type TakenJob } from '../job.loop.ts';
import {
  DEFAULT_RETRY,
  type JobData,
  type JobEvents,
  type JobHandlers,
  type JobInfo,
  type JobKind,
  type JobProgress,
  type JobQueue,
  type JobState,
  type JobWorker,
  type RetryPolicy,
  retryDelaySeconds,
} from '../job-queue.types.ts';

/** How long a worker holds a job without renewing its lease: a job left by a stopped process waits this long. */
const LEASE_MS = 60_000;
/** Leases are renewed well before they run out. */
const RENEW_MS = 20_000;

interface JobRow {
  id: string;
  kind: JobKind;
  data: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  retry_delay_s: number;
  run_after: string;
  last_error: string | null;
  progress: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface SqliteJobQueueOptions {
  retry?: RetryPolicy;
  /** How often an idle worker looks for a job (default 1 s). */
  pollMs?: number;
}

/**
 * The job queue of an archive on SQLite: a table of the archive's database (migration 8), so that
 * jobs are saved with everything else and survive a restart. Any process that opens the archive
 * may add, list and work jobs; a job is taken in an immediate transaction, so two workers never
 * take the same one.
 *
 * @example const jobs = new SqliteJobQueue(db); await jobs.add('reindex', {});
 */
export class SqliteJobQueue implements JobQueue {
  private readonly retry: RetryPolicy;
  private readonly pollMs: number;
  private readonly statements;
  private readonly workers = new Set<JobWorker>();

  constructor(
    private readonly db: Database.Database,
    options: SqliteJobQueueOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.pollMs = options.pollMs ?? 1000;
    const columns = `id, kind, data, state, attempts, max_attempts, retry_delay_s, run_after, last_error,
      progress, created_at, started_at, finished_at`;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO jobs (id, kind, data, state, max_attempts, retry_delay_s, run_after, created_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`,
      ),
      get: db.prepare<[string], JobRow>(`SELECT ${columns} FROM jobs WHERE id = ?`),
      list: db.prepare<[number], JobRow>(
        `SELECT ${columns} FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      ),
      pending: db.prepare("SELECT count(*) FROM jobs WHERE state IN ('queued', 'active', 'retry')").pluck(),
      // Runnable: queued or waiting for a retry whose time has come, or held by a lease that ran out.
      next: db.prepare<[string, string], JobRow>(
        `SELECT ${columns} FROM jobs
         WHERE (state IN ('queued', 'retry') AND run_after <= ?) OR (state = 'active' AND lease_until < ?)
         ORDER BY run_after, rowid LIMIT 1`,
      ),
      take: db.prepare(
        `UPDATE jobs SET state = 'active', attempts = attempts + 1, lease_until = ?, started_at = ?
         WHERE id = ?`,
      ),
      renew: db.prepare("UPDATE jobs SET lease_until = ? WHERE id = ? AND state = 'active'"),
      progress: db.prepare('UPDATE jobs SET progress = ?, lease_until = ? WHERE id = ?'),
      complete: db.prepare(
        "UPDATE jobs SET state = 'completed', finished_at = ?, lease_until = NULL WHERE id = ?",
      ),
      retry: db.prepare(
        "UPDATE jobs SET state = 'retry', run_after = ?, last_error = ?, lease_until = NULL WHERE id = ?",
      ),
      fail: db.prepare(
        "UPDATE jobs SET state = 'failed', finished_at = ?, last_error = ?, lease_until = NULL WHERE id = ?",
      ),
    };
  }

  async add<K extends JobKind>(kind: K, data: JobData[K]): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.statements.insert.run(
      id,
      kind,
      JSON.stringify(data),
      this.retry.retries + 1,
      this.retry.delaySeconds,
      now,
      now,
    );
    return id;
  }

  async get(id: string): Promise<JobInfo | null> {
    const row = this.statements.get.get(id);
    return row ? toInfo(row) : null;
  }

  async list(options: { limit?: number } = {}): Promise<JobInfo[]> {
    return this.statements.list.all(options.limit ?? 50).map(toInfo);
  }

  async countPending(): Promise<number> {
    return Number(this.statements.pending.get());
  }

  async work(handlers: JobHandlers, events: JobEvents = {}): Promise<JobWorker> {
    const loop = startJobLoop({ take: async () => this.takeNext(), handlers, events, pollMs: this.pollMs });
    const worker: JobWorker = {
      stop: async () => {
        await loop.stop();
        this.workers.delete(worker);
      },
    };
    this.workers.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.stop()));
  }

  /**
   * Takes the next runnable job in one immediate transaction; a job out of runs whose lease ran out
   * fails. The write lock is asked for only when a read (which never waits, in WAL mode) saw a job
   * due, and not waited for: an ingest in another process may hold it for seconds, and this worker
   * runs in the server's primary process, which hands new connections to the web processes. A
   * busy archive is looked at again at the next poll.
   */
  private takeNext(): TakenJob | null {
    const now = new Date().toISOString();
    if (!this.statements.next.get(now, now)) return null;
    const row = withoutWaiting(this.db, () => this.takeRow());
    if (!row) return null;
    return this.taken(row);
  }

  private takeRow(): JobRow | null {
    return this.db
      .transaction((): JobRow | null => {
        for (;;) {
          const now = new Date();
          const iso = now.toISOString();
          const found = this.statements.next.get(iso, iso);
          if (!found) return null;
          if (found.state === 'active' && found.attempts >= found.max_attempts) {
            this.statements.fail.run(
              iso,
              `the process running attempt ${found.attempts} stopped before it ended`,
              found.id,
            );
            continue;
          }
          this.statements.take.run(leaseFromNow(), iso, found.id);
          return { ...found, attempts: found.attempts + 1, state: 'active' };
        }
      })
      .immediate();
  }

  private taken(row: JobRow): TakenJob {
    const renew = setInterval(() => this.statements.renew.run(leaseFromNow(), row.id), RENEW_MS);
    return {
      run: {
        id: row.id,
        kind: row.kind,
        data: JSON.parse(row.data) as JobData[JobKind],
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        report: async (progress: JobProgress) => {
          this.statements.progress.run(JSON.stringify(progress), leaseFromNow(), row.id);
        },
      },
      release: () => clearInterval(renew),
      settle: {
        complete: async () => {
          this.statements.complete.run(new Date().toISOString(), row.id);
        },
        fail: async (message) => {
          if (row.attempts >= row.max_attempts) {
            this.statements.fail.run(new Date().toISOString(), message, row.id);
            return null;
          }
          const delay = retryDelaySeconds({ retries: 0, delaySeconds: row.retry_delay_s }, row.attempts);
          this.statements.retry.run(new Date(Date.now() + delay * 1000).toISOString(), message, row.id);
          return delay;
        },
      },
    };
  }
}

/** Runs `work` with SQLite's busy timeout at 0: null, at once, when another connection holds the write lock. */
function withoutWaiting<T>(db: Database.Database, work: () => T): T | null {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return work();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function leaseFromNow(): string {
  return new Date(Date.now() + LEASE_MS).toISOString();
}

function toInfo(row: JobRow): JobInfo {
  const waiting = row.state === 'queued' || row.state === 'retry';
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: row.progress ? (JSON.parse(row.progress) as JobProgress) : null,
    lastError: row.state === 'completed' ? null : row.last_error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    runAfter: waiting ? row.run_after : null,
  };
}
