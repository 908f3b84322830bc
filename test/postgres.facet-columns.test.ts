import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import type { FacetColumns } from '../src/search/facet.columns.ts';
import { PostgresFacetColumns } from '../src/search/postgres/postgres.facet-columns.ts';
import { sessionOptions } from '../src/store/postgres/postgres.pool.ts';
import { openPostgresArchive } from '../src/store/postgres/postgres.store.ts';
import { parsePostgresUrl } from '../src/store/postgres/postgres.url.ts';
import { createTestDatabase } from './support/postgres.db.ts';
import { makeRecord } from './support/record.fixture.ts';

const database = await createTestDatabase('facet_columns');
after(() => database.drop());

/** Snapshots begun by the test, ended (and their connections returned) whatever happens. */
const open: pg.PoolClient[] = [];

/** A search's snapshot: a connection in a read-only repeatable-read transaction, and its change number. */
async function snapshot(pool: pg.Pool): Promise<{ client: pg.PoolClient; seq: number }> {
  const client = await pool.connect();
  open.push(client);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const { rows } = await client.query<{ seq: string }>('SELECT seq FROM search_state');
  return { client, seq: Number(rows[0]?.seq) };
}

async function types(client: pg.PoolClient, columns: FacetColumns): Promise<Record<string, number>> {
  const docs = (await client.query<{ doc: number }>('SELECT doc FROM search_docs ORDER BY doc')).rows;
  const counted = columns.count(
    docs.map((d) => d.doc),
    ['type'],
  );
  return Object.fromEntries(counted.type.map((v) => [v.value, v.count]));
}

test('a search whose snapshot is older than the facet columns the process holds gets none, and counts on a new snapshot', async () => {
  const url = database.url('columns');
  const archive = await openPostgresArchive(url);
  const address = parsePostgresUrl(url);
  const pool = new pg.Pool({ ...address.config, options: sessionOptions(address) });
  try {
    // Ten records, so that one more is a change laid over the columns, not a reason to read them again.
    await archive.store.saveRecords(
      Array.from({ length: 10 }, (_, i) => makeRecord({ id: `telegram-${i}`, type: 'telegram' })),
    );
    const columns = new PostgresFacetColumns(pool);
    const early = await snapshot(pool);
    const earlier = await columns.at(early.client, early.seq);
    assert.ok(earlier, 'the columns of the state the process holds');
    assert.deepEqual(await types(early.client, earlier), { telegram: 10 });

    // Another search, begun after a write, brings the process's columns to a later state.
    await archive.store.saveRecords([makeRecord({ id: 'second', type: 'letter' })]);
    const late = await snapshot(pool);
    assert.ok(late.seq > early.seq);
    const later = await columns.at(late.client, late.seq);
    assert.ok(later);
    assert.equal(later.seq, late.seq);
    assert.deepEqual(await types(late.client, later), { telegram: 10, letter: 1 });

    // The earlier snapshot cannot be counted on the later columns (it would count a record it does
    // not see), nor can the process go back: none, and the count starts again.
    assert.equal(await columns.at(early.client, early.seq), null);
    const again = await snapshot(pool);
    const recounted = await columns.at(again.client, again.seq);
    assert.ok(recounted);
    assert.deepEqual(await types(again.client, recounted), { telegram: 10, letter: 1 });
  } finally {
    for (const client of open.splice(0)) {
      await client.query('ROLLBACK');
      client.release();
    }
    await pool.end();
    await archive.jobs.close();
    await archive.search.close();
    await archive.store.close();
  }
});
