import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openApp } from '../src/app.ts';
import { parsePostgresUrl } from '../src/store/postgres/postgres.url.ts';
import { CHANCERY_BIN, runChancery } from './support/cli.run.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { FRUS_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * Issue 16, item 6: `chancery backup FILE` taken while a server reads the archive and an ingest
 * writes to it, and `chancery restore FILE`: a restored backup is a whole archive, and the export
 * of one taken at rest equals the archive's own. On SQLite (the online backup API) and on
 * PostgreSQL (pg_dump and pg_restore).
 */

let dir: string;
const databases: TestDatabase[] = [];
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-backup-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const database of databases) await database.drop();
});

/** A place for an archive of the backend: a file, or a database of its own on the test server. */
type Backend = { name: string; archive(label: string): Promise<string>; backupName: string };
const SQLITE: Backend = {
  name: 'SQLite',
  archive: async (label) => join(dir, `${label}.db`),
  backupName: 'db',
};
const POSTGRES: Backend = {
  name: 'PostgreSQL',
  archive: async (label) => {
    const database = await createTestDatabase(`backup_${label.replaceAll('-', '_')}`);
    databases.push(database);
    return database.url();
  },
  backupName: 'dump',
};
const BACKENDS = [SQLITE, POSTGRES];

async function exportOf(db: string): Promise<string> {
  const out = join(dir, `export-${Math.random().toString(36).slice(2)}.jsonl`);
  const { code, stderr } = await runChancery(db, 'export', '--format', 'json', '--output', out);
  assert.equal(code, 0, stderr);
  return readFileSync(out, 'utf8');
}

async function recordCount(db: string): Promise<number> {
  const app = await openApp({ db });
  try {
    return await app.store.countRecords();
  } finally {
    await app.close();
  }
}

/** The definitions of the indexes in a schema of a PostgreSQL database. */
async function indexesOf(url: string, schema: string): Promise<string[]> {
  const client = new pg.Client(parsePostgresUrl(url).config);
  await client.connect();
  try {
    const { rows } = await client.query<{ indexdef: string }>(
      'SELECT indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
      [schema],
    );
    return rows.map((row) => row.indexdef);
  } finally {
    await client.end();
  }
}

async function integrityOf(db: string): Promise<string[]> {
  const app = await openApp({ db });
  try {
    return await app.store.checkIntegrity();
  } finally {
    await app.close();
  }
}

/** `chancery serve --port 0` on `db`, resolved with its address once it listens. */
function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [CHANCERY_BIN, '--db', db, 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = /https?:\/\/[\w.:[\]]+/.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
  });
}

for (const backend of BACKENDS) {
  describe(`backup and restore on ${backend.name}`, () => {
    const file = (label: string) => join(dir, `${backend.name}-${label}.${backend.backupName}`);

    test('a backup taken while the server reads and an ingest writes restores to a whole archive, which a rerun completes', async () => {
      const db = await backend.archive('live');
      assert.equal((await runChancery(db, 'ingest', SEEDS_DIR)).code, 0);
      const server = await serve(db);
      try {
        const ingest = spawn(process.execPath, [CHANCERY_BIN, '--db', db, 'ingest', FRUS_DIR], {
          stdio: 'ignore',
        });
        const ingestEnded = new Promise<number | null>((resolve) => ingest.on('close', resolve));
        const backups: string[] = [];
        let ended = false;
        void ingestEnded.then(() => {
          ended = true;
        });
        // Backups one after another for as long as the ingest writes, the server answering meanwhile.
        while (!ended || backups.length === 0) {
          const backup = file(`during-${backups.length}`);
          const [result, page] = await Promise.all([
            runChancery(db, 'backup', backup),
            fetch(`${server.url}/`),
          ]);
          assert.equal(result.code, 0, result.stderr);
          assert.match(result.stdout, /backed up .* \(\d+ (pages|bytes)\)/);
          assert.equal(page.status, 200);
          backups.push(backup);
        }
        assert.equal(await ingestEnded, 0);
        assert.ok(backups.length >= 2, `backups were taken while the ingest wrote (${backups.length})`);
        assert.ok(!existsSync(`${backups[0]}.partial`), 'no partial file is left');

        // Each backup is a whole archive of some moment of the ingest; the ingest run again on it
        // ends where the live archive did.
        const expected = await exportOf(db);
        const taken = backups.at(Math.floor(backups.length / 2)) as string;
        const restored = await backend.archive('restored-during');
        const restore = await runChancery(restored, 'restore', taken);
        assert.equal(restore.code, 0, restore.stderr);
        assert.deepEqual(await integrityOf(restored), []);
        assert.ok((await recordCount(restored)) >= 2, 'the backup holds what was there before the ingest');
        assert.equal((await runChancery(restored, 'ingest', SEEDS_DIR, FRUS_DIR)).code, 0);
        assert.equal(await exportOf(restored), expected);

        // A backup taken at rest, with the server still up, restores to the same export, over an
        // archive that holds something else.
        const atRest = file('at-rest');
        assert.equal((await runChancery(db, 'backup', atRest)).code, 0);
        const restoredAtRest = await backend.archive('restored-at-rest');
        assert.equal(
          (await runChancery(restoredAtRest, 'ingest', `${FRUS_DIR}frus1955-57v23p2.xml`)).code,
          0,
        );
        assert.equal((await runChancery(restoredAtRest, 'restore', atRest)).code, 0);
        assert.equal(await exportOf(restoredAtRest), expected);
      } finally {
        server.child.kill();
      }
    });

    test('restore refuses a file that is not a whole backup, and leaves the archive as it was', async () => {
      const db = await backend.archive('kept');
      assert.equal((await runChancery(db, 'ingest', SEEDS_DIR)).code, 0);
      const before = await exportOf(db);

      const notBackup = file('not-a-backup');
      writeFileSync(notBackup, 'this is not a database\n'.repeat(100));
      const refused = await runChancery(db, 'restore', notBackup);
      assert.equal(refused.code, 1);
      assert.match(
        refused.stderr,
        backend.name === 'SQLite'
          ? /not-a-backup\.db is not a SQLite database; nothing was restored/
          : /not-a-backup\.dump is not a backup of a PostgreSQL archive .*; nothing was restored/,
      );
      const missing = await runChancery(db, 'restore', join(dir, 'nowhere.db'));
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /nowhere\.db: no such backup file/);

      // A backup cut short (a copy that stopped half-way, a full disk) is found out before or
      // while it is restored, and nothing of it is kept.
      const other = await backend.archive('other');
      assert.equal((await runChancery(other, 'ingest', `${FRUS_DIR}frus1955-57v23p2.xml`)).code, 0);
      const whole = file('whole');
      assert.equal((await runChancery(other, 'backup', whole)).code, 0);
      const bytes = readFileSync(whole);
      const cut = file('cut');
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const refusedCut = await runChancery(db, 'restore', cut);
      assert.equal(refusedCut.code, 1);
      assert.match(refusedCut.stderr, /cut\.(db|dump) .*nothing was restored/);
      assert.deepEqual(await integrityOf(db), []);
      assert.equal(await exportOf(db), before);
    });
  });
}

test('a backup of one kind of archive is refused by the other, with a message that says so', async () => {
  const sqlite = await SQLITE.archive('kind-sqlite');
  const postgres = await POSTGRES.archive('kind-pg');
  assert.equal((await runChancery(sqlite, 'ingest', SEEDS_DIR)).code, 0);
  assert.equal((await runChancery(postgres, 'ingest', SEEDS_DIR)).code, 0);
  const sqliteBackup = join(dir, 'kind.db');
  const postgresBackup = join(dir, 'kind.dump');
  assert.equal((await runChancery(sqlite, 'backup', sqliteBackup)).code, 0);
  assert.equal((await runChancery(postgres, 'backup', postgresBackup)).code, 0);
  assert.match(
    (await runChancery(postgres, 'restore', sqliteBackup)).stderr,
    /kind\.db is not a backup of a PostgreSQL archive/,
  );
  assert.match(
    (await runChancery(sqlite, 'restore', postgresBackup)).stderr,
    /kind\.dump is not a SQLite database/,
  );
  // A dump of the archive in one schema is not restored into another.
  const elsewhere = `${postgres.replace(/\?.*$/, '')}?host=/var/run/postgresql&schema=elsewhere`;
  const wrongSchema = await runChancery(elsewhere, 'restore', postgresBackup);
  assert.equal(wrongSchema.code, 1);
  assert.match(
    wrongSchema.stderr,
    /holds the archive of schema "public", not "elsewhere": restore it to a URL with \?schema=public/,
  );

  // Restoring the archive of `public` leaves another archive of the same database whole: its
  // trigram indexes use pg_trgm, which lives in `public` and stays.
  assert.equal((await runChancery(elsewhere, 'ingest', `${FRUS_DIR}frus1955-57v23p2.xml`)).code, 0);
  const before = await exportOf(elsewhere);
  const indexes = await indexesOf(postgres, 'elsewhere');
  assert.ok(
    indexes.some((index) => index.includes('gin_trgm_ops')),
    'the other archive has trigram indexes',
  );
  assert.equal((await runChancery(postgres, 'restore', postgresBackup)).code, 0);
  assert.deepEqual(await indexesOf(postgres, 'elsewhere'), indexes);
  assert.equal(await exportOf(elsewhere), before);
  assert.deepEqual(await integrityOf(elsewhere), []);
  assert.match((await runChancery(elsewhere, 'search', 'Kaesong')).stdout, /^\d+ documents?/);
});
