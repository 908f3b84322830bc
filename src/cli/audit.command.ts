import type { Command } from 'commander';
import { parsePositiveInt, withApp } from './cli.options.ts';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('The audit log of every change, newest first: when, who, from where, what, to what, why.')
    .option('--json', 'one entry per line as JSON')
    .option('--limit <n>', 'how many entries (at most 1000)', parsePositiveInt('--limit'), 50)
    .option('--before <seq>', 'entries before this one (the next page)', parsePositiveInt('--before'))
    .option('--actor <name>', 'the changes of one account (cli:USER for the command line)')
    .option('--action <action>', 'one kind of change (user.add, session.login_failed, token.revoke…)')
    .option('--target <target>', 'the changes to one account, record or token')
    .action(
      async (
        options: {
          json?: boolean;
          limit: number;
          before?: number;
          actor?: string;
          action?: string;
          target?: string;
        },
        command: Command,
      ) => {
        await withApp(command, async (app) => {
          const { json, ...query } = options;
          for (const entry of await app.audit.list(query)) {
            if (json) {
              process.stdout.write(`${JSON.stringify(entry)}\n`);
              continue;
            }
            const detail = Object.keys(entry.detail).length ? ` ${JSON.stringify(entry.detail)}` : '';
            const reason = entry.reason ? ` — ${entry.reason}` : '';
            process.stdout.write(
              `${String(entry.seq).padStart(6)}  ${entry.at}  ${entry.actor} (${entry.address})  ${entry.action} ${entry.target}${detail}${reason}\n`,
            );
          }
        });
      },
    );
}
