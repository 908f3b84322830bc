import type { Command } from 'commander';

/**
 * `chancery backup FILE` and `chancery restore FILE`: a copy of the archive taken while it is in
 * use, and the archive replaced by such a copy.
 */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description(
      'Copy the archive to FILE, consistent at one moment, while a server reads and an ingest writes (SQLite online backup).',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const { archiveLocation, backupArchive } = await import('../app.ts');
      const { pages } = await backupArchive({ ...(db ? { db } : {}), file });
      process.stdout.write(`backed up ${archiveLocation(db)} to ${file} (${pages} pages)\n`);
    });
  program
    .command('restore <file>')
    .description(
      'Replace the archive with the backup in FILE (made by `chancery backup`), once it is checked whole. Stop the server and any ingest first.',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const { archiveLocation, restoreArchive } = await import('../app.ts');
      const { pages } = await restoreArchive({ ...(db ? { db } : {}), file });
      process.stdout.write(`restored ${archiveLocation(db)} from ${file} (${pages} pages)\n`);
    });
}
