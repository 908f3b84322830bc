import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { QueryNode } from '../src/search/query/query.types.ts';
import { type SearchPlan, splitPlan } from '../src/search/search.plan.ts';
import { SqliteMatches } from '../src/search/sqlite/sqlite.matches.ts';
import { SqliteRanker } from '../src/search/sqlite/sqlite.rank.ts';
import { SqliteSearchIndex } from '../src/search/sqlite/sqlite.search-index.ts';
import { SearchThreads } from '../src/search/sqlite/sqlite.search-threads.ts';
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
      `DROP VIEW public_records; DROP TABLE record_publication; DROP TABLE authority_decisions;
       DROP TABLE record_relations; DROP INDEX collection_members_by_record;
       DROP TABLE reconciled_authorities; DROP TABLE authority_members; DROP TABLE authority_review;
       DROP TABLE reconciliation_version; DROP TABLE search_name_forms; DROP TABLE search_name_keys;
       DROP TABLE search_vocab; DROP TABLE search_state; DROP TABLE record_deletions;
       DROP INDEX records_by_change; DROP TABLE jobs; DROP INDEX records_by_added;
       DROP TABLE audit_log; DROP TABLE setup_token; DROP TABLE login_failures; DROP TABLE api_tokens;
       DROP TABLE sessions; DROP TABLE users; DROP TABLE record_edits; DROP TABLE record_held;
       ALTER TABLE records DROP COLUMN changed_at;
       DELETE FROM schema_migrations WHERE version >= 3;`,
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
    const server = openSqliteArchive(path, { searchThreads: 2 });
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

test('sqlite search: the search workers count and rank as the search thread does, before and after a write', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  const path = join(dir, 'archive.db');
  const { store, search } = openSqliteArchive(path, { searchThreads: 2 });
  const threads = new SearchThreads(path, { threads: 2, budgetMs: 10_000, maxStopping: 2 });
  const db = new Database(path, { readonly: true });
  const matches = new SqliteMatches(db, () => undefined);
  const ranker = new SqliteRanker(db, matches);
  try {
    await store.saveRecords([
      makeRecord({ id: 'a' }),
      makeRecord({ id: 'b', type: 'letter', summary: 'Kaesong talks.' }),
      makeRecord({ id: 'c', type: 'letter', summary: 'Kaesong again.' }),
    ]);
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
    const window = { from: 0, size: 10 };
    const compare = async () => {
      for (const plan of plans) {
        assert.deepEqual(await threads.count(plan, 20), matches.count(plan, 20));
        assert.deepEqual(await threads.page(plan, window), ranker.page(plan, window));
      }
    };
    await compare();
    assert.equal((await threads.count(plans[2] as SearchPlan, 20)).total, 2);
    assert.equal((await threads.page(plans[2] as SearchPlan, window)).length, 2);
    await store.deleteRecord('c');
    await store.saveRecord(makeRecord({ id: 'b', type: 'cable', summary: 'Kaesong talks.' }));
    await compare();
    assert.deepEqual((await threads.count(plans[3] as SearchPlan, 20)).facets.type, [
      { value: 'cable', label: 'cable', count: 1 },
    ]);
    // Several searches at once queue for the two workers and all come back.
    const totals = await Promise.all(plans.map((plan) => search.count(plan, { facetLimit: 20 })));
    assert.deepEqual(
      totals.map((t) => t.total),
      [2, 1, 0, 1, 0],
    );
  } finally {
    await threads.close();
    db.close();
    await search.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite search: a search past its time budget fails with search.timeout, and the next one is answered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-'));
  const path = join(dir, 'archive.db');
  const { store } = openSqliteArchive(path);
  try {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    await store.saveRecords(
      Array.from({ length: 2000 }, (_, i) => makeRecord({ id: `r${i}`, summary: words.join(' ') })),
    );
    const everyWord = splitPlan({ kind: 'or', children: words.map((text) => ({ kind: 'word', text })) });
    const hurried = new SqliteSearchIndex(new Database(path, { readonly: true }), null as never, {
      threads: 1,
      budgetMs: 1,
    });
    await hurried.warm().catch(() => {});
    await assert.rejects(hurried.page(everyWord, { from: 0, size: 10 }), { code: 'search.timeout' });
    await hurried.close();
    const patient = openSqliteArchive(path, { searchThreads: 1 }).search;
    assert.equal((await patient.page(everyWord, { from: 0, size: 10 })).length, 10);
    await patient.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function typeFilter(type: string): QueryNode {
  return { kind: 'filter', field: 'type', facets: ['type'], values: [type] };
}
