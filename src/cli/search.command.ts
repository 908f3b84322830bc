import type { Command } from 'commander';
import { parseLimit, parsePage } from '../paging/page.params.ts';
import { QUERY_SYNTAX_HELP } from '../search/query/query.parse.ts';
import { FACETS } from '../search/query/query.types.ts';
import { withApp } from './cli.options.ts';

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('Search the archive across languages, scripts, transliterations and pseudonyms.')
    .argument('<query...>', 'the query (see the syntax below); quote it in the shell')
    .option('--json', 'print { total, hits, facets } as JSON')
    // The one page parser of api, web and cli: "--page abc" is refused, not read as page 1.
    .option('--limit <n>', 'hits per page (default 10, at most 100)', (v) =>
      // The bounds of search.service.ts, not imported: `--help` loads none of the search modules.
      parseLimit(v, { name: '--limit', max: 100, fallback: 10 }),
    )
    .option('--page <n>', 'page of hits, from 1; a page past the last is empty', (v) =>
      parsePage(v, '--page'),
    )
    .addHelpText(
      'after',
      `\n${QUERY_SYNTAX_HELP}\nA query that starts with "-" goes after "--": chancery search -- -Panmunjom armistice`,
    )
    .action(
      async (
        words: string[],
        options: { json?: boolean; limit?: number; page?: number },
        command: Command,
      ) => {
        await withApp(command, async (app) => {
          const { searchArchive } = await import('../search/search.service.ts');
          const result = await searchArchive(
            { q: words.join(' '), page: options.page ?? 1, pageSize: options.limit ?? 10 },
            app,
          );
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
            return;
          }
          const first = (result.page - 1) * result.pageSize + 1;
          process.stdout.write(
            result.total === 0
              ? 'No documents match.\n'
              : result.hits.length === 0
                ? `${result.total} documents; page ${result.page} is past the last.\n`
                : `${result.total} documents; ${first}–${first + result.hits.length - 1}:\n\n`,
          );
          for (const [i, hit] of result.hits.entries()) {
            process.stdout.write(
              `${first + i}. ${hit.title}\n   ${hit.date} · ${hit.id}\n   ${plainSnippet(hit.snippet)}\n\n`,
            );
          }
          for (const facet of FACETS) {
            const values = result.facets[facet];
            if (values.length === 0) continue;
            process.stdout.write(
              `${facet}: ${values
                .slice(0, 8)
                .map((v) => `${v.label} (${v.count})`)
                .join(', ')}\n`,
            );
          }
        });
      },
    );
}

/** Snippets are HTML with `<mark>`; a terminal shows the marks as brackets. */
function plainSnippet(html: string): string {
  return html
    .replace(/<mark>/g, '[')
    .replace(/<\/mark>/g, ']')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}
