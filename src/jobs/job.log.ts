import type { JobEvents, JobRun } from './job-queue.types.ts';

/**
 * A worker's events as lines of a server's log: each run begun, done, or failed with its message
 * and what happens next.
 *
 * @example await app.jobs.work(handlers, logJobEvents((line) => process.stderr.write(line)));
 */
export function logJobEvents(write: (line: string) => void): JobEvents {
  const name = (run: JobRun) => `${run.kind} job ${run.id} (attempt ${run.attempt} of ${run.maxAttempts})`;
  return {
    onStart: (run) => write(`chancery jobs: ${name(run)} started\n`),
    onDone: (run) => write(`chancery jobs: ${name(run)} done\n`),
    onFailed: (run, error, retryIn) =>
      write(
        `chancery jobs: ${name(run)} failed: ${error.message}; ${
          retryIn === null ? 'no attempts left, the job has failed' : `retrying in ${retryIn} s or more`
        }\n`,
      ),
  };
}
