import {
  errorMessage,
  type JobEvents,
  type JobHandlers,
  type JobKind,
  type JobRun,
  type JobWorker,
} from './job-queue.types.ts';

/** How a queue ends a run: done, or failed (its queue decides whether it runs again). */
export interface RunSettlement {
  complete(): Promise<void>;
  /** Records the failure; the seconds until the retry, or null when the job has failed for good. */
  fail(message: string): Promise<number | null>;
}

/** A job taken from a queue: the run its handler gets, and how to settle it. */
export interface TakenJob {
  run: JobRun;
  settle: RunSettlement;
  /** Stops whatever keeps the job held while it runs (a lease being renewed). */
  release?: () => void;
}

/**
 * Runs jobs one at a time: takes the next from `take`, runs its handler, settles it, and takes
 * another at once; waits `pollMs` when there was none. A handler that throws fails its run and the
 * loop goes on; so does a queue that cannot be read for a while (a database restarting).
 *
 * @example const worker = startJobLoop({ take: () => queue.takeNext(), handlers, events, pollMs: 1000 });
 */
export function startJobLoop(options: {
  take: () => Promise<TakenJob | null>;
  handlers: JobHandlers;
  events: JobEvents;
  pollMs: number;
}): JobWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const turn = async () => {
    timer = null;
    let worked = false;
    try {
      const job = await options.take();
      if (job) {
        worked = true;
        await runJob(job, options.handlers, options.events);
      }
    } catch (error) {
      process.stderr.write(
        `chancery jobs: the queue could not be read (${errorMessage(error)}); trying again\n`,
      );
    }
    if (!stopped)
      timer = setTimeout(
        () => {
          running = turn();
        },
        worked ? 0 : options.pollMs,
      );
  };
  running = turn();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

async function runJob(job: TakenJob, handlers: JobHandlers, events: JobEvents): Promise<void> {
  const { run, settle } = job;
  events.onStart?.(run);
  try {
    await (handlers[run.kind] as (run: JobRun<JobKind>) => Promise<void>)(run);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    job.release?.();
    const retryIn = await settle.fail(failure.message);
    events.onFailed?.(run, failure, retryIn);
    return;
  }
  job.release?.();
  await settle.complete();
  events.onDone?.(run);
}
