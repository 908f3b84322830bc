import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { PostgresAddress } from '../../store/postgres/postgres.url.ts';
import { startJobLoop, type TakenJob } from '../job.loop.ts';
import {
  DEFAULT_RETRY,
  JOB_KINDS,
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

/**
 * A running job is held for this long; its worker renews the hold every minute while it runs, so
 * a job left by a process that stopped is taken again after this long (pg-boss's maintenance
 * puts it back), while a long ingest is never taken twice.
 */
const EXPIRE_SECONDS = 15 * 60;
const RENEW_MS = 60_000;

const STATES: Record<string, JobState> = {
  created: 'queued',
  retry: 'retry',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'failed',
};

interface JobRow {
  id: string;
  kind: JobKind;
  state: string;
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  created_on: Date;
  completed_on: Date | null;
  start_after: Date;
  error: string | null;
  progress: string | null;
}

export interface PgBossJobQueueOptions {
  address: PostgresAddress;
  /** The archive's pool: job progress is written beside the records (migration 3). */
  pool: pg.Pool;
  retry?: RetryPolicy;
  /** How often an idle worker looks for a job (default 1 s). */
  pollMs?: number;
}

/** The schema of the job queue of the archive kept in `schema`. */
export function jobSchemaOf(schema: string): string {
  return schema === 'public' ? 'pgboss' : `${schema}_pgboss`;
}

/**
 * The job queue of an archive on PostgreSQL: pg-boss 10, in a schema of its own beside the
 * archive's (`pgboss`, or `<schema>_pgboss` for an archive kept in a schema), created on first
 * use. Every process of the archive may add, list and work jobs; pg-boss takes each job with
 * `SKIP LOCKED`, so two workers never run one job, and retries a failed run with exponential
 * backoff (the delay doubles each time, with jitter).
 *
 * @example const jobs = new PgBossJobQueue({ address, pool }); await jobs.add('reindex', {});
 */
export class PgBossJobQueue implements JobQueue {
  private readonly retry: RetryPolicy;
  private readonly pollMs: number;
  private readonly bossSchema: string;
  private booted: Promise<PgBoss> | null = null;
  private readonly workers = new Set<JobWorker>();

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.pollMs = options.pollMs ?? 1000;
    this.bossSchema = jobSchemaOf(options.address.schema);
  }

  async add<K extends JobKind>(kind: K, data: JobData[K]): Promise<string> {
    const boss = await this.boss();
    const id = await boss.send(kind, data);
    if (!id) throw new Error(`pg-boss did not queue the ${kind} job`);
    return id;
  }

  async get(id: string): Promise<JobInfo | null> {
    return (await this.select('WHERE j.id::text = $1', [id]))[0] ?? null;
  }

  async list(options: { limit?: number } = {}): Promise<JobInfo[]> {
    return this.select('ORDER BY j.created_on DESC LIMIT $1', [options.limit ?? 50]);
  }

  async countPending(): Promise<number> {
    if (!(await this.installed())) return 0;
    const { rows } = await this.options.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${this.bossSchema}.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
      [JOB_KINDS],
    );
    return rows[0]?.n ?? 0;
  }

  async work(handlers: JobHandlers, events: JobEvents = {}): Promise<JobWorker> {
    const boss = await this.boss();
    // One job at a time, the oldest runnable first whatever its kind, as the SQLite queue does:
    // pg-boss keeps a queue per kind, so the kind is chosen here and pg-boss takes its job.
    const take = async (): Promise<TakenJob | null> => {
      const { rows } = await this.options.pool.query<{ kind: JobKind }>(
        `SELECT name AS kind FROM ${this.bossSchema}.job
         WHERE name = ANY($1) AND state IN ('created', 'retry') AND start_after < now()
         ORDER BY start_after, created_on LIMIT 1`,
        [JOB_KINDS],
      );
      const kind = rows[0]?.kind;
      if (!kind) return null;
      const [job] = await boss.fetch<JobData[JobKind]>(kind, { includeMetadata: true, batchSize: 1 });
      return job ? this.taken(boss, kind, job) : null;
    };
    const loop = startJobLoop({ take, handlers, events, pollMs: this.pollMs });
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
    if (this.booted) {
      const boss = await this.booted.catch(() => null);
      await boss?.stop({ graceful: false, close: true, wait: true, timeout: 1000 });
    }
  }

  private taken(boss: PgBoss, kind: JobKind, job: PgBoss.JobWithMetadata<JobData[JobKind]>): TakenJob {
    const attempt = job.retryCount + 1;
    const maxAttempts = job.retryLimit + 1;
    const { pool } = this.options;
    // pg-boss 10 has no heartbeat: the worker moves the job's start on, so that it does not expire while it runs.
    const renew = setInterval(() => {
      pool
        .query(
          `UPDATE ${this.bossSchema}.job SET started_on = now() WHERE name = $1 AND id = $2 AND state = 'active'`,
          [kind, job.id],
        )
        .catch(() => {});
    }, RENEW_MS);
    return {
      run: {
        id: job.id,
        kind,
        data: job.data,
        attempt,
        maxAttempts,
        report: async (progress: JobProgress) => {
          await pool.query(
            `INSERT INTO job_progress (job_id, progress, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (job_id) DO UPDATE SET progress = excluded.progress, updated_at = excluded.updated_at`,
            [job.id, JSON.stringify(progress), new Date().toISOString()],
          );
        },
      },
      release: () => clearInterval(renew),
      settle: {
        complete: async () => {
          await boss.complete(kind, job.id);
        },
        fail: async (message) => {
          await boss.fail(kind, job.id, { message });
          // pg-boss waits between the delay and twice it (jitter); the least is said.
          return attempt < maxAttempts ? retryDelaySeconds(this.retry, attempt) : null;
        },
      },
    };
  }

  /** pg-boss, started (its schema installed or migrated) and with a queue per kind of job. */
  private boss(): Promise<PgBoss> {
    this.booted ??= (async () => {
      const { config } = this.options.address;
      const boss = new PgBoss({
        host: config.host as string,
        ...(config.port ? { port: config.port } : {}),
        database: config.database as string,
        ...(config.user ? { user: config.user } : {}),
        ...(typeof config.password === 'string' ? { password: config.password } : {}),
        schema: this.bossSchema,
        max: 2,
        application_name: 'chancery-jobs',
        schedule: false,
      });
      // A connection that drops is retried by pg-boss: said in the log, never a crash of the process.
      boss.on('error', (error) => process.stderr.write(`chancery jobs: ${error.message}\n`));
      await boss.start();
      for (const kind of JOB_KINDS) {
        if (await boss.getQueue(kind)) continue;
        await boss
          .createQueue(kind, {
            name: kind,
            retryLimit: this.retry.retries,
            retryDelay: this.retry.delaySeconds,
            retryBackoff: true,
            expireInSeconds: EXPIRE_SECONDS,
          })
          .catch(async (error: unknown) => {
            // Another process created it meanwhile.
            if (!(await boss.getQueue(kind))) throw error;
          });
      }
      return boss;
    })();
    return this.booted;
  }

  private async installed(): Promise<boolean> {
    const { rows } = await this.options.pool.query<{ found: string | null }>(
      'SELECT to_regclass($1) AS found',
      [`${this.bossSchema}.job`],
    );
    return rows[0]?.found != null;
  }

  /** Jobs from pg-boss's tables (and its archive of finished ones) with their progress: what `list` and `get` show. */
  private async select(tail: string, params: unknown[]): Promise<JobInfo[]> {
    if (!(await this.installed())) return [];
    const columns = `id, name, state::text, retry_count, retry_limit, started_on, created_on, completed_on, start_after,
      coalesce(output->>'message', output->'value'->>'message') AS error`;
    const { rows } = await this.options.pool.query<JobRow>(
      `SELECT j.id::text AS id, j.name AS kind, j.state, j.retry_count, j.retry_limit, j.started_on, j.created_on,
         j.completed_on, j.start_after, j.error, p.progress
       FROM (SELECT ${columns} FROM ${this.bossSchema}.job WHERE name = ANY($${params.length + 1})
             UNION ALL SELECT ${columns} FROM ${this.bossSchema}.archive WHERE name = ANY($${params.length + 1})) j
       LEFT JOIN job_progress p ON p.job_id = j.id::text
       ${tail}`,
      [...params, JOB_KINDS],
    );
    return rows.map(toInfo);
  }
}

function toInfo(row: JobRow): JobInfo {
  const state = STATES[row.state] ?? 'failed';
  const waiting = state === 'queued' || state === 'retry';
  return {
    id: row.id,
    kind: row.kind,
    state,
    attempts: row.started_on ? row.retry_count + 1 : 0,
    maxAttempts: row.retry_limit + 1,
    progress: row.progress ? (JSON.parse(row.progress) as JobProgress) : null,
    lastError: state === 'completed' ? null : row.state === 'cancelled' ? 'cancelled' : row.error,
    createdAt: row.created_on.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    finishedAt: row.completed_on?.toISOString() ?? null,
    runAfter: waiting ? row.start_after.toISOString() : null,
  };
}
