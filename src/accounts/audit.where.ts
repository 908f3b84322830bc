import type { AuditQuery } from './audit.types.ts';

/** The most entries one listing gives. */
export const AUDIT_PAGE_MAX = 1000;

/**
 * The WHERE clause and order of an audit listing, the same on both backends but for how a parameter is
 * written (`?` in SQLite, `$n` in PostgreSQL).
 */
export function auditWhere(
  query: AuditQuery,
  placeholder: (n: number) => string,
): { where: string; params: unknown[]; limit: number; order: 'ASC' | 'DESC' } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(`${sql} ${placeholder(params.length)}`);
  };
  if (query.before !== undefined) add('seq <', query.before);
  if (query.after !== undefined) add('seq >', query.after);
  if (query.actor) add('actor =', query.actor);
  if (query.action) add('action =', query.action);
  if (query.target) add('target =', query.target);
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 100)), AUDIT_PAGE_MAX);
  return {
    where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
    params,
    limit,
    order: query.after === undefined ? 'DESC' : 'ASC',
  };
}
