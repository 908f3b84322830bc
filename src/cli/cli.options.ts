import { type Command, InvalidArgumentError } from 'commander';
import type { App } from '../app.ts';

/** Opens the archive named by the global `--db` option, runs `work`, and always closes it. */
export async function withApp<T>(command: Command, work: (app: App) => Promise<T>): Promise<T> {
  const { db } = command.optsWithGlobals<{ db?: string }>();
  // Loaded when a command runs, not when the CLI starts: `--help` and the main thread of an ingest
  // (whose work is done in a worker) need none of the archive's modules.
  const { openApp } = await import('../app.ts');
  const app = await openApp(db ? { db } : {});
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** A TCP port: 0 asks the system for a free one (the address printed says which). */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}

/** Parses a positive integer option, or says which option is wrong. */
export function parsePositiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`${name} must be a positive whole number, not "${value}"`);
    return n;
  };
}

/** A count that may be 0 (`--reader-threads`), or a usage error that says what was wrong. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError(`must be a whole number from 0 to 64, not "${value}"`);
  return n;
}
