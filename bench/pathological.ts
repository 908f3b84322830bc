/**
 * Linear time, bounded memory: each pathological input of issue 16 (bench/pathological.shapes.ts)
 * ingested beside a normal input of the same size and format, each into a fresh in-memory archive
 * (detection, decoding, reading, validation, enrichment, alignment, the store and its search
 * index, as `chancery ingest` does). Prints MB/s of both, the shape's speed as a share of the
 * normal one's (issue 16 asks for no less than 1/10), the peak RSS while each ran, and what became
 * of the shape (records, or the limit that refused it and its message).
 *
 *   npm run bench:pathological
 *   SHAPES=lines,brackets npm run bench:pathological   # shapes whose name has these words
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { buildShapes, type JsonShapeBase } from './pathological.shapes.ts';

const SEED = fileURLToPath(new URL('../../shared/seeds/000_1a6ead44c4c0e4a5.txt', import.meta.url));
const ONLY = process.env.SHAPES?.split(',');

interface Run {
  ms: number;
  peakRssMb: number;
  outcome: string;
}

/** One input ingested into a fresh in-memory archive, timed, with the peak RSS sampled meanwhile. */
async function ingestOnce(dir: string, file: string, bytes: Buffer): Promise<Run> {
  const path = join(dir, file);
  writeFileSync(path, bytes);
  const app = await openApp({ db: ':memory:' });
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const started = performance.now();
    const report = await ingestPaths({ paths: [path], ...app });
    const ms = performance.now() - started;
    const [fileReport] = report.files;
    const problem = fileReport?.problems[0];
    const outcome =
      fileReport?.status === 'failed'
        ? `refused: ${problem?.message ?? '(no message)'}`
        : `${fileReport?.status}, ${report.ingested + report.updated} record(s)${problem ? `; ${problem.message}` : ''}`;
    return { ms, peakRssMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1e6, outcome };
  } finally {
    clearInterval(sampler);
    await app.close();
  }
}

async function seedRecord(): Promise<JsonShapeBase> {
  const app = await openApp({ db: ':memory:' });
  try {
    await ingestPaths({ paths: [SEED], ...app });
    for await (const record of app.store.streamRecords())
      return { record: JSON.parse(JSON.stringify(record)) };
    throw new Error(`${SEED} gave no record`);
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'chancery-pathological-'));
try {
  const shapes = buildShapes(await seedRecord()).filter(
    (s) => !ONLY || ONLY.some((word) => s.name.toLowerCase().includes(word)),
  );
  // A first small ingest loads what every ingest shares (authorities, stemmers, dictionaries).
  await ingestOnce(dir, 'warm.txt', readFileSync(SEED));
  const rows: string[][] = [];
  const header = [
    'shape',
    'MB',
    'normal MB/s',
    'shape MB/s',
    'shape/normal',
    'normal RSS+',
    'shape RSS+',
    'outcome',
  ];
  process.stdout.write(`${header.join(' | ')}\n`);
  for (const shape of shapes) {
    const normal = await ingestOnce(dir, shape.file, shape.normal);
    const run = await ingestOnce(dir, shape.file, shape.bytes);
    const mb = shape.bytes.length / 1e6;
    const rate = (r: Run, bytes: number) => bytes / 1e6 / (r.ms / 1000);
    const ratio = rate(run, shape.bytes.length) / rate(normal, shape.normal.length);
    const row = [
      shape.name,
      mb.toFixed(1),
      rate(normal, shape.normal.length).toFixed(2),
      rate(run, shape.bytes.length).toFixed(2),
      `${ratio.toFixed(2)}${ratio < 0.1 ? ' (SLOW)' : ''}`,
      `${normal.peakRssMb.toFixed(0)} MB`,
      `${run.peakRssMb.toFixed(0)} MB`,
      run.outcome.slice(0, 220),
    ];
    rows.push(row);
    process.stdout.write(`${row.join(' | ')}\n`);
  }
  const slow = rows.filter((r) => r[4]?.includes('SLOW')).length;
  process.stdout.write(
    `\n${slow} of ${rows.length} shapes slower than 1/10 of a normal input of their size\n`,
  );
  process.exitCode = slow > 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
