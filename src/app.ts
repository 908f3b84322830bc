import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChanceryError } from './errors.ts';
import { READERS } from './ingest/formats/format.readers.ts';
import type { FormatReader } from './ingest/formats/format.types.ts';
import { AuthorityIndex } from './names/authority.index.ts';
import { loadAuthorities } from './names/authority.loader.ts';
import type { SearchIndex } from './search/search-index.types.ts';
import { openPostgresArchive } from './store/postgres/postgres.store.ts';
import { isPostgresUrl } from './store/postgres/postgres.url.ts';
import { openSqliteArchive } from './store/sqlite/sqlite.store.ts';
import type { Store } from './store/store.types.ts';

/** The one place where implementations are chosen and wired. */

export const DEFAULT_DB = './data/chancery.db';
export const SAMPLE_DIR = new URL('../data/sample/', import.meta.url).pathname;

import { syncAuthorities } from './names/authorities.sync.ts';
export interface App {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  readers: FormatReader[];
  close(): Promise<void>;
}

/**
 * Opens the store and its search index that `db` names: a `postgres://` (or `postgresql://`)
 * URL is a PostgreSQL database, created and migrated on first use; a file path, `sqlite:FILE` or
 * `:memory:` is a SQLite database. A server asks for `searchThreads` (SQLite's searches then run
 * in worker threads) and a `searchBudgetMs` that no search may exceed (on PostgreSQL, the
 * statement timeout of its searches).
 *
 * @example const { store, search } = await openArchive('sqlite:./data/chancery.db');
 */
export async function openArchive(
  db: string,
  options: SearchOptions = {},
): Promise<{ store: Store; search: SearchIndex }> {
  if (isPostgresUrl(db)) return openPostgresArchive(db, options);
  const path = db.startsWith('sqlite:') ? db.slice('sqlite:'.length) : db;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqliteArchive(path, options);
}

/** How a server's searches run: in how many threads (SQLite), within what time. */
export interface SearchOptions {
  searchThreads?: number;
  searchBudgetMs?: number;
}

/**
 * Opens the archive: the store and its search index at `db` (default `./data/chancery.db`, or
 * `CHANCERY_DB`; see `openArchive`), and the authority file that ships with Chancery merged with
 * the authorities ingested into the store.
 *
 * @example const app = await openApp({ db: ':memory:' });
 */
export async function openApp(options: { db?: string } & SearchOptions = {}): Promise<App> {
  const db = options.db ?? process.env.CHANCERY_DB ?? DEFAULT_DB;
  const { store, search } = await openArchive(db, options);
  // The authority file, then, once the archive has reconciled its sources, the people, places and
  // bodies as reconciled (they include the authority file's).
  const authorities = new AuthorityIndex(loadAuthorities());
  await syncAuthorities({ store, authorities });
  const close = async () => {
    await search.close();
    await store.close();
  };
  return { store, search, authorities, readers: READERS, close };
}

/** The database an archive command works on: `--db`, else `CHANCERY_DB`, else the default. */
export function archiveLocation(db?: string): string {
  return db ?? process.env.CHANCERY_DB ?? DEFAULT_DB;
}

/**
 * Backs the archive up to `file` while it is in use (a server reading, an ingest writing): for
 * SQLite, the online backup API.
 *
 * @example await backupArchive({ db: './data/chancery.db', file: 'backup.db' });
 */
export async function backupArchive(options: { db?: string; file: string }): Promise<{ pages: number }> {
  const { backupSqlite } = await import('./store/sqlite/sqlite.backup.ts');
  return backupSqlite(sqlitePath(archiveLocation(options.db), 'backup'), options.file);
}

/** Replaces the archive with a backup `backupArchive` made, once it has checked the backup is whole. */
export async function restoreArchive(options: { db?: string; file: string }): Promise<{ pages: number }> {
  const { restoreSqlite } = await import('./store/sqlite/sqlite.backup.ts');
  const db = sqlitePath(archiveLocation(options.db), 'restore');
  if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
  return restoreSqlite(db, options.file);
}

/** The file of a SQLite archive; PostgreSQL's own tools (pg_dump, pg_restore) back it up for now. */
function sqlitePath(db: string, command: 'backup' | 'restore'): string {
  if (isPostgresUrl(db)) {
    throw new ChanceryError(
      'cli.usage',
      `chancery ${command} works on SQLite archives; for the PostgreSQL archive ${db.replace(/\/\/[^@/]*@/, '//')}, use ${command === 'backup' ? 'pg_dump --format=custom' : 'pg_restore --clean'}.`,
    );
  }
  return db.startsWith('sqlite:') ? db.slice('sqlite:'.length) : db;
}
