import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type App, openApp } from '../src/app.ts';
import { jobHandlers } from '../src/jobs/job.handlers.ts';
import type { JobInfo, JobRun } from '../src/jobs/job-queue.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { runChancery } from './support/cli.run.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';

/**
 * Background jobs on both backends (SQLite's table, PostgreSQL's pg-boss): an ingest job through
 * the code path of `chancery ingest`, whose relations become a job of their own; a job that throws,
 * retried with backoff then failed with its message while the worker goes on; jobs queued by one
 * process and run by another.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/correspondence/', import.meta.url));
const RETRY = { retries: 2, delaySeconds: 1 };

const dir = mkdtempSync(join(tmpdir(), 'chancery-jobs-'));
let pg: TestDatabase;
before(async () => {
  pg = await createTestDatabase('jobs');
});
after(async () => {
  await pg.drop();
  rmSync(dir, { recursive: true, force: true });
});

const backends: [string, (name: string) => string][] = [
  ['SQLite', (name) => join(dir, `${name}.db`)],
  ['PostgreSQL', (name) => pg.url(name)],
];

/**
 * What dead index entries can be seen from outside the store: on SQLite the bytes of the FTS5
 * index's segments; on PostgreSQL how often search_docs was vacuumed.
 */
async function deadEntries(backend: string, name: string): Promise<{ bytes: number; vacuums: number }> {
  if (backend === 'SQLite') {
    const db = new Database(join(dir, `${name}.db`), { readonly: true });
    try {
      const bytes = Number(db.prepare('SELECT sum(length(block)) FROM search_fts_data').pluck().get());
      return { bytes, vacuums: 0 };
    } finally {
      db.close();
    }
  }
  const [row] = await pg.query<{ vacuums: string }>(
    `SELECT vacuum_count + autovacuum_count AS vacuums FROM pg_stat_user_tables
     WHERE schemaname = $1 AND relname = 'search_docs'`,
    [name],
  );
  return { bytes: 0, vacuums: Number(row?.vacuums ?? 0) };
}

/** Waits until no job is pending, or fails after `ms`. */
async function drained(app: App, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while ((await app.jobs.countPending()) > 0) {
    if (Date.now() > until)
      assert.fail(`jobs still pending after ${ms} ms: ${JSON.stringify(await app.jobs.list())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const [backend, dbFor] of backends) {
  describe(`jobs on ${backend}`, () => {
    test('an ingest job saves the files as chancery ingest does, with its progress, and queues the resolution of their relations', async () => {
      const app = await openApp({ db: dbFor('ingest_job'), jobs: { retry: RETRY, pollMs: 100 } });
      try {
        const id = await app.jobs.add('ingest', { paths: [FIXTURES, CABLE_SEED, LETTER_SEED] });
        assert.equal((await app.jobs.get(id))?.state, 'queued');
        const worker = await app.jobs.work(jobHandlers(app));
        await drained(app);
        await worker.stop();
        const jobs = await app.jobs.list();
        const ingest = jobs.find((j) => j.id === id) as JobInfo;
        assert.equal(ingest.state, 'completed');
        assert.equal(ingest.attempts, 1);
        assert.deepEqual(
          { done: ingest.progress?.done, total: ingest.progress?.total },
          { done: 5, total: 5 },
          'every file counted',
        );
        assert.match(ingest.progress?.note ?? '', /^5 ingested, 0 updated, 0 unchanged, 0 files failed$/);
        const relations = jobs.find((j) => j.kind === 'relations');
        assert.equal(relations?.state, 'completed', 'the relations were resolved by a job of their own');
        // What the resolver found, as after `chancery ingest` (test/correspondence.test.ts).
        const aprf = await app.store.getRecord('da-900001');
        assert.deepEqual(aprf?.relations.map((r) => `${r.type} ${r.target}`).sort(), [
          'has-attachment da-900003',
          'reply-to da-726b9b4bc6e2',
          'same-as da-900002',
        ]);
      } finally {
        await app.close();
      }
    });

    test('a reindex job writes every record to the index again, then compacts it: what it replaced is gone', async () => {
      const name = 'reindex_job';
      const app = await openApp({ db: dbFor(name), jobs: { retry: RETRY, pollMs: 100 } });
      try {
        await app.jobs.add('ingest', { paths: [FIXTURES, CABLE_SEED, LETTER_SEED] });
        let worker = await app.jobs.work(jobHandlers(app));
        await drained(app);
        await worker.stop();
        const before = await deadEntries(backend, name);
        const found = (await searchArchive({ q: 'Filippov' }, app)).total;
        assert.ok(found > 0);
        const id = await app.jobs.add('reindex', {});
        worker = await app.jobs.work(jobHandlers(app));
        await drained(app);
        await worker.stop();
        assert.equal((await app.jobs.get(id))?.state, 'completed');
        assert.equal((await searchArchive({ q: 'Filippov' }, app)).total, found);
        const after = await deadEntries(backend, name);
        if (backend === 'SQLite') {
          // Every row replaced: uncompacted, the FTS5 data holds the old rows and the new (twice the bytes).
          assert.ok(
            after.bytes <= before.bytes * 1.05,
            `${before.bytes} bytes of FTS5 data before, ${after.bytes} after`,
          );
        } else {
          assert.ok(after.vacuums > before.vacuums, 'search_docs vacuumed after the reindex');
        }
      } finally {
        await app.close();
      }
    });

    test('a job that throws is retried with a growing delay, then failed with its message; the worker goes on', async () => {
      const app = await openApp({ db: dbFor('failing_job'), jobs: { retry: RETRY, pollMs: 100 } });
      try {
        const missing = join(dir, 'upload-that-never-came.txt');
        const failing = await app.jobs.add('ingest', { paths: [missing] });
        const next = await app.jobs.add('reindex', {});
        const failures: { attempt: number; at: number; message: string; retryIn: number | null }[] = [];
        const worker = await app.jobs.work(jobHandlers(app), {
          onFailed: (run: JobRun, error, retryIn) =>
            failures.push({ attempt: run.attempt, at: Date.now(), message: error.message, retryIn }),
        });
        await drained(app);
        await worker.stop();
        const job = (await app.jobs.get(failing)) as JobInfo;
        assert.equal(job.state, 'failed');
        assert.equal(job.attempts, 3, 'the first run and two retries');
        assert.equal(job.maxAttempts, 3);
        assert.match(
          job.lastError ?? '',
          /1 of 1 files yielded no record: .*upload-that-never-came\.txt: no such file/,
        );
        assert.deepEqual(
          failures.map((f) => [f.attempt, f.retryIn]),
          [
            [1, 1],
            [2, 2],
            [3, null],
          ],
        );
        // Each retry waited at least its delay, the second twice the first.
        const [first, second, third] = failures.map((f) => f.at) as [number, number, number];
        assert.ok(second - first >= 950, `first retry after ${second - first} ms`);
        assert.ok(third - second >= 1950, `second retry after ${third - second} ms`);
        assert.equal((await app.jobs.get(next))?.state, 'completed', 'the next job ran');
      } finally {
        await app.close();
      }
    });

    test('jobs survive a restart: queued by one process, listed and run by others', async () => {
      const db = dbFor('restart');
      const queued = await runChancery(db, 'reindex');
      assert.equal(queued.code, 0, queued.stderr);
      const id = /Queued reindex job (\S+);/.exec(queued.stdout)?.[1] as string;
      assert.ok(id, queued.stdout);
      assert.equal((await runChancery(db, 'ingest', '--queue', CABLE_SEED)).code, 0);
      const listed = await runChancery(db, 'jobs', '--json');
      const states = listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as JobInfo)
        .map((j) => `${j.kind} ${j.state} ${j.attempts}`);
      assert.deepEqual(states, ['ingest queued 0', 'reindex queued 0'], 'the newest first');
      const worked = await runChancery(db, 'jobs', '--work', '--until-empty');
      assert.equal(worked.code, 0, worked.stderr);
      assert.match(worked.stderr, new RegExp(`reindex job ${id} \\(attempt 1 of 4\\) done`));
      const table = await runChancery(db, 'jobs');
      assert.match(table.stdout, /^ID +KIND +STATE +PROGRESS +ATTEMPTS +QUEUED +LAST ERROR$/m);
      assert.match(table.stdout, new RegExp(`^${id} +reindex +completed +0/0 +1/4 `, 'm'));
      assert.match(
        table.stdout,
        /ingest +completed +1\/1 \(1 ingested, 0 updated, 0 unchanged, 0 files failed\) +1\/4/,
      );
      const shown = await runChancery(db, 'list', '--json');
      assert.match(shown.stdout, /Cable/);
    });
  });
}

test('on SQLite, a worker does not wait on another process holding the write lock: it takes the job once the lock is free', async () => {
  const db = join(dir, 'locked.db');
  const app = await openApp({ db, jobs: { retry: RETRY, pollMs: 50 } });
  // Another connection (an ingest, in production another process) holds the write lock.
  const other = new Database(db);
  try {
    const id = await app.jobs.add('reindex', {});
    other.exec('BEGIN IMMEDIATE');
    // The longest the event loop went without running a timer while the worker polled.
    let last = performance.now();
    let longest = 0;
    const ticks = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 10);
    const worker = await app.jobs.work(jobHandlers(app));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    clearInterval(ticks);
    assert.equal((await app.jobs.get(id))?.state, 'queued', 'not taken while the lock is held');
    // SQLite's busy timeout is 5 s: a worker that waited on the lock would have held the loop for all of it.
    assert.ok(longest < 1_000, `the event loop went ${Math.round(longest)} ms without a timer`);
    other.exec('COMMIT');
    await drained(app);
    await worker.stop();
    assert.equal((await app.jobs.get(id))?.state, 'completed');
  } finally {
    other.close();
    await app.close();
  }
});
