import type pg from 'pg';
import { type ChangeRow, mergeChanges } from '../record.changes.ts';
import type { ChangeQuery, RecordChange } from '../store.types.ts';

/**
 * Published records, and deletions and records readers no longer see, by time of change, then id, as
 * sqlite.changes.ts lists them: each side read in that order from its own index and the two
 * merged, so that a page costs its length.
 */
export async function listRecordChanges(
  pool: pg.Pool,
  query: ChangeQuery,
): Promise<{ total: number; changes: RecordChange[] }> {
  const params = [
    query.from ?? null,
    query.until ?? null,
    query.type ?? null,
    query.id ?? null,
    query.collection ?? null,
    query.inSomeCollection ? true : null,
    query.after?.changedAt ?? null,
    query.after?.id ?? null,
    query.limit,
  ];
  const window = `($1::text IS NULL OR changed_at >= $1) AND ($2::text IS NULL OR changed_at <= $2)
    AND ($3::text IS NULL OR type = $3) AND ($4::text IS NULL OR id = $4)`;
  const after = '($7::text IS NULL OR changed_at > $7 OR (changed_at = $7 AND id > $8))';
  const collectionsOf = `(SELECT coalesce(json_agg(m.collection_id ORDER BY m.collection_id), '[]')::text
      FROM collection_members m WHERE m.record_id = r.id)`;
  const saved = `SELECT r.id, r.changed_at, r.type, ${collectionsOf} AS collections
    FROM public_records r
    WHERE ($5::text IS NULL OR EXISTS (SELECT 1 FROM collection_members m
        WHERE m.record_id = r.id AND m.collection_id = $5))
      AND ($6::boolean IS NULL OR EXISTS (SELECT 1 FROM collection_members m WHERE m.record_id = r.id))`;
  // A record readers no longer see answers as deleted, in the sets it is in: every record is
  // published when it is saved first, so harvesters may hold it, and must be told to let it go.
  // Its metadata is never given; a deleted header says only its id, its time and its sets.
  const deleted = `SELECT * FROM (
      SELECT id, deleted_at AS changed_at, type, collections FROM record_deletions
      UNION ALL SELECT r.id, p.changed_at, r.type, ${collectionsOf} FROM record_publication p
        JOIN records r ON r.id = p.record_id WHERE p.state <> 'published') d
    WHERE ($5::text IS NULL OR d.collections::jsonb ? $5)
      AND ($6::boolean IS NULL OR d.collections <> '[]')`;
  const page = async (from: string) =>
    (
      await pool.query<ChangeRow>(
        `SELECT id, changed_at AS "changedAt", type, collections FROM (${from}) c
         WHERE ${window} AND ${after} ORDER BY changed_at, id LIMIT $9`,
        params,
      )
    ).rows;
  // The count takes the window and the sets ($1–$6), not the cursor and the page size.
  const count = async (from: string) =>
    Number(
      (
        await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM (${from}) c WHERE ${window}`,
          params.slice(0, 6),
        )
      ).rows[0]?.n ?? 0,
    );
  const [savedRows, deletedRows, savedTotal, deletedTotal] = await Promise.all([
    page(saved),
    page(deleted),
    count(saved),
    count(deleted),
  ]);
  const changes = mergeChanges(savedRows, deletedRows, query.limit);
  return { total: savedTotal + deletedTotal, changes };
}
