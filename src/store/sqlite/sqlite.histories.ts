import type Database from 'better-sqlite3';
import type { ChanceryRecord, Relation } from '../../record/record.types.ts';
import type { SqliteIndexWriter } from '../../search/sqlite/sqlite.index-writer.ts';
import { withEdits } from '../record.edits.ts';
import { isPublic, type Publication, withPublication } from '../record.publication.ts';
import type { RecordEdit, RecordHistory, StoredSource } from '../store.types.ts';

const PAGE = 100;

/**
 * Every record of a SQLite store with all its versions as saved, a page at a time in id order
 * (`Store.exportHistories`): what `chancery copy` moves to another store.
 */
export function* readHistories(db: Database.Database): Generator<RecordHistory> {
  const page = db.prepare(
    'SELECT id, version, source_sha256, json, created_at, updated_at, changed_at FROM records WHERE id > ? ORDER BY id LIMIT ?',
  );
  const publication = db.prepare(
    `SELECT state, until, reason, changed_at AS changedAt, changed_by AS changedBy
     FROM record_publication WHERE record_id = ?`,
  );
  const versions = db.prepare(
    'SELECT version, source_sha256, json, saved_at FROM record_versions WHERE record_id = ? ORDER BY version',
  );
  const relations = db
    .prepare('SELECT json FROM record_relations WHERE record_id = ? ORDER BY type, target')
    .pluck();
  const edits = db.prepare('SELECT version, kind, editor, note, at FROM record_edits WHERE record_id = ?');
  let after = '';
  for (;;) {
    const rows = page.all(after, PAGE) as {
      id: string;
      version: number;
      source_sha256: string;
      json: string;
      created_at: string;
      updated_at: string;
      changed_at: string;
    }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const earlier = versions.all(row.id) as {
        version: number;
        source_sha256: string;
        json: string;
        saved_at: string;
      }[];
      const editOf = new Map(
        (edits.all(row.id) as (RecordEdit & { version: number })[]).map(({ version, ...edit }) => [
          version,
          edit,
        ]),
      );
      yield {
        id: row.id,
        createdAt: row.created_at,
        versions: withEdits(editOf, [
          ...earlier.map((v) => ({
            version: v.version,
            sha256: v.source_sha256,
            savedAt: v.saved_at,
            record: JSON.parse(v.json) as ChanceryRecord,
          })),
          {
            version: row.version,
            sha256: row.source_sha256,
            savedAt: row.updated_at,
            record: JSON.parse(row.json) as ChanceryRecord,
          },
        ]),
        relations: (relations.all(row.id) as string[]).map((json) => JSON.parse(json) as Relation),
        changedAt: row.changed_at,
        ...withPublication(publication.get(row.id) as Publication | undefined),
      };
    }
    after = rows.at(-1)?.id ?? after;
  }
}

/** Writes records with their versions as another store held them, and indexes them, in one transaction. */
export function writeHistories(
  db: Database.Database,
  index: SqliteIndexWriter,
  histories: readonly RecordHistory[],
): void {
  const remove = db.prepare('DELETE FROM records WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO records (id, version, title, type, date_display, date_min, date_max, original_language,
       source_sha256, json, created_at, updated_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const publication = db.prepare(
    `INSERT INTO record_publication (record_id, state, until, reason, changed_at, changed_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const version = db.prepare(
    'INSERT INTO record_versions (record_id, version, source_sha256, json, saved_at) VALUES (?, ?, ?, ?, ?)',
  );
  const member = db.prepare(
    'INSERT OR REPLACE INTO collection_members (collection_id, record_id, position) VALUES (?, ?, ?)',
  );
  const relation = db.prepare(
    'INSERT OR REPLACE INTO record_relations (record_id, type, target, json) VALUES (?, ?, ?, ?)',
  );
  const edit = db.prepare(
    'INSERT OR REPLACE INTO record_edits (record_id, version, kind, editor, note, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    const current: ChanceryRecord[] = [];
    for (const history of histories) {
      const last = history.versions.at(-1);
      if (!last) continue;
      const r = last.record;
      index.removeRecord(history.id);
      remove.run(history.id);
      insert.run(
        history.id,
        last.version,
        r.title,
        r.type,
        r.date.display,
        r.date.min,
        r.date.max,
        r.originalLanguage,
        last.sha256,
        JSON.stringify(r),
        history.createdAt,
        last.savedAt,
        history.changedAt,
      );
      const p = history.publication;
      if (p) publication.run(history.id, p.state, p.until, p.reason, p.changedAt, p.changedBy);
      for (const v of history.versions.slice(0, -1))
        version.run(history.id, v.version, v.sha256, JSON.stringify(v.record), v.savedAt);
      for (const m of r.collections) member.run(m.id, history.id, m.position);
      for (const rel of history.relations)
        relation.run(history.id, rel.type, rel.target, JSON.stringify(rel));
      for (const v of history.versions)
        if (v.edit) edit.run(history.id, v.version, v.edit.kind, v.edit.editor, v.edit.note, v.edit.at);
      if (!p || isPublic(p)) current.push(r);
    }
    index.indexRecords(current);
  })();
}

/** Every source file, in SHA-256 order, a few at a time (they can be large). */
export function* readSources(db: Database.Database): Generator<StoredSource> {
  const page = db.prepare(
    'SELECT sha256, file_name AS fileName, format, bytes FROM sources WHERE sha256 > ? ORDER BY sha256 LIMIT 20',
  );
  let after = '';
  for (;;) {
    const rows = page.all(after) as StoredSource[];
    if (rows.length === 0) return;
    yield* rows;
    after = rows.at(-1)?.sha256 ?? after;
  }
}
