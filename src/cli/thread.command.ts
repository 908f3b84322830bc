import type { Command } from 'commander';
import { withApp } from './cli.options.ts';

export function registerThreadCommand(program: Command): void {
  program
    .command('thread')
    .description(
      'List the correspondence between two people in date order: id, date, who wrote to whom, title. People are named by id or any name form ("chancery thread Mao Filippov").',
    )
    .argument('<a>', 'a person: authority id or any name form')
    .argument('<b>', 'the other person')
    .option('--json', 'print the thread as JSON')
    .action(async (a: string, b: string, options: { json?: boolean }, command: Command) => {
      await withApp(command, async ({ search, authorities }) => {
        const { loadThread } = await import('../correspondence/thread.service.ts');
        const thread = await loadThread({ search, authorities, a, b });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(thread, null, 2)}\n`);
          return;
        }
        const name = (id: string) =>
          id === thread.a.id ? thread.a.name : id === thread.b.id ? thread.b.name : id;
        process.stderr.write(
          `${thread.records.length} documents between ${thread.a.name} and ${thread.b.name}\n`,
        );
        for (const r of thread.records) {
          const direction = `${r.authorIds.map(name).join(', ')} → ${r.recipientIds.map(name).join(', ')}`;
          process.stdout.write(`${r.id}\t${r.dateMin ?? r.dateDisplay}\t${direction}\t${r.title}\n`);
        }
      });
    });
}
