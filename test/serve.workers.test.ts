import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CHANCERY_BIN, runChancery } from './support/cli.run.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { FRUS_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * `chancery serve --workers 2`: two web processes on one port, and nothing a request needs held
 * in one of them alone. After an ingest by a third process, both answer every request alike, on
 * a SQLite file and on PostgreSQL.
 */
const dir = mkdtempSync(join(tmpdir(), 'chancery-workers-'));
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase('workers');
});

after(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`serve --workers 2 on ${backend}`, () => {
    let db: string;
    let server: ChildProcess;
    let base: string;

    before(async () => {
      db = backend === 'sqlite' ? join(dir, 'archive.db') : database.url();
      assert.equal((await runChancery(db, 'ingest', SEEDS_DIR)).code, 0);
      server = spawn(
        process.execPath,
        [CHANCERY_BIN, '--db', db, 'serve', '--workers', '2', '--port', '0', '--host', '127.0.0.1'],
        // Started from another directory, as an installed archive is: the pages still render.
        { stdio: ['ignore', 'pipe', 'inherit'], cwd: dir },
      );
      base = await new Promise((resolve, reject) => {
        server.once('exit', (code) => reject(new Error(`chancery serve exited with ${code}`)));
        server.stdout?.on('data', (chunk: Buffer) => {
          const address = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
          if (address) resolve(address[0]);
        });
      });
    });

    after(async () => {
      const stopped = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
    });

    /** A request on a connection of its own: the cluster hands new connections to its processes in turn. */
    function get(path: string): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const req = request(`${base}${path}`, { agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    }

    /** The same request several times, each answer the same: whichever process took it. */
    async function sameEverywhere(path: string): Promise<string> {
      const answers = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const { status, body } = await get(path);
        assert.equal(status, 200, path);
        answers.add(body);
      }
      assert.equal(answers.size, 1, `${path}: the processes answer alike`);
      return [...answers][0] as string;
    }

    test('two processes serve one port', () => {
      const children = execFileSync('pgrep', ['-P', String(server.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n');
      assert.equal(children.length, 2, 'a primary and two web processes');
    });

    test('after an ingest by another process, both answer searches, facets and names alike', async () => {
      const before = JSON.parse(await sameEverywhere('/api/search?q=author%3AAcheson')) as { total: number };
      assert.equal(before.total, 0, 'no Acheson before the FRUS volumes');
      assert.equal((await runChancery(db, 'ingest', FRUS_DIR)).code, 0);
      // Acheson is found by the signatures and persons lists reconciled in the ingesting process.
      const after = JSON.parse(await sameEverywhere('/api/search?q=author%3AAcheson')) as {
        total: number;
        facets: { type: { value: string; count: number }[] };
      };
      assert.ok(after.total > 10, `Acheson signs FRUS telegrams (${after.total})`);
      assert.ok(after.facets.type.length > 0);
      const people = await sameEverywhere('/people?letter=A');
      assert.match(people, /Acheson/);
      await sameEverywhere('/search?q=Kaesong');
    });
  });
}
