/**
 * Search latency on a corpus of at least one million text blocks, against the bare FTS5 floor and
 * MiniSearch over the same documents, in one run.
 *
 *   npx tsx bench/search.ts                   # ≥ 1,000,000 blocks
 *   BENCH_BLOCKS=200000 npx tsx bench/search.ts
 *
 * Builds the corpus in a temporary SQLite file: the seeds and the FRUS volumes of ../shared are
 * ingested once, then their records are saved again under new ids (`…-r7`) with their dates moved
 * by whole years, until the texts hold the number of blocks asked for. Then for every query of a
 * fixed mix (names in several scripts, words, phrases, prefixes, fields, dates) it times:
 * - Chancery: `searchArchive` (parse, name expansion, FTS5 match, ranking, total, all facets,
 *   snippets of the first page);
 * - the floor: the same FTS5 MATCH expression alone, ranked by bm25, first 10 rowids;
 * - MiniSearch: the same documents (title and texts), AND of the query's words.
 * Prints p50 and p95 of each over all queries and repetitions, the ratio to the floor, and the
 * peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { type App, openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { expandNames } from '../src/search/query/query.expand.ts';
import { parseQuery } from '../src/search/query/query.parse.ts';
import { resolveFields } from '../src/search/query/query.resolve.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { ftsExpression, isTextOnly } from '../src/search/sqlite/fts.compile.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const TARGET_BLOCKS = Number(process.env.BENCH_BLOCKS ?? 1_000_000);
const REPETITIONS = Number(process.env.BENCH_REPS ?? 5);

const QUERIES = [
  'Stalin',
  'Kaesong',
  'Кайдзъё',
  'Chou En-lai',
  '周恩来',
  'Ким Ир Сен',
  'Panmunjom',
  'Syngman Rhee',
  'armistice negotiations',
  '"neutral nations supervisory commission"',
  '"prisoners of war"',
  'negotiat*',
  'Tibet Lhasa',
  'Formosa -Tibet',
  'Kaesong OR Panmunjom',
  'военнопленных',
  'type:telegram Seoul',
  'author:"Secretary of State" Formosa',
  'Dalai Lama date:1951-01..1951-12',
  'lang:ru',
];

// BENCH_DB=FILE keeps the corpus in FILE and reuses it on the next run.
const dir = process.env.BENCH_DB ? null : mkdtempSync(join(tmpdir(), 'chancery-bench-search-'));
const dbPath = process.env.BENCH_DB ?? join(dir as string, 'bench.db');
try {
  await run();
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

async function run(): Promise<void> {
  const app = await openApp({ db: dbPath });
  const started = performance.now();
  const reused = (await app.store.countRecords()) > 0;
  if (reused) {
    const mini = new MiniSearch<{ id: string; title: string; body: string }>({
      fields: ['title', 'body'],
      storeFields: [],
    });
    let documents = 0;
    let blocks = 0;
    for await (const record of app.store.streamRecords()) {
      mini.add(toMiniDocument(record));
      documents++;
      blocks += record.texts.reduce((m, t) => m + t.blocks.length, 0);
    }
    return measure(app, mini, documents, blocks, (performance.now() - started) / 1000);
  }
  await ingestPaths({
    paths: [`${SHARED}seeds`, `${SHARED}corpus/frus`],
    store: app.store,
    authorities: app.authorities,
    readers: app.readers,
  });
  const originals: ChanceryRecord[] = [];
  for await (const record of app.store.streamRecords()) originals.push(record);
  const blocksPerPass = originals.reduce((n, r) => n + r.texts.reduce((m, t) => m + t.blocks.length, 0), 0);
  let blocks = blocksPerPass;
  let documents = originals.length;
  const mini = new MiniSearch<{ id: string; title: string; body: string }>({
    fields: ['title', 'body'],
    storeFields: [],
  });
  mini.addAll(originals.map(toMiniDocument));
  for (let copy = 1; blocks < TARGET_BLOCKS; copy++) {
    const replicas = originals.map((record) => replicate(record, copy));
    for (let i = 0; i < replicas.length; i += 500) await app.store.saveRecords(replicas.slice(i, i + 500));
    mini.addAll(replicas.map(toMiniDocument));
    blocks += blocksPerPass;
    documents += replicas.length;
    process.stderr.write(`\rbuilding: ${documents} documents, ${blocks} blocks`);
  }
  process.stderr.write('\n');
  return measure(app, mini, documents, blocks, (performance.now() - started) / 1000);
}

async function measure(
  app: App,
  mini: MiniSearch<{ id: string; title: string; body: string }>,
  documents: number,
  blocks: number,
  buildSeconds: number,
): Promise<void> {
  const db = new Database(dbPath, { readonly: true });
  const floor = db.prepare(
    'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 10.0, 8.0, 3.0, 1.0) LIMIT 10',
  );
  const timings = { chancery: [] as number[], floor: [] as number[], minisearch: [] as number[] };
  const perQuery: string[] = [];
  for (const q of QUERIES) {
    const tree = resolveFields(expandNames(parseQuery(q), app.authorities), app.authorities);
    const textParts = (tree.kind === 'and' ? tree.children : [tree]).filter(isTextOnly);
    const expression = textParts.some((p) => p.kind !== 'not')
      ? ftsExpression({ kind: 'and', children: textParts })
      : null;
    const words = q
      .replace(/\w+:("[^"]*"|\S+)/g, '')
      .replace(/[-"*()]|\bOR\b/g, ' ')
      .trim();
    let total = 0;
    const mine: number[] = [];
    for (let rep = 0; rep <= REPETITIONS; rep++) {
      const t0 = performance.now();
      total = (await searchArchive({ q, page: 1, pageSize: 10 }, app)).total;
      const t1 = performance.now();
      if (expression) floor.all(expression);
      const t2 = performance.now();
      if (words) mini.search(words, { combineWith: 'AND' }).slice(0, 10);
      const t3 = performance.now();
      if (rep === 0) continue; // warm-up
      timings.chancery.push(t1 - t0);
      mine.push(t1 - t0);
      if (expression) timings.floor.push(t2 - t1);
      if (words) timings.minisearch.push(t3 - t2);
    }
    perQuery.push(
      `  ${q.padEnd(42)} ${String(total).padStart(7)} hits  p50 ${percentile(mine, 50).toFixed(1)} ms`,
    );
  }
  db.close();
  await app.close();

  const chancery = summary(timings.chancery);
  const floorStats = summary(timings.floor);
  const miniStats = summary(timings.minisearch);
  console.log(`corpus: ${documents} documents, ${blocks} text blocks, built in ${buildSeconds.toFixed(0)} s`);
  console.log(`queries: ${QUERIES.length} × ${REPETITIONS} repetitions (after one warm-up each)`);
  console.log(perQuery.join('\n'));
  console.log('');
  console.log('                         p50 ms   p95 ms');
  console.log(`  Chancery (all facets)  ${chancery}`);
  console.log(`  bare FTS5 floor        ${floorStats}`);
  console.log(`  MiniSearch             ${miniStats}`);
  console.log(
    `  Chancery / floor: p50 ×${(percentile(timings.chancery, 50) / percentile(timings.floor, 50)).toFixed(2)}, p95 ×${(percentile(timings.chancery, 95) / percentile(timings.floor, 95)).toFixed(2)}`,
  );
  console.log(
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (MiniSearch's in-memory index included)`,
  );
}

function replicate(record: ChanceryRecord, copy: number): ChanceryRecord {
  const shift = (date: string | null) =>
    date ? `${String(Number(date.slice(0, 4)) + (copy % 40)).padStart(4, '0')}${date.slice(4)}` : date;
  return {
    ...record,
    id: `${record.id}-r${copy}`,
    date: { ...record.date, min: shift(record.date.min), max: shift(record.date.max) },
    collections: record.collections.map((c) => ({ ...c, id: `${c.id}-r${copy}` })),
  };
}

function toMiniDocument(record: ChanceryRecord): { id: string; title: string; body: string } {
  return {
    id: record.id,
    title: record.title,
    body: record.texts.flatMap((t) => t.blocks.map((b) => b.text)).join('\n'),
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summary(values: number[]): string {
  return `${percentile(values, 50).toFixed(1).padStart(6)}   ${percentile(values, 95).toFixed(1).padStart(6)}`;
}
