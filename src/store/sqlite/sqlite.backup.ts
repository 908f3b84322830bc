import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ChanceryError } from '../../errors.ts';

/**
 * A copy of the archive at `db` in `file`, by SQLite's online backup API: consistent at one
 * moment, taken while a server reads and an ingest writes (in WAL mode neither waits on it). The
 * copy is written beside `file` and renamed into place when whole, so a backup stopped half-way
 * leaves no file that looks like one.
 *
 * @example await backupSqlite('./data/chancery.db', './chancery-2025-01-31.db');
 */
export async function backupSqlite(db: string, file: string): Promise<{ pages: number }> {
  if (!existsSync(db)) throw new ChanceryError('store.not_found', `${db}: no database to back up.`);
  const source = new Database(db, { readonly: true, fileMustExist: true });
  const partial = `${file}.partial`;
  try {
    // All remaining pages in one step: the copy is made within one read of the source, so a
    // writer cannot make the backup start over (and over, under a busy ingest).
    const result = await source.backup(partial, {
      progress: ({ remainingPages }) => Math.max(remainingPages, 1),
    });
    renameSync(partial, file);
    return { pages: result.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/**
 * Replaces the archive at `db` with the backup in `file`, after checking that the backup is a
 * whole Chancery database (SQLite's integrity check, and its schema table). By the same backup
 * API, so that a process that has the archive open sees the old archive or the new one, never a
 * mixture; stop the server first all the same, so that no ingest writes between the two.
 *
 * @example await restoreSqlite('./data/chancery.db', './chancery-2025-01-31.db');
 */
export async function restoreSqlite(db: string, file: string): Promise<{ pages: number }> {
  if (!existsSync(file)) throw new ChanceryError('store.not_found', `${file}: no such backup file.`);
  let backup: Database.Database;
  try {
    backup = new Database(file, { readonly: true, fileMustExist: true });
    backup.pragma('schema_version');
  } catch {
    throw new ChanceryError(
      'store.backup_invalid',
      `${file} is not a SQLite database; nothing was restored.`,
    );
  }
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    const chancery = backup
      .prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'records')",
      )
      .pluck()
      .get();
    if (integrity !== 'ok' || chancery !== 2) {
      throw new ChanceryError(
        'store.backup_invalid',
        `${file} is ${integrity !== 'ok' ? `damaged (${String(integrity)})` : 'not a Chancery archive'}; nothing was restored.`,
      );
    }
    const result = await backup.backup(db, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
    return { pages: result.totalPages };
  } finally {
    backup.close();
  }
}
