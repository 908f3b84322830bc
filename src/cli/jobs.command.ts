import type { Command } from 'commander';
import type { App } from '../app.ts';
import type { JobInfo, JobWorker } from '../jobs/job-queue.types.ts';
import { parsePositiveInt, withApp } from './cli.options.ts';

/** How often `--until-empty` looks whether any job is left. */
const DRAIN_CHECK_MS = 250;

export function registerJobsCommand(program: Command): void {
  program
    .command('jobs')
    .description(
      'List the background jobs (ingests, relation resolution, reindexing): state, progress, attempts and the last error, the newest first. With --work, run a worker here (chancery serve runs one too).',
    )
    .option('--json', 'one job per line as JSON')
    .option('--limit <n>', 'how many jobs to list', parsePositiveInt('--limit'), 50)
    .option('--work', 'run jobs in this process until stopped (SIGINT, SIGTERM)')
    .option('--until-empty', 'with --work: stop once no job is queued, running or waiting to be retried')
    .action(
      async (
        options: { json?: boolean; limit: number; work?: boolean; untilEmpty?: boolean },
        command: Command,
      ) => {
        await withApp(command, async (app) => {
          if (options.work) {
            await workJobs(app, { untilEmpty: options.untilEmpty ?? false });
            return;
          }
          const jobs = await app.jobs.list({ limit: options.limit });
          if (options.json) {
            for (const job of jobs) process.stdout.write(`${JSON.stringify(job)}\n`);
          } else {
            process.stdout.write(formatJobs(jobs));
          }
        });
      },
    );
}

export function registerReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description(
      'Write the search index again from every record, as a background job (a worker of chancery serve or chancery jobs --work runs it); --now runs it here.',
    )
    .option('--now', 'reindex in this process, not as a job')
    .action(async (options: { now?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const id = await app.jobs.add('reindex', {});
        if (!options.now) {
          process.stdout.write(`Queued reindex job ${id}; chancery jobs shows its progress.\n`);
          return;
        }
        await workJobs(app, { untilEmpty: true, only: id });
      });
    });
}

/**
 * Starts a worker on the archive's queue that writes through the primary and logs each run.
 *
 * @example const worker = await startJobWorker(app);
 */
export async function startJobWorker(app: App): Promise<JobWorker> {
  const [{ jobHandlers }, { logJobEvents }, { startEmbargoClock }] = await Promise.all([
    import('../jobs/job.handlers.ts'),
    import('../jobs/job.log.ts'),
    import('../editing/embargo.clock.ts'),
  ]);
  const worker = await app.jobs.work(
    jobHandlers(app),
    logJobEvents((line) => process.stderr.write(line)),
  );
  // Embargoes end where the jobs run: one process per archive, not every web process.
  const clock = startEmbargoClock(app.store);
  return {
    stop: async () => {
      await clock.stop();
      await worker.stop();
    },
  };
}

/** Runs a worker until a signal, or until no job is left (`untilEmpty`; `only`: until that job has ended). */
async function workJobs(app: App, options: { untilEmpty: boolean; only?: string }): Promise<void> {
  const worker = await startJobWorker(app);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const timer = setInterval(() => {
      if (!options.untilEmpty) return;
      const left = options.only
        ? app.jobs
            .get(options.only)
            .then((job) => (job && !['completed', 'failed'].includes(job.state) ? 1 : 0))
        : app.jobs.countPending();
      void left.then((n) => n === 0 && stop());
    }, DRAIN_CHECK_MS);
  });
  await worker.stop();
  const job = options.only ? await app.jobs.get(options.only) : null;
  if (job?.state === 'failed') {
    process.stderr.write(`chancery: the ${job.kind} job failed: ${job.lastError}\n`);
    process.exitCode = 1;
  } else if (job) {
    process.stdout.write(
      `The ${job.kind} job is ${job.state}: ${job.progress?.done ?? 0} of ${job.progress?.total ?? 0} done.\n`,
    );
  }
}

/**
 * The jobs as a table: id, kind, state, progress, attempts, when queued, the last error.
 *
 * @example formatJobs(await app.jobs.list())
 */
export function formatJobs(jobs: JobInfo[]): string {
  if (jobs.length === 0) return 'No jobs.\n';
  const rows = jobs.map((job) => [
    job.id,
    job.kind,
    job.state === 'retry' && job.runAfter ? `retry at ${job.runAfter.slice(11, 19)}` : job.state,
    job.progress
      ? `${job.progress.done}/${job.progress.total}${job.state === 'completed' && job.progress.note ? ` (${job.progress.note})` : ''}`
      : '-',
    `${job.attempts}/${job.maxAttempts}`,
    job.createdAt.replace('T', ' ').slice(0, 19),
    job.lastError ?? '',
  ]);
  const header = ['ID', 'KIND', 'STATE', 'PROGRESS', 'ATTEMPTS', 'QUEUED', 'LAST ERROR'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
