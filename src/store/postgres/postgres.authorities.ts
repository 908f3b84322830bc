import type pg from 'pg';
import type { Reconciliation } from '../../names/authorities.reconcile.ts';
import type { ReviewItem } from '../../names/people.reconcile.ts';
import { listingName } from '../../names/person-name.sort.ts';
import type { Authority, AuthorityKind, ChanceryRecord } from '../../record/record.types.ts';
import type { FacetGrouping } from '../../search/facet.columns.ts';
import {
  authoritySortKey,
  presentReconciled,
  type Reconciled,
  reconciledMembers,
} from '../reconciled.present.ts';
import type { ReconciledQuery } from '../store.types.ts';

/**
 * The reconciled authorities of the PostgreSQL store, as SQLite keeps them (sqlite.authorities.ts):
 * people, places and bodies as reconciled, which member ids each stands for, and the matches left
 * to an editor. The member map is held in memory while `reconciliation_version` says it holds:
 * a reconciliation by any process makes every other read it again.
 */
export class PostgresAuthorities {
  private cache: {
    version: number;
    members: Map<string, Reconciled>;
    byGroup: Map<string, string[]>;
  } | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** Replaces the reconciliation, writing only what changed; true when something did. */
  async save(client: pg.PoolClient, reconciliation: Reconciliation): Promise<boolean> {
    let changed = false;
    const existing = new Map(
      (
        await client.query<{ id: string; json: string }>('SELECT id, json FROM reconciled_authorities')
      ).rows.map((r) => [r.id, r.json]),
    );
    const upserts: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
    for (const authority of reconciliation.authorities) {
      const json = JSON.stringify(authority);
      if (existing.get(authority.id) !== json) {
        const listed = authority.kind === 'person' ? listingName(authority) : authority.name;
        upserts[0].push(authority.id);
        upserts[1].push(authority.kind);
        upserts[2].push(authority.name);
        upserts[3].push(authoritySortKey(listed));
        upserts[4].push(json);
      }
      existing.delete(authority.id);
    }
    if (upserts[0].length > 0) {
      await client.query(
        `INSERT INTO reconciled_authorities (id, kind, name, sort_key, json)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
           sort_key = excluded.sort_key, json = excluded.json`,
        upserts,
      );
      changed = true;
    }
    if (existing.size > 0) {
      await client.query('DELETE FROM reconciled_authorities WHERE id = ANY($1::text[])', [
        [...existing.keys()],
      ]);
      changed = true;
    }
    const members = new Map(
      (
        await client.query<{ member_id: string; authority_id: string }>(
          'SELECT member_id, authority_id FROM authority_members',
        )
      ).rows.map((r) => [r.member_id, r.authority_id]),
    );
    const set: [string[], string[]] = [[], []];
    for (const [member, id] of reconciliation.groupOf) {
      if (members.get(member) !== id) {
        set[0].push(member);
        set[1].push(id);
      }
      members.delete(member);
    }
    if (set[0].length > 0) {
      await client.query(
        `INSERT INTO authority_members (member_id, authority_id) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (member_id) DO UPDATE SET authority_id = excluded.authority_id`,
        set,
      );
      changed = true;
    }
    if (members.size > 0) {
      await client.query('DELETE FROM authority_members WHERE member_id = ANY($1::text[])', [
        [...members.keys()],
      ]);
      changed = true;
    }
    await client.query('DELETE FROM authority_review');
    await client.query(
      `INSERT INTO authority_review (member_id, json) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (member_id) DO UPDATE SET json = excluded.json`,
      [reconciliation.review.map((i) => i.memberId), reconciliation.review.map((i) => JSON.stringify(i))],
    );
    if (changed) await client.query('UPDATE reconciliation_version SET value = value + 1');
    return changed;
  }

  /** A reconciled authority by its own id or by the id of any of its members. */
  async get(id: string): Promise<Authority | null> {
    const { rows } = await this.pool.query<{ json: string }>(
      `SELECT json FROM reconciled_authorities WHERE id = $1
       UNION ALL
       SELECT a.json FROM authority_members m JOIN reconciled_authorities a ON a.id = m.authority_id WHERE m.member_id = $1
       LIMIT 1`,
      [id],
    );
    return rows[0] ? (JSON.parse(rows[0].json) as Authority) : null;
  }

  /** The reconciled authority of each of these members, by member id. */
  async ofMembers(members: readonly string[]): Promise<Map<string, Authority>> {
    const { rows } = await this.pool.query<{ member_id: string; json: string }>(
      `SELECT m.member_id, a.json FROM authority_members m JOIN reconciled_authorities a ON a.id = m.authority_id
       WHERE m.member_id = ANY($1::text[])`,
      [members],
    );
    return new Map(rows.map((r) => [r.member_id, JSON.parse(r.json) as Authority]));
  }

  async list(query: ReconciledQuery = {}): Promise<Authority[]> {
    const { where, params } = filterOf(query);
    params.push(query.limit ?? null, query.offset ?? 0);
    const { rows } = await this.pool.query<{ json: string }>(
      `SELECT json FROM reconciled_authorities ${where} ORDER BY sort_key, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => JSON.parse(r.json) as Authority);
  }

  async count(query: ReconciledQuery = {}): Promise<number> {
    const { where, params } = filterOf(query);
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM reconciled_authorities ${where}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  async review(): Promise<ReviewItem[]> {
    const { rows } = await this.pool.query<{ json: string }>(
      'SELECT json FROM authority_review ORDER BY member_id',
    );
    return rows.map((r) => JSON.parse(r.json) as ReviewItem);
  }

  /** The reconciliation as saved, for copying it to another store. */
  async saved(): Promise<Reconciliation> {
    const members = await this.pool.query({
      text: 'SELECT member_id, authority_id FROM authority_members ORDER BY member_id',
      rowMode: 'array',
    });
    return {
      authorities: await this.list(),
      groupOf: new Map(members.rows as [string, string][]),
      review: await this.review(),
    };
  }

  /** How many reconciliations changed something, by any process. */
  async version(): Promise<number> {
    const { rows } = await this.pool.query<{ value: number }>('SELECT value FROM reconciliation_version');
    return rows[0]?.value ?? 0;
  }

  /** Member id → reconciled id and name, read again when any process reconciled since. */
  async memberMap(): Promise<Map<string, Reconciled>> {
    const version = await this.version();
    if (this.cache?.version === version) return this.cache.members;
    const [names, memberRows] = await Promise.all([
      this.pool.query({ text: 'SELECT id, name FROM reconciled_authorities', rowMode: 'array' }),
      this.pool.query({ text: 'SELECT member_id, authority_id FROM authority_members', rowMode: 'array' }),
    ]);
    const members = reconciledMembers(
      names.rows as [string, string][],
      memberRows.rows as [string, string][],
    );
    const byGroup = new Map<string, string[]>();
    for (const [member, { id }] of members) byGroup.set(id, [...(byGroup.get(id) ?? []), member]);
    this.cache = { version, members, byGroup };
    return members;
  }

  /** Linked ids grouped by reconciled authority, for counting facets; none before any reconciliation. */
  async grouping(): Promise<FacetGrouping | undefined> {
    const members = await this.memberMap();
    if (members.size === 0) return undefined;
    return { version: this.cache?.version ?? 0, groupOf: (value) => members.get(value) };
  }

  /** The ids a key may be linked under: a reconciled id's members, or the key itself. */
  async linkedIds(key: string): Promise<string[]> {
    const members = await this.memberMap();
    const group = members.get(key)?.id ?? key;
    return [...new Set([key, group, ...(this.cache?.byGroup.get(group) ?? [])])];
  }

  /** The record as readers see it: linked authorities under their reconciled ids and names. */
  async present(record: ChanceryRecord): Promise<ChanceryRecord> {
    return presentReconciled(record, await this.memberMap());
  }
}

function filterOf(query: ReconciledQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.kind) {
    params.push(query.kind satisfies AuthorityKind);
    clauses.push(`kind = $${params.length}`);
  }
  if (query.startsWith) {
    const from = authoritySortKey(query.startsWith);
    params.push(from, `${from}\uffff`);
    clauses.push(`sort_key >= $${params.length - 1} AND sort_key < $${params.length}`);
  }
  if (query.contains) {
    // Any name form, in any script: the JSON holds them all; trigrams find it (pg_trgm's index).
    // ASCII letters without case, as SQLite's LIKE.
    params.push(`%${query.contains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`(name ILIKE $${params.length} OR json ILIKE $${params.length})`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
