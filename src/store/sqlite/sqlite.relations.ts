import type Database from 'better-sqlite3';
import type { ChanceryRecord, Relation } from '../../record/record.types.ts';
import type { CorrespondenceEntry } from '../store.types.ts';

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS dateDisplay, r.date_min AS dateMin,
  r.date_max AS dateMax, r.original_language AS originalLanguage, r.version`;

/**
 * The correspondence index (who wrote each record to whom, by authority id) and the relations
 * resolved across records, for the SQLite store (tables of migration 3). Resolved relations are
 * kept apart from the record's JSON: they change when other records arrive, not when the record
 * does, so saving them makes no new version, and re-ingesting a source leaves it unchanged.
 */
export class SqliteRelations {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      clearParties: db.prepare('DELETE FROM record_parties WHERE record_id = ?'),
      addParty: db.prepare(
        'INSERT OR IGNORE INTO record_parties (record_id, role, person_id) VALUES (?, ?, ?)',
      ),
      resolved: db
        .prepare('SELECT json FROM record_relations WHERE record_id = ? ORDER BY type, target')
        .pluck(),
      clearResolved: db.prepare('DELETE FROM record_relations WHERE record_id = ?'),
      addResolved: db.prepare(
        'INSERT OR REPLACE INTO record_relations (record_id, type, target, json) VALUES (?, ?, ?, ?)',
      ),
      thread: db.prepare(
        `SELECT ${SUMMARY_COLUMNS},
           (SELECT json_group_array(person_id) FROM (SELECT person_id FROM record_parties p
              WHERE p.record_id = r.id AND p.role = 'author' ORDER BY person_id)) AS authors,
           (SELECT json_group_array(person_id) FROM (SELECT person_id FROM record_parties p
              WHERE p.record_id = r.id AND p.role = 'recipient' ORDER BY person_id)) AS recipients
         FROM records r
         WHERE r.id IN (
           SELECT a.record_id FROM record_parties a
           JOIN record_parties b ON b.record_id = a.record_id AND b.role = 'recipient'
           WHERE a.role = 'author'
             AND ((a.person_id = @a AND b.person_id = @b) OR (a.person_id = @b AND b.person_id = @a)))
         ORDER BY r.date_min IS NULL, r.date_min, r.id`,
      ),
    };
  }

  /** Keeps the authority ids of a record's authors and recipients beside it; called as it is saved. */
  indexParties(record: ChanceryRecord): void {
    this.statements.clearParties.run(record.id);
    for (const [role, agents] of [
      ['author', record.authors],
      ['recipient', record.recipients],
    ] as const) {
      for (const agent of agents) {
        if (agent.personId) this.statements.addParty.run(record.id, role, agent.personId);
      }
    }
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

  findCorrespondence(query: { a: string; b: string }): CorrespondenceEntry[] {
    const rows = this.statements.thread.all(query) as (Omit<
      CorrespondenceEntry,
      'authorIds' | 'recipientIds'
    > & {
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
