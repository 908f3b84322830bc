import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../src/store/sqlite/sqlite.migrations.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite.store.ts';
import { runStoreContract } from './store.contract.ts';
import { makeRecord } from './support/record.fixture.ts';

runStoreContract('sqlite', async () => openSqliteStore(':memory:'));

test('sqlite store: migrations are recorded once and a reopened file keeps its records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'archive.db');
    const store = openSqliteStore(path);
    await store.saveRecord(makeRecord());
    await store.close();
    const reopened = openSqliteStore(path);
    assert.equal((await reopened.getRecord('test-1'))?.title, makeRecord().title);
    await reopened.close();
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
    assert.throws(() => openSqliteStore(path), { code: 'store.migration', message: /schema version 999/ });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a database from before migration 3 is upgraded, and its threads are found', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'old.db');
    const store = openSqliteStore(path);
    await store.saveRecord(makeRecord());
    await store.close();
    // Wind the file back to schema version 2, as a Chancery from before migration 3 left it.
    const db = new Database(path);
    db.exec(
      `DROP TABLE record_relations; DROP INDEX collection_members_by_record;
       DROP TABLE reconciled_authorities; DROP TABLE authority_members; DROP TABLE authority_review;
       DROP TABLE reconciliation_version; DROP TABLE search_name_forms; DROP TABLE search_name_keys;
       DROP TABLE search_vocab; DROP TABLE search_state; DROP TABLE record_deletions;
       DROP INDEX records_by_change; DELETE FROM schema_migrations WHERE version >= 3;`,
    );
    db.close();
    const upgraded = openSqliteStore(path);
    assert.deepEqual(
      (await upgraded.findCorrespondence({ a: 'stalin', b: 'roshchin' })).map((e) => e.id),
      ['test-1'],
    );
    await upgraded.saveRelations('test-1', [{ type: 'same-as', target: 'other' }]);
    assert.deepEqual((await upgraded.getRecord('test-1'))?.relations, [{ type: 'same-as', target: 'other' }]);
    await upgraded.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite store: a search sees what another process indexed or removed since its last search', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  try {
    const path = join(dir, 'shared.db');
    const server = openSqliteStore(path);
    const ingest = openSqliteStore(path);
    const everything = { query: { kind: 'and' as const, children: [] }, page: 1, pageSize: 10 };
    const types = async () =>
      Object.fromEntries((await server.search(everything)).facets.type.map((v) => [v.value, v.count]));
    await ingest.saveRecord(makeRecord({ id: 'a' }));
    assert.deepEqual(await types(), { 'ciphered-telegram': 1 });
    await ingest.saveRecords([
      makeRecord({ id: 'b', type: 'letter' }),
      makeRecord({ id: 'c', type: 'letter' }),
    ]);
    assert.deepEqual(await types(), { 'ciphered-telegram': 1, letter: 2 });
    await ingest.saveRecord(makeRecord({ id: 'b', type: 'cable' }));
    await ingest.deleteRecord('a');
    assert.deepEqual(await types(), { cable: 1, letter: 1 });
    const filtered = await server.search({
      query: {
        kind: 'and',
        children: [
          { kind: 'word', text: 'Филиппов' },
          { kind: 'filter', field: 'type', facets: ['type'], values: ['letter'] },
        ],
      },
      page: 1,
      pageSize: 10,
    });
    assert.deepEqual(
      filtered.hits.map((h) => h.id),
      ['c'],
      'facet filters applied in memory see the change too',
    );
    await ingest.close();
    await server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
