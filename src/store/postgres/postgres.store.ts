import type pg from 'pg';
import type { AccountStore } from '../../accounts/accounts.types.ts';
import type { AuditInput, AuditLog } from '../../accounts/audit.types.ts';
import { PostgresAccountStore } from '../../accounts/postgres/postgres.accounts.ts';
import { insertAuditEntry, PostgresAuditLog } from '../../accounts/postgres/postgres.audit.ts';
import { ChanceryError } from '../../errors.ts';
import type { JobQueue } from '../../jobs/job-queue.types.ts';
import { PgBossJobQueue, type PgBossJobQueueOptions } from '../../jobs/postgres/pgboss.job-queue.ts';
import type { Reconciliation } from '../../names/authorities.reconcile.ts';
import type { AuthorityDecisionEntry } from '../../names/authority.decisions.ts';
import type { ReviewItem } from '../../names/people.reconcile.ts';
import type {
  Authority,
  AuthorityKind,
  ChanceryRecord,
  Collection,
  Relation,
} from '../../record/record.types.ts';
import { POSTGRES_INDEX_VERSION, PostgresIndexWriter } from '../../search/postgres/postgres.index-writer.ts';
import { PostgresSearchIndex } from '../../search/postgres/postgres.search-index.ts';
import { SEARCH_BUDGET_MS } from '../../search/search.budget.ts';
import type { SearchIndex } from '../../search/search-index.types.ts';
import { editConflict, recordMissing, versionOf } from '../record.edits.ts';
import { embargoRelease, type Publication, publicationOf } from '../record.publication.ts';
import type {
  ChangeQuery,
  HeldReading,
  ListOptions,
  ReadScope,
  ReconciledQuery,
  RecordChange,
  RecordEdit,
  RecordHistory,
  RecordPlacement,
  RecordSummary,
  RecordVersion,
  SaveOptions,
  SaveOutcome,
  Store,
  StoredSource,
  UnpublishedRecord,
} from '../store.types.ts';
import { PostgresAuthorities } from './postgres.authorities.ts';
import { listRecordChanges } from './postgres.changes.ts';
import { readHistories, readSources, writeHistories } from './postgres.histories.ts';
import { migrate } from './postgres.migrations.ts';
import { connectionError, openPool, openReadPool } from './postgres.pool.ts';
import { parsePostgresUrl } from './postgres.url.ts';

/** An archive in one PostgreSQL database: the store, and the search index it writes in its transactions. */
export interface PostgresArchive {
  store: Store;
  search: SearchIndex;
  /** Background jobs: pg-boss, in a schema of its own in the same database. */
  jobs: JobQueue;
  /** Accounts, sessions and tokens, and the audit log, in the archive's schema. */
  accounts: AccountStore;
  audit: AuditLog;
}

/**
 * Opens (creating and migrating on first use) the archive at a `postgres://` URL. A URL that is
 * no URL, a server that cannot be reached, a database of a newer schema: a `ChanceryError` that
 * names the URL, without its password, and the reason.
 *
 * @example const { store, search } = await openPostgresArchive('postgres:///chancery?host=/var/run/postgresql');
 */
export async function openPostgresArchive(
  url: string,
  options: {
    searchThreads?: number;
    searchBudgetMs?: number;
    jobs?: Omit<PgBossJobQueueOptions, 'address' | 'pool'>;
  } = {},
): Promise<PostgresArchive> {
  const address = parsePostgresUrl(url);
  const pool = await openPool(address);
  try {
    await migrate(pool, { display: address.display });
  } catch (error) {
    await pool.end();
    throw connectionError(address, error);
  }
  const authorities = new PostgresAuthorities(pool);
  // A server (it asks for search threads, which PostgreSQL's own processes stand in for) gives
  // each search a time budget.
  const budgetMs = options.searchBudgetMs ?? (options.searchThreads ? SEARCH_BUDGET_MS : undefined);
  const search = new PostgresSearchIndex(pool, authorities, budgetMs);
  const store = new PostgresStore(pool, authorities, address.display);
  await store.reindexIfStale();
  return {
    store,
    search,
    jobs: new PgBossJobQueue({ ...options.jobs, address, pool }),
    accounts: new PostgresAccountStore(pool),
    audit: new PostgresAuditLog(pool),
  };
}

/**
 * Opens the archive at `url` for reading only: a streaming replica of the primary, whose schema
 * the primary migrates. Nothing is written and no connection is made until the first read
 * (src/store/postgres/replica.route.ts decides when reads go there).
 *
 * @example const replica = openPostgresReplica('postgres://replica.example.org/chancery');
 */
export function openPostgresReplica(
  url: string,
  options: { searchBudgetMs?: number } = {},
): { store: Store; search: SearchIndex; close(): Promise<void> } {
  const address = parsePostgresUrl(url);
  const pool = openReadPool(address);
  const authorities = new PostgresAuthorities(pool);
  return {
    store: new PostgresStore(pool, authorities, address.display),
    search: new PostgresSearchIndex(pool, authorities, options.searchBudgetMs),
    close: () => pool.end(),
  };
}

/** Writers take this lock in their transaction: one writer at a time, as SQLite has it. */
const WRITE_LOCK = 7_340_002;

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS "dateDisplay", r.date_min AS "dateMin",
  r.date_max AS "dateMax", r.original_language AS "originalLanguage", r.version`;

/** A record's publication, read beside the record: all null where no editor set one. */
const PUBLICATION_OF_RECORD = `p.state, p.until, p.reason, p.changed_at AS "changedAt", p.changed_by AS "changedBy"
  FROM records r LEFT JOIN record_publication p ON p.record_id = r.id WHERE r.id = $1`;
type PublicationRow = Publication | { state: null };

interface RecordRow {
  id: string;
  version: number;
  json: string;
  updated_at: string;
  source_sha256: string;
}

class PostgresStore implements Store {
  private readonly index = new PostgresIndexWriter();

  constructor(
    private readonly pool: pg.Pool,
    private readonly reconciled: PostgresAuthorities,
    private readonly display: string,
  ) {}

  async saveRecord(record: ChanceryRecord): Promise<SaveOutcome> {
    return (await this.saveRecords([record]))[0] as SaveOutcome;
  }

  async saveRecords(records: ChanceryRecord[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
    if (records.length === 0) return [];
    return this.write((client) => this.saveIn(client, records, options));
  }

  async saveEdit(
    record: ChanceryRecord,
    edit: RecordEdit & { baseVersion: number },
    audit: AuditInput,
  ): Promise<SaveOutcome> {
    return this.write(async (client) => {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM records WHERE id = $1', [
        record.id,
      ]);
      const current = rows[0]?.version;
      if (current === undefined) throw recordMissing(record.id);
      if (current !== edit.baseVersion) throw editConflict(record.id, edit.baseVersion, current);
      const [outcome] = await this.saveIn(client, [record], { edit });
      if (outcome === 'unchanged') return outcome;
      await insertAuditEntry(client, audit);
      if (edit.kind === 'source')
        await client.query('DELETE FROM record_held WHERE record_id = $1', [record.id]);
      return outcome as SaveOutcome;
    });
  }

  /**
   * Saves records in the caller's transaction and indexes those that changed. A record whose
   * current version an editor made by hand is not overwritten by a source: the same source file
   * changes nothing, a changed one is held for an editor.
   */
  private async saveIn(
    client: pg.PoolClient,
    records: ChanceryRecord[],
    options: SaveOptions & { edit?: RecordEdit },
  ): Promise<SaveOutcome[]> {
    const current = new Map(
      (
        await client.query<RecordRow>(
          'SELECT id, version, json, updated_at, source_sha256 FROM records WHERE id = ANY($1::text[])',
          [records.map((r) => r.id)],
        )
      ).rows.map((row) => [row.id, row]),
    );
    const corrected = options.edit
      ? new Set<string>()
      : new Set(
          (
            await client.query<{ record_id: string }>(
              `SELECT e.record_id FROM record_edits e JOIN records r ON r.id = e.record_id AND r.version = e.version
               WHERE e.record_id = ANY($1::text[]) AND e.kind IN ('edit', 'restore')`,
              [records.map((r) => r.id)],
            )
          ).rows.map((row) => row.record_id),
        );
    const now = new Date().toISOString();
    const archived: RecordRow[] = [];
    const saved = new Map<string, ChanceryRecord>();
    const held = new Map<string, ChanceryRecord>();
    const outcomes = records.map((record): SaveOutcome => {
      const json = JSON.stringify(record);
      const row = current.get(record.id);
      if (row?.json === json) return 'unchanged';
      if (row && corrected.has(record.id)) {
        if (record.source.sha256 === row.source_sha256) return 'unchanged';
        held.set(record.id, record);
        return 'held';
      }
      if (row) archived.push(row);
      current.set(record.id, {
        id: record.id,
        version: (row?.version ?? 0) + 1,
        json,
        updated_at: now,
        source_sha256: record.source.sha256,
      });
      saved.set(record.id, record);
      return row ? 'updated' : 'ingested';
    });
    if (held.size > 0) {
      await client.query(
        `INSERT INTO record_held (record_id, source_sha256, json, held_at)
         SELECT u.*, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u
         ON CONFLICT (record_id) DO UPDATE SET source_sha256 = excluded.source_sha256, json = excluded.json,
           held_at = excluded.held_at`,
        [
          [...held.keys()],
          [...held.values()].map((r) => r.source.sha256),
          [...held.values()].map((r) => JSON.stringify(r)),
          now,
        ],
      );
    }
    if (saved.size === 0) return outcomes;
    const rows = [...saved.values()];
    const column = <T>(f: (r: ChanceryRecord) => T) => rows.map(f);
    await client.query(
      `INSERT INTO records (id, version, title, type, date_display, date_min, date_max, original_language,
         source_sha256, json, created_at, updated_at, changed_at)
       SELECT u.*, $11, $11, $11 FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[]) AS u
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, type = excluded.type,
         date_display = excluded.date_display, date_min = excluded.date_min, date_max = excluded.date_max,
         original_language = excluded.original_language, source_sha256 = excluded.source_sha256,
         json = excluded.json, updated_at = excluded.updated_at, changed_at = excluded.changed_at`,
      [
        column((r) => r.id),
        column((r) => current.get(r.id)?.version),
        column((r) => r.title),
        column((r) => r.type),
        column((r) => r.date.display),
        column((r) => r.date.min),
        column((r) => r.date.max),
        column((r) => r.originalLanguage),
        column((r) => r.source.sha256),
        column((r) => current.get(r.id)?.json),
        now,
      ],
    );
    if (archived.length > 0) {
      await client.query(
        `INSERT INTO record_versions (record_id, version, source_sha256, json, saved_at)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          archived.map((r) => r.id),
          archived.map((r) => r.version),
          archived.map((r) => r.source_sha256),
          archived.map((r) => r.json),
          archived.map((r) => r.updated_at),
        ],
      );
    }
    // A record saved again after its deletion is no longer deleted.
    await client.query('DELETE FROM record_deletions WHERE id = ANY($1::text[])', [[...saved.keys()]]);
    await client.query('DELETE FROM collection_members WHERE record_id = ANY($1::text[])', [
      [...saved.keys()],
    ]);
    const members = rows.flatMap((r) => r.collections.map((m) => [m.id, r.id, m.position] as const));
    await client.query(
      `INSERT INTO collection_members (collection_id, record_id, position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT (collection_id, record_id) DO UPDATE SET position = excluded.position`,
      [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2])],
    );
    // The document analyzed ahead for each record saved, by id: the last of a repeated id wins.
    const analyzed = new Map(options.documents?.map((d, i) => [records[i]?.id, d]));
    // Readers' records only: the index holds nothing else.
    const hidden = new Set(
      (
        await client.query<{ record_id: string }>(
          `SELECT record_id FROM record_publication WHERE state <> 'published' AND record_id = ANY($1::text[])`,
          [rows.map((r) => r.id)],
        )
      ).rows.map((row) => row.record_id),
    );
    const indexed = rows.filter((r) => !hidden.has(r.id));
    const documents = options.documents ? indexed.map((r) => analyzed.get(r.id)) : undefined;
    await this.index.indexRecords(client, indexed, documents);
    if (options.edit) {
      const { kind, editor, note, at } = options.edit;
      await client.query(
        `INSERT INTO record_edits (record_id, version, kind, editor, note, at)
         SELECT u.*, $3, $4, $5, $6 FROM unnest($1::text[], $2::int[]) AS u
         ON CONFLICT (record_id, version) DO UPDATE SET kind = excluded.kind, editor = excluded.editor,
           note = excluded.note, at = excluded.at`,
        [rows.map((r) => r.id), rows.map((r) => current.get(r.id)?.version), kind, editor, note, at],
      );
    }
    return outcomes;
  }

  async getSavedRecord(
    id: string,
    version?: number,
  ): Promise<{ record: ChanceryRecord; version: number } | null> {
    const { rows } = await this.pool.query<{ json: string; version: number }>(
      version === undefined
        ? 'SELECT json, version FROM records WHERE id = $1'
        : `SELECT json, version FROM records WHERE id = $1 AND version = $2
           UNION ALL SELECT json, version FROM record_versions WHERE record_id = $1 AND version = $2 LIMIT 1`,
      version === undefined ? [id] : [id, version],
    );
    const row = rows[0];
    return row ? { record: JSON.parse(row.json) as ChanceryRecord, version: row.version } : null;
  }

  async getHeld(id: string): Promise<HeldReading | null> {
    const { rows } = await this.pool.query<{ source_sha256: string; json: string; held_at: string }>(
      'SELECT source_sha256, json, held_at FROM record_held WHERE record_id = $1',
      [id],
    );
    const row = rows[0];
    return row
      ? { recordId: id, sourceSha256: row.source_sha256, record: JSON.parse(row.json), heldAt: row.held_at }
      : null;
  }

  async listHeld(): Promise<{ recordId: string; heldAt: string }[]> {
    const { rows } = await this.pool.query<{ recordId: string; heldAt: string }>(
      'SELECT record_id AS "recordId", held_at AS "heldAt" FROM record_held ORDER BY held_at, record_id',
    );
    return rows;
  }

  async dropHeld(id: string, audit: AuditInput): Promise<boolean> {
    return this.write(async (client) => {
      const dropped =
        ((await client.query('DELETE FROM record_held WHERE record_id = $1', [id])).rowCount ?? 0) > 0;
      if (dropped) await insertAuditEntry(client, audit);
      return dropped;
    });
  }

  async getRecord(id: string, scope: ReadScope = {}): Promise<ChanceryRecord | null> {
    const { rows } = await this.pool.query<{ json: string }>(
      `SELECT json FROM ${scope.unpublished ? 'records' : 'public_records'} WHERE id = $1`,
      [id],
    );
    return rows[0] ? this.present(JSON.parse(rows[0].json) as ChanceryRecord) : null;
  }

  async getPublication(id: string): Promise<Publication | null> {
    const { rows } = await this.pool.query<PublicationRow>(`SELECT ${PUBLICATION_OF_RECORD}`, [id]);
    return rows[0] ? publicationOf(rows[0]) : null;
  }

  async getRecordWithPublication(
    id: string,
  ): Promise<{ record: ChanceryRecord; publication: Publication } | null> {
    const { rows } = await this.pool.query<PublicationRow & { json: string }>(
      `SELECT r.json, ${PUBLICATION_OF_RECORD}`,
      [id],
    );
    if (!rows[0]) return null;
    const { json, ...publication } = rows[0];
    return {
      record: await this.present(JSON.parse(json) as ChanceryRecord),
      publication: publicationOf(publication),
    };
  }

  async setPublication(
    id: string,
    publication: Pick<Publication, 'state' | 'until' | 'reason'>,
    audit: AuditInput,
  ): Promise<void> {
    await this.write(async (client) => {
      const exists = await client.query('SELECT 1 FROM records WHERE id = $1', [id]);
      if (exists.rowCount === 0) throw recordMissing(id);
      await this.publishIn(client, id, publication, audit);
    });
  }

  async releaseEmbargoes(now: Date): Promise<string[]> {
    const at = now.toISOString();
    const { rows } = await this.pool.query<{ record_id: string }>(
      `SELECT record_id FROM record_publication WHERE state = 'embargoed' AND until <= $1 ORDER BY record_id`,
      [at],
    );
    for (const { record_id: id } of rows) {
      const release = embargoRelease(id, at);
      await this.write(async (client) => {
        // Another process may have released it meanwhile: each embargo ends once.
        const still = await client.query(
          `SELECT 1 FROM record_publication WHERE record_id = $1 AND state = 'embargoed' AND until <= $2`,
          [id, at],
        );
        if (still.rowCount) await this.publishIn(client, id, release.publication, release.audit);
      });
    }
    return rows.map((r) => r.record_id);
  }

  /** Writes a publication, indexes or unindexes the record, and the audit entry, in the caller's transaction. */
  private async publishIn(
    client: pg.PoolClient,
    id: string,
    publication: Pick<Publication, 'state' | 'until' | 'reason'>,
    audit: AuditInput,
  ): Promise<void> {
    await client.query(
      `INSERT INTO record_publication (record_id, state, until, reason, changed_at, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (record_id) DO UPDATE SET state = excluded.state, until = excluded.until,
         reason = excluded.reason, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
      [id, publication.state, publication.until, publication.reason, audit.at, audit.actor],
    );
    const { rows } = await client.query<{ json: string }>(
      'UPDATE records SET changed_at = $1 WHERE id = $2 RETURNING json',
      [audit.at, id],
    );
    if (publication.state === 'published') {
      await this.index.indexRecords(client, [JSON.parse(rows[0]?.json as string) as ChanceryRecord]);
    } else {
      await this.index.removeRecord(client, id);
    }
    await insertAuditEntry(client, audit);
  }

  async listAuthorityDecisions(): Promise<AuthorityDecisionEntry[]> {
    const { rows } = await this.pool.query<
      Omit<AuthorityDecisionEntry, 'decision' | 'seq'> & { seq: string; decision: string }
    >('SELECT seq, decision, at, actor, note FROM authority_decisions ORDER BY seq');
    return rows.map((row) => ({ ...row, seq: Number(row.seq), decision: JSON.parse(row.decision) }));
  }

  async addAuthorityDecision(
    entry: Omit<AuthorityDecisionEntry, 'seq'>,
    audit: AuditInput | null,
  ): Promise<number> {
    return this.write(async (client) => {
      const { rows } = await client.query<{ seq: string }>(
        'INSERT INTO authority_decisions (decision, at, actor, note) VALUES ($1, $2, $3, $4) RETURNING seq',
        [JSON.stringify(entry.decision), entry.at, entry.actor, entry.note],
      );
      if (audit) await insertAuditEntry(client, audit);
      return Number(rows[0]?.seq);
    });
  }

  async listUnpublished(): Promise<UnpublishedRecord[]> {
    const { rows } = await this.pool.query<UnpublishedRecord>(
      `SELECT r.id, r.title, p.state, p.until, p.reason, p.changed_at AS "changedAt", p.changed_by AS "changedBy"
       FROM record_publication p JOIN records r ON r.id = p.record_id
       WHERE p.state <> 'published' ORDER BY p.changed_at DESC, r.id`,
    );
    return rows;
  }

  async deleteRecord(id: string): Promise<boolean> {
    return this.write(async (client) => {
      const { rows } = await client.query<{ type: string; collections: string }>(
        `SELECT r.type, (SELECT coalesce(json_agg(m.collection_id ORDER BY m.collection_id), '[]')::text
           FROM collection_members m WHERE m.record_id = r.id) AS collections
         FROM records r WHERE r.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return false;
      await this.index.removeRecord(client, id);
      await client.query('DELETE FROM records WHERE id = $1', [id]);
      await client.query(
        `INSERT INTO record_deletions (id, type, collections, deleted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET type = excluded.type, collections = excluded.collections,
           deleted_at = excluded.deleted_at`,
        [id, row.type, row.collections, new Date().toISOString()],
      );
      return true;
    });
  }

  async getRecordVersion(id: string, version: number): Promise<ChanceryRecord | null> {
    const { rows } = await this.pool.query<{ json: string }>(
      `SELECT json FROM records WHERE id = $1 AND version = $2
       UNION ALL SELECT json FROM record_versions WHERE record_id = $1 AND version = $2 LIMIT 1`,
      [id, version],
    );
    return rows[0] ? this.reconciled.present(JSON.parse(rows[0].json) as ChanceryRecord) : null;
  }

  async listVersions(id: string): Promise<RecordVersion[]> {
    const { rows } = await this.pool.query<RecordVersion & Partial<RecordEdit>>(
      `SELECT v.version, v.sha256, v."savedAt", e.kind, e.editor, e.note, e.at FROM (
         SELECT version, source_sha256 AS sha256, saved_at AS "savedAt" FROM record_versions WHERE record_id = $1
         UNION ALL SELECT version, source_sha256, updated_at FROM records WHERE id = $1) v
       LEFT JOIN record_edits e ON e.record_id = $1 AND e.version = v.version
       ORDER BY v.version`,
      [id],
    );
    return rows.map(versionOf);
  }

  async listRecords(options: ListOptions = {}): Promise<RecordSummary[]> {
    const limit = options.limit !== undefined && options.limit >= 0 ? options.limit : null;
    const offset = options.offset ?? 0;
    const records = options.unpublished ? 'records' : 'public_records';
    if (options.collectionId) {
      return (
        await this.pool.query<RecordSummary>(
          `SELECT ${SUMMARY_COLUMNS} FROM collection_members m JOIN ${records} r ON r.id = m.record_id
           WHERE m.collection_id = $1 ORDER BY m.position LIMIT $2 OFFSET $3`,
          [options.collectionId, limit, offset],
        )
      ).rows;
    }
    const order =
      options.order === 'added' ? 'r.created_at DESC, r.id' : 'r.date_min IS NULL, r.date_min, r.id';
    return (
      await this.pool.query<RecordSummary>(
        `SELECT ${SUMMARY_COLUMNS} FROM ${records} r ORDER BY ${order} LIMIT $1 OFFSET $2`,
        [limit, offset],
      )
    ).rows;
  }

  async countRecords(scope: ReadScope = {}): Promise<number> {
    const records = scope.unpublished ? 'records' : 'public_records';
    return (await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${records}`)).rows[0]?.n ?? 0;
  }

  async getRecordSummaries(ids: string[]): Promise<RecordSummary[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<RecordSummary>(
      `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.id = ANY($1::text[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is RecordSummary => row !== undefined);
  }

  async getRecordPlacement(id: string): Promise<RecordPlacement | null> {
    const self = (
      await this.pool.query<{ date_min: string | null }>('SELECT date_min FROM records WHERE id = $1', [id])
    ).rows[0];
    if (!self) return null;
    const one = async (sql: string, params: unknown[]) =>
      (await this.pool.query<RecordSummary>(sql, params)).rows[0] ?? null;
    const byDate = self.date_min
      ? {
          previous: await one(
            `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.date_min IS NOT NULL
               AND (r.date_min < $1 OR (r.date_min = $1 AND r.id < $2)) ORDER BY r.date_min DESC, r.id DESC LIMIT 1`,
            [self.date_min, id],
          ),
          next: await one(
            `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.date_min > $1 OR (r.date_min = $1 AND r.id > $2)
               ORDER BY r.date_min, r.id LIMIT 1`,
            [self.date_min, id],
          ),
        }
      : { previous: null, next: null };
    const memberships = (
      await this.pool.query<{ collectionId: string; position: number }>(
        'SELECT collection_id AS "collectionId", position FROM collection_members WHERE record_id = $1 ORDER BY collection_id',
        [id],
      )
    ).rows;
    const inCollection = (direction: '<' | '>') =>
      `SELECT ${SUMMARY_COLUMNS} FROM collection_members m JOIN public_records r ON r.id = m.record_id
         WHERE m.collection_id = $1 AND m.position ${direction} $2
         ORDER BY m.position ${direction === '<' ? 'DESC' : ''} LIMIT 1`;
    const byCollection = await Promise.all(
      memberships.map(async ({ collectionId, position }) => ({
        collectionId,
        position,
        previous: await one(inCollection('<'), [collectionId, position]),
        next: await one(inCollection('>'), [collectionId, position]),
      })),
    );
    return { byDate, byCollection };
  }

  async *streamRecords(scope: ReadScope = {}): AsyncIterable<ChanceryRecord> {
    const records = scope.unpublished ? 'records' : 'public_records';
    // Paged by id rather than one open cursor, so that writes between pages do not trip the iterator.
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ id: string; json: string }>(
        `SELECT id, json FROM ${records} WHERE id > $1 ORDER BY id LIMIT 500`,
        [after],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield this.present(JSON.parse(row.json) as ChanceryRecord);
      after = rows.at(-1)?.id ?? after;
    }
  }

  async saveRelations(recordId: string, relations: Relation[]): Promise<void> {
    await this.write(async (client) => {
      const exists = await client.query('SELECT 1 FROM records WHERE id = $1', [recordId]);
      if (exists.rowCount === 0) {
        throw new ChanceryError(
          'record.not_found',
          `No record with id "${recordId}" to relate: save the record before its relations.`,
        );
      }
      await client.query('DELETE FROM record_relations WHERE record_id = $1', [recordId]);
      await client.query(
        `INSERT INTO record_relations (record_id, type, target, json)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
         ON CONFLICT (record_id, type, target) DO UPDATE SET json = excluded.json`,
        [
          recordId,
          relations.map((r) => r.type),
          relations.map((r) => r.target),
          relations.map((r) => JSON.stringify(r)),
        ],
      );
    });
  }

  async saveSource(source: StoredSource): Promise<void> {
    await this.pool.query(
      `INSERT INTO sources (sha256, file_name, format, size, bytes, stored_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sha256) DO NOTHING`,
      [
        source.sha256,
        source.fileName,
        source.format,
        source.bytes.length,
        source.bytes,
        new Date().toISOString(),
      ],
    );
  }

  async getSource(sha256: string): Promise<StoredSource | null> {
    const { rows } = await this.pool.query<StoredSource>(
      'SELECT sha256, file_name AS "fileName", format, bytes FROM sources WHERE sha256 = $1',
      [sha256],
    );
    return rows[0] ?? null;
  }

  async saveCollection(collection: Collection): Promise<void> {
    await this.pool.query(
      'INSERT INTO collections (id, json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
      [collection.id, JSON.stringify(collection)],
    );
  }

  async getCollection(id: string): Promise<Collection | null> {
    const { rows } = await this.pool.query<{ json: string }>('SELECT json FROM collections WHERE id = $1', [
      id,
    ]);
    return rows[0] ? (JSON.parse(rows[0].json) as Collection) : null;
  }

  async listCollections(): Promise<Collection[]> {
    const { rows } = await this.pool.query<{ json: string }>('SELECT json FROM collections ORDER BY id');
    return rows.map((r) => JSON.parse(r.json) as Collection);
  }

  async saveAuthorities(authorities: Authority[]): Promise<number> {
    if (authorities.length === 0) return 0;
    // The last of a repeated id wins, as when SQLite writes them one after another.
    const byId = new Map(authorities.map((a) => [a.id, a]));
    const list = [...byId.values()];
    return this.write(async (client) => {
      const result = await client.query(
        `INSERT INTO authorities (id, kind, name, json) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, json = excluded.json
         WHERE authorities.json <> excluded.json`,
        [
          list.map((a) => a.id),
          list.map((a) => a.kind),
          list.map((a) => a.name),
          list.map((a) => JSON.stringify(a)),
        ],
      );
      return result.rowCount ?? 0;
    });
  }

  async getAuthority(id: string): Promise<Authority | null> {
    const { rows } = await this.pool.query<{ json: string }>('SELECT json FROM authorities WHERE id = $1', [
      id,
    ]);
    return rows[0] ? (JSON.parse(rows[0].json) as Authority) : null;
  }

  async listAuthorities(kind?: AuthorityKind): Promise<Authority[]> {
    const { rows } = kind
      ? await this.pool.query<{ json: string }>(
          'SELECT json FROM authorities WHERE kind = $1 ORDER BY name',
          [kind],
        )
      : await this.pool.query<{ json: string }>('SELECT json FROM authorities ORDER BY kind, name');
    return rows.map((r) => JSON.parse(r.json) as Authority);
  }

  async saveReconciliation(reconciliation: Reconciliation): Promise<boolean> {
    return this.write((client) => this.reconciled.save(client, reconciliation));
  }

  async reconciliationVersion(): Promise<number> {
    return this.reconciled.version();
  }

  async listChanges(query: ChangeQuery): Promise<{ total: number; changes: RecordChange[] }> {
    return listRecordChanges(this.pool, query);
  }

  async getReconciled(id: string): Promise<Authority | null> {
    return this.reconciled.get(id);
  }

  async getReconciledOfMembers(members: readonly string[]): Promise<Map<string, Authority>> {
    return this.reconciled.ofMembers(members);
  }

  async listReconciled(query?: ReconciledQuery): Promise<Authority[]> {
    return this.reconciled.list(query);
  }

  async countReconciled(query?: ReconciledQuery): Promise<number> {
    return this.reconciled.count(query);
  }

  async listReview(): Promise<ReviewItem[]> {
    return this.reconciled.review();
  }

  async *exportHistories(): AsyncIterable<RecordHistory> {
    yield* readHistories(this.pool);
  }

  async importHistories(histories: RecordHistory[]): Promise<void> {
    await this.write((client) => writeHistories(client, this.index, histories));
  }

  async *streamSources(): AsyncIterable<StoredSource> {
    yield* readSources(this.pool);
  }

  async getReconciliation(): Promise<Reconciliation> {
    return this.reconciled.saved();
  }

  async checkIntegrity(): Promise<string[]> {
    const { rows } = await this.pool.query<{
      unindexed: number;
      orphans: number;
      counted: number;
      docs: number;
    }>(
      // The index holds the records readers see, and nothing else: an entry of a hidden record would show it.
      `SELECT (SELECT count(*) FROM public_records r WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.record_id = r.id)) AS unindexed,
              (SELECT count(*) FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM public_records r WHERE r.id = d.record_id)) AS orphans,
              (SELECT docs FROM search_state) AS counted,
              (SELECT count(*) FROM search_docs) AS docs`,
    );
    const row = rows[0];
    const problems: string[] = [];
    if (row?.unindexed) problems.push(`${row.unindexed} published records have no search index entry`);
    if (row?.orphans) problems.push(`${row.orphans} search index entries have no published record`);
    if (row && row.counted !== row.docs)
      problems.push(`search_state counts ${row.counted} indexed documents, the index holds ${row.docs}`);
    return problems;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async reindexRecords(page: { after: string; limit: number }): Promise<string | null> {
    return this.write(async (client) => {
      const { rows } = await client.query<{ id: string; json: string }>(
        // Readers' records only: the index holds nothing else.
        'SELECT id, json FROM public_records WHERE id > $1 ORDER BY id LIMIT $2',
        [page.after, page.limit],
      );
      if (rows.length === 0) return null;
      await this.index.indexRecords(
        client,
        rows.map((r) => JSON.parse(r.json) as ChanceryRecord),
      );
      return rows.at(-1)?.id ?? null;
    });
  }

  async compactIndex(): Promise<void> {
    await this.index.compact(this.pool);
  }

  /** Indexes every record again when the index was built by an older version of the code, or never. */
  async reindexIfStale(): Promise<void> {
    const state = await this.pool.query<{ index_version: number }>('SELECT index_version FROM search_state');
    if ((state.rows[0]?.index_version ?? 0) === POSTGRES_INDEX_VERSION) return;
    await this.write((client) => this.index.forgetNameForms(client));
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ id: string; json: string }>(
        'SELECT id, json FROM public_records WHERE id > $1 ORDER BY id LIMIT 250',
        [after],
      );
      if (rows.length === 0) break;
      const records = rows.map((r) => JSON.parse(r.json) as ChanceryRecord);
      await this.write((client) => this.index.indexRecords(client, records));
      after = rows.at(-1)?.id ?? after;
    }
    await this.compactIndex();
    await this.pool.query('UPDATE search_state SET index_version = $1', [POSTGRES_INDEX_VERSION]);
  }

  /** A record as readers see it: resolved relations added, linked authorities as reconciled. */
  private async present(record: ChanceryRecord): Promise<ChanceryRecord> {
    const { rows } = await this.pool.query<{ json: string }>(
      'SELECT json FROM record_relations WHERE record_id = $1 ORDER BY type, target',
      [record.id],
    );
    let withResolved = record;
    if (rows.length > 0) {
      const own = new Set(record.relations.map((r) => `${r.type}|${r.target}`));
      const resolved = rows.map((r) => JSON.parse(r.json) as Relation);
      withResolved = {
        ...record,
        relations: [...record.relations, ...resolved.filter((r) => !own.has(`${r.type}|${r.target}`))],
      };
    }
    return this.reconciled.present(withResolved);
  }

  /**
   * Runs `work` in one transaction under the write lock: everything it writes, the index
   * included, is committed together or not at all; a failure rolls all of it back and is thrown.
   */
  private async write<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new ChanceryError(
        'store.connection',
        `Cannot write to the archive at ${this.display}: ${String((error as Error).message)}.`,
      );
    }
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
