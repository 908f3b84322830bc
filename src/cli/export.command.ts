import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { withApp } from './cli.options.ts';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export every record as JSON Lines: one canonical JSON record per line, in id order.')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .option('--output <file>', 'write to a file instead of standard output')
    .action(async (options: { format: 'json'; output?: string }, command: Command) => {
      const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
      await withApp(command, async ({ store }) => {
        for await (const record of store.streamRecords()) {
          // Respect back-pressure so that a large archive never piles up in memory.
          if (!out.write(`${JSON.stringify(record)}\n`))
            await new Promise((resolve) => out.once('drain', resolve));
        }
      });
      if (options.output) await new Promise((resolve) => out.end(resolve));
    });
}
