import type { AuditInput } from '../accounts/audit.types.ts';
import type { Reconciliation } from '../names/authorities.reconcile.ts';
import type { AuthorityDecisionEntry } from '../names/authority.decisions.ts';
import type { ReviewItem } from '../names/people.reconcile.ts';
import type {
  Authority,
  AuthorityKind,
  ChanceryRecord,
  Collection,
  Relation,
} from '../record/record.types.ts';
import type { IndexDocument } from '../search/index-document.build.ts';
import type { Publication } from './record.publication.ts';

/** Which reconciled authorities to list: a kind, names beginning so (A–Z), any form containing a text. */
export interface ReconciledQuery {
  kind?: AuthorityKind;
  startsWith?: string;
  contains?: string;
  limit?: number;
  offset?: number;
}

/**
 * What a save may be given beside the records: their index documents, analyzed ahead of it (in a
 * reader thread while the writer saves, src/ingest/prepare.pool.ts) so that the writer only writes.
 */
export interface SaveOptions {
  /** `documents[i]` is `buildIndexDocument(records[i])`; the store analyzes the records itself when absent. */
  documents?: readonly IndexDocument[];
}

/** One record as the store holds it, for copying an archive: every version as saved, and its resolved relations. */
export interface RecordHistory {
  id: string;
  /** When the record was first saved (`listRecords({ order: 'added' })`). */
  createdAt: string;
  /** Oldest first; the last is the current version. Records as saved, not as reconciled. */
  versions: (RecordVersion & { record: ChanceryRecord })[];
  /** The relations resolved across records (`saveRelations`). */
  relations: Relation[];
  /** The last change harvesters saw (a version, or the publication set again). */
  changedAt: string;
  /** Set when an editor set it; absent, the record is published. */
  publication?: Publication;
}

/** What saving a record did. */
/**
 * What saving did: a new record, a new version, nothing (the same record), or, for a record an
 * editor corrected, nothing yet: its source file changed and the new reading is held for an
 * editor (`getHeld`), so that a re-ingest never overwrites a correction silently.
 */
export type SaveOutcome = 'ingested' | 'updated' | 'unchanged' | 'held';

/** A version made by hand: an editor's correction, a restored version, or a held source reading taken. */
export interface RecordEdit {
  kind: 'edit' | 'restore' | 'source';
  /** The account's name. */
  editor: string;
  /** Why, as the editor said it. */
  note: string;
  at: string;
}

/** A changed source file of a corrected record: its reading, held for an editor. */
export interface HeldReading {
  recordId: string;
  sourceSha256: string;
  record: ChanceryRecord;
  heldAt: string;
}

/** The original file a record was read from, kept byte for byte. */
export interface StoredSource {
  sha256: string;
  fileName: string;
  format: string;
  bytes: Buffer;
}

export interface RecordVersion {
  version: number;
  sha256: string;
  savedAt: string;
  /** Present when the version was made by hand. */
  edit?: RecordEdit;
}

export interface RecordSummary {
  id: string;
  title: string;
  type: string;
  dateDisplay: string;
  dateMin: string | null;
  /** Latest date the document can bear: equal to `dateMin` for a document dated to the day. */
  dateMax?: string | null;
  originalLanguage: string | null;
  version: number;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** Only records of this collection, in collection order. */
  collectionId?: string;
  /** `date` (the default): by date, undated last; `added`: the most recently ingested first. */
  order?: 'date' | 'added';
  /** Also the records readers do not see (drafts, embargoed, withdrawn): for editors and the command line. */
  unpublished?: boolean;
}

/** Whether a read may give records that readers do not see; without it, only published ones. */
export interface ReadScope {
  unpublished?: boolean;
}

/** A record readers do not see, for the editors' list. */
export interface UnpublishedRecord extends Publication {
  id: string;
  title: string;
}

/** Which changes to list: a window of time of change, a set, one id, and where the last page stopped. */
export interface ChangeQuery {
  /** ISO date-times, inclusive: changes made at or after `from`, at or before `until`. */
  from?: string;
  until?: string;
  collection?: string;
  /** Only records that belong to some collection (the parent of every collection set). */
  inSomeCollection?: boolean;
  type?: string;
  id?: string;
  /** Only changes after this one, in the order of the listing (time of change, then id). */
  after?: { changedAt: string; id: string };
  limit: number;
}

/** A record's last change: saved (with the sets it is in now) or deleted (with those it was in). */
export interface RecordChange {
  id: string;
  /** ISO date-time of the change. */
  changedAt: string;
  deleted: boolean;
  type: string;
  collections: string[];
}

/** The records on either side of one in some order; null at either end. */
export interface RecordNeighbours {
  previous: RecordSummary | null;
  next: RecordSummary | null;
}

/** Where a record stands among the others: in date order, and in each collection it belongs to. */
export interface RecordPlacement {
  /** Undated records have no place in date order: both sides are null. */
  byDate: RecordNeighbours;
  byCollection: ({ collectionId: string; position: number } & RecordNeighbours)[];
}

/** One side of a correspondence: an authority id when the person is known, else the written name. */
export interface Correspondent {
  /** The value search filters on: the authority id, or `n:<normalized name>` (query.resolve.ts). */
  key: string;
  personId: string | null;
  name: string;
}

/** Who wrote to whom, how often, and over what span of dates. */
export interface CorrespondencePair {
  author: Correspondent;
  recipient: Correspondent;
  count: number;
  first: string | null;
  last: string | null;
}

/** One record of a thread between two people, with who wrote it to whom (authority ids). */
export interface CorrespondenceEntry extends RecordSummary {
  /**
   * The authors' and recipients' keys in alphabetical order: the authority id, or `n:` and the
   * normalized written name for a name the authority file does not know.
   */
  authorIds: string[];
  recipientIds: string[];
}

/**
 * The storage port. Everything above the store (ingest, api, web, cli) speaks to this interface
 * only, and to the search port (src/search/search-index.types.ts) for what the index answers;
 * SQLite is the first implementation, and it passes the contract tests (`test/store.contract.ts`).
 * Every method is async so that a networked database can implement it. A store writes its
 * search index in the same transaction as each record, so the two never disagree.
 */
export interface Store {
  /**
   * Saves a record and keeps the earlier version retrievable. A record whose canonical JSON is
   * unchanged is `unchanged` and makes no new version.
   */
  saveRecord(record: ChanceryRecord): Promise<SaveOutcome>;
  /** Saves several records in one transaction (a TEI volume's documents, in batches). */
  saveRecords(records: ChanceryRecord[], options?: SaveOptions): Promise<SaveOutcome[]>;
  /** A record as readers see it; null when there is none, or readers may not see it and the scope does not say so. */
  getRecord(id: string, scope?: ReadScope): Promise<ChanceryRecord | null>;
  /**
   * A record as saved (not as reconciled), the current version or the one asked for, with its
   * number: what an editor corrects and what a restore brings back.
   */
  getSavedRecord(id: string, version?: number): Promise<{ record: ChanceryRecord; version: number } | null>;
  /**
   * Saves an editor's correction as a new version, and its audit entry, in one transaction; the
   * record must still be at `baseVersion` (else `record.conflict`: someone saved meanwhile). A
   * `source` edit takes the held reading, which it drops. `unchanged` (and no entry) when the
   * record is the same.
   */
  saveEdit(
    record: ChanceryRecord,
    edit: RecordEdit & { baseVersion: number },
    audit: AuditInput,
  ): Promise<SaveOutcome>;
  /** The reading of a changed source held for an editor, if any. */
  getHeld(id: string): Promise<HeldReading | null>;
  /** Records with a held reading, the oldest first. */
  listHeld(): Promise<{ recordId: string; heldAt: string }[]>;
  /**
   * Drops a held reading with its audit entry, in one transaction: the editor keeps the
   * correction. False (and no entry) when none was held.
   */
  dropHeld(id: string, audit: AuditInput): Promise<boolean>;
  /**
   * Removes a record, its earlier versions and its index entries; the deletion itself is kept
   * (id, time, sets) and listed by `listChanges`. False when there was none.
   */
  deleteRecord(id: string): Promise<boolean>;
  /**
   * Published records and deleted ones (a record readers no longer see, withdrawn, draft,
   * restricted or embargoed, counts as deleted: only its id, time and sets), by time of their last
   * change and then id, with how many match in all: what OAI-PMH harvests (selective by date and
   * set, resumed after the last one listed).
   */
  listChanges(query: ChangeQuery): Promise<{ total: number; changes: RecordChange[] }>;
  /** A given version of a record (1 is the first ingested). */
  getRecordVersion(id: string, version: number): Promise<ChanceryRecord | null>;
  listVersions(id: string): Promise<RecordVersion[]>;
  listRecords(options?: ListOptions): Promise<RecordSummary[]>;
  countRecords(scope?: ReadScope): Promise<number>;
  /** Summaries of the given published records, in the order asked for; other ids are left out. */
  getRecordSummaries(ids: string[]): Promise<RecordSummary[]>;
  /**
   * The published records before and after one, for a document page's "previous" and "next";
   * null when there is no such record.
   */
  getRecordPlacement(id: string): Promise<RecordPlacement | null>;
  /** Every record, in id order, one at a time: exports never hold the whole archive in memory. */
  streamRecords(scope?: ReadScope): AsyncIterable<ChanceryRecord>;
  /** A record's publication (PUBLISHED when no editor set one); null when there is no such record. */
  getPublication(id: string): Promise<Publication | null>;
  /**
   * A record whoever may see it, with its publication, read together: what a page needs to decide
   * who may have the record, from one state of it. Null when there is no such record.
   */
  getRecordWithPublication(id: string): Promise<{ record: ChanceryRecord; publication: Publication } | null>;
  /**
   * Sets a record's publication with its audit entry, in one transaction: the search index then
   * holds the record if readers see it and not otherwise, and harvesters see the change.
   * `record.not_found` when there is no such record.
   */
  setPublication(
    id: string,
    publication: Pick<Publication, 'state' | 'until' | 'reason'>,
    audit: AuditInput,
  ): Promise<void>;
  /** Publishes every embargoed record whose date is at or before `now` (audited as Chancery's); their ids. */
  releaseEmbargoes(now: Date): Promise<string[]>;
  /** Records readers do not see, the latest change first. */
  listUnpublished(): Promise<UnpublishedRecord[]>;
  /** Editors' decisions on authorities, in the order they were made (src/names/authority.decisions.ts). */
  listAuthorityDecisions(): Promise<AuthorityDecisionEntry[]>;
  /**
   * Keeps a decision after the others, with its audit entry in the same transaction (none for a
   * decision copied from another archive, which has its own). Its seq.
   */
  addAuthorityDecision(entry: Omit<AuthorityDecisionEntry, 'seq'>, audit: AuditInput | null): Promise<number>;
  /**
   * Replaces the relations resolved for a record across the archive (reply-to, same-as,
   * attachment-of). They are not a new version of the record: `getRecord` and `streamRecords`
   * give them after the record's own relations.
   */
  saveRelations(recordId: string, relations: Relation[]): Promise<void>;

  /** Keeps the original bytes under their SHA-256; saving the same bytes twice stores them once. */
  saveSource(source: StoredSource): Promise<void>;
  getSource(sha256: string): Promise<StoredSource | null>;

  saveCollection(collection: Collection): Promise<void>;
  getCollection(id: string): Promise<Collection | null>;
  listCollections(): Promise<Collection[]>;

  /** Saves authorities in one transaction, each replacing the one under its id; how many changed. */
  saveAuthorities(authorities: Authority[]): Promise<number>;
  getAuthority(id: string): Promise<Authority | null>;
  listAuthorities(kind?: AuthorityKind): Promise<Authority[]>;

  /**
   * Replaces the reconciled authorities (src/names/authorities.reconcile.ts), writing only what
   * changed; true when something did. Records read afterwards name each linked authority by its
   * reconciled id and preferred name (`getRecord`, `streamRecords`), the form they used as alias.
   */
  saveReconciliation(reconciliation: Reconciliation): Promise<boolean>;
  /** A number that changes whenever the reconciliation does, by this process or another. */
  reconciliationVersion(): Promise<number>;
  /** A reconciled authority by its id or the id of one of its members. */
  getReconciled(id: string): Promise<Authority | null>;
  /**
   * The reconciled authority each of these members (a source's authority id) belongs to, by
   * member; a member none holds is left out. By member only: after a merge and a split a member's
   * id may be another authority's own, which `getReconciled` gives first.
   */
  getReconciledOfMembers(members: readonly string[]): Promise<Map<string, Authority>>;
  /** Reconciled authorities A–Z (by name, leading article ignored). */
  listReconciled(query?: ReconciledQuery): Promise<Authority[]>;
  countReconciled(query?: ReconciledQuery): Promise<number>;
  /** Matches reconciliation left to an editor. */
  listReview(): Promise<ReviewItem[]>;

  /** Every record with all its versions, in id order, a page at a time: what `chancery copy` moves. */
  exportHistories(): AsyncIterable<RecordHistory>;
  /**
   * Writes records with their versions as another store held them, replacing any of the same id,
   * and indexes their current versions, in one transaction.
   */
  importHistories(histories: RecordHistory[]): Promise<void>;
  /** Every source file, in SHA-256 order, one at a time. */
  streamSources(): AsyncIterable<StoredSource>;
  /** The reconciliation as saved: what `saveReconciliation` takes. */
  getReconciliation(): Promise<Reconciliation>;

  /**
   * Writes the search index entries of up to `limit` records again, those after the id `after` in
   * id order, in one transaction: a reindex goes through the archive a page at a time. The last id
   * written; null when no record was left.
   */
  reindexRecords(page: { after: string; limit: number }): Promise<string | null>;
  /**
   * Compacts the search index once a reindex has gone through the archive, so that searches do
   * not read past what the replaced entries left: on SQLite the FTS5 index merged into one
   * segment in short transactions, on PostgreSQL the index's tables vacuumed and analyzed.
   */
  compactIndex(): Promise<void>;

  /** Checks the database's own consistency; returns the problems found, none when healthy. */
  checkIntegrity(): Promise<string[]>;
  close(): Promise<void>;
}
