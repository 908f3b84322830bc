/**
 * Versioned schema of the SQLite store. A migration, once released, is never edited: a change to
 * the schema is a new entry at the end. Each runs in its own transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'records, versions, sources, collections, authorities',
    sql: `
      CREATE TABLE sources (
        sha256     TEXT PRIMARY KEY,
        file_name  TEXT NOT NULL,
        format     TEXT NOT NULL,
        size       INTEGER NOT NULL,
        bytes      BLOB NOT NULL,
        stored_at  TEXT NOT NULL
      );
      -- The current version of each record. Earlier versions move to record_versions.
      CREATE TABLE records (
        id                TEXT PRIMARY KEY,
        version           INTEGER NOT NULL,
        title             TEXT NOT NULL,
        type              TEXT NOT NULL,
        date_display      TEXT NOT NULL,
        date_min          TEXT,
        date_max          TEXT,
        original_language TEXT,
        -- No foreign key: a record imported from a Chancery JSON export names a source held elsewhere.
        source_sha256     TEXT NOT NULL,
        json              TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );
      CREATE INDEX records_by_date ON records(date_min, id);
      CREATE TABLE record_versions (
        record_id     TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        version       INTEGER NOT NULL,
        source_sha256 TEXT NOT NULL,
        json          TEXT NOT NULL,
        saved_at      TEXT NOT NULL,
        PRIMARY KEY (record_id, version)
      );
      CREATE TABLE collections (
        id   TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );
      CREATE TABLE collection_members (
        collection_id TEXT NOT NULL,
        record_id     TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        PRIMARY KEY (collection_id, record_id)
      );
      CREATE INDEX collection_members_in_order ON collection_members(collection_id, position);
      CREATE TABLE authorities (
        id   TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX authorities_by_kind ON authorities(kind, name);
    `,
  },
  {
    version: 2,
    name: 'full-text search index and facets',
    sql: `
      -- One row per indexed record; its rowid is the FTS5 rowid. \`seq\` orders the changes to the
      -- index, so that a process holding facets in memory reads only what changed since.
      CREATE TABLE search_docs (
        rowid     INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        date_min  TEXT,
        date_max  TEXT,
        seq       INTEGER NOT NULL
      );
      CREATE INDEX search_docs_by_date ON search_docs(date_min);
      CREATE INDEX search_docs_by_seq ON search_docs(seq);
      CREATE TABLE search_removed (
        doc INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL
      );
      CREATE INDEX search_removed_by_seq ON search_removed(seq);
      CREATE TABLE search_seq (value INTEGER NOT NULL);
      INSERT INTO search_seq VALUES (0);
      -- Contentless: the analyzed terms are indexed, not stored; snippets come from the record.
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, names, summary, body,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
      );
      CREATE TABLE search_facets (
        doc   INTEGER NOT NULL,
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (facet, value, doc)
      ) WITHOUT ROWID;
      CREATE INDEX search_facets_by_doc ON search_facets(doc, facet);
    `,
  },
  {
    version: 3,
    name: 'relations resolved across records',
    sql: `
      -- Relations Chancery resolved across records (reply-to, same-as, attachment-of): they change
      -- when other records arrive, so they live beside the record's JSON, not in its versions.
      CREATE TABLE record_relations (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        type      TEXT NOT NULL,
        target    TEXT NOT NULL,
        json      TEXT NOT NULL,
        PRIMARY KEY (record_id, type, target)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'collection members by record',
    sql: `
      -- Saving a record replaces its memberships by record id: without this index each save
      -- scanned every membership, and ingest slowed down as the archive grew.
      CREATE INDEX collection_members_by_record ON collection_members(record_id);
    `,
  },
  {
    version: 5,
    name: 'reconciled authorities',
    sql: `
      -- People, places and bodies as reconciled from the authorities of each source
      -- (src/names/authorities.reconcile.ts). Records link the authorities their sources gave
      -- (\`authorities\`); \`authority_members\` says which reconciled authority each stands for.
      CREATE TABLE reconciled_authorities (
        id       TEXT PRIMARY KEY,
        kind     TEXT NOT NULL,
        name     TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        json     TEXT NOT NULL
      );
      CREATE INDEX reconciled_authorities_by_kind ON reconciled_authorities(kind, sort_key);
      CREATE TABLE authority_members (
        member_id    TEXT PRIMARY KEY,
        authority_id TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX authority_members_by_authority ON authority_members(authority_id);
      -- Matches reconciliation did not make on its own, for an editor (\`chancery people --review\`).
      CREATE TABLE authority_review (
        member_id TEXT PRIMARY KEY,
        json      TEXT NOT NULL
      );
      -- Counts reconciliations that changed something: a process holding them in memory reloads.
      CREATE TABLE reconciliation_version (value INTEGER NOT NULL);
      INSERT INTO reconciliation_version VALUES (0);
    `,
  },
  {
    version: 6,
    name: 'names in capitals, the vocabulary of names, and the version of the index',
    sql: `
      -- The full-text index again, with a column for the words of names as the texts write them
      -- (capitalized runs): a query in another script or romanization matches there only, so
      -- "Risk" at the head of a sentence is no variant of "Rusk". No prefix index: it served
      -- prefixes of two and three letters only, and cost a twelfth of ingest.
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, names, summary, body, capitals,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      DELETE FROM search_facets;
      DELETE FROM search_removed;
      DELETE FROM search_docs;
      UPDATE search_seq SET value = value + 1;
      -- Every form in which the texts write a name, once, and the keys under which its spellings in
      -- other scripts and romanizations meet (src/names/translit/name.keys.ts).
      CREATE TABLE search_name_forms (form TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE search_name_keys (
        key  TEXT NOT NULL,
        form TEXT NOT NULL,
        -- The form's longest word as indexed: how often the texts write it (search_vocab).
        term TEXT NOT NULL,
        -- latin, cyrillic, han or hangul: spellings by sound are looked for in other scripts only.
        script TEXT NOT NULL,
        PRIMARY KEY (key, form)
      ) WITHOUT ROWID;
      -- How many documents write each term, per column: how common a name is, to choose among
      -- spellings that only sound alike.
      CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'col');
      -- What the index was built with: the store indexes every record again when the code's
      -- analysis is newer (src/search/sqlite/sqlite.search.ts, INDEX_VERSION).
      CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO search_state VALUES ('index_version', '0');
    `,
  },
  {
    version: 7,
    name: 'deleted records and records by time of change (OAI-PMH)',
    sql: `
      -- A record removed from the archive answers as deleted to harvesters for ever (OAI-PMH
      -- deletedRecord "persistent"): its id, when it went, and the sets it was in.
      CREATE TABLE record_deletions (
        id          TEXT PRIMARY KEY,
        type        TEXT NOT NULL,
        collections TEXT NOT NULL,
        deleted_at  TEXT NOT NULL
      );
      CREATE INDEX record_deletions_by_time ON record_deletions(deleted_at, id);
      -- Harvesting walks records by their last change, then id.
      CREATE INDEX records_by_change ON records(updated_at, id);
    `,
  },
  {
    version: 8,
    name: 'background jobs',
    sql: `
      -- The job queue of an archive on SQLite (src/jobs/sqlite/sqlite.job-queue.ts). A worker
      -- holds a running job by its lease, renewed while it runs: a job whose lease ran out was
      -- left by a process that stopped, and is taken again.
      CREATE TABLE jobs (
        id             TEXT PRIMARY KEY,
        kind           TEXT NOT NULL,
        data           TEXT NOT NULL,
        state          TEXT NOT NULL,
        attempts       INTEGER NOT NULL DEFAULT 0,
        max_attempts   INTEGER NOT NULL,
        retry_delay_s  REAL NOT NULL,
        run_after      TEXT NOT NULL,
        lease_until    TEXT,
        last_error     TEXT,
        progress       TEXT,
        created_at     TEXT NOT NULL,
        started_at     TEXT,
        finished_at    TEXT
      );
      CREATE INDEX jobs_runnable ON jobs(state, run_after);
      CREATE INDEX jobs_by_creation ON jobs(created_at);
    `,
  },
  {
    version: 9,
    name: 'records in the order they were added',
    sql: `
      -- The home page lists the latest additions: read from an index, not sorted from every record.
      CREATE INDEX records_by_added ON records(created_at DESC, id);
    `,
  },
  {
    version: 10,
    name: 'accounts, sessions, API tokens, failed logins, the audit log',
    sql: `
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'admin')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL
      );
      -- Sessions and tokens are kept as digests of the secret the browser or script holds.
      CREATE TABLE sessions (
        digest     TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        address    TEXT NOT NULL
      );
      CREATE INDEX sessions_by_user ON sessions(user_id);
      CREATE TABLE api_tokens (
        id         TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        scope      TEXT NOT NULL CHECK (scope IN ('read', 'write')),
        digest     TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE login_failures (
        key TEXT NOT NULL,
        at  TEXT NOT NULL
      );
      CREATE INDEX login_failures_by_key ON login_failures(key, at);
      -- At most one: the token printed on first start, which creates the first admin.
      CREATE TABLE setup_token (
        one        INTEGER PRIMARY KEY CHECK (one = 1),
        digest     TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        target  TEXT NOT NULL,
        detail  TEXT NOT NULL,
        reason  TEXT NOT NULL,
        address TEXT NOT NULL
      );
      CREATE INDEX audit_by_actor ON audit_log(actor, seq);
      CREATE INDEX audit_by_target ON audit_log(target, seq);
      -- Append-only: the database itself refuses to rewrite the log.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 11,
    name: "editors' corrections as versions, and source readings held for review",
    sql: `
      -- Who made a version by hand, and why; a version without a row here came from a source file.
      CREATE TABLE record_edits (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        version   INTEGER NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('edit', 'restore', 'source')),
        editor    TEXT NOT NULL,
        note      TEXT NOT NULL,
        at        TEXT NOT NULL,
        PRIMARY KEY (record_id, version)
      );
      -- A changed source file of a corrected record: its reading waits for an editor here.
      CREATE TABLE record_held (
        record_id     TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        source_sha256 TEXT NOT NULL,
        json          TEXT NOT NULL,
        held_at       TEXT NOT NULL
      );
    `,
  },
  {
    version: 12,
    name: 'publication: draft, embargoed, withdrawn; the time harvesters see a change',
    sql: `
      -- Who sees a record (src/store/record.publication.ts). A record without a row is published;
      -- every public surface reads through public_records (below), and the search index holds
      -- public records only.
      CREATE TABLE record_publication (
        record_id  TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
        state      TEXT NOT NULL CHECK (state IN ('draft', 'restricted', 'published', 'embargoed', 'withdrawn')),
        until      TEXT,
        reason     TEXT,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
      );
      CREATE INDEX record_publication_by_state ON record_publication(state, until);
      -- A record's last change as harvesters see it: a new version, or its publication set again
      -- (updated_at stays the time of the current version).
      ALTER TABLE records ADD COLUMN changed_at TEXT;
      UPDATE records SET changed_at = updated_at;
      DROP INDEX records_by_change;
      CREATE INDEX records_by_change ON records(changed_at, id);
      -- The records readers see: the one definition of "public" the store's queries share.
      CREATE VIEW public_records AS SELECT r.* FROM records r WHERE NOT EXISTS (
        SELECT 1 FROM record_publication p WHERE p.record_id = r.id AND p.state <> 'published');
    `,
  },
  {
    version: 13,
    name: "editors' decisions on authorities: merges, splits, names",
    sql: `
      -- Applied in order after every reconciliation (src/names/authority.decisions.ts), so that
      -- an editor's merge or split survives the next ingest. Each names source authorities by
      -- their member ids, which reconciling again never changes.
      CREATE TABLE authority_decisions (
        seq      INTEGER PRIMARY KEY AUTOINCREMENT,
        decision TEXT NOT NULL,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        note     TEXT NOT NULL
      );
    `,
  },
];
