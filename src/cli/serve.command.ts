import type { Command } from 'commander';
import type { App } from '../app.ts';
import { parsePositiveInt } from './cli.options.ts';

/** Search workers of a server: a search's count and its page side by side, on two cores. */
const SEARCH_THREADS = 2;

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the reading room and the JSON API over HTTP.')
    .option('--port <n>', 'port to listen on', parsePositiveInt('--port'), 3000)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', 'localhost')
    .option('--sample', 'ingest the sample archive (data/sample) first when the database is empty')
    .action(async (options: { port: number; host: string; sample?: boolean }, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      // Loaded when the server starts, not with every command of the CLI (see withApp).
      const [{ serve }, { openApp }, { createWebApp }] = await Promise.all([
        import('@hono/node-server'),
        import('../app.ts'),
        import('../web/web.app.tsx'),
      ]);
      const app = await openApp({ ...(db ? { db } : {}), searchThreads: SEARCH_THREADS });
      if (options.sample) await ingestSampleWhenEmpty(app);
      // The search index reads its facets into memory before listening (seconds for a large
      // archive), so no reader waits for that.
      await app.search.warm();
      const web = createWebApp(app);
      const server = serve({ fetch: web.fetch, port: options.port, hostname: options.host }, (info) => {
        process.stdout.write(`Chancery reading room: http://${options.host}:${info.port}/\n`);
      });
      const stop = () => server.close(() => void app.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

async function ingestSampleWhenEmpty(app: App): Promise<void> {
  if ((await app.store.countRecords()) > 0) return;
  const [{ SAMPLE_DIR }, { ingestPaths }] = await Promise.all([
    import('../app.ts'),
    import('../ingest/ingest.batch.ts'),
  ]);
  const report = await ingestPaths({
    paths: [SAMPLE_DIR],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  process.stdout.write(
    `Ingested the sample archive: ${report.ingested} records, ${report.failed} files failed, ${report.skipped} skipped.\n`,
  );
}
