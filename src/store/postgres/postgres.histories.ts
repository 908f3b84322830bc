import type pg from 'pg';
import type { ChanceryRecord, Relation } from '../../record/record.types.ts';
import type { PostgresIndexWriter } from '../../search/postgres/postgres.index-writer.ts';
import { withEdits } from '../record.edits.ts';
import { isPublic, PUBLISHED, type Publication, withPublication } from '../record.publication.ts';
import type { RecordEdit, RecordHistory, StoredSource } from '../store.types.ts';

const PAGE = 100;

/**
 * Every record of a PostgreSQL store with all its versions as saved, a page at a time in id
 * order (`Store.exportHistories`): what `chancery copy` moves to another store.
 */
export async function* readHistories(pool: pg.Pool): AsyncGenerator<RecordHistory> {
  let after = '';
  for (;;) {
    const { rows } = await pool.query<{
      id: string;
      created_at: string;
      versions: { version: number; sha256: string; savedAt: string; json: string }[];
      relations: string[];
      edits: (RecordEdit & { version: number })[];
      changed_at: string;
      publication: Publication | null;
    }>(
      `SELECT r.id, r.created_at, r.changed_at,
         (SELECT json_build_object('state', p.state, 'until', p.until, 'reason', p.reason,
            'changedAt', p.changed_at, 'changedBy', p.changed_by)
          FROM record_publication p WHERE p.record_id = r.id) AS publication,
         ARRAY(SELECT json_build_object('version', v.version, 'sha256', v.source_sha256, 'savedAt', v.saved_at, 'json', v.json)
               FROM (SELECT version, source_sha256, saved_at, json FROM record_versions WHERE record_id = r.id
                     UNION ALL SELECT r.version, r.source_sha256, r.updated_at, r.json) v ORDER BY v.version) AS versions,
         ARRAY(SELECT x.json FROM record_relations x WHERE x.record_id = r.id ORDER BY x.type, x.target) AS relations,
         ARRAY(SELECT json_build_object('version', e.version, 'kind', e.kind, 'editor', e.editor, 'note', e.note, 'at', e.at)
               FROM record_edits e WHERE e.record_id = r.id) AS edits
       FROM records r WHERE r.id > $1 ORDER BY r.id LIMIT $2`,
      [after, PAGE],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      yield {
        id: row.id,
        createdAt: row.created_at,
        versions: withEdits(
          new Map(row.edits.map(({ version, ...edit }) => [version, edit])),
          row.versions.map(({ json, ...version }) => ({
            ...version,
            record: JSON.parse(json) as ChanceryRecord,
          })),
        ),
        relations: row.relations.map((json) => JSON.parse(json) as Relation),
        changedAt: row.changed_at,
        ...withPublication(row.publication ?? undefined),
      };
    }
    after = rows.at(-1)?.id ?? after;
  }
}

/** Writes records with their versions as another store held them, and indexes them, on the caller's transaction. */
export async function writeHistories(
  client: pg.PoolClient,
  index: PostgresIndexWriter,
  histories: readonly RecordHistory[],
): Promise<void> {
  const kept = histories.filter((h) => h.versions.length > 0);
  if (kept.length === 0) return;
  const ids = kept.map((h) => h.id);
  for (const id of ids) await index.removeRecord(client, id);
  await client.query('DELETE FROM records WHERE id = ANY($1::text[])', [ids]);
  const current = kept.map((h) => h.versions.at(-1) as RecordHistory['versions'][number]);
  const column = <T>(f: (v: RecordHistory['versions'][number], h: RecordHistory) => T) =>
    current.map((v, i) => f(v, kept[i] as RecordHistory));
  await client.query(
    `INSERT INTO records (id, version, title, type, date_display, date_min, date_max, original_language,
       source_sha256, json, created_at, updated_at, changed_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
    [
      column((_, h) => h.id),
      column((v) => v.version),
      column((v) => v.record.title),
      column((v) => v.record.type),
      column((v) => v.record.date.display),
      column((v) => v.record.date.min),
      column((v) => v.record.date.max),
      column((v) => v.record.originalLanguage),
      column((v) => v.sha256),
      column((v) => JSON.stringify(v.record)),
      column((_, h) => h.createdAt),
      column((v) => v.savedAt),
      column((_, h) => h.changedAt),
    ],
  );
  const published = kept.flatMap((h) => (h.publication ? [{ id: h.id, ...h.publication }] : []));
  await client.query(
    `INSERT INTO record_publication (record_id, state, until, reason, changed_at, changed_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      published.map((p) => p.id),
      published.map((p) => p.state),
      published.map((p) => p.until),
      published.map((p) => p.reason),
      published.map((p) => p.changedAt),
      published.map((p) => p.changedBy),
    ],
  );
  const earlier = kept.flatMap((h) => h.versions.slice(0, -1).map((v) => ({ id: h.id, ...v })));
  await client.query(
    `INSERT INTO record_versions (record_id, version, source_sha256, json, saved_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`,
    [
      earlier.map((v) => v.id),
      earlier.map((v) => v.version),
      earlier.map((v) => v.sha256),
      earlier.map((v) => JSON.stringify(v.record)),
      earlier.map((v) => v.savedAt),
    ],
  );
  const members = current.flatMap((v) =>
    v.record.collections.map((m) => [m.id, v.record.id, m.position] as const),
  );
  await client.query(
    `INSERT INTO collection_members (collection_id, record_id, position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
     ON CONFLICT (collection_id, record_id) DO UPDATE SET position = excluded.position`,
    [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2])],
  );
  const relations = kept.flatMap((h) => h.relations.map((r) => ({ id: h.id, r })));
  await client.query(
    `INSERT INTO record_relations (record_id, type, target, json)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (record_id, type, target) DO UPDATE SET json = excluded.json`,
    [
      relations.map((x) => x.id),
      relations.map((x) => x.r.type),
      relations.map((x) => x.r.target),
      relations.map((x) => JSON.stringify(x.r)),
    ],
  );
  const edits = kept.flatMap((h) =>
    h.versions.flatMap((v) => (v.edit ? [{ id: h.id, version: v.version, ...v.edit }] : [])),
  );
  await client.query(
    `INSERT INTO record_edits (record_id, version, kind, editor, note, at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      edits.map((e) => e.id),
      edits.map((e) => e.version),
      edits.map((e) => e.kind),
      edits.map((e) => e.editor),
      edits.map((e) => e.note),
      edits.map((e) => e.at),
    ],
  );
  // Readers' records only: the index holds nothing else.
  await index.indexRecords(
    client,
    current.filter((_, i) => isPublic(kept[i]?.publication ?? PUBLISHED)).map((v) => v.record),
  );
}

/** Every source file, in SHA-256 order, a few at a time (they can be large). */
export async function* readSources(pool: pg.Pool): AsyncGenerator<StoredSource> {
  let after = '';
  for (;;) {
    const { rows } = await pool.query<StoredSource>(
      'SELECT sha256, file_name AS "fileName", format, bytes FROM sources WHERE sha256 > $1 ORDER BY sha256 LIMIT 20',
      [after],
    );
    if (rows.length === 0) return;
    yield* rows;
    after = rows.at(-1)?.sha256 ?? after;
  }
}
