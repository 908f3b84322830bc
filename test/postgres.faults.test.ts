import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { openApp } from '../src/app.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { openPostgresArchive } from '../src/store/postgres/postgres.store.ts';
import { EVERYTHING, runQuery } from '../src/web/browse.queries.ts';
import { runChancery } from './support/cli.run.ts';
import { createTestDatabase } from './support/postgres.db.ts';
import { makeRecord } from './support/record.fixture.ts';

const database = await createTestDatabase('faults');
after(() => database.drop());

test('a URL that is no URL, or names no database, is refused naming it, without its password', async () => {
  await assert.rejects(openApp({ db: 'postgres://root:secret@localhost:port/chancery' }), (error: Error) => {
    assert.equal((error as { code?: string }).code, 'store.url');
    assert.match(error.message, /postgres:\/\/root:\*\*\*@localhost:port\/chancery" is not a PostgreSQL URL/);
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
  await assert.rejects(openApp({ db: 'postgres://root:secret@localhost/' }), {
    code: 'store.url',
    message: /postgres:\/\/root:\*\*\*@localhost\/ names no database/,
  });
});

test('a server that refuses the connection, or is not there, is a clear message naming the URL', async () => {
  await assert.rejects(openApp({ db: 'postgres://root:secret@127.0.0.1:1/chancery' }), (error: Error) => {
    assert.equal((error as { code?: string }).code, 'store.connection');
    assert.match(
      error.message,
      /Cannot open the archive at postgres:\/\/root:\*\*\*@127\.0\.0\.1:1\/chancery: the connection was refused/,
    );
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
  await assert.rejects(openApp({ db: 'postgres:///chancery?host=/nonexistent/socket' }), {
    code: 'store.connection',
    message: /postgres:\/\/\/chancery\?host=\/nonexistent\/socket: there is no server socket there/,
  });
  const cli = await runChancery('postgres://root:secret@127.0.0.1:1/chancery', 'list');
  assert.equal(cli.code, 1);
  assert.match(
    cli.stderr,
    /^chancery: Cannot open the archive at postgres:\/\/root:\*\*\*@127\.0\.0\.1:1\/chancery/,
  );
});

test('a database of a newer schema is refused before anything is written, naming it', async () => {
  const url = database.url('future');
  const first = await openPostgresArchive(url);
  await first.store.saveRecord(makeRecord());
  await first.store.close();
  await database.query("INSERT INTO future.schema_migrations VALUES (999, 'from a later Chancery', 'now')");
  await assert.rejects(openPostgresArchive(url), {
    code: 'store.migration',
    message:
      /The database at postgres:.*schema=future is at schema version 999, newer than this Chancery knows \(\d+\)/,
  });
});

test('a batch that fails is not written at all, and what was saved before stays', async () => {
  const { store, search } = await openPostgresArchive(database.url('atomic'));
  try {
    await store.saveRecord(makeRecord({ id: 'kept' }));
    const generation = await search.generation();
    // PostgreSQL text holds no NUL character: the second record fails, and takes the first with it.
    await assert.rejects(
      store.saveRecords([makeRecord({ id: 'first' }), makeRecord({ id: 'second', title: 'A \u0000 title' })]),
    );
    assert.equal(await store.getRecord('first'), null);
    assert.equal(await store.countRecords(), 1);
    assert.equal(await search.generation(), generation, 'the index did not move either');
    assert.deepEqual(await store.checkIntegrity(), []);
  } finally {
    await store.close();
  }
});

test('two processes writing at once lose nothing, and each sees the other’s writes at once', async () => {
  const url = database.url('shared');
  const [a, b] = [await openPostgresArchive(url), await openPostgresArchive(url)];
  try {
    const batch = (prefix: string, type: ChanceryRecord['type']) =>
      Array.from({ length: 20 }, (_, i) => makeRecord({ id: `${prefix}-${i}`, type }));
    await Promise.all([
      ...batch('a', 'letter').map((r) => a.store.saveRecord(r)),
      ...batch('b', 'cable').map((r) => b.store.saveRecord(r)),
    ]);
    for (const archive of [a, b]) {
      assert.equal(await archive.store.countRecords(), 40);
      const facets = (await runQuery(archive, EVERYTHING, { pageSize: 0 })).facets.type;
      assert.deepEqual(
        facets.map((v) => [v.value, v.count]),
        [
          ['cable', 20],
          ['letter', 20],
        ],
      );
    }
    await a.store.deleteRecord('b-0');
    const seen = await runQuery(b, EVERYTHING, { pageSize: 0 });
    assert.equal(seen.total, 39, 'a delete through one is seen through the other');
    assert.deepEqual(await b.store.checkIntegrity(), []);
  } finally {
    await a.store.close();
    await b.store.close();
  }
});
