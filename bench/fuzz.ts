/**
 * The fuzz at full strength: 10,000 mutated inputs per format (test/fuzz/: the seeds, the pages and
 * excerpts of the FRUS volumes, byte flips, cuts, markup, invalid UTF-8, NULs, deep nesting,
 * entity bombs, external entities, huge lines, many lines, fields of JSON records), each taken
 * through detection, its reader, enrichment and the index analysis, in worker threads. Prints per
 * format how the inputs ended, and examples of every crash, hang and unclear message.
 *
 *   npm run fuzz
 *   FUZZ_CASES=1000 FUZZ_SEED=42 FUZZ_FORMATS=chancery-json,tei-frus-older npm run fuzz
 *   FUZZ_SEED=42 FUZZ_FROM=5000 FUZZ_FORMATS=archive-page-markdown npm run fuzz   # cases 5,000 to 9,999 of that run
 *
 * A case that gives no answer within FUZZ_HANG_MS (30 s) is a hang: its worker is stopped and the
 * next case starts in a new one. A case over FUZZ_SLOW_MS (5 s) that did end is counted as slow.
 * Exits 1 when any case crashed, hung or left an unclear message.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTypescriptWorker } from '../src/runtime/typescript.worker.ts';
import type { CaseOutcome } from '../test/fuzz/fuzz.case.ts';
import { FUZZ_FORMATS, type FuzzFormat } from '../test/fuzz/fuzz.corpus.ts';
import type { FuzzJob, FuzzMessage } from './fuzz.worker.ts';

const COUNT = Number(process.env.FUZZ_CASES ?? 10_000);
/** The first case to run: a run split across machines or processes runs the same cases by parts. */
const FROM = Number(process.env.FUZZ_FROM ?? 0);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 30_000);
const SLOW_MS = Number(process.env.FUZZ_SLOW_MS ?? 5_000);
const CONCURRENCY = Number(process.env.FUZZ_WORKERS ?? 2);
const FORMATS = (process.env.FUZZ_FORMATS?.split(',') ?? FUZZ_FORMATS) as FuzzFormat[];
const VOLUMES_DIR = fileURLToPath(new URL('../../shared/corpus/frus-volumes/', import.meta.url));
const VOLUMES =
  existsSync(VOLUMES_DIR) && process.env.FUZZ_VOLUMES !== '0'
    ? readdirSync(VOLUMES_DIR)
        .filter((f) => f.endsWith('.xml'))
        .sort()
        .map((f) => `${VOLUMES_DIR}${f}`)
    : [];

type Verdict = CaseOutcome['kind'] | 'hang';

interface Example {
  index: number;
  base: string;
  describe: string;
  message: string;
  ms: number;
}

interface Tally {
  format: FuzzFormat;
  counts: Record<Verdict, number>;
  slow: number;
  times: number[];
  examples: Partial<Record<Verdict | 'slow', Example[]>>;
  refusals: Map<string, number>;
}

/** Runs every case of a format, starting a new worker after a hang. */
async function fuzzFormat(format: FuzzFormat): Promise<Tally> {
  const tally: Tally = {
    format,
    counts: { read: 0, refused: 0, unclear: 0, invalid: 0, crash: 0, hang: 0 },
    slow: 0,
    times: [],
    examples: {},
    refusals: new Map(),
  };
  const keep = (verdict: Verdict | 'slow', example: Example) => {
    // Said at once as well as in the summary: a run stopped before its end still tells what it found.
    if (verdict !== 'slow')
      process.stderr.write(
        `${format}: ${verdict} #${example.index} (${example.base}; ${example.describe}): ${example.message}\n`,
      );
    const list = tally.examples[verdict] ?? [];
    tally.examples[verdict] = list;
    if (list.length < 5) list.push(example);
  };
  let from = FROM;
  while (from < COUNT) {
    from = await new Promise<number>((resolve) => {
      const job: FuzzJob = { format, seed: SEED, count: COUNT, from, volumes: VOLUMES };
      const worker = startTypescriptWorker(new URL('./fuzz.worker.ts', import.meta.url), {
        workerData: job,
        // The ceiling `chancery ingest` runs its worker under (src/cli/ingest.thread.ts): an input that needs more fails there too.
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
      });
      let current: { index: number; base: string; describe: string } | null = null;
      let timer: NodeJS.Timeout | undefined;
      const stopAfterHang = () => {
        const started = current;
        if (!started) return;
        tally.counts.hang++;
        keep('hang', { ...started, message: `no answer in ${HANG_MS / 1000} s`, ms: HANG_MS });
        void worker.terminate();
        resolve(started.index + 1);
      };
      worker.on('message', (message: FuzzMessage) => {
        if (message.kind === 'start') {
          current = { index: message.index, base: message.base, describe: message.describe };
          clearTimeout(timer);
          timer = setTimeout(stopAfterHang, HANG_MS);
        } else if (message.kind === 'end') {
          clearTimeout(timer);
          const { outcome } = message;
          const example = {
            index: message.index,
            base: current?.base ?? '',
            describe: current?.describe ?? '',
            message: 'message' in outcome ? outcome.message : `${outcome.records} records`,
            ms: outcome.ms,
          };
          tally.counts[outcome.kind]++;
          tally.times.push(outcome.ms);
          if (outcome.kind === 'refused')
            tally.refusals.set(outcome.code, (tally.refusals.get(outcome.code) ?? 0) + 1);
          if (outcome.kind !== 'read' && outcome.kind !== 'refused') keep(outcome.kind, example);
          if (outcome.ms > SLOW_MS) {
            tally.slow++;
            keep('slow', example);
          }
          if ((message.index + 1) % 1000 === 0) {
            const problems =
              tally.counts.crash + tally.counts.hang + tally.counts.unclear + tally.counts.invalid;
            process.stderr.write(
              `${format}: ${message.index + 1} cases, ${problems} crashes, hangs, unclear or invalid\n`,
            );
          }
        } else {
          resolve(COUNT);
        }
      });
      worker.on('error', (error) => {
        // A fault that escaped the case (out of memory in the worker): the case crashed.
        clearTimeout(timer);
        const started = current;
        tally.counts.crash++;
        keep('crash', {
          index: started?.index ?? from,
          base: started?.base ?? '',
          describe: started?.describe ?? '',
          message: String(error),
          ms: 0,
        });
        resolve((started?.index ?? from) + 1);
      });
    });
  }
  return tally;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const started = performance.now();
process.stdout.write(
  `fuzz: ${FROM > 0 ? `cases ${FROM} to ${COUNT - 1}` : `${COUNT} cases`} per format, seed ${SEED}, ${VOLUMES.length} extra FRUS volumes, ${CONCURRENCY} workers\n`,
);
const queue = [...FORMATS];
const tallies: Tally[] = [];
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let format = queue.shift(); format; format = queue.shift()) tallies.push(await fuzzFormat(format));
  }),
);
tallies.sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format));

const header = [
  'format',
  'cases',
  'read',
  'refused',
  'crashes',
  'hangs',
  `slow >${SLOW_MS / 1000}s`,
  'unclear',
  'invalid',
  'p50 ms',
  'p99 ms',
  'max ms',
];
const rows = tallies.map((t) => {
  const times = [...t.times].sort((a, b) => a - b);
  const cases = Object.values(t.counts).reduce((a, b) => a + b, 0);
  return [
    t.format,
    cases,
    t.counts.read,
    t.counts.refused,
    t.counts.crash,
    t.counts.hang,
    t.slow,
    t.counts.unclear,
    t.counts.invalid,
    percentile(times, 0.5).toFixed(0),
    percentile(times, 0.99).toFixed(0),
    (times.at(-1) ?? 0).toFixed(0),
  ].map(String);
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
for (const row of [header, ...rows])
  process.stdout.write(
    `${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}\n`,
  );

for (const t of tallies) {
  process.stdout.write(
    `\n${t.format}: refused as ${
      [...t.refusals]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ') || 'nothing'
    }\n`,
  );
  for (const [verdict, examples] of Object.entries(t.examples)) {
    for (const e of examples ?? []) {
      process.stdout.write(
        `  ${verdict} #${e.index} (${e.base}; ${e.describe.slice(0, 160)}) ${e.ms.toFixed(0)} ms: ${e.message.slice(0, 300)}\n`,
      );
    }
  }
}
const bad = tallies.reduce(
  (n, t) => n + t.counts.crash + t.counts.hang + t.counts.unclear + t.counts.invalid,
  0,
);
process.stdout.write(
  `\n${bad} crashes, hangs, unclear messages and invalid records in ${((performance.now() - started) / 60_000).toFixed(1)} min (seed ${SEED})\n`,
);
process.exitCode = bad > 0 ? 1 : 0;
