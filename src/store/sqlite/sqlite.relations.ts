import type Database from 'better-sqlite3';
import type { ChanceryRecord, Relation } from '../../record/record.types.ts';

/**
 * The relations resolved across records (the table of migration 3), for the SQLite store. They are
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
}
