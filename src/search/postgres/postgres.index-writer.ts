import type pg from 'pg';
import { nameKeys } from '../../names/translit/name.keys.ts';
import { scriptOf } from '../../names/translit/script.text.ts';
import type { ChanceryRecord } from '../../record/record.types.ts';
import { buildIndexDocument, type IndexDocument } from '../index-document.build.ts';
import { formTerm } from '../name-forms.collect.ts';
import { buildIndexVectors } from './tsvector.build.ts';

/**
 * The version of what the PostgreSQL index holds for a record (analysis, vectors, facets, names).
 * A store whose index was built by an older version indexes every record again when it opens.
 */
export const POSTGRES_INDEX_VERSION = 10;

/**
 * Writes the PostgreSQL search index. The store calls it on its own transaction's connection, so
 * a record and its index entries are committed together or not at all; searches read it through
 * `PostgresSearchIndex` (postgres.search-index.ts). Every write moves `search_state.seq` on, which
 * is how every process's caches learn that the index changed.
 */
export class PostgresIndexWriter {
  /**
   * Indexes records, replacing what was indexed under their ids; the last of a repeated id wins.
   * `documents[i]`, when given, is `records[i]`'s, as `buildIndexDocument` makes it (analyzed in a
   * reader thread ahead of the save).
   */
  async indexRecords(
    client: pg.PoolClient,
    records: readonly ChanceryRecord[],
    documents?: readonly (IndexDocument | undefined)[],
  ): Promise<void> {
    const byId = new Map(records.map((r, i) => [r.id, documents?.[i] ?? r]));
    if (byId.size === 0) return;
    // The change this write is: every document it writes carries its number (facet columns read
    // what changed after the number they hold).
    const seq = await this.nextSeq(client);
    const docs = [...byId.values()].map((d) => ('recordId' in d ? d : buildIndexDocument(d)));
    const vectors = docs.map(buildIndexVectors);
    const existing = new Map(
      (
        await client.query<{ record_id: string; doc: number; length: number }>(
          'SELECT record_id, doc, length FROM search_docs WHERE record_id = ANY($1::text[])',
          [[...byId.keys()]],
        )
      ).rows.map((row) => [row.record_id, row]),
    );
    const columns = (indexes: number[]) => [
      indexes.map((i) => docs[i]?.recordId),
      indexes.map((i) => docs[i]?.dateMin),
      indexes.map((i) => docs[i]?.dateMax),
      indexes.map((i) => vectors[i]?.length),
      indexes.map((i) => vectors[i]?.fts),
      indexes.map((i) => vectors[i]?.caps),
      seq,
    ];
    const replaced = docs.map((_, i) => i).filter((i) => existing.has(docs[i]?.recordId as string));
    const added = docs.map((_, i) => i).filter((i) => !existing.has(docs[i]?.recordId as string));
    if (replaced.length > 0) {
      await client.query(
        `UPDATE search_docs d SET date_min = u.date_min, date_max = u.date_max, length = u.length, fts = u.fts, caps = u.caps, seq = $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::tsvector[], $6::tsvector[])
           AS u(record_id, date_min, date_max, length, fts, caps)
         WHERE d.record_id = u.record_id`,
        columns(replaced),
      );
      await client.query('DELETE FROM search_facets WHERE doc = ANY($1::int[])', [
        replaced.map((i) => existing.get(docs[i]?.recordId as string)?.doc),
      ]);
    }
    // New documents numbered in the order given, as SQLite numbers its rowids: ties rank alike.
    const numbered = new Map<string, number>();
    for (const row of existing.values()) numbered.set(row.record_id, row.doc);
    if (added.length > 0) {
      const inserted = await client.query<{ doc: number; record_id: string }>(
        `INSERT INTO search_docs (record_id, date_min, date_max, length, fts, caps, seq)
         SELECT record_id, date_min, date_max, length, fts, caps, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::tsvector[], $6::tsvector[])
           WITH ORDINALITY AS u(record_id, date_min, date_max, length, fts, caps, n)
         ORDER BY n
         RETURNING doc, record_id`,
        columns(added),
      );
      for (const row of inserted.rows) numbered.set(row.record_id, row.doc);
    }
    const facetRows: [number[], string[], string[], string[]] = [[], [], [], []];
    for (const doc of docs) {
      const number = numbered.get(doc.recordId) as number;
      for (const f of doc.facets) {
        facetRows[0].push(number);
        facetRows[1].push(f.facet);
        facetRows[2].push(f.value);
        facetRows[3].push(f.label);
      }
    }
    await client.query(
      `INSERT INTO search_facets (doc, facet, value, label)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      facetRows,
    );
    const removedTokens = [...existing.values()].reduce((n, row) => n + row.length, 0);
    const addedTokens = vectors.reduce((n, v) => n + v.length, 0);
    await client.query('UPDATE search_state SET docs = docs + $1, tokens = tokens + $2', [
      added.length,
      addedTokens - removedTokens,
    ]);
    await this.addNameForms(client, [...new Set(docs.flatMap((d) => d.nameForms))]);
  }

  /** Removes a record's index entries (its facets go with them); false when it had none. */
  async removeRecord(client: pg.PoolClient, recordId: string): Promise<boolean> {
    const removed = await client.query<{ doc: number; length: number }>(
      'DELETE FROM search_docs WHERE record_id = $1 RETURNING doc, length',
      [recordId],
    );
    const row = removed.rows[0];
    if (!row) return false;
    const seq = await this.nextSeq(client);
    await client.query('INSERT INTO search_removed (doc, seq) VALUES ($1, $2)', [row.doc, seq]);
    await client.query('UPDATE search_state SET docs = docs - 1, tokens = tokens - $1', [row.length]);
    return true;
  }

  /** Moves `search_state.seq` on (writes are serialized by the store's write lock): this write's number. */
  private async nextSeq(client: pg.PoolClient): Promise<number> {
    const { rows } = await client.query<{ seq: string }>(
      'UPDATE search_state SET seq = seq + 1 RETURNING seq',
    );
    return Number(rows[0]?.seq);
  }

  /**
   * Empties the vocabulary of name forms, before every record is indexed again for a new version:
   * a form already there is never keyed again, so keys computed by an older version would stay.
   */
  async forgetNameForms(client: pg.PoolClient): Promise<void> {
    await client.query('DELETE FROM search_name_keys');
    await client.query('DELETE FROM search_name_forms');
  }

  /**
   * Vacuums and analyzes the index's tables, outside any transaction (VACUUM cannot run in one):
   * a reindex leaves a dead row in search_docs for every record and new entries in the GIN
   * indexes' pending lists, and the planner's statistics describe the rows it replaced.
   * Autovacuum would come by in time; at the end of a reindex it is known to be due.
   */
  async compact(pool: pg.Pool): Promise<void> {
    await pool.query('VACUUM (ANALYZE) search_docs, search_facets, search_name_keys, search_name_forms');
  }

  /** A form new to the vocabulary gets its keys once; most forms of a new record are known. */
  private async addNameForms(client: pg.PoolClient, forms: string[]): Promise<void> {
    if (forms.length === 0) return;
    const fresh = await client.query<{ form: string }>(
      'INSERT INTO search_name_forms (form) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING form',
      [forms],
    );
    const rows: [string[], string[], string[], string[]] = [[], [], [], []];
    for (const { form } of fresh.rows) {
      const keys = nameKeys(form);
      if (keys.length === 0) continue;
      const term = formTerm(form);
      const script = scriptOf(form) ?? '';
      for (const { family, key } of keys) {
        rows[0].push(`${family}:${key}`);
        rows[1].push(form);
        rows[2].push(term);
        rows[3].push(script);
      }
    }
    if (rows[0].length === 0) return;
    await client.query(
      `INSERT INTO search_name_keys (key, form, term, script)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      rows,
    );
  }
}
