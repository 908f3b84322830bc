import type { Command } from 'commander';
import { ChanceryError } from '../errors.ts';

export function registerCopyCommand(program: Command): void {
  program
    .command('copy')
    .description(
      'Copy a whole archive into an empty database, between SQLite and PostgreSQL either way: records with every version and their publication, sources byte for byte, collections, authorities and the decisions of editors, reconciliation, relations, accounts with their API tokens, and the audit log.',
    )
    .requiredOption('--from <db>', 'the archive to read: sqlite:FILE, a file path, or postgres://…')
    .requiredOption('--to <db>', 'the empty database to write: sqlite:FILE, a file path, or postgres://…')
    .action(async (options: { from: string; to: string }) => {
      // Loaded when the command runs, as withApp does: `--help` needs none of the archive's modules.
      const [{ openArchive }, { copyArchive }, { copyAccounts }, { redact }] = await Promise.all([
        import('../app.ts'),
        import('../store/archive.copy.ts'),
        import('../accounts/accounts.copy.ts'),
        import('../store/postgres/postgres.url.ts'),
      ]);
      const from = await openArchive(options.from);
      try {
        const to = await openArchive(options.to);
        try {
          const existing = await to.store.countRecords({ unpublished: true });
          if (existing > 0) {
            throw new ChanceryError(
              'cli.usage',
              `${redact(options.to)} already holds ${existing} records: copy into an empty database.`,
            );
          }
          const users = await to.accounts.countUsers();
          if (users > 0) {
            throw new ChanceryError(
              'cli.usage',
              `${redact(options.to)} already holds ${users} accounts: copy into an empty database.`,
            );
          }
          const counts = await copyArchive(from.store, to.store, (c) =>
            process.stderr.write(`\rcopying: ${c.records} records`),
          );
          const accounts = await copyAccounts(from, to);
          process.stderr.write('\n');
          process.stdout.write(
            `Copied ${counts.records} records (${counts.versions} versions), ${counts.sources} sources, ${counts.collections} collections, ${counts.authorities} authorities, ${counts.reconciled} reconciled authorities, ${accounts.users} accounts, ${accounts.tokens} API tokens, ${accounts.auditEntries} audit entries from ${redact(options.from)} to ${redact(options.to)}.\n`,
          );
        } finally {
          await to.search.close();
          await to.store.close();
        }
      } finally {
        await from.search.close();
        await from.store.close();
      }
    });
}
