import type Database from 'better-sqlite3';
import type { ChanceryRecord, Relation } from '../../record/record.types.ts';
import type { CorrespondenceEntry } from '../store.types.ts';

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS dateDisplay, r.date_min AS dateMin,
  r.date_max AS dateMax, r.original_language AS originalLanguage, r.version`;

/**
 * Threads of correspondence (read from the search index's author and recipient facets) and the
 * relations resolved across records (the table of migration 3), for the SQLite store. Resolved relations are
 * kept apart from the record's JSON: they change when other records arrive, not when the record
 * does, so saving them makes no new version, and re-ingesting a source leaves it unchanged.
 */
export class SqliteRelations {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      resolved: db
        .prepare('SELECT json FROM record_relations WHERE record_id = ? ORDER BY type, target')
        .pluck(),
      clearResolved: db.prepare('DELETE FROM record_relations WHERE record_id = ?'),
      addResolved: db.prepare(
        'INSERT OR REPLACE INTO record_relations (record_id, type, target, json) VALUES (?, ?, ?, ?)',
      ),
      // The search index holds every record's authors and recipients as facet values (authority
      // id, or `n:` and the written name), kept in step in the record's own transaction: a thread
      // is a join on the (facet, value) key, with no second index of the same facts.
      thread: db.prepare(
        `SELECT ${SUMMARY_COLUMNS},
           (SELECT json_group_array(value) FROM (SELECT f.value FROM search_facets f
              WHERE f.doc = d.rowid AND f.facet = 'author' ORDER BY f.value)) AS authors,
           (SELECT json_group_array(value) FROM (SELECT f.value FROM search_facets f
              WHERE f.doc = d.rowid AND f.facet = 'recipient' ORDER BY f.value)) AS recipients
         FROM search_docs d JOIN records r ON r.id = d.record_id
         WHERE d.rowid IN (
           -- Each direction through the (facet, value) key, not one scan with an OR.
           SELECT a.doc FROM search_facets a
           JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@b))
           WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@a))
           UNION
           SELECT a.doc FROM search_facets a
           JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@a))
           WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@b)))
         ORDER BY r.date_min IS NULL, r.date_min, r.id`,
      ),
    };
  }

  /** The record with the relations resolved for it added after its own, each once. */
  withResolved(record: ChanceryRecord): ChanceryRecord {
    const resolved = (this.statements.resolved.all(record.id) as string[]).map(
      (json) => JSON.parse(json) as Relation,
    );
    if (resolved.length === 0) return record;
    const own = new Set(record.relations.map((r) => `${r.type}|${r.target}`));
    return {
      ...record,
      relations: [...record.relations, ...resolved.filter((r) => !own.has(`${r.type}|${r.target}`))],
    };
  }

  saveResolved(recordId: string, relations: readonly Relation[]): void {
    this.db.transaction(() => {
      this.statements.clearResolved.run(recordId);
      for (const relation of relations) {
        this.statements.addResolved.run(recordId, relation.type, relation.target, JSON.stringify(relation));
      }
    })();
  }

  /** The records between anyone of `a` and anyone of `b`, both ways: each side the ids it is linked under. */
  findCorrespondence(query: { a: string[]; b: string[] }): CorrespondenceEntry[] {
    const rows = this.statements.thread.all({
      a: JSON.stringify(query.a),
      b: JSON.stringify(query.b),
    }) as (Omit<CorrespondenceEntry, 'authorIds' | 'recipientIds'> & {
      authors: string;
      recipients: string;
    })[];
    return rows.map(({ authors, recipients, ...summary }) => ({
      ...summary,
      authorIds: JSON.parse(authors) as string[],
      recipientIds: JSON.parse(recipients) as string[],
    }));
  }
}
