import type { Command } from 'commander';
import { ChanceryError } from '../errors.ts';
import { formatRecordAsText } from '../record/record.text.ts';
import { parsePositiveInt, withApp } from './cli.options.ts';

export function registerShowCommand(program: Command): void {
  program
    .command('show')
    .description('Show one record: readable text, or the canonical JSON record with --json.')
    .argument('<id>', 'record id (see `chancery list`)')
    .option('--json', 'print the canonical JSON record')
    .option(
      '--version <n>',
      'an earlier version of the record (1 is the first ingested)',
      parsePositiveInt('--version'),
    )
    .option('--versions', 'list the versions of the record')
    .action(
      async (
        id: string,
        options: { json?: boolean; version?: number; versions?: boolean },
        command: Command,
      ) => {
        await withApp(command, async ({ store }) => {
          if (options.versions) {
            const versions = await store.listVersions(id);
            if (versions.length === 0) throw notFound(id);
            for (const v of versions) process.stdout.write(`${v.version}\t${v.savedAt}\t${v.sha256}\n`);
            return;
          }
          const record = options.version
            ? await store.getRecordVersion(id, options.version)
            : await store.getRecord(id, { unpublished: true });
          if (!record) throw notFound(id, options.version);
          process.stdout.write(
            options.json ? `${JSON.stringify(record, null, 2)}\n` : formatRecordAsText(record),
          );
        });
      },
    );
}

function notFound(id: string, version?: number): ChanceryError {
  return new ChanceryError(
    'record.not_found',
    version
      ? `Record "${id}" has no version ${version}. Run \`chancery show ${id} --versions\` to list them.`
      : `No record with id "${id}". Run \`chancery list\` to see the ids.`,
  );
}
