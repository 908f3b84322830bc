import type Database from 'better-sqlite3';
import type { AuditEntry, AuditInput, AuditLog, AuditQuery } from '../audit.types.ts';
import { auditWhere } from '../audit.where.ts';

/**
 * Appends an entry, in the caller's transaction if there is one: a change and its entry are saved
 * together or not at all. Its seq.
 */
export function insertAuditEntry(db: Database.Database, entry: AuditInput): number {
  const result = db
    .prepare(
      'INSERT INTO audit_log (at, actor, action, target, detail, reason, address) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail),
      entry.reason,
      entry.address,
    );
  return Number(result.lastInsertRowid);
}

/** The audit log of a SQLite archive (migration 10; triggers refuse updates and deletes). */
export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Database.Database) {}

  async append(entry: AuditInput): Promise<number> {
    return insertAuditEntry(this.db, entry);
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params, limit, order } = auditWhere(query, () => '?');
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${where} ORDER BY seq ${order} LIMIT ${limit}`)
      .all(...params) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
    return rows.map((row) => ({ ...row, seq: Number(row.seq), detail: JSON.parse(row.detail) }));
  }
}
