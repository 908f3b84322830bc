import { type Command, Option } from 'commander';
import { publishRecord } from '../editing/record.publish.ts';
import { PUBLICATION_STATES, type PublicationState } from '../store/record.publication.ts';
import { withApp } from './cli.options.ts';
import { cliActor } from './user.command.ts';

export function registerPublishCommand(program: Command): void {
  program
    .command('publish [id]')
    .description(
      'Who sees a record: draft (editors only), restricted (any account, not the public), published, embargoed until a date (published then by itself), or withdrawn (its page says why). Audited like a change on the web. Without an id, lists the records readers do not see.',
    )
    .addOption(new Option('--state <state>', 'the state to set').choices([...PUBLICATION_STATES]))
    .option('--until <date>', 'embargoed: the day it is published, YYYY-MM-DD (UTC)')
    .option('--reason <text>', 'why (required to withdraw; the page shows it)')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string | undefined,
        options: { state?: PublicationState; until?: string; reason?: string; json?: boolean },
        command: Command,
      ) => {
        await withApp(command, async (app) => {
          if (!id) {
            for (const r of await app.store.listUnpublished()) {
              process.stdout.write(
                options.json
                  ? `${JSON.stringify(r)}\n`
                  : `${r.id}\t${r.state}${r.until ? ` until ${r.until}` : ''}\t${r.changedAt} ${r.changedBy}\t${r.title}${r.reason ? ` — ${r.reason}` : ''}\n`,
              );
            }
            return;
          }
          if (!options.state) {
            const publication = await app.store.getPublication(id);
            if (!publication)
              command.error(`No record with id "${id}". Run \`chancery list\` to see the ids.`);
            process.stdout.write(
              options.json
                ? `${JSON.stringify(publication)}\n`
                : `${id}\t${publication?.state}${publication?.until ? ` until ${publication.until}` : ''}\n`,
            );
            return;
          }
          const publication = await publishRecord(
            app,
            { id, state: options.state, until: options.until ?? null, reason: options.reason ?? null },
            cliActor(),
          );
          process.stdout.write(
            options.json
              ? `${JSON.stringify(publication)}\n`
              : `${id} is ${publication.state}${publication.until ? ` until ${publication.until}` : ''}.\n`,
          );
        });
      },
    );
}
