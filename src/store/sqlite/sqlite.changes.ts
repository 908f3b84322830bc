import type Database from 'better-sqlite3';
import { type ChangeRow, mergeChanges } from '../record.changes.ts';
import type { ChangeQuery, RecordChange } from '../store.types.ts';

/**
 * Published records, and deletions and records readers no longer see, by time of change, then id.
 * Each side is read in that order from its own index and the two are merged, so that a page costs
 * its length, not the archive's size.
 */
export function listRecordChanges(
  db: Database.Database,
  query: ChangeQuery,
): { total: number; changes: RecordChange[] } {
  const params = {
    from: query.from ?? null,
    until: query.until ?? null,
    type: query.type ?? null,
    collection: query.collection ?? null,
    some: query.inSomeCollection ? 1 : null,
    id: query.id ?? null,
    afterAt: query.after?.changedAt ?? null,
    afterId: query.after?.id ?? null,
    limit: query.limit,
  };
  const window = `(@from IS NULL OR changed_at >= @from) AND (@until IS NULL OR changed_at <= @until)
    AND (@type IS NULL OR type = @type) AND (@id IS NULL OR id = @id)`;
  const after = '(@afterAt IS NULL OR changed_at > @afterAt OR (changed_at = @afterAt AND id > @afterId))';
  const collectionsOf = `(SELECT json_group_array(m.collection_id) FROM (SELECT collection_id
      FROM collection_members WHERE record_id = r.id ORDER BY collection_id) m)`;
  const saved = `SELECT r.id, r.changed_at, r.type, ${collectionsOf} AS collections FROM public_records r`;
  const savedWhere = `WHERE (@collection IS NULL OR EXISTS (SELECT 1 FROM collection_members m
      WHERE m.record_id = r.id AND m.collection_id = @collection))
    AND (@some IS NULL OR EXISTS (SELECT 1 FROM collection_members m WHERE m.record_id = r.id))`;
  // A record readers no longer see answers as deleted, in the sets it is in: every record is
  // published when it is saved first, so harvesters may hold it, and must be told to let it go.
  // Its metadata is never given; a deleted header says only its id, its time and its sets.
  const deleted = `SELECT * FROM (
      SELECT id, deleted_at AS changed_at, type, collections FROM record_deletions
      UNION ALL SELECT r.id, p.changed_at, r.type, ${collectionsOf} FROM record_publication p
        JOIN records r ON r.id = p.record_id WHERE p.state <> 'published') d
    WHERE (@collection IS NULL OR EXISTS (SELECT 1 FROM json_each(d.collections) WHERE value = @collection))
    AND (@some IS NULL OR d.collections <> '[]')`;
  const page = (from: string) =>
    db
      .prepare(
        `SELECT id, changed_at AS changedAt, type, collections FROM (${from}) WHERE ${window} AND ${after}
         ORDER BY changed_at, id LIMIT @limit`,
      )
      .all(params) as ChangeRow[];
  const count = (from: string) =>
    Number(db.prepare(`SELECT count(*) FROM (${from}) WHERE ${window}`).pluck().get(params));
  const changes = mergeChanges(page(`${saved} ${savedWhere}`), page(deleted), query.limit);
  return { total: count(`${saved} ${savedWhere}`) + count(deleted), changes };
}
