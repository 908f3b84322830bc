import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/chancery.js', import.meta.url));
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `chancery --db DB ARGS…` as a user would, and gives back the exit code instead of throwing
 * when it is not 0.
 *
 * @example const { code, stdout } = await runChancery(db, 'list');
 */
export async function runChancery(db: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--db', db, ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The CLI's entry point, for tests that run it with an environment of their own. */
export const CHANCERY_BIN = BIN;
