import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { withApp } from './cli.options.ts';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Export every published record, in id order: JSON Lines (one canonical JSON record per line; `chancery ingest` reads it back) or a TEI corpus.',
    )
    .option(
      '--unpublished',
      'also drafts, embargoed and withdrawn records (for an archive copy, not for the public)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'tei']).default('json'))
    .option('--output <file>', 'write to a file instead of standard output')
    .option(
      '--base-url <url>',
      "the archive's public address, for the links in TEI (default $CHANCERY_BASE_URL, else http://localhost:3000)",
    )
    .action(
      async (
        options: { format: 'json' | 'tei'; output?: string; baseUrl?: string; unpublished?: boolean },
        command: Command,
      ) => {
        const scope = { unpublished: options.unpublished === true };
        const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
        // Respect back-pressure so that a large archive never piles up in memory.
        const write = async (chunk: string) => {
          if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
        };
        await withApp(command, async (app) => {
          if (options.format === 'json') {
            for await (const record of app.store.streamRecords(scope))
              await write(`${JSON.stringify(record)}\n`);
            return;
          }
          const [{ writeTeiCorpus }, { loadCitation }] = await Promise.all([
            import('../tei/tei.export.ts'),
            import('../citation/citation.export.ts'),
          ]);
          const baseUrl = (
            options.baseUrl ??
            process.env.CHANCERY_BASE_URL ??
            'http://localhost:3000'
          ).replace(/\/+$/u, '');
          const entries = (async function* () {
            for await (const record of app.store.streamRecords(scope)) {
              yield { record, citation: await loadCitation(record, { ...app, baseUrl }) };
            }
          })();
          for await (const chunk of writeTeiCorpus(entries, { baseUrl })) await write(chunk);
        });
        if (options.output) await new Promise((resolve) => out.end(resolve));
      },
    );
}
