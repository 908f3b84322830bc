import type { Command } from 'commander';
import { parsePositiveInt, withApp } from './cli.options.ts';

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('List the records of the archive in date order: id, date, type and title.')
    .option('--limit <n>', 'at most this many records', parsePositiveInt('--limit'))
    .option('--collection <id>', 'only the records of a collection, in its order')
    .option('--json', 'print JSON Lines of record summaries')
    .action(async (options: { limit?: number; collection?: string; json?: boolean }, command: Command) => {
      await withApp(command, async ({ store }) => {
        const records = await store.listRecords({
          unpublished: true,
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.collection ? { collectionId: options.collection } : {}),
        });
        for (const r of records) {
          process.stdout.write(
            options.json
              ? `${JSON.stringify(r)}\n`
              : `${r.id}\t${r.dateMin ?? r.dateDisplay}\t${r.type}\t${r.title}\n`,
          );
        }
      });
    });
}
