import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openApp } from '../src/app.ts';
import { CHANCERY_BIN, runChancery } from './support/cli.run.ts';
import { FRUS_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * Issue 16, item 6: `chancery backup FILE` taken while a server reads the archive and an ingest
 * writes to it, and `chancery restore FILE`: a restored backup is a whole archive, and the export
 * of one taken at rest equals the archive's own.
 */

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-backup-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function exportOf(db: string): Promise<string> {
  const out = join(dir, `export-${Math.random().toString(36).slice(2)}.jsonl`);
  const { code, stderr } = await runChancery(db, 'export', '--format', 'json', '--output', out);
  assert.equal(code, 0, stderr);
  return readFileSync(out, 'utf8');
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

describe('backup and restore', () => {
  test('a backup taken while the server reads and an ingest writes restores to a whole archive, which a rerun completes', async () => {
    const db = join(dir, 'live.db');
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
        const file = join(dir, `during-${backups.length}.db`);
        const [result, page] = await Promise.all([runChancery(db, 'backup', file), fetch(`${server.url}/`)]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /backed up .* pages/);
        assert.equal(page.status, 200);
        backups.push(file);
      }
      assert.equal(await ingestEnded, 0);
      assert.ok(!existsSync(`${backups[0]}.partial`), 'no partial file is left');

      // Each backup is a whole archive of some moment of the ingest; the ingest run again on it
      // ends where the live archive did.
      const expected = await exportOf(db);
      const taken = backups.at(Math.floor(backups.length / 2)) as string;
      const restored = join(dir, 'restored-during.db');
      const restore = await runChancery(restored, 'restore', taken);
      assert.equal(restore.code, 0, restore.stderr);
      assert.deepEqual(await integrityOf(restored), []);
      assert.equal((await runChancery(restored, 'ingest', SEEDS_DIR, FRUS_DIR)).code, 0);
      assert.equal(await exportOf(restored), expected);

      // A backup taken at rest, with the server still up, restores to the same export.
      const atRest = join(dir, 'at-rest.db');
      assert.equal((await runChancery(db, 'backup', atRest)).code, 0);
      const restoredAtRest = join(dir, 'restored-at-rest.db');
      assert.equal((await runChancery(restoredAtRest, 'restore', atRest)).code, 0);
      assert.equal(await exportOf(restoredAtRest), expected);
    } finally {
      server.child.kill();
    }
  });

  test('restore over an existing archive replaces it', async () => {
    const small = join(dir, 'small.db');
    const other = join(dir, 'other.db');
    assert.equal((await runChancery(small, 'ingest', SEEDS_DIR)).code, 0);
    assert.equal((await runChancery(other, 'ingest', `${FRUS_DIR}frus1955-57v23p2.xml`)).code, 0);
    const backup = join(dir, 'small-backup.db');
    assert.equal((await runChancery(small, 'backup', backup)).code, 0);
    assert.equal((await runChancery(other, 'restore', backup)).code, 0);
    assert.equal(await exportOf(other), await exportOf(small));
  });

  test('restore refuses a file that is not a whole Chancery archive, and leaves the archive as it was', async () => {
    const db = join(dir, 'kept.db');
    assert.equal((await runChancery(db, 'ingest', SEEDS_DIR)).code, 0);
    const before = await exportOf(db);
    const notDb = join(dir, 'not-a-db.db');
    writeFileSync(notDb, 'this is not a database\n'.repeat(100));
    const refused = await runChancery(db, 'restore', notDb);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not-a-db\.db is not a SQLite database; nothing was restored/);
    const missing = await runChancery(db, 'restore', join(dir, 'nowhere.db'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere\.db: no such backup file/);
    assert.equal(await exportOf(db), before);
  });
});
