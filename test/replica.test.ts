import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { openPostgresReplica } from '../src/store/postgres/postgres.store.ts';
import { CHANCERY_BIN } from './support/cli.run.ts';
import { type ReplicaPair, startReplicaPair } from './support/replica.cluster.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';

/**
 * A read replica: a PostgreSQL primary and a hot standby made from it with `pg_basebackup -R`, on
 * this machine. Writes go to the primary and the reading room reads from the standby once it has
 * caught up; a standby that lags or is down leaves reads to the primary, said in the log, and a
 * server keeps answering.
 */
let pair: ReplicaPair;
let app: App;
const log: string[] = [];
let primary: string;
let replica: string;

before(async () => {
  pair = await startReplicaPair();
  primary = pair.primaryUrl('chancery');
  replica = pair.replicaUrl('chancery');
  app = await openApp({
    db: primary,
    readDb: replica,
    replica: { maxLagMs: 1500, checkEveryMs: 100 },
    log: (message) => log.push(message),
  });
});

after(async () => {
  await app?.close();
  await pair?.destroy();
});

/** Waits until the log has a line matching `pattern` after the `from`th, or fails after `ms`. */
async function logged(pattern: RegExp, from = 0, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const line = log.slice(from).find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > until)
      assert.fail(`no log line ${pattern} within ${ms} ms; the log: ${log.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function renamed(record: ChanceryRecord, id: string): ChanceryRecord {
  return { ...record, id, title: `${record.title} (${id})`, collections: [] };
}

test('a write through the primary is read through the replica once it has caught up', async (t) => {
  const report = await ingestPaths({
    paths: [CABLE_SEED, LETTER_SEED],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  assert.equal(report.ingested, 2);
  const ms = await pair.caughtUp();
  t.diagnostic(`the replica replayed the ingest ${ms.toFixed(0)} ms after it was committed`);
  await logged(
    /reading from the replica at postgres:\/\/\/chancery\?host=.*port=5433; writes go to the primary/,
  );

  // The standby itself holds what was written, and takes no writes.
  const standby = openPostgresReplica(replica);
  try {
    const [first] = await app.store.listRecords({ limit: 1 });
    assert.ok(first);
    assert.deepEqual(await standby.store.getRecord(first.id), await app.store.getRecord(first.id));
    await assert.rejects(
      standby.store.saveRecord(renamed((await app.store.getRecord(first.id)) as ChanceryRecord, 'x')),
      {
        message: /read-only transaction/,
      },
    );
  } finally {
    await standby.close();
  }
  // The reader answers searches as the primary does, and sends its writes to the primary.
  const reader = { ...app, ...app.reader };
  const onReplica = await searchArchive({ q: 'Stalin' }, reader);
  const onPrimary = await searchArchive({ q: 'Stalin' }, app);
  assert.ok(onReplica.total > 0);
  assert.deepEqual(onReplica, onPrimary);
  const [cable] = await app.store.listRecords({ limit: 1 });
  const copy = renamed(
    (await app.store.getRecord(cable?.id as string)) as ChanceryRecord,
    'written-through-reader',
  );
  assert.equal(await app.reader.store.saveRecord(copy), 'ingested');
  assert.equal((await app.store.getRecord('written-through-reader'))?.title, copy.title);
});

test('a replica that lags: reads go to the primary, said in the log, and back once it has caught up', async () => {
  await pair.caughtUp();
  const [first] = await app.store.listRecords({ limit: 1 });
  const record = renamed(
    (await app.store.getRecord(first?.id as string)) as ChanceryRecord,
    'written-while-paused',
  );
  await pair.pauseReplay();
  const mark = log.length;
  await app.store.saveRecord(record);
  // Read at once, from the replica, which has not replayed the write: the read went there.
  assert.equal(await app.reader.store.getRecord(record.id), null, 'read from the paused replica');
  const line = await logged(
    /reading from the primary, not the replica .*: it is \d+\.\d s behind the primary \(more than 1\.5 s\)/,
    mark,
  );
  assert.match(line, /reads go back to the replica once it is up to date/);
  assert.equal((await app.reader.store.getRecord(record.id))?.title, record.title, 'read from the primary');
  const resumed = log.length;
  await pair.resumeReplay();
  await logged(/reading from the replica at/, resumed);
  assert.equal((await app.reader.store.getRecord(record.id))?.title, record.title, 'replayed by the replica');
});

test('a replica that is down: a server keeps answering from the primary, nothing written is lost, and it reads from the replica when it is back', async () => {
  const server = spawn(
    process.execPath,
    [
      CHANCERY_BIN,
      '--db',
      primary,
      'serve',
      '--read-db',
      replica,
      '--no-jobs',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const base = await listening(server);
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 15_000;
      while (!pattern.test(stderr)) {
        if (Date.now() > deadline) assert.fail(`the server did not log ${pattern}: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await until(/reading from the replica at/);
    const [first] = await app.store.listRecords({ limit: 1 });
    const page = `${base}/documents/${encodeURIComponent(first?.id as string)}`;
    assert.equal((await fetch(page)).status, 200);

    await pair.stopReplica();
    const record = renamed(
      (await app.store.getRecord(first?.id as string)) as ChanceryRecord,
      'written-while-down',
    );
    assert.equal(await app.store.saveRecord(record), 'ingested', 'the primary takes writes');
    for (const path of [
      page,
      `${base}/documents/written-while-down`,
      `${base}/search?q=Stalin`,
      `${base}/api/search?q=Stalin`,
    ]) {
      const response = await fetch(path);
      assert.equal(response.status, 200, `${path} while the replica is down`);
      await response.text();
    }
    await until(
      /reading from the primary, not the replica at .*: it is down \((connection refused|no server socket|starting up|shut down by its administrator)\)/,
    );

    const back = stderr.length;
    await pair.startReplica();
    await until(new RegExp(`^[\\s\\S]{${back}}[\\s\\S]*reading from the replica at`));
    const response = await fetch(`${base}/documents/written-while-down`);
    assert.equal(response.status, 200, 'the write made while the replica was down, read from the replica');
    assert.match(await response.text(), /written-while-down/);
  } finally {
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }
});

function listening(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`chancery serve exited with ${code}`)));
    server.stdout?.on('data', (chunk: Buffer) => {
      const address = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
      if (address) resolve(address[0]);
    });
  });
}

test('a read database for an archive that is not on PostgreSQL is refused, naming both', async () => {
  await assert.rejects(
    openApp({ db: ':memory:', readDb: 'postgres://reader:secret@replica.example.org/chancery' }),
    {
      code: 'store.url',
      message:
        '--read-db postgres://reader:***@replica.example.org/chancery must be a postgres:// replica of a PostgreSQL archive (--db postgres://…), not of :memory:.',
    },
  );
});
