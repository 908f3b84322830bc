import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openApp } from '../src/app.ts';
import { validateRecord } from '../src/record/record.validate.ts';
import { CHANCERY_BIN, runChancery } from './support/cli.run.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { FRUS_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * Issue 16, item 5: `chancery ingest` killed (SIGKILL: no handler runs, nothing is flushed) at
 * random moments, again and again on the same database. After each kill the database is whole
 * (integrity and foreign keys), every record in it is a valid record, none is there twice; a rerun
 * completes; and at the end the export equals that of an ingest never interrupted. The moments
 * fall anywhere in a clean ingest's duration: while files are read, records saved, the index
 * written, relations resolved, people reconciled. On SQLite and on PostgreSQL (where the killed
 * client's transaction is rolled back by the server). CRASH_SEED replays a run's moments.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CORPUS = [SEEDS_DIR, `${FRUS_DIR}frus1955-57v23p2.xml`];

let dir: string;
const databases: TestDatabase[] = [];
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-crash-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const database of databases) await database.drop();
});

/** Where an archive of each backend is made: a file, or a database of its own on the test server. */
const BACKENDS: { name: string; archive(label: string): Promise<string> }[] = [
  { name: 'SQLite', archive: async (label) => join(dir, `${label}.db`) },
  {
    name: 'PostgreSQL',
    archive: async (label) => {
      const database = await createTestDatabase(`crash_${label}`);
      databases.push(database);
      return database.url();
    },
  },
];

/** A small deterministic generator (mulberry32), so that a seed gives the same moments again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Starts `chancery ingest`; kills it after `killAfterMs` unless it ended first. Says which happened. */
function ingest(db: string, killAfterMs: number): Promise<{ killed: boolean; ms: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CHANCERY_BIN, '--db', db, 'ingest', ...CORPUS], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (signal === null) assert.equal(code, 0, `ingest failed: ${stderr}`);
      resolve({ killed: signal === 'SIGKILL', ms, stderr });
    });
  });
}

/** What must hold of the database after any kill. */
async function assertConsistent(db: string, context: string): Promise<number> {
  const app = await openApp({ db });
  try {
    assert.deepEqual(await app.store.checkIntegrity(), [], `${context}: integrity`);
    const ids = new Set<string>();
    for await (const record of app.store.streamRecords()) {
      assert.ok(!ids.has(record.id), `${context}: ${record.id} twice`);
      ids.add(record.id);
      validateRecord(JSON.parse(JSON.stringify(record)), `${context}, ${record.id}`);
    }
    assert.equal(await app.store.countRecords(), ids.size, `${context}: the count agrees with the records`);
    return ids.size;
  } finally {
    await app.close();
  }
}

async function exportOf(db: string): Promise<string> {
  const out = join(dir, 'export.jsonl');
  const { code, stderr } = await runChancery(db, 'export', '--format', 'json', '--output', out);
  assert.equal(code, 0, stderr);
  return readFileSync(out, 'utf8');
}

for (const backend of BACKENDS) {
  test(`${backend.name}: an ingest killed ${KILLS} times at random moments leaves a whole database each time, and a rerun ends where a clean ingest does`, async () => {
    const clean = await backend.archive('clean');
    const first = await ingest(clean, 600_000);
    const expected = await exportOf(clean);
    assert.ok(expected.split('\n').length > 200, 'the clean ingest holds the corpus');

    const db = await backend.archive('killed');
    const next = random(SEED);
    const moments: string[] = [];
    let kills = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
      // From the moment the process starts to the end of a clean ingest's time, and a little past.
      const at = Math.floor(300 + next() * (first.ms * 1.05 - 300));
      const run = await ingest(db, at);
      const records = await assertConsistent(db, `after a kill at ${at} ms (seed ${SEED})`);
      moments.push(`${at} ms: ${run.killed ? 'killed' : 'ended'}, ${records} records`);
      if (run.killed) kills++;
    }
    assert.equal(
      kills,
      KILLS,
      `only ${kills} ingests were still running when killed (seed ${SEED}):\n${moments.join('\n')}`,
    );

    const rerun = await ingest(db, 600_000);
    assert.equal(rerun.killed, false);
    await assertConsistent(db, 'after the rerun');
    assert.equal(
      await exportOf(db),
      expected,
      `the export after ${KILLS} kills and a rerun is the clean ingest's (seed ${SEED})`,
    );
  });
}
