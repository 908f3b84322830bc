/**
 * Ingest throughput on FRUS volumes, against a bare streaming parse of the same bytes.
 *
 *   npx tsx bench/ingest.ts            # ≥ 100 MB: the two FRUS volumes repeated
 *   BENCH_MB=20 npx tsx bench/ingest.ts
 *
 * Builds the input in a temporary directory (each copy with its own volume id, so record ids do
 * not collide), then in one run: a bare saxes parse of every file, and the reader over every
 * file, twice each, alternating, keeping the better round of each. Prints documents per second,
 * MB per second, peak RSS and the ratio of ingest to bare-parse throughput.
 *
 * What is measured as "ingest" is `ingestFiles` below: for now the TEI reader alone, every item
 * consumed. When the batch (src/ingest/ingest.batch.ts) stores records, replace its body with a
 * call to `ingestPaths({ paths, store, authorities, readers })` on a fresh store; nothing else
 * here changes.
 */
import { appendFileSync, createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SaxesParser } from 'saxes';
import type { SourceInput } from '../src/ingest/formats/format.types.ts';
import { teiFrusReader } from '../src/ingest/formats/tei-frus.reader.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';

const FRUS_DIR = new URL('../../shared/corpus/frus/', import.meta.url).pathname;
const TARGET_BYTES = Number(process.env.BENCH_MB ?? 100) * 1_000_000;
/** The batch reads files in chunks of this size (src/ingest/source-file.ts). */
const CHUNK_BYTES = 256 * 1024;

interface Round {
  documents: number;
  bytes: number;
  ms: number;
}

/** Ingest of `paths`: returns how many documents were read. The one place to wire the store in. */
async function ingestFiles(paths: string[]): Promise<number> {
  const authorities = new AuthorityIndex();
  let documents = 0;
  for (const path of paths) {
    for await (const item of teiFrusReader.read(sourceInput(path), { authorities })) {
      if (item.kind === 'record') documents++;
      else if (item.kind === 'authority') authorities.add(item.authority);
      else if (item.kind === 'problem') throw new Error(`${path}: ${item.problem.message}`);
    }
  }
  return documents;
}

async function bareParse(paths: string[]): Promise<number> {
  let documents = 0;
  for (const path of paths) {
    const parser = new SaxesParser();
    for await (const chunk of decodedChunks(path)) parser.write(chunk);
    parser.close();
    documents++;
  }
  return documents;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-'));
  try {
    const paths = buildInput(dir);
    const bytes = paths.reduce((sum, p) => sum + statSync(p).size, 0);
    console.log(`input: ${paths.length} files, ${(bytes / 1e6).toFixed(1)} MB (${basename(dir)})`);
    if (process.env.BENCH_DEBUG) console.log('after build', process.resourceUsage().maxRSS / 1e3);
    await ingestFiles(paths.slice(0, 2));
    await bareParse(paths.slice(0, 2));
    const bare: Round[] = [];
    const ingest: Round[] = [];
    for (let round = 0; round < 2; round++) {
      bare.push(await time(bytes, () => bareParse(paths)));
      if (process.env.BENCH_DEBUG) console.log('after bare', process.resourceUsage().maxRSS / 1e3);
      ingest.push(await time(bytes, () => ingestFiles(paths)));
      if (process.env.BENCH_DEBUG) console.log('after ingest', process.resourceUsage().maxRSS / 1e3);
    }
    const bestBare = best(bare);
    const bestIngest = best(ingest);
    const ratio = bestIngest.bytes / bestIngest.ms / (bestBare.bytes / bestBare.ms);
    const peakRss = process.resourceUsage().maxRSS * 1024;
    console.log(`bare saxes parse : ${mbPerSecond(bestBare).toFixed(1)} MB/s`);
    console.log(
      `ingest (reader)  : ${(bestIngest.documents / (bestIngest.ms / 1000)).toFixed(0)} documents/s, ${mbPerSecond(bestIngest).toFixed(1)} MB/s, ${bestIngest.documents} documents in ${(bestIngest.ms / 1000).toFixed(2)} s`,
    );
    console.log(`ratio ingest/bare: ${ratio.toFixed(2)} (target ≥ 0.25)`);
    console.log(`peak RSS         : ${(peakRss / 1e6).toFixed(0)} MB (target < 300 MB)`);
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

function sourceInput(path: string): SourceInput {
  const size = statSync(path).size;
  return {
    path,
    name: basename(path),
    size,
    sha256: '',
    encoding: 'utf-8',
    head: '',
    text: async () => readFileSync(path, 'utf8'),
    chunks: () => decodedChunks(path),
  };
}

async function* decodedChunks(path: string): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function time(bytes: number, run: () => Promise<number>): Promise<Round> {
  const start = performance.now();
  const documents = await run();
  return { documents, bytes, ms: performance.now() - start };
}

function best(rounds: Round[]): Round {
  return rounds.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function mbPerSecond(round: Round): number {
  return round.bytes / 1e6 / (round.ms / 1000);
}

await main();
