/**
 * `chancery ingest` of the 45 FRUS volumes of ../shared (152 MB, 14,659 documents, as they are),
 * by this checkout and by an earlier commit, side by side in one run.
 *
 *   npx tsx bench/ingest-volumes.ts                 # against b189fd3, before names at scale
 *   BENCH_BASELINE=<commit> npx tsx bench/ingest-volumes.ts
 *
 * The earlier commit is checked out in a temporary git worktree sharing this checkout's
 * node_modules. Each ingest runs `src/cli/main.ts ingest` of its own tree in a child process of
 * its own, on a fresh SQLite file, alternately, twice each; the faster round of each is printed
 * with documents per second, MB per second and the child's peak RSS (main thread and worker).
 * Then the ratio of each round, this checkout's time to the baseline's in the same round, and their
 * median: this machine's speed drifts by a fifth within minutes (b189fd3 took 29.2 to 34.0 s in one
 * evening), and the faster run of each may come from minutes apart; each round's pair is shown too.
 * The baseline runs first in one round and second in the next (A B B A …), so that a drift of the
 * machine's speed over the rounds does not always land on the same side; and each tree has run
 * once, untimed, before the first round (`main`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VOLUMES = fileURLToPath(new URL('../../shared/corpus/frus-volumes/', import.meta.url));
const BASELINE = process.env.BENCH_BASELINE ?? 'b189fd3';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Run {
  ms: number;
  peakRss: number;
  summary: string;
}

/** In a child: the CLI of `tree` ingests the volumes into `db`; its peak RSS goes to stderr last. */
async function child(tree: string, db: string, input: string): Promise<void> {
  process.argv = [process.argv[0] as string, 'chancery', '--db', db, 'ingest', '--quiet', input];
  process.on('exit', () => process.stderr.write(`\nPEAK_RSS ${process.resourceUsage().maxRSS * 1024}\n`));
  await import(join(tree, 'src/cli/main.ts'));
}

function run(tree: string, input = VOLUMES): Run {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-volumes-'));
  try {
    const start = performance.now();
    // stderr is read whatever the exit code: the peak RSS is written there last. (The earlier CLI
    // exits 1 on the volume with an element it does not know: it still ingests all.)
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', tree, join(dir, 'v.db'), input],
      { cwd: tree, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    const { stdout, stderr } = child;
    const ms = performance.now() - start;
    const peak = /PEAK_RSS (\d+)/.exec(stderr)?.[1];
    return { ms, peakRss: Number(peak ?? 0), summary: stdout.trim().split('\n').at(-1) ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const bytes = readdirSync(VOLUMES).reduce((sum, f) => sum + statSync(join(VOLUMES, f)).size, 0);
  const worktree = mkdtempSync(join(tmpdir(), 'chancery-baseline-'));
  execFileSync('git', ['worktree', 'add', '--detach', worktree, BASELINE], { cwd: ROOT, stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
  try {
    // Each tree once on the smallest volume, untimed: in three runs of session 33 without it, the
    // first round was the lowest (−3.8, −9.4, −6.3 %, the others 9.9 to 22.2 %), the baseline's
    // first run in a new worktree paying what later runs did not (which caches, not measured).
    const smallest = readdirSync(VOLUMES).sort(
      (a, b) => statSync(join(VOLUMES, a)).size - statSync(join(VOLUMES, b)).size,
    )[0] as string;
    for (const tree of [worktree, ROOT]) run(tree, join(VOLUMES, smallest));
    const runs: { label: string; run: Run }[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The baseline first in even rounds, second in odd ones.
      const timed = new Map((round % 2 === 0 ? [worktree, ROOT] : [ROOT, worktree]).map((t) => [t, run(t)]));
      const baseline = timed.get(worktree) as Run;
      const checkout = timed.get(ROOT) as Run;
      runs.push({ label: `baseline ${BASELINE}`, run: baseline }, { label: 'this checkout', run: checkout });
      ratios.push(checkout.ms / baseline.ms);
    }
    console.log(
      `input: the 45 FRUS volumes, ${(bytes / 1e6).toFixed(1)} MB; ${ROUNDS} rounds, faster of each`,
    );
    const best = (label: string) =>
      runs.filter((r) => r.label === label).reduce((a, b) => (b.run.ms < a.run.ms ? b : a)).run;
    const before = best(`baseline ${BASELINE}`);
    const after = best('this checkout');
    for (const [label, r] of [
      [`baseline ${BASELINE}`, before],
      ['this checkout', after],
    ] as const) {
      console.log(
        `${label.padEnd(20)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${(bytes / 1e6 / (r.ms / 1000)).toFixed(2)} MB/s  peak RSS ${(r.peakRss / 1e6).toFixed(0)} MB  | ${r.summary}`,
      );
    }
    console.log(`slower by ${((after.ms / before.ms - 1) * 100).toFixed(1)} % (target ≤ 15 %)`);
    const percent = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)} %`;
    console.log(
      `round by round: ${ratios.map(percent).join(', ')} slower; median ${percent(median(ratios))}`,
    );
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT, stdio: 'ignore' });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const [mode, tree, db, input] = process.argv.slice(2);
if (mode === 'child' && tree && db && input) await child(tree, db, input);
else main();
