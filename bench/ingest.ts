/**
 * Ingest throughput on FRUS volumes, against a bare streaming parse of the same bytes.
 *
 *   npx tsx bench/ingest.ts             # ≥ 100 MB: the two FRUS volumes repeated
 *   BENCH_MB=20 npx tsx bench/ingest.ts
 *
 * Builds the input in a temporary directory (each copy with its own volume id, so record ids do
 * not collide). Then, in one run, alternately, twice each: a bare saxes parse of every file (no
 * handlers: the parser's own speed), and the ingest of every file. Each pass runs in a child
 * process of its own, so the peak RSS printed for the ingest is the ingest's, not the bare
 * parse's or the input builder's. Prints documents per second, MB per second, peak RSS and the
 * ratio of ingest to bare-parse throughput, from the faster round of each.
 *
 * What "ingest" measures is `ingestFiles` below: `ingestInWorker` on a fresh SQLite store in a
 * temporary directory, as `chancery ingest` runs it (the worker started, detection, decoding, the
 * TEI reader, the records and sources saved, the search index kept in step); its peak RSS is the
 * process's, main thread and worker together.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { ingestInWorker } from '../src/cli/ingest.thread.ts';
import { decodeChunks } from '../src/ingest/source-file.ts';

const FRUS_DIR = fileURLToPath(new URL('../../shared/corpus/frus/', import.meta.url));
const TARGET_BYTES = Number(process.env.BENCH_MB ?? 100) * 1_000_000;
const UTF8 = { encoding: 'utf-8', bomLength: 0 };

type Phase = 'bare' | 'ingest';

interface Pass {
  phase: Phase;
  documents: number;
  ms: number;
  /** Peak resident set of the process that ran the pass, in bytes. */
  peakRss: number;
}

/**
 * The whole ingest, as `chancery ingest` runs it (in a worker thread with a heap ceiling): detect,
 * read, save and index, on a fresh store at `db`, closed at the end. Returns how many documents
 * were read.
 */
async function ingestFiles(paths: string[], db: string): Promise<number> {
  const report = await ingestInWorker({ db, paths, progress: false });
  if (report.failed > 0)
    throw new Error(`ingest failed: ${JSON.stringify(report.files.filter((f) => f.problems.length))}`);
  return report.ingested + report.updated + report.unchanged;
}

async function bareParse(paths: string[]): Promise<number> {
  for (const path of paths) {
    const parser = new SaxesParser();
    // The same bytes-to-text path as the ingest's, so that the two differ only by what is done with the parse.
    for await (const chunk of decodeChunks(path, UTF8)) parser.write(chunk);
    parser.close();
  }
  return 0;
}

/** In a child: one pass over the files listed in `listFile`, reported as JSON on stdout. */
async function runPass(phase: Phase, listFile: string): Promise<void> {
  const paths = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-db-'));
  const start = performance.now();
  const documents =
    phase === 'bare' ? await bareParse(paths) : await ingestFiles(paths, join(dir, 'bench.db'));
  const ms = performance.now() - start;
  // Removing the database is no part of the ingest: it happens after the clock stops.
  rmSync(dir, { recursive: true, force: true });
  const pass: Pass = { phase, documents, ms, peakRss: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(`${JSON.stringify(pass)}\n`);
}

function spawnPass(phase: Phase, listFile: string): Pass {
  const output = execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), phase, listFile],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Pass;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-'));
  try {
    const paths = buildInput(dir);
    const listFile = join(dir, 'files.txt');
    writeFileSync(listFile, paths.join('\n'));
    const bytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);
    console.log(`input: ${paths.length} files, ${(bytes / 1e6).toFixed(1)} MB, in ${dir}`);
    const passes: Pass[] = [];
    for (let round = 0; round < 2; round++) {
      passes.push(spawnPass('bare', listFile), spawnPass('ingest', listFile));
    }
    const bare = fastest(passes, 'bare');
    const ingest = fastest(passes, 'ingest');
    const peakRss = Math.max(...passes.filter((p) => p.phase === 'ingest').map((p) => p.peakRss));
    const mbps = (pass: Pass) => bytes / 1e6 / (pass.ms / 1000);
    console.log(`bare saxes parse : ${mbps(bare).toFixed(1)} MB/s (${(bare.ms / 1000).toFixed(2)} s)`);
    console.log(
      `ingest (whole)   : ${mbps(ingest).toFixed(1)} MB/s, ${(ingest.documents / (ingest.ms / 1000)).toFixed(0)} documents/s (${ingest.documents} documents in ${(ingest.ms / 1000).toFixed(2)} s)`,
    );
    console.log(`ratio ingest/bare: ${(mbps(ingest) / mbps(bare)).toFixed(2)} (target ≥ 0.25)`);
    console.log(`peak RSS (ingest): ${(peakRss / 1e6).toFixed(0)} MB (target < 300 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies of the FRUS volumes until the target size, each with its own volume id. */
function buildInput(dir: string): string[] {
  const volumes = readdirSync(FRUS_DIR)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ id: name.replace(/\.xml$/, ''), bytes: readFileSync(join(FRUS_DIR, name)) }));
  const paths: string[] = [];
  let total = 0;
  for (let copy = 1; total < TARGET_BYTES; copy++) {
    for (const volume of volumes) {
      const id = `${volume.id}-bench${String(copy).padStart(2, '0')}`;
      const path = join(dir, `${id}.xml`);
      // The volume id stands in the header only (TEI/@xml:id, idno[@type="frus"]): the rest is copied as bytes.
      const headerEnd = volume.bytes.indexOf('</teiHeader>');
      const header = volume.bytes
        .subarray(0, headerEnd)
        .toString('utf8')
        .replace(`xml:id="${volume.id}"`, `xml:id="${id}"`)
        .replace(`<idno type="frus">${volume.id}</idno>`, `<idno type="frus">${id}</idno>`);
      writeFileSync(path, header);
      appendFileSync(path, volume.bytes.subarray(headerEnd));
      paths.push(path);
      total += statSync(path).size;
    }
  }
  return paths;
}

function fastest(passes: Pass[], phase: Phase): Pass {
  return passes.filter((p) => p.phase === phase).reduce((a, b) => (b.ms < a.ms ? b : a));
}

const [phase, listFile] = process.argv.slice(2);
if ((phase === 'bare' || phase === 'ingest') && listFile) await runPass(phase, listFile);
else main();
