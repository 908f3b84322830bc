import type { Command } from 'commander';
import type { Authority } from '../record/record.types.ts';
import { withApp } from './cli.options.ts';

/** One person as `chancery people --json` prints it: one JSON object per line. */
interface PersonLine {
  id: string;
  name: string;
  names: { form: string; language: string | null; source: string | null }[];
  descriptions: { text: string; source: string }[];
  documentCount: number;
}

export function registerPeopleCommand(program: Command): void {
  program
    .command('people')
    .description(
      'The people of the archive, reconciled across sources: every name form with its source, what each source says of them, and how many documents name them.',
    )
    .argument('[query...]', 'only people with a name form containing these words')
    .option('--json', 'print JSON Lines: { id, name, names, descriptions, documentCount } per person')
    .option('--review', 'list the matches reconciliation left to an editor, with the candidates')
    .option('--reconcile', 'reconcile the authorities of every source again before listing')
    .action(
      async (
        words: string[],
        options: { json?: boolean; review?: boolean; reconcile?: boolean },
        command: Command,
      ) => {
        await withApp(command, async ({ store, search, authorities }) => {
          if (options.reconcile) {
            const { reconcileArchive } = await import('../names/archive.reconcile.ts');
            const result = await reconcileArchive({ store, authorities });
            process.stderr.write(
              `reconciled: ${result.authorities.filter((a) => a.kind === 'person').length} people, ${result.review.length} to review\n`,
            );
          }
          if (options.review) {
            for (const item of await store.listReview()) {
              process.stdout.write(
                options.json
                  ? `${JSON.stringify(item)}\n`
                  : `${item.name} (${item.memberId}, ${item.source}): ${item.reason}\n  candidates: ${item.candidates.join(', ') || 'none'}\n`,
              );
            }
            return;
          }
          const query = words.join(' ').trim();
          const people = await store.listReconciled({
            kind: 'person',
            ...(query ? { contains: query } : {}),
          });
          const counts = await search.countDocumentsLinking(query ? people.map((p) => p.id) : undefined);
          for (const person of people) {
            const line = toLine(person, counts.get(person.id) ?? 0);
            process.stdout.write(
              options.json
                ? `${JSON.stringify(line)}\n`
                : `${line.name}  (${line.id}, ${line.documentCount} documents)\n    ${[...new Set(line.names.map((n) => n.form))].join(' · ')}\n`,
            );
          }
        });
      },
    );
}

function toLine(person: Authority, documentCount: number): PersonLine {
  return {
    id: person.id,
    name: person.name,
    names: person.names.map((n) => ({
      form: n.form,
      language: n.language ?? null,
      source: n.source ?? null,
    })),
    descriptions: (person.descriptions ?? []).map((d) => ({ text: d.text, source: d.source })),
    documentCount,
  };
}
