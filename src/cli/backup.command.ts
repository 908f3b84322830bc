import type { Command } from 'commander';
import { redact } from '../store/postgres/postgres.url.ts';

/**
 * `chancery backup FILE` and `chancery restore FILE`: a copy of the archive taken while it is in
 * use, and the archive replaced by such a copy.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Copy the archive to FILE, consistent at one moment, while a server reads and an ingest writes (SQLite online backup; pg_dump for PostgreSQL).',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const { archiveLocation, backupArchive } = await import('../app.ts');
      const { size } = await backupArchive({ ...(db ? { db } : {}), file });
      process.stdout.write(`backed up ${redact(archiveLocation(db))} to ${file} (${size})\n`);
    });
  program
    .command('restore <file>')
    .description(
      'Replace the archive with the backup in FILE (made by `chancery backup` of the same kind of archive), once it is checked whole; on PostgreSQL in one transaction. Stop the server and any ingest first.',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const { archiveLocation, restoreArchive } = await import('../app.ts');
      const { size } = await restoreArchive({ ...(db ? { db } : {}), file });
      process.stdout.write(`restored ${redact(archiveLocation(db))} from ${file} (${size})\n`);
    });
}
