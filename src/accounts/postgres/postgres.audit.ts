import type pg from 'pg';
import type { AuditEntry, AuditInput, AuditLog, AuditQuery } from '../audit.types.ts';
import { auditWhere } from '../audit.where.ts';

/**
 * Appends an entry; given a transaction's client, in that transaction: a change and its entry
 * are saved together or not at all. Its seq.
 */
export async function insertAuditEntry(db: pg.Pool | pg.PoolClient, entry: AuditInput): Promise<number> {
  const { rows } = await db.query<{ seq: string }>(
    `INSERT INTO audit_log (at, actor, action, target, detail, reason, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
    [
      entry.at,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail),
      entry.reason,
      entry.address,
    ],
  );
  return Number(rows[0]?.seq);
}

/** The audit log of a PostgreSQL archive (migration 4; a trigger refuses updates, deletes and truncation). */
export class PostgresAuditLog implements AuditLog {
  constructor(private readonly pool: pg.Pool) {}

  async append(entry: AuditInput): Promise<number> {
    return insertAuditEntry(this.pool, entry);
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { where, params, limit, order } = auditWhere(query, (n) => `$${n}`);
    const { rows } = await this.pool.query<
      Omit<AuditEntry, 'detail' | 'seq'> & { seq: string; detail: string }
    >(`SELECT * FROM audit_log ${where} ORDER BY seq ${order} LIMIT ${limit}`, params);
    return rows.map((row) => ({ ...row, seq: Number(row.seq), detail: JSON.parse(row.detail) }));
  }
}
