import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { archivePageMarkdownReader } from './ingest/formats/archive-page-markdown.reader.ts';
import { archivePagePdfReader } from './ingest/formats/archive-page-pdf.reader.ts';
import { archivePagePdfTextReader } from './ingest/formats/archive-page-pdf-text.reader.ts';
import { archivePageTextReader } from './ingest/formats/archive-page-text.reader.ts';
import { chanceryJsonReader } from './ingest/formats/chancery-json.reader.ts';
import type { FormatReader } from './ingest/formats/format.types.ts';
import { teiChanceryReader } from './ingest/formats/tei-chancery.reader.ts';
import { teiFrusReader } from './ingest/formats/tei-frus.reader.ts';
import { AuthorityIndex } from './names/authority.index.ts';
import { loadAuthorities } from './names/authority.loader.ts';
import type { SearchIndex } from './search/search-index.types.ts';
import { openSqliteArchive } from './store/sqlite/sqlite.store.ts';
import type { Store } from './store/store.types.ts';

/** The one place where implementations are chosen and wired. */

export const DEFAULT_DB = './data/chancery.db';
export const SAMPLE_DIR = new URL('../data/sample/', import.meta.url).pathname;

/** Every input format Chancery reads; detection picks the best-scoring one per file. */
export const READERS: FormatReader[] = [
  archivePageTextReader,
  archivePageMarkdownReader,
  archivePagePdfTextReader,
  archivePagePdfReader,
  teiFrusReader,
  teiChanceryReader,
  chanceryJsonReader,
];

export interface App {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  readers: FormatReader[];
  close(): Promise<void>;
}

/**
 * Opens the archive: the store and its search index at `db` (default `./data/chancery.db`, or `CHANCERY_DB`), and the
 * authority file that ships with Chancery merged with the authorities ingested into the store.
 * A server asks for `searchThreads`: its searches then run in worker threads, each within a time
 * budget, and never hold the thread that serves pages.
 *
 * @example const app = await openApp({ db: ':memory:' });
 */
export async function openApp(
  options: { db?: string; searchThreads?: number; searchBudgetMs?: number } = {},
): Promise<App> {
  const db = options.db ?? process.env.CHANCERY_DB ?? DEFAULT_DB;
  if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
  const { store, search } = openSqliteArchive(db, options);
  // The authority file, then, once the archive has reconciled its sources, the people, places and
  // bodies as reconciled (they include the authority file's).
  const authorities = new AuthorityIndex(loadAuthorities());
  const reconciled = await store.listReconciled();
  if (reconciled.length > 0) authorities.reset(reconciled);
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
  return backupSqlite(archiveLocation(options.db), options.file);
}

/** Replaces the archive with a backup `backupArchive` made, once it has checked the backup is whole. */
export async function restoreArchive(options: { db?: string; file: string }): Promise<{ pages: number }> {
  const { restoreSqlite } = await import('./store/sqlite/sqlite.backup.ts');
  const db = archiveLocation(options.db);
  if (db !== ':memory:') mkdirSync(dirname(db), { recursive: true });
  return restoreSqlite(db, options.file);
}
