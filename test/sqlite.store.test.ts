import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { QueryNode } from '../src/search/query/query.types.ts';
import { type SearchPlan, splitPlan } from '../src/search/search.plan.ts';
import { CountThread } from '../src/search/sqlite/sqlite.count.thread.ts';
import { SqliteMatches } from '../src/search/sqlite/sqlite.matches.ts';
import { SQLITE_MIGRATIONS } from '../src/store/sqlite/sqlite.migrations.ts';
import { openSqliteArchive } from '../src/store/sqlite/sqlite.store.ts';
import { EVERYTHING, runQuery } from '../src/web/browse.queries.ts';
import { runSearchContract } from './search.contract.ts';
import { runStoreContract } from './store.contract.ts';
import { makeRecord } from './support/record.fixture.ts';

runStoreContract('sqlite', async () => openSqliteArchive(':memory:'));
runSearchContract('sqlite', async () => openSqliteArchive(':memory:'));

test('sqlite store: migrations are recorded once and a reopened file keeps its records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'archive.db');
    const { store } = openSqliteArchive(path);
    await store.saveRecord(makeRecord());
    await store.close();
    const reopened = openSqliteArchive(path);
    assert.equal((await reopened.store.getRecord('test-1'))?.title, makeRecord().title);
    await reopened.store.close();
    const db = new Database(path, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    db.close();
    assert.deepEqual(
      versions,
      SQLITE_MIGRATIONS.map((m) => m.version),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a database from a newer Chancery is refused with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'future.db');
    const db = new Database(path);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('future', new Date().toISOString());
    db.close();
    assert.throws(() => openSqliteArchive(path), { code: 'store.migration', message: /schema version 999/ });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a database from before migration 3 is upgraded, and its threads are found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'old.db');
    const { store } = openSqliteArchive(path);
    await store.saveRecord(makeRecord());
    await store.close();
    // Wind the file back to schema version 2, as a Chancery from before migration 3 left it.
    const db = new Database(path);
    db.exec(
      `DROP TABLE record_relations; DROP INDEX collection_members_by_record;
       DROP TABLE reconciled_authorities; DROP TABLE authority_members; DROP TABLE authority_review;
       DROP TABLE reconciliation_version; DROP TABLE search_name_forms; DROP TABLE search_name_keys;
       DROP TABLE search_vocab; DROP TABLE search_state; DELETE FROM schema_migrations WHERE version >= 3;`,
    );
    db.close();
    const upgraded = openSqliteArchive(path);
    assert.deepEqual(
      (await upgraded.search.findCorrespondence({ a: 'stalin', b: 'roshchin' })).map((e) => e.id),
      ['test-1'],
    );
    await upgraded.store.saveRelations('test-1', [{ type: 'same-as', target: 'other' }]);
    assert.deepEqual((await upgraded.store.getRecord('test-1'))?.relations, [
      { type: 'same-as', target: 'other' },
    ]);
    await upgraded.search.close();
    await upgraded.store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a search sees what another process indexed or removed since its last search', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'shared.db');
    const server = openSqliteArchive(path);
    const ingest = openSqliteArchive(path);
    // The server counts in its worker thread from here on, as `chancery serve` does.
    await server.search.warm();
    const types = async () =>
      Object.fromEntries(
        (await runQuery(server, EVERYTHING, { pageSize: 10 })).facets.type.map((v) => [v.value, v.count]),
      );
    await ingest.store.saveRecord(makeRecord({ id: 'a' }));
    assert.deepEqual(await types(), { 'ciphered-telegram': 1 });
    await ingest.store.saveRecords([
      makeRecord({ id: 'b', type: 'letter' }),
      makeRecord({ id: 'c', type: 'letter' }),
    ]);
    assert.deepEqual(await types(), { 'ciphered-telegram': 1, letter: 2 });
    await ingest.store.saveRecord(makeRecord({ id: 'b', type: 'cable' }));
    await ingest.store.deleteRecord('a');
    assert.deepEqual(await types(), { cable: 1, letter: 1 });
    const filtered = await runQuery(
      server,
      {
        kind: 'and',
        children: [
          { kind: 'word', text: 'Филиппов' },
          { kind: 'filter', field: 'type', facets: ['type'], values: ['letter'] },
        ],
      },
      { pageSize: 10 },
    );
    assert.deepEqual(
      filtered.hits.map((h) => h.id),
      ['c'],
      'facet filters applied in memory see the change too',
    );
    assert.equal(filtered.total, 1);
    for (const archive of [ingest, server]) {
      await archive.search.close();
      await archive.store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite search: the counting worker and the search thread count the same, before and after a write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  const { store, search } = openSqliteArchive(join(dir, 'archive.db'));
  const worker = new CountThread(join(dir, 'archive.db'));
  const db = new Database(join(dir, 'archive.db'), { readonly: true });
  const here = new SqliteMatches(db, () => undefined);
  try {
    await store.saveRecords([
      makeRecord({ id: 'a' }),
      makeRecord({ id: 'b', type: 'letter', summary: 'Kaesong talks.' }),
      makeRecord({ id: 'c', type: 'letter', summary: 'Kaesong again.' }),
    ]);
    await worker.started();
    assert.ok(worker.available(), 'the worker starts and takes work');
    const plans = [
      EVERYTHING,
      { kind: 'word', text: 'Kaesong' },
      { kind: 'and', children: [{ kind: 'word', text: 'Kaesong' }, typeFilter('letter')] },
      { kind: 'and', children: [{ kind: 'word', text: 'Kaesong' }, typeFilter('cable')] },
      {
        kind: 'and',
        children: [typeFilter('letter'), { kind: 'not', child: { kind: 'word', text: 'again' } }],
      },
    ].map((q) => splitPlan(q as QueryNode));
    const compare = async () => {
      for (const plan of plans) assert.deepEqual(await worker.count(plan, 20), here.count(plan, 20));
    };
    await compare();
    assert.deepEqual((await worker.count(plans[2] as SearchPlan, 20)).total, 2);
    await store.deleteRecord('c');
    await store.saveRecord(makeRecord({ id: 'b', type: 'cable', summary: 'Kaesong talks.' }));
    await compare();
    assert.deepEqual((await worker.count(plans[3] as SearchPlan, 20)).facets.type, [
      { value: 'cable', label: 'cable', count: 1 },
    ]);
    // Two counts at once: one goes to the worker, the other is counted in the search's own thread.
    await search.warm();
    const [first, second] = await Promise.all([
      search.count(plans[1] as SearchPlan, { facetLimit: 20 }),
      search.count(plans[1] as SearchPlan, { facetLimit: 20 }),
    ]);
    assert.deepEqual(first, second);
    assert.equal(first.total, 1);
  } finally {
    await worker.close();
    db.close();
    await search.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function typeFilter(type: string): QueryNode {
  return { kind: 'filter', field: 'type', facets: ['type'], values: [type] };
}
