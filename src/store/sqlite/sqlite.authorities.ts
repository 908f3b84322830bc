import type Database from 'better-sqlite3';
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
 * The reconciled authorities of the SQLite store (migration 5): people, places and bodies as
 * reconciled from the authorities of each source, which member ids each stands for, and the
 * matches left to an editor. Records keep linking the ids their source gave (a persons-list
 * entry, a signature): reconciling again changes what those ids stand for, never a record.
 */
export class SqliteAuthorities {
  private readonly statements;
  private cache: {
    version: number;
    members: Map<string, Reconciled>;
    byGroup: Map<string, string[]>;
  } | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      version: db.prepare('SELECT value FROM reconciliation_version').pluck(),
      bump: db.prepare('UPDATE reconciliation_version SET value = value + 1'),
      existing: db.prepare('SELECT id, json FROM reconciled_authorities').raw(),
      upsert: db.prepare(
        `INSERT INTO reconciled_authorities (id, kind, name, sort_key, json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
           sort_key = excluded.sort_key, json = excluded.json`,
      ),
      remove: db.prepare('DELETE FROM reconciled_authorities WHERE id = ?'),
      members: db.prepare('SELECT member_id, authority_id FROM authority_members').raw(),
      setMember: db.prepare(
        'INSERT OR REPLACE INTO authority_members (member_id, authority_id) VALUES (?, ?)',
      ),
      removeMember: db.prepare('DELETE FROM authority_members WHERE member_id = ?'),
      clearReview: db.prepare('DELETE FROM authority_review'),
      addReview: db.prepare('INSERT OR REPLACE INTO authority_review (member_id, json) VALUES (?, ?)'),
      review: db.prepare('SELECT json FROM authority_review ORDER BY member_id').pluck(),
      byId: db.prepare('SELECT json FROM reconciled_authorities WHERE id = ?').pluck(),
      byMember: db
        .prepare(
          'SELECT a.json FROM authority_members m JOIN reconciled_authorities a ON a.id = m.authority_id WHERE m.member_id = ?',
        )
        .pluck(),
      ofMembers: db
        .prepare(
          `SELECT m.member_id, a.json FROM authority_members m JOIN reconciled_authorities a ON a.id = m.authority_id
           WHERE m.member_id IN (SELECT value FROM json_each(?))`,
        )
        .raw(),
      names: db.prepare('SELECT id, name FROM reconciled_authorities').raw(),
    };
  }

  /**
   * Replaces the reconciliation, writing only what changed: a second run over the same
   * authorities writes nothing and keeps the version, so processes holding it need not reload.
   */
  save(reconciliation: Reconciliation): boolean {
    return this.db.transaction(() => {
      let changed = false;
      const existing = new Map(this.statements.existing.all() as [string, string][]);
      for (const authority of reconciliation.authorities) {
        const json = JSON.stringify(authority);
        if (existing.get(authority.id) !== json) {
          const listed = authority.kind === 'person' ? listingName(authority) : authority.name;
          this.statements.upsert.run(
            authority.id,
            authority.kind,
            authority.name,
            authoritySortKey(listed),
            json,
          );
          changed = true;
        }
        existing.delete(authority.id);
      }
      for (const id of existing.keys()) {
        this.statements.remove.run(id);
        changed = true;
      }
      const members = new Map(this.statements.members.all() as [string, string][]);
      for (const [member, id] of reconciliation.groupOf) {
        if (members.get(member) !== id) {
          this.statements.setMember.run(member, id);
          changed = true;
        }
        members.delete(member);
      }
      for (const member of members.keys()) {
        this.statements.removeMember.run(member);
        changed = true;
      }
      this.statements.clearReview.run();
      for (const item of reconciliation.review)
        this.statements.addReview.run(item.memberId, JSON.stringify(item));
      if (changed) this.statements.bump.run();
      return changed;
    })();
  }

  /** The reconciliation as saved, for copying it to another store. */
  saved(): Reconciliation {
    return {
      authorities: this.list(),
      groupOf: new Map(this.statements.members.all() as [string, string][]),
      review: this.review(),
    };
  }

  version(): number {
    return Number(this.statements.version.get());
  }

  /** A reconciled authority by its own id or by the id of any of its members. */
  get(id: string): Authority | null {
    const json = (this.statements.byId.get(id) ?? this.statements.byMember.get(id)) as string | undefined;
    return json ? (JSON.parse(json) as Authority) : null;
  }

  /** The reconciled authority of each of these members, by member id. */
  ofMembers(members: readonly string[]): Map<string, Authority> {
    const rows = this.statements.ofMembers.all(JSON.stringify(members)) as [string, string][];
    return new Map(rows.map(([member, json]) => [member, JSON.parse(json) as Authority]));
  }

  list(query: ReconciledQuery = {}): Authority[] {
    const { where, params } = filterOf(query);
    const rows = this.db
      .prepare(`SELECT json FROM reconciled_authorities ${where} ORDER BY sort_key, id LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, query.limit ?? -1, query.offset ?? 0) as string[];
    return rows.map((json) => JSON.parse(json) as Authority);
  }

  count(query: ReconciledQuery = {}): number {
    const { where, params } = filterOf(query);
    return Number(
      this.db
        .prepare(`SELECT count(*) FROM reconciled_authorities ${where}`)
        .pluck()
        .get(...params),
    );
  }

  review(): ReviewItem[] {
    return (this.statements.review.all() as string[]).map((json) => JSON.parse(json) as ReviewItem);
  }

  /** Member id → reconciled id and name, read again when another process reconciled since. */
  memberMap(): Map<string, Reconciled> {
    const version = this.version();
    if (this.cache?.version === version) return this.cache.members;
    const members = reconciledMembers(
      this.statements.names.all() as [string, string][],
      this.statements.members.all() as [string, string][],
    );
    const byGroup = new Map<string, string[]>();
    for (const [member, { id }] of members) byGroup.set(id, [...(byGroup.get(id) ?? []), member]);
    this.cache = { version, members, byGroup };
    return members;
  }

  /** The ids a key may be linked under: a reconciled id's members, or the key itself. */
  linkedIds(key: string): string[] {
    this.memberMap();
    const group = this.cache?.members.get(key)?.id ?? key;
    return [...new Set([key, group, ...(this.cache?.byGroup.get(group) ?? [])])];
  }

  /** Linked ids grouped by reconciled authority, for counting facets; none before any reconciliation. */
  grouping(): FacetGrouping | undefined {
    const members = this.memberMap();
    if (members.size === 0) return undefined;
    return { version: this.cache?.version ?? 0, groupOf: (value) => members.get(value) };
  }

  /**
   * The record as readers see it: each linked person, place or body under its reconciled id and
   * preferred name; the name the document used stays as the alias where it differs.
   */
  present(record: ChanceryRecord): ChanceryRecord {
    return presentReconciled(record, this.memberMap());
  }
}

function filterOf(query: ReconciledQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.kind) {
    clauses.push('kind = ?');
    params.push(query.kind satisfies AuthorityKind);
  }
  if (query.startsWith) {
    clauses.push('sort_key >= ? AND sort_key < ?');
    const from = authoritySortKey(query.startsWith);
    params.push(from, `${from}\uffff`);
  }
  if (query.contains) {
    // Any name form, in any script: the JSON holds them all.
    clauses.push("(name LIKE ? ESCAPE '\\' OR json LIKE ? ESCAPE '\\')");
    const like = `%${query.contains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
