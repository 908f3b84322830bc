import cluster from 'node:cluster';
import type { ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import { startSetup } from '../accounts/sessions.service.ts';
import type { App } from '../app.ts';
import { ChanceryError } from '../errors.ts';
import { parsePort, parsePositiveInt, withApp } from './cli.options.ts';
import { startJobWorker } from './jobs.command.ts';

/**
 * Search threads per web process: one process counts and ranks a search side by side on two
 * cores; several processes take one each.
 */
const searchThreadsFor = (workers: number) => (workers > 1 ? 1 : 2);

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the reading room and the JSON API over HTTP.')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 3000)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', 'localhost')
    .option('--sample', 'ingest the sample archive (data/sample) first when the database is empty')
    .option(
      '--workers <n>',
      'web processes answering on the one port (Node cluster)',
      parsePositiveInt('--workers'),
      1,
    )
    .option(
      '--read-db <url>',
      'a streaming replica of the PostgreSQL archive: the reading room and the API read from it while it keeps up, writes go to --db (default $CHANCERY_READ_DB)',
    )
    .option('--no-jobs', 'run no worker for background jobs here (one runs elsewhere: chancery jobs --work)')
    .option(
      '--base-url <url>',
      "the archive's public address, for citations, canonical links, OAI-PMH and sitemaps (default $CHANCERY_BASE_URL, else each request's own origin)",
    )
    .action(async (options: ServeOptions, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const baseUrl = readBaseUrl(options.baseUrl ?? process.env.CHANCERY_BASE_URL);
      const readDb = options.readDb ?? process.env.CHANCERY_READ_DB;
      if (options.workers > 1 && cluster.isPrimary) {
        if (options.sample) await withApp(command, ingestSampleWhenEmpty);
        const setup = await withApp(command, startSetup);
        await superviseWorkers(options, options.jobs ? await runJobsBeside(db) : null, setup);
        return;
      }
      // Loaded when the server starts, not with every command of the CLI (see withApp).
      const [{ openApp, uploadsDirFor }, { createWebApp }, { listenWeb, portOf }] = await Promise.all([
        import('../app.ts'),
        import('../web/web.app.tsx'),
        import('../web/web.listen.ts'),
      ]);
      const app = await openApp({
        ...(db ? { db } : {}),
        ...(readDb ? { readDb } : {}),
        searchThreads: searchThreadsFor(options.workers),
      });
      if (options.sample && cluster.isPrimary) await ingestSampleWhenEmpty(app);
      // The search workers start and read the facets into memory before listening (seconds for
      // a large archive), so no reader waits for that.
      await app.search.warm();
      // Pages and the API read through the replica while it keeps up; writes go to the primary.
      const web = createWebApp({
        ...app,
        ...app.reader,
        writer: app.store,
        uploadsDir: uploadsDirFor(db),
        ...(baseUrl ? { baseUrl } : {}),
      });
      const server = await listenWeb(web, { port: options.port, hostname: options.host });
      // One worker of jobs per `chancery serve`: in its one process, or in a cluster's primary.
      const worker = options.jobs && cluster.isPrimary ? await startJobWorker(app) : null;
      // A cluster's primary prints the address once, for all of its processes.
      if (cluster.isPrimary) {
        const base = `http://${options.host}:${portOf(server)}/`;
        process.stdout.write(`Chancery reading room: ${base}\n`);
        announceSetup(base, await startSetup(app));
      }
      const stop = () =>
        void stopServing(server, {
          close: async () => {
            await worker?.stop();
            await app.close();
          },
        });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/**
 * On an archive without accounts, the one-time link that creates the first admin, printed where
 * only whoever started the server sees it.
 */
function announceSetup(base: string, secret: string | null): void {
  if (!secret) return;
  process.stdout.write(
    `No account yet: create the first admin at ${base}setup?token=${secret} (works once, for 24 hours)\n`,
  );
}

/**
 * Several web processes on one port (Node's cluster shares the listening socket): each opens the
 * archive itself, and nothing a request needs lives in one process alone (the index's facets
 * and the authorities follow the database, sessions are the database's). A process that dies is
 * replaced; SIGINT and SIGTERM stop them all.
 */
async function superviseWorkers(
  options: { port: number; host: string; workers: number },
  jobs: { stop(): Promise<void> } | null,
  setup: string | null,
): Promise<void> {
  let stopping = false;
  let announced = false;
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    const base = `http://${options.host}:${address.port}/`;
    process.stdout.write(`Chancery reading room: ${base} (${options.workers} processes)\n`);
    announceSetup(base, setup);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `chancery serve: process ${worker.process.pid} stopped (${signal ?? code}); starting another\n`,
    );
    cluster.fork();
  });
  for (let i = 0; i < options.workers; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    let running = workers.length;
    const exit = async () => {
      await jobs?.stop().catch(() => {});
      process.exit(0);
    };
    if (running === 0) void exit();
    cluster.on('exit', () => {
      if (--running === 0) void exit();
    });
    // The signal itself, not cluster's kill(): that first waits for the worker's server to close
    // every connection, which a worker under load never finished, and the signal never came.
    for (const worker of workers) worker.process.kill('SIGTERM');
    // A process that does not stop in time is killed: stopping never hangs.
    setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS * 2).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

interface ServeOptions {
  port: number;
  host: string;
  sample?: boolean;
  baseUrl?: string;
  workers: number;
  readDb?: string;
  jobs: boolean;
}

/**
 * The job worker of a cluster: in its primary, which serves no requests, on the archive's primary
 * database. Stopping it closes the archive.
 */
async function runJobsBeside(db: string | undefined): Promise<{ stop(): Promise<void> }> {
  const { openApp } = await import('../app.ts');
  const app = await openApp(db ? { db } : {});
  const worker = await startJobWorker(app);
  return {
    stop: async () => {
      await worker.stop();
      await app.close();
    },
  };
}

/** How long requests under way may take to finish when the server is told to stop. */
const STOP_GRACE_MS = 5000;

/**
 * Stops taking connections, lets the requests under way finish (for at most STOP_GRACE_MS, then
 * drops their connections), closes the archive and ends the process: kept-alive connections
 * and search threads never keep a stopped server alive.
 */
async function stopServing(server: ServerType, app: { close(): Promise<void> }): Promise<void> {
  const closed = new Promise((resolve) => server.close(resolve));
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  const late = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, STOP_GRACE_MS);
  await closed;
  clearTimeout(late);
  await app.close().catch(() => {});
  process.exit(0);
}

/** An absolute http(s) URL without a trailing slash, or a usage error that says what was wrong. */
function readBaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/u.test(url.protocol) || url.search || url.hash) {
    throw new ChanceryError(
      'cli.usage',
      `--base-url must be an absolute http(s) address such as https://archive.example.org, not "${value}".`,
    );
  }
  return url.href.replace(/\/+$/u, '');
}

async function ingestSampleWhenEmpty(app: App): Promise<void> {
  if ((await app.store.countRecords({ unpublished: true })) > 0) return;
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
