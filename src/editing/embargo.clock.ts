import type { Store } from '../store/store.types.ts';

/** How often embargoes are checked: a record is published at most this long after its date. */
export const EMBARGO_CHECK_MS = 60_000;

/**
 * Publishes embargoed records when their date comes, by itself: now, then every `everyMs`, in the
 * process that runs the background jobs. A check that fails (the database away for a while) is
 * said on stderr and tried again at the next tick.
 *
 * @example const clock = startEmbargoClock(app.store); … clock.stop();
 */
export function startEmbargoClock(
  store: Store,
  options: { everyMs?: number; log?: (line: string) => void } = {},
): { stop(): Promise<void> } {
  const log = options.log ?? ((line) => process.stderr.write(line));
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = store
      .releaseEmbargoes(new Date())
      .then((ids) => {
        if (ids.length > 0) log(`chancery: embargo ended, published ${ids.join(', ')}\n`);
      })
      .catch((error: unknown) =>
        log(`chancery: embargoes could not be checked (${String(error)}); trying again\n`),
      );
  };
  tick();
  const timer = setInterval(tick, options.everyMs ?? EMBARGO_CHECK_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
