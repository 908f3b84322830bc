import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AccountStore } from './accounts/accounts.types.ts';
import type { AuditLog } from './accounts/audit.types.ts';
import { ChanceryError } from './errors.ts';
import { READERS } from './ingest/formats/format.readers.ts';
import type { FormatReader } from './ingest/formats/format.types.ts';
import type { JobQueue, RetryPolicy } from './jobs/job-queue.types.ts';
import { syncAuthorities } from './names/authorities.sync.ts';
import { AuthorityIndex } from './names/authority.index.ts';
import { loadAuthorities } from './names/authority.loader.ts';
import { SEARCH_BUDGET_MS } from './search/search.budget.ts';
import type { SearchIndex } from './search/search-index.types.ts';
import { isPostgresUrl, redact } from './store/postgres/postgres.url.ts';
import { openSqliteArchive } from './store/sqlite/sqlite.store.ts';
import type { Store } from './store/store.types.ts';

/** The one place where implementations are chosen and wired. */

export const DEFAULT_DB = './data/chancery.db';
export const SAMPLE_DIR = new URL('../data/sample/', import.meta.url).pathname;

export interface App {
  /** The archive's store and index: on PostgreSQL, the primary, where every write goes. */
  store: Store;
  search: SearchIndex;
  /** What the reading room and the API read through: a replica's while it is up to date, else the same as `store` and `search`. */
  reader: { store: Store; search: SearchIndex };
  jobs: JobQueue;
  /** Accounts, sessions and API tokens, and the audit log of every change: on the primary. */
  accounts: AccountStore;
  audit: AuditLog;
  authorities: AuthorityIndex;
  readers: FormatReader[];
  close(): Promise<void>;
}

/** How a server's searches run: in how many threads (SQLite), within what time. */
export interface SearchOptions {
  searchThreads?: number;
  searchBudgetMs?: number;
}

/** How background jobs are retried, and how often an idle worker looks for one. */
export interface JobOptions {
  retry?: RetryPolicy;
  pollMs?: number;
}

/**
 * Opens the store, its search index and its job queue that `db` names: a `postgres://` (or
 * `postgresql://`) URL is a PostgreSQL database, created and migrated on first use; a file path,
 * `sqlite:FILE` or `:memory:` is a SQLite database. A server asks for `searchThreads` (SQLite's
 * searches then run in worker threads) and a `searchBudgetMs` that no search may exceed (on
 * PostgreSQL, the statement timeout of its searches).
 *
 * @example const { store, search, jobs } = await openArchive('sqlite:./data/chancery.db');
 */
export async function openArchive(
  db: string,
  options: SearchOptions & { jobs?: JobOptions; pageCacheMb?: number } = {},
): Promise<{ store: Store; search: SearchIndex; jobs: JobQueue; accounts: AccountStore; audit: AuditLog }> {
  // Loaded for a PostgreSQL archive only: pg, pg-boss and the backend take 7 MB in every process
  // and thread that loads them, and a SQLite archive never needs them.
  if (isPostgresUrl(db))
    return (await import('./store/postgres/postgres.store.ts')).openPostgresArchive(db, options);
  const path = db.startsWith('sqlite:') ? db.slice('sqlite:'.length) : db;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqliteArchive(path, options);
}

/**
 * Opens the archive: the store and its search index at `db` (default `./data/chancery.db`, or
 * `CHANCERY_DB`; see `openArchive`), and the authority file that ships with Chancery merged with
 * the authorities ingested into the store. With `readDb`, a streaming replica of a PostgreSQL
 * primary, `reader` reads from the replica while it keeps up (src/store/postgres/replica.monitor.ts),
 * and changes of where reads go are said through `log`.
 *
 * @example const app = await openApp({ db: ':memory:' });
 */
export async function openApp(
  options: {
    db?: string;
    readDb?: string;
    jobs?: JobOptions;
    /** How far a replica may lag before reads go to the primary (default 5 s), and how often that is checked (1 s). */
    replica?: { maxLagMs?: number; checkEveryMs?: number };
    log?: (message: string) => void;
    /** On SQLite, the page cache of this process's connection (default 16 MB). */
    pageCacheMb?: number;
  } & SearchOptions = {},
): Promise<App> {
  const db = options.db ?? process.env.CHANCERY_DB ?? DEFAULT_DB;
  if (options.readDb && !(isPostgresUrl(db) && isPostgresUrl(options.readDb))) {
    throw new ChanceryError(
      'store.url',
      `--read-db ${redact(options.readDb)} must be a postgres:// replica of a PostgreSQL archive (--db postgres://…), not of ${redact(db)}.`,
    );
  }
  const { store, search, jobs, accounts, audit } = await openArchive(db, options);
  const replica = options.readDb ? await openReplica(db, options.readDb, { store, search }, options) : null;
  // The authority file, then, once the archive has reconciled its sources, the people, places and
  // bodies as reconciled (they include the authority file's).
  const authorities = new AuthorityIndex(loadAuthorities());
  await syncAuthorities({ store, authorities });
  const close = async () => {
    await jobs.close();
    await replica?.close();
    await search.close();
    await store.close();
  };
  const reader = replica?.reader ?? { store, search };
  return { store, search, reader, jobs, accounts, audit, authorities, readers: READERS, close };
}

/** The replica, watched, and what reads through it while it keeps up (else through `primary`). */
async function openReplica(
  url: string,
  readDb: string,
  primary: { store: Store; search: SearchIndex },
  options: {
    replica?: { maxLagMs?: number; checkEveryMs?: number };
    log?: (message: string) => void;
  } & SearchOptions,
) {
  const [{ openPostgresReplica }, { ReplicaMonitor }, { routeReads }] = await Promise.all([
    import('./store/postgres/postgres.store.ts'),
    import('./store/postgres/replica.monitor.ts'),
    import('./store/postgres/replica.route.ts'),
  ]);
  const budgetMs = options.searchBudgetMs ?? (options.searchThreads ? SEARCH_BUDGET_MS : undefined);
  const replica = openPostgresReplica(readDb, budgetMs ? { searchBudgetMs: budgetMs } : {});
  const monitor = new ReplicaMonitor({
    primary: url,
    replica: readDb,
    ...options.replica,
    log: options.log ?? ((message) => process.stderr.write(`${message}\n`)),
  });
  await monitor.start();
  return {
    reader: routeReads({ primary, replica, monitor }),
    close: async () => {
      await monitor.close();
      await replica.close();
    },
  };
}

/** The database an archive command works on: `--db`, else `CHANCERY_DB`, else the default. */
export function archiveLocation(db?: string): string {
  return db ?? process.env.CHANCERY_DB ?? DEFAULT_DB;
}

/**
 * Backs the archive up to `file` while it is in use (a server reading, an ingest writing): for
 * SQLite, the online backup API (`size` in pages); for PostgreSQL, pg_dump's custom format (in bytes).
 *
 * @example await backupArchive({ db: './data/chancery.db', file: 'backup.db' });
 */
export async function backupArchive(options: { db?: string; file: string }): Promise<{ size: string }> {
  const db = archiveLocation(options.db);
  if (isPostgresUrl(db)) {
    const { backupPostgres } = await import('./store/postgres/postgres.backup.ts');
    const { bytes } = await backupPostgres(db, options.file);
    return { size: `${bytes} bytes` };
  }
  const { backupSqlite } = await import('./store/sqlite/sqlite.backup.ts');
  const { pages } = await backupSqlite(sqlitePath(db), options.file);
  return { size: `${pages} pages` };
}

/** Replaces the archive with a backup `backupArchive` made, once it has checked the backup is whole. */
export async function restoreArchive(options: { db?: string; file: string }): Promise<{ size: string }> {
  const db = archiveLocation(options.db);
  if (isPostgresUrl(db)) {
    const { restorePostgres } = await import('./store/postgres/postgres.backup.ts');
    const { bytes } = await restorePostgres(db, options.file);
    return { size: `${bytes} bytes` };
  }
  const { restoreSqlite } = await import('./store/sqlite/sqlite.backup.ts');
  const path = sqlitePath(db);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { pages } = await restoreSqlite(path, options.file);
  return { size: `${pages} pages` };
}

function sqlitePath(db: string): string {
  return db.startsWith('sqlite:') ? db.slice('sqlite:'.length) : db;
}

/**
 * Where uploads are written before their ingest job reads them: `CHANCERY_UPLOADS`, else an
 * `uploads` folder beside a SQLite file, else `./data/uploads`. Several machines serving one
 * PostgreSQL archive share it (a network folder), as the job that reads a file may run on another.
 */
export function uploadsDirFor(db?: string): string {
  if (process.env.CHANCERY_UPLOADS) return process.env.CHANCERY_UPLOADS;
  const location = archiveLocation(db);
  if (isPostgresUrl(location) || location === ':memory:') return './data/uploads';
  return join(
    dirname(location.startsWith('sqlite:') ? location.slice('sqlite:'.length) : location),
    'uploads',
  );
}
