import Database from 'better-sqlite3';
import type { AccountStore } from '../../accounts/accounts.types.ts';
import type { AuditInput, AuditLog } from '../../accounts/audit.types.ts';
import { SqliteAccountStore } from '../../accounts/sqlite/sqlite.accounts.ts';
import { insertAuditEntry, SqliteAuditLog } from '../../accounts/sqlite/sqlite.audit.ts';
import { ChanceryError } from '../../errors.ts';
import type { JobQueue } from '../../jobs/job-queue.types.ts';
import { SqliteJobQueue, type SqliteJobQueueOptions } from '../../jobs/sqlite/sqlite.job-queue.ts';
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
import type { SearchIndex } from '../../search/search-index.types.ts';
import { SqliteIndexWriter } from '../../search/sqlite/sqlite.index-writer.ts';
import { SqliteSearchIndex } from '../../search/sqlite/sqlite.search-index.ts';
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
import { SqliteAuthorities } from './sqlite.authorities.ts';
import { listRecordChanges } from './sqlite.changes.ts';
import { readHistories, readSources, writeHistories } from './sqlite.histories.ts';
import { type Migration, SQLITE_MIGRATIONS } from './sqlite.migrations.ts';
import { SqliteRelations } from './sqlite.relations.ts';

interface RecordRow {
  id: string;
  version: number;
  json: string;
  updated_at: string;
  source_sha256: string;
}

/** An archive in one SQLite database: the store, and the search index it writes in its transactions. */
export interface SqliteArchive {
  store: Store;
  search: SearchIndex;
  /** Background jobs, in a table of the same database. */
  jobs: JobQueue;
  /** Accounts, sessions and tokens, and the audit log, in tables of the same database. */
  accounts: AccountStore;
  audit: AuditLog;
}

/**
 * Opens (and migrates) a SQLite database file, or an in-memory one with `:memory:`.
 *
 * `searchThreads` runs searches in that many worker threads, each within a time budget: for a
 * server (src/search/sqlite/sqlite.search-index.ts). `pageCacheMb` sets the connection's page
 * cache (SQLite's build here: 16 MB).
 *
 * @example const { store, search } = openSqliteArchive('./data/chancery.db', { searchThreads: 2 });
 */
export function openSqliteArchive(
  path: string,
  options: {
    searchThreads?: number;
    searchBudgetMs?: number;
    migrations?: Migration[];
    jobs?: SqliteJobQueueOptions;
    pageCacheMb?: number;
  } = {},
): SqliteArchive {
  const migrations = options.migrations ?? SQLITE_MIGRATIONS;
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  // A negative cache size is in KiB.
  if (options.pageCacheMb) db.pragma(`cache_size = ${-Math.round(options.pageCacheMb * 1024)}`);
  if (path !== ':memory:') {
    // WAL lets the web server read while an ingest writes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  migrate(db, migrations);
  const reconciled = new SqliteAuthorities(db);
  return {
    store: new SqliteStore(db, reconciled),
    search: new SqliteSearchIndex(db, reconciled, {
      threads: options.searchThreads ?? 0,
      ...(options.searchBudgetMs ? { budgetMs: options.searchBudgetMs } : {}),
    }),
    jobs: new SqliteJobQueue(db, options.jobs),
    accounts: new SqliteAccountStore(db),
    audit: new SqliteAuditLog(db),
  };
}

function migrate(db: Database.Database, migrations: Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new ChanceryError(
      'store.migration',
      `The database is at schema version ${newest}, newer than this Chancery knows (${known}). Upgrade Chancery or use another --db file.`,
    );
  }
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
}

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS dateDisplay, r.date_min AS dateMin,
  r.date_max AS dateMax, r.original_language AS originalLanguage, r.version`;

/** A record's publication, read beside the record: all null where no editor set one. */
const PUBLICATION_OF_RECORD = `p.state, p.until, p.reason, p.changed_at AS changedAt, p.changed_by AS changedBy
  FROM records r LEFT JOIN record_publication p ON p.record_id = r.id WHERE r.id = ?`;
type PublicationRow = Publication | { state: null };

class SqliteStore implements Store {
  private readonly statements;
  /** The statements of the read methods, compiled once each (compiling costs more than most reads). */
  private readonly compiled = new Map<string, Database.Statement>();
  private readonly index: SqliteIndexWriter;
  private readonly relations: SqliteRelations;

  constructor(
    private readonly db: Database.Database,
    private readonly reconciled: SqliteAuthorities,
  ) {
    this.index = new SqliteIndexWriter(db);
    this.relations = new SqliteRelations(db);
    if (!this.index.isCurrent()) this.reindexAll();
    this.statements = {
      current: db.prepare<[string], RecordRow>(
        'SELECT id, version, json, updated_at, source_sha256 FROM records WHERE id = ?',
      ),
      insert: db.prepare(
        `INSERT INTO records (id, version, title, type, date_display, date_min, date_max, original_language,
           source_sha256, json, created_at, updated_at, changed_at)
         VALUES (@id, @version, @title, @type, @dateDisplay, @dateMin, @dateMax, @originalLanguage,
           @sha256, @json, @now, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE records SET version = @version, title = @title, type = @type, date_display = @dateDisplay,
           date_min = @dateMin, date_max = @dateMax, original_language = @originalLanguage,
           source_sha256 = @sha256, json = @json, updated_at = @now, changed_at = @now
         WHERE id = @id`,
      ),
      archive: db.prepare(
        'INSERT INTO record_versions (record_id, version, source_sha256, json, saved_at) VALUES (?, ?, ?, ?, ?)',
      ),
      clearMembership: db.prepare('DELETE FROM collection_members WHERE record_id = ?'),
      undelete: db.prepare('DELETE FROM record_deletions WHERE id = ?'),
      addMembership: db.prepare(
        'INSERT OR REPLACE INTO collection_members (collection_id, record_id, position) VALUES (?, ?, ?)',
      ),
      // Prepared once: every search looks up the title of each collection in its facet.
      collection: db.prepare('SELECT json FROM collections WHERE id = ?').pluck(),
      // An unchanged authority is not written again: a second ingest of a volume writes nothing.
      upsertAuthority: db.prepare(
        `INSERT INTO authorities (id, kind, name, json) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, json = excluded.json
         WHERE authorities.json <> excluded.json`,
      ),
    };
  }

  async saveRecord(record: ChanceryRecord): Promise<SaveOutcome> {
    return (await this.saveRecords([record]))[0] as SaveOutcome;
  }

  async saveRecords(records: ChanceryRecord[], options: SaveOptions = {}): Promise<SaveOutcome[]> {
    try {
      return this.db.transaction(() => this.saveIn(records, options))();
    } catch (error) {
      this.index.rolledBack();
      throw error;
    }
  }

  async saveEdit(
    record: ChanceryRecord,
    edit: RecordEdit & { baseVersion: number },
    audit: AuditInput,
  ): Promise<SaveOutcome> {
    try {
      return this.db.transaction(() => {
        const current = this.statements.current.get(record.id);
        if (!current) throw recordMissing(record.id);
        if (current.version !== edit.baseVersion)
          throw editConflict(record.id, edit.baseVersion, current.version);
        const [outcome] = this.saveIn([record], { edit });
        if (outcome === 'unchanged') return outcome;
        insertAuditEntry(this.db, audit);
        if (edit.kind === 'source')
          this.prepared('DELETE FROM record_held WHERE record_id = ?').run(record.id);
        return outcome as SaveOutcome;
      })();
    } catch (error) {
      this.index.rolledBack();
      throw error;
    }
  }

  /** Saves records and indexes those that changed and readers see, in the caller's transaction. */
  private saveIn(records: ChanceryRecord[], options: SaveOptions & { edit?: RecordEdit }): SaveOutcome[] {
    const outcomes = records.map((record) => this.saveOne(record, options.edit));
    const hidden = this.hiddenAmong(records.map((r) => r.id));
    const indexed = (record: ChanceryRecord, i: number) =>
      (outcomes[i] === 'ingested' || outcomes[i] === 'updated') && !hidden.has(record.id);
    this.index.indexRecords(
      records.filter(indexed),
      options.documents?.filter((_, i) => indexed(records[i] as ChanceryRecord, i)),
    );
    return outcomes;
  }

  /** Which of these records readers do not see (no index entries are written for them). */
  private hiddenAmong(ids: readonly string[]): Set<string> {
    return new Set(
      this.prepared(
        `SELECT record_id FROM record_publication
         WHERE state <> 'published' AND record_id IN (SELECT value FROM json_each(?))`,
      )
        .pluck()
        .all(JSON.stringify(ids)) as string[],
    );
  }

  /**
   * Saves a record's row, its earlier version and its memberships; the batch indexes it after.
   * A record whose current version an editor made by hand is not overwritten by a source: the
   * same source file changes nothing, a changed one is held for an editor.
   */
  private saveOne(record: ChanceryRecord, edit?: RecordEdit): SaveOutcome {
    const json = JSON.stringify(record);
    const current = this.statements.current.get(record.id);
    if (current?.json === json) return 'unchanged';
    if (current && !edit && this.correctedByHand(current)) {
      if (record.source.sha256 === current.source_sha256) return 'unchanged';
      this.prepared(
        `INSERT INTO record_held (record_id, source_sha256, json, held_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (record_id) DO UPDATE SET source_sha256 = excluded.source_sha256, json = excluded.json,
           held_at = excluded.held_at`,
      ).run(record.id, record.source.sha256, json, new Date().toISOString());
      return 'held';
    }
    const now = new Date().toISOString();
    const row = {
      id: record.id,
      version: (current?.version ?? 0) + 1,
      title: record.title,
      type: record.type,
      dateDisplay: record.date.display,
      dateMin: record.date.min,
      dateMax: record.date.max,
      originalLanguage: record.originalLanguage,
      sha256: record.source.sha256,
      json,
      now,
    };
    if (current) {
      this.statements.archive.run(
        current.id,
        current.version,
        current.source_sha256,
        current.json,
        current.updated_at,
      );
      this.statements.update.run(row);
    } else {
      this.statements.insert.run(row);
      // A record saved again after it was deleted is no longer a deletion.
      this.statements.undelete.run(record.id);
    }
    this.statements.clearMembership.run(record.id);
    for (const member of record.collections) {
      this.statements.addMembership.run(member.id, record.id, member.position);
    }
    if (edit) {
      this.prepared(
        'INSERT OR REPLACE INTO record_edits (record_id, version, kind, editor, note, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(record.id, row.version, edit.kind, edit.editor, edit.note, edit.at);
    }
    return current ? 'updated' : 'ingested';
  }

  /** Whether an editor's correction or restore is the record's current version. */
  private correctedByHand(current: RecordRow): boolean {
    const kind = this.prepared('SELECT kind FROM record_edits WHERE record_id = ? AND version = ?')
      .pluck()
      .get(current.id, current.version);
    return kind === 'edit' || kind === 'restore';
  }

  async getSavedRecord(
    id: string,
    version?: number,
  ): Promise<{ record: ChanceryRecord; version: number } | null> {
    const current = this.statements.current.get(id);
    if (!current) return null;
    if (version === undefined || version === current.version) {
      return { record: JSON.parse(current.json) as ChanceryRecord, version: current.version };
    }
    const json = this.prepared('SELECT json FROM record_versions WHERE record_id = ? AND version = ?')
      .pluck()
      .get(id, version) as string | undefined;
    return json ? { record: JSON.parse(json) as ChanceryRecord, version } : null;
  }

  async getHeld(id: string): Promise<HeldReading | null> {
    const row = this.prepared('SELECT source_sha256, json, held_at FROM record_held WHERE record_id = ?').get(
      id,
    ) as { source_sha256: string; json: string; held_at: string } | undefined;
    return row
      ? { recordId: id, sourceSha256: row.source_sha256, record: JSON.parse(row.json), heldAt: row.held_at }
      : null;
  }

  async listHeld(): Promise<{ recordId: string; heldAt: string }[]> {
    return this.prepared(
      'SELECT record_id AS recordId, held_at AS heldAt FROM record_held ORDER BY held_at, record_id',
    ).all() as { recordId: string; heldAt: string }[];
  }

  async dropHeld(id: string, audit: AuditInput): Promise<boolean> {
    return this.db.transaction(() => {
      const dropped = this.prepared('DELETE FROM record_held WHERE record_id = ?').run(id).changes > 0;
      if (dropped) insertAuditEntry(this.db, audit);
      return dropped;
    })();
  }

  async getRecord(id: string, scope: ReadScope = {}): Promise<ChanceryRecord | null> {
    const row = scope.unpublished
      ? this.statements.current.get(id)
      : (this.prepared('SELECT json FROM public_records WHERE id = ?').get(id) as
          | { json: string }
          | undefined);
    return row ? this.present(JSON.parse(row.json) as ChanceryRecord) : null;
  }

  async getPublication(id: string): Promise<Publication | null> {
    const row = this.prepared(`SELECT ${PUBLICATION_OF_RECORD}`).get(id) as PublicationRow | undefined;
    return row ? publicationOf(row) : null;
  }

  async getRecordWithPublication(
    id: string,
  ): Promise<{ record: ChanceryRecord; publication: Publication } | null> {
    const row = this.prepared(`SELECT r.json, ${PUBLICATION_OF_RECORD}`).get(id) as
      | (PublicationRow & { json: string })
      | undefined;
    if (!row) return null;
    const { json, ...publication } = row;
    return {
      record: this.present(JSON.parse(json) as ChanceryRecord),
      publication: publicationOf(publication),
    };
  }

  async setPublication(
    id: string,
    publication: Pick<Publication, 'state' | 'until' | 'reason'>,
    audit: AuditInput,
  ): Promise<void> {
    try {
      this.db.transaction(() => {
        if (!this.statements.current.get(id)) throw recordMissing(id);
        this.publishIn(id, publication, audit);
      })();
    } catch (error) {
      this.index.rolledBack();
      throw error;
    }
  }

  async releaseEmbargoes(now: Date): Promise<string[]> {
    const at = now.toISOString();
    const due = this.prepared(
      `SELECT record_id FROM record_publication WHERE state = 'embargoed' AND until <= ? ORDER BY record_id`,
    )
      .pluck()
      .all(at) as string[];
    for (const id of due) {
      try {
        const release = embargoRelease(id, at);
        this.db.transaction(() => {
          // Another process may have released it meanwhile: each embargo ends once.
          const still = this.prepared(
            `SELECT 1 FROM record_publication WHERE record_id = ? AND state = 'embargoed' AND until <= ?`,
          ).get(id, at);
          if (still) this.publishIn(id, release.publication, release.audit);
        })();
      } catch (error) {
        this.index.rolledBack();
        throw error;
      }
    }
    return due;
  }

  /** Writes a publication, indexes or unindexes the record, and the audit entry, in the caller's transaction. */
  private publishIn(
    id: string,
    publication: Pick<Publication, 'state' | 'until' | 'reason'>,
    audit: AuditInput,
  ): void {
    this.prepared(
      `INSERT INTO record_publication (record_id, state, until, reason, changed_at, changed_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (record_id) DO UPDATE SET state = excluded.state, until = excluded.until,
         reason = excluded.reason, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
    ).run(id, publication.state, publication.until, publication.reason, audit.at, audit.actor);
    this.prepared('UPDATE records SET changed_at = ? WHERE id = ?').run(audit.at, id);
    if (publication.state === 'published') {
      const json = this.statements.current.get(id)?.json as string;
      this.index.indexRecords([JSON.parse(json) as ChanceryRecord]);
    } else {
      this.index.removeRecord(id);
    }
    insertAuditEntry(this.db, audit);
  }

  async listAuthorityDecisions(): Promise<AuthorityDecisionEntry[]> {
    const rows = this.prepared(
      'SELECT seq, decision, at, actor, note FROM authority_decisions ORDER BY seq',
    ).all() as (Omit<AuthorityDecisionEntry, 'decision'> & { decision: string })[];
    return rows.map((row) => ({ ...row, decision: JSON.parse(row.decision) }));
  }

  async addAuthorityDecision(
    entry: Omit<AuthorityDecisionEntry, 'seq'>,
    audit: AuditInput | null,
  ): Promise<number> {
    return this.db.transaction(() => {
      const seq = this.prepared(
        'INSERT INTO authority_decisions (decision, at, actor, note) VALUES (?, ?, ?, ?)',
      ).run(JSON.stringify(entry.decision), entry.at, entry.actor, entry.note).lastInsertRowid;
      if (audit) insertAuditEntry(this.db, audit);
      return Number(seq);
    })();
  }

  async listUnpublished(): Promise<UnpublishedRecord[]> {
    return this.prepared(
      `SELECT r.id, r.title, p.state, p.until, p.reason, p.changed_at AS changedAt, p.changed_by AS changedBy
       FROM record_publication p JOIN records r ON r.id = p.record_id
       WHERE p.state <> 'published' ORDER BY p.changed_at DESC, r.id`,
    ).all() as UnpublishedRecord[];
  }

  async deleteRecord(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.prepared('SELECT type FROM records WHERE id = ?').get(id) as
        | { type: string }
        | undefined;
      if (!row) return false;
      const collections = this.prepared(
        'SELECT collection_id FROM collection_members WHERE record_id = ? ORDER BY collection_id',
      )
        .pluck()
        .all(id);
      this.index.removeRecord(id);
      this.prepared('DELETE FROM records WHERE id = ?').run(id);
      this.prepared(
        'INSERT OR REPLACE INTO record_deletions (id, type, collections, deleted_at) VALUES (?, ?, ?, ?)',
      ).run(id, row.type, JSON.stringify(collections), new Date().toISOString());
      return true;
    })();
  }

  async listChanges(query: ChangeQuery): Promise<{ total: number; changes: RecordChange[] }> {
    return listRecordChanges(this.db, query);
  }

  async getRecordVersion(id: string, version: number): Promise<ChanceryRecord | null> {
    const current = this.statements.current.get(id);
    if (current?.version === version)
      return this.reconciled.present(JSON.parse(current.json) as ChanceryRecord);
    const json = this.prepared('SELECT json FROM record_versions WHERE record_id = ? AND version = ?')
      .pluck()
      .get(id, version) as string | undefined;
    return json ? this.reconciled.present(JSON.parse(json) as ChanceryRecord) : null;
  }

  async listVersions(id: string): Promise<RecordVersion[]> {
    const rows = this.prepared(
      `SELECT v.version, v.sha256, v.savedAt, e.kind, e.editor, e.note, e.at FROM (
         SELECT version, source_sha256 AS sha256, saved_at AS savedAt FROM record_versions WHERE record_id = ?
         UNION ALL SELECT version, source_sha256, updated_at FROM records WHERE id = ?) v
       LEFT JOIN record_edits e ON e.record_id = ? AND e.version = v.version
       ORDER BY v.version`,
    ).all(id, id, id) as (RecordVersion & Partial<RecordEdit>)[];
    return rows.map(versionOf);
  }

  async listRecords(options: ListOptions = {}): Promise<RecordSummary[]> {
    const limit = options.limit ?? -1;
    const offset = options.offset ?? 0;
    const columns = SUMMARY_COLUMNS;
    const records = options.unpublished ? 'records' : 'public_records';
    if (options.collectionId) {
      return this.prepared(
        `SELECT ${columns} FROM collection_members m JOIN ${records} r ON r.id = m.record_id
           WHERE m.collection_id = ? ORDER BY m.position LIMIT ? OFFSET ?`,
      ).all(options.collectionId, limit, offset) as RecordSummary[];
    }
    const order =
      options.order === 'added' ? 'r.created_at DESC, r.id' : 'r.date_min IS NULL, r.date_min, r.id';
    return this.prepared(`SELECT ${columns} FROM ${records} r ORDER BY ${order} LIMIT ? OFFSET ?`).all(
      limit,
      offset,
    ) as RecordSummary[];
  }

  async countRecords(scope: ReadScope = {}): Promise<number> {
    return Number(
      this.prepared(`SELECT count(*) FROM ${scope.unpublished ? 'records' : 'public_records'}`)
        .pluck()
        .get(),
    );
  }

  async getRecordSummaries(ids: string[]): Promise<RecordSummary[]> {
    if (ids.length === 0) return [];
    const rows = this.prepared(
      `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as RecordSummary[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((row): row is RecordSummary => row !== undefined);
  }

  async getRecordPlacement(id: string): Promise<RecordPlacement | null> {
    const self = this.prepared('SELECT date_min AS dateMin FROM records WHERE id = ?').get(id) as
      | { dateMin: string | null }
      | undefined;
    if (!self) return null;
    // The same order as listRecords (date, then id), walked one step each way along records_by_date.
    const byDate = self.dateMin
      ? {
          previous: this.summaryOrNull(
            `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.date_min IS NOT NULL
               AND (r.date_min < @d OR (r.date_min = @d AND r.id < @id)) ORDER BY r.date_min DESC, r.id DESC LIMIT 1`,
            { d: self.dateMin, id },
          ),
          next: this.summaryOrNull(
            `SELECT ${SUMMARY_COLUMNS} FROM public_records r WHERE r.date_min > @d OR (r.date_min = @d AND r.id > @id)
               ORDER BY r.date_min, r.id LIMIT 1`,
            { d: self.dateMin, id },
          ),
        }
      : { previous: null, next: null };
    const memberships = this.prepared(
      'SELECT collection_id AS collectionId, position FROM collection_members WHERE record_id = ? ORDER BY collection_id',
    ).all(id) as { collectionId: string; position: number }[];
    const inCollection = (direction: '<' | '>') =>
      `SELECT ${SUMMARY_COLUMNS} FROM collection_members m JOIN public_records r ON r.id = m.record_id
         WHERE m.collection_id = @c AND m.position ${direction} @p
         ORDER BY m.position ${direction === '<' ? 'DESC' : ''} LIMIT 1`;
    const byCollection = memberships.map(({ collectionId, position }) => ({
      collectionId,
      position,
      previous: this.summaryOrNull(inCollection('<'), { c: collectionId, p: position }),
      next: this.summaryOrNull(inCollection('>'), { c: collectionId, p: position }),
    }));
    return { byDate, byCollection };
  }

  /**
   * The statement of `sql`, compiled on first use, in its plain mode: a caller that wants one
   * column or arrays asks for it again (`.pluck()`, `.raw()`) each time.
   */
  private prepared(sql: string): Database.Statement {
    let statement = this.compiled.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.compiled.set(sql, statement);
    }
    return statement.reader ? statement.raw(false).pluck(false) : statement;
  }

  private summaryOrNull(sql: string, params: Record<string, unknown>): RecordSummary | null {
    return (this.prepared(sql).get(params) as RecordSummary | undefined) ?? null;
  }

  async *streamRecords(scope: ReadScope = {}): AsyncIterable<ChanceryRecord> {
    const records = scope.unpublished ? 'records' : 'public_records';
    // Paged by id rather than one open cursor, so that writes between pages do not trip the iterator.
    let after = '';
    for (;;) {
      // Asked for again for each page: between pages, another caller may use the same statement.
      const rows = this.prepared(`SELECT id, json FROM ${records} WHERE id > ? ORDER BY id LIMIT 500`).all(
        after,
      ) as {
        id: string;
        json: string;
      }[];
      if (rows.length === 0) return;
      for (const row of rows) yield this.present(JSON.parse(row.json) as ChanceryRecord);
      after = rows.at(-1)?.id ?? after;
    }
  }

  async saveRelations(recordId: string, relations: Relation[]): Promise<void> {
    if (!this.statements.current.get(recordId)) {
      throw new ChanceryError(
        'record.not_found',
        `No record with id "${recordId}" to relate: save the record before its relations.`,
      );
    }
    this.relations.saveResolved(recordId, relations);
  }

  async saveSource(source: StoredSource): Promise<void> {
    this.prepared(
      'INSERT OR IGNORE INTO sources (sha256, file_name, format, size, bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      source.sha256,
      source.fileName,
      source.format,
      source.bytes.length,
      source.bytes,
      new Date().toISOString(),
    );
  }

  async getSource(sha256: string): Promise<StoredSource | null> {
    const row = this.prepared(
      'SELECT sha256, file_name AS fileName, format, bytes FROM sources WHERE sha256 = ?',
    ).get(sha256) as StoredSource | undefined;
    return row ?? null;
  }

  async saveCollection(collection: Collection): Promise<void> {
    this.prepared(
      'INSERT INTO collections (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json',
    ).run(collection.id, JSON.stringify(collection));
  }

  async getCollection(id: string): Promise<Collection | null> {
    const json = this.statements.collection.get(id) as string | undefined;
    return json ? (JSON.parse(json) as Collection) : null;
  }

  async listCollections(): Promise<Collection[]> {
    const rows = this.prepared('SELECT json FROM collections ORDER BY id').pluck().all() as string[];
    return rows.map((json) => JSON.parse(json) as Collection);
  }

  async saveAuthorities(authorities: Authority[]): Promise<number> {
    const upsert = this.statements.upsertAuthority;
    return this.db.transaction(() => {
      let changed = 0;
      for (const a of authorities) changed += upsert.run(a.id, a.kind, a.name, JSON.stringify(a)).changes;
      return changed;
    })();
  }

  async getAuthority(id: string): Promise<Authority | null> {
    const json = this.prepared('SELECT json FROM authorities WHERE id = ?').pluck().get(id) as
      | string
      | undefined;
    return json ? (JSON.parse(json) as Authority) : null;
  }

  async listAuthorities(kind?: AuthorityKind): Promise<Authority[]> {
    const rows = (
      kind
        ? this.prepared('SELECT json FROM authorities WHERE kind = ? ORDER BY name').pluck().all(kind)
        : this.prepared('SELECT json FROM authorities ORDER BY kind, name').pluck().all()
    ) as string[];
    return rows.map((json) => JSON.parse(json) as Authority);
  }

  async saveReconciliation(reconciliation: Reconciliation): Promise<boolean> {
    return this.reconciled.save(reconciliation);
  }

  async reconciliationVersion(): Promise<number> {
    return this.reconciled.version();
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

  async reindexRecords(page: { after: string; limit: number }): Promise<string | null> {
    // Readers' records only: the index holds nothing else.
    const rows = this.prepared('SELECT json FROM public_records WHERE id > ? ORDER BY id LIMIT ?')
      .pluck()
      .all(page.after, page.limit) as string[];
    if (rows.length === 0) return null;
    const records = rows.map((json) => JSON.parse(json) as ChanceryRecord);
    this.db.transaction(() => this.index.indexRecords(records))();
    return records.at(-1)?.id ?? null;
  }

  async compactIndex(): Promise<void> {
    // A step at a time, the event loop running between: on bench/search's million blocks, 30 steps
    // of 0.4 s (the longest 1.9 s, under the 5 s another writer waits for the lock).
    for (let first = true; this.index.compactStep(first); first = false) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Indexes every record again, from its saved JSON, a page at a time: an index built by an older
   * version of the analysis, or none (a database from before the index's last migration).
   */
  private reindexAll(): void {
    const page = this.prepared('SELECT json FROM public_records WHERE id > ? ORDER BY id LIMIT 250').raw();
    this.db.transaction(() => this.index.forgetNameForms())();
    let after = '';
    for (;;) {
      const rows = page.all(after) as [string][];
      if (rows.length === 0) break;
      const records = rows.map(([json]) => JSON.parse(json) as ChanceryRecord);
      this.db.transaction(() => this.index.indexRecords(records))();
      after = records.at(-1)?.id ?? after;
    }
    this.index.compact();
    this.index.markCurrent();
  }

  /** A record as readers see it: resolved relations added, linked authorities as reconciled. */
  private present(record: ChanceryRecord): ChanceryRecord {
    return this.reconciled.present(this.relations.withResolved(record));
  }

  async *exportHistories(): AsyncIterable<RecordHistory> {
    yield* readHistories(this.db);
  }

  async importHistories(histories: RecordHistory[]): Promise<void> {
    writeHistories(this.db, this.index, histories);
  }

  async *streamSources(): AsyncIterable<StoredSource> {
    yield* readSources(this.db);
  }

  async getReconciliation(): Promise<Reconciliation> {
    return this.reconciled.saved();
  }

  async checkIntegrity(): Promise<string[]> {
    const integrity = this.prepared('PRAGMA integrity_check').pluck().all() as string[];
    const foreignKeys = this.prepared('PRAGMA foreign_key_check').all() as {
      table: string;
      rowid: number;
    }[];
    // The index holds the records readers see, and nothing else: an entry of a hidden record would show it.
    const { unindexed, orphans } = this.prepared(
      `SELECT (SELECT count(*) FROM public_records r WHERE NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.record_id = r.id)) AS unindexed,
              (SELECT count(*) FROM search_docs d WHERE NOT EXISTS (SELECT 1 FROM public_records r WHERE r.id = d.record_id)) AS orphans`,
    ).get() as { unindexed: number; orphans: number };
    return [
      ...integrity.filter((line) => line !== 'ok'),
      ...foreignKeys.map((fk) => `foreign key violation in ${fk.table}, row ${fk.rowid}`),
      ...(unindexed ? [`${unindexed} published records have no search index entry`] : []),
      ...(orphans ? [`${orphans} search index entries have no published record`] : []),
    ];
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
