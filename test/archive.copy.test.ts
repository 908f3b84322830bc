import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { AccountStore } from '../src/accounts/accounts.types.ts';
import type { AuditLog } from '../src/accounts/audit.types.ts';
import { addToken, revokeToken, tokenOf } from '../src/accounts/tokens.service.ts';
import { addUser } from '../src/accounts/users.service.ts';
import { openApp, openArchive } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import type { Store } from '../src/store/store.types.ts';
import { CHANCERY_BIN } from './support/cli.run.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { FRUS_CURRENT_DIR, SEEDS_DIR } from './support/shared-paths.ts';

const run = promisify(execFile);
let dir: string;
let database: TestDatabase;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-copy-'));
  database = await createTestDatabase('copy');
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
});

const copy = (from: string, to: string) =>
  run(process.execPath, [CHANCERY_BIN, 'copy', '--from', from, '--to', to]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

/** Everything an archive gives back, through its ports: what must survive a copy unchanged. */
async function exportOf({
  store,
  accounts,
  audit,
}: {
  store: Store;
  accounts: AccountStore;
  audit: AuditLog;
}): Promise<unknown> {
  const records: unknown[] = [];
  for await (const history of store.exportHistories()) {
    const versions = await store.listVersions(history.id);
    records.push({
      history,
      shown: await store.getRecord(history.id),
      versions,
      each: await Promise.all(versions.map((v) => store.getRecordVersion(history.id, v.version))),
    });
  }
  const sources: unknown[] = [];
  for await (const s of store.streamSources())
    sources.push({ ...s, bytes: Buffer.from(s.bytes).toString('base64') });
  const reconciliation = await store.getReconciliation();
  return {
    records,
    sources,
    collections: await store.listCollections(),
    authorities: await store.listAuthorities(),
    reconciliation: { ...reconciliation, groupOf: [...reconciliation.groupOf].sort() },
    people: await store.listReconciled({ kind: 'person' }),
    users: await accounts.listUsers(),
    tokens: await accounts.listTokens(),
    audit: await audit.list({ after: 0, limit: 1000 }),
  };
}

test('copy moves an archive from SQLite to PostgreSQL and back, and the three export the same', async () => {
  const first = join(dir, 'first.db');
  const app = await openApp({ db: first });
  const report = await ingestPaths({
    paths: [SEEDS_DIR, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  assert.equal(report.failed, 0);
  // A second version of a record, and a relation resolved across records.
  const [one, two] = await app.store.listRecords({ limit: 2 });
  assert.ok(one && two);
  await app.store.saveRecord({ ...(await rawRecord(app.store, one.id)), summary: 'Corrected summary.' });
  await app.store.saveRelations(one.id, [{ type: 'reply-to', target: two.id }]);
  // Accounts, a token in use and a revoked one, and the audit log of it all and of a withdrawal.
  const actor = { name: 'cli:test', address: 'cli' };
  await addUser(app, { name: 'ada', role: 'editor', password: 'a long enough password' }, actor);
  await addUser(app, { name: 'bo', role: 'reader', password: 'another long password' }, actor);
  const { secret } = await addToken(app, { user: 'ada', scope: 'write', label: 'harvest' }, actor);
  const revoked = await addToken(app, { user: 'bo', scope: 'read', label: 'old' }, actor);
  await revokeToken(app, revoked.token.id, actor);
  await app.store.setPublication(
    two.id,
    { state: 'withdrawn', until: null, reason: 'Duplicate of another record.' },
    {
      at: new Date().toISOString(),
      actor: 'ada',
      action: 'record.publish',
      target: two.id,
      detail: {},
      reason: 'Duplicate of another record.',
      address: '127.0.0.1',
    },
  );
  await app.close();

  const postgres = database.url();
  const back = join(dir, 'back.db');
  const there = await copy(`sqlite:${first}`, postgres);
  assert.equal(there.code, 0, there.stderr);
  assert.match(there.stdout, /Copied \d+ records \(\d+ versions\), \d+ sources/);
  const refused = await copy(`sqlite:${first}`, postgres);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /already holds \d+ records: copy into an empty database/);
  const home = await copy(postgres, `sqlite:${back}`);
  assert.equal(home.code, 0, home.stderr);

  const archives = await Promise.all(
    [`sqlite:${first}`, postgres, `sqlite:${back}`].map((db) => openArchive(db)),
  );
  try {
    const [original, copied, returned] = await Promise.all(archives.map((a) => exportOf(a)));
    const shape = original as {
      records: { versions: unknown[] }[];
      sources: unknown[];
      users: unknown[];
      tokens: unknown[];
      audit: unknown[];
    };
    assert.ok(shape.records.length > 10 && shape.sources.length >= 3);
    assert.equal(shape.users.length, 2);
    assert.equal(shape.tokens.length, 2);
    assert.ok(shape.audit.length >= 5, 'two users, two tokens, a revocation and a withdrawal audited');
    assert.ok(
      shape.records.some((r) => r.versions.length === 2),
      'a record with two versions',
    );
    assert.deepEqual(copied, original, 'SQLite → PostgreSQL');
    assert.deepEqual(returned, original, 'PostgreSQL → SQLite');
    // The copies are searched alike: their indexes were written with the records.
    const authorities = new AuthorityIndex(loadAuthorities());
    for (const q of ['Stalin', 'Kaesong type:cable', 'lang:ru']) {
      const [a, b, c] = await Promise.all(
        archives.map(async (x) =>
          (await searchArchive({ q, pageSize: 50 }, { ...x, authorities })).hits.map((h) => h.id),
        ),
      );
      assert.ok(a && a.length > 0, q);
      assert.deepEqual(b, a, q);
      assert.deepEqual(c, a, q);
    }
    for (const a of archives) assert.deepEqual(await a.store.checkIntegrity(), []);
    // The token still opens the copies; the withdrawn record is still withdrawn there.
    for (const a of archives) {
      assert.equal((await tokenOf(a, secret))?.user.name, 'ada');
      assert.equal((await a.store.getPublication(two.id))?.state, 'withdrawn');
    }
  } finally {
    for (const a of archives) {
      await a.search.close();
      await a.store.close();
    }
  }
});

async function rawRecord(store: Store, id: string): Promise<ChanceryRecord> {
  for await (const history of store.exportHistories()) {
    const last = history.versions.at(-1);
    if (history.id === id && last) return last.record;
  }
  throw new Error(`no record ${id}`);
}
