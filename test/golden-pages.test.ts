import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, describe, test } from 'node:test';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { countFacts, type FactCount, type GoldenFile, matchGolden } from './golden.match.ts';
import { createTestDatabase } from './support/postgres.db.ts';
import { GOLDEN_DIR, PAGES_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * The golden facts of the seeds and of the development pages (`../shared/pages/`, the archive's
 * PDF exports and their extracted text), held through the whole path: the batch (detection,
 * decoding, the reader), the store, and the record read back as `chancery show ID --json` prints it.
 * Where a page also comes as the archive's own PDF, the PDF must yield the same facts.
 */

interface Case {
  /** The file the golden facts name. */
  goldenFile: string;
  golden: GoldenFile;
  /** The file ingested: the one the facts name, or the PDF of the same page. */
  path: string;
}

const database = await createTestDatabase('golden_pages');
after(() => database.drop());
let schemas = 0;

/** The record a file yields, or the reason it yields none; in memory, or in a fresh PostgreSQL schema. */
async function recordFrom(
  path: string,
  backend: 'sqlite' | 'postgres' = 'sqlite',
): Promise<ChanceryRecord | string> {
  const app = await openApp({ db: backend === 'sqlite' ? ':memory:' : database.url(`pages_${++schemas}`) });
  try {
    const report = await ingestPaths({
      paths: [path],
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
    });
    const file = report.files[0];
    if (file?.status !== 'ok') return `${basename(path)}: ${JSON.stringify(file?.problems)}`;
    const [summary, ...others] = await app.store.listRecords();
    assert.ok(summary && others.length === 0, `${basename(path)}: expected one record`);
    const record = await app.store.getRecord(summary.id);
    assert.ok(record);
    return record;
  } finally {
    await app.close();
  }
}

function readGolden(path: string): GoldenFile {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenFile;
}

const seedCases: Case[] = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const golden = readGolden(`${GOLDEN_DIR}${f}`);
    return { goldenFile: f, golden, path: `${SEEDS_DIR}${golden['source.file']}` };
  });
const pageGoldens = readdirSync(`${GOLDEN_DIR}pages/`)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ goldenFile: `pages/${f}`, golden: readGolden(`${GOLDEN_DIR}pages/${f}`) }));
const textCases: Case[] = pageGoldens.map((g) => ({ ...g, path: `${PAGES_DIR}${g.golden['source.file']}` }));
const pdfCases: Case[] = pageGoldens
  .map((g) => ({ ...g, path: `${PAGES_DIR}${g.golden['source.file'].replace(/\.txt$/, '.pdf')}` }))
  .filter((c) => existsSync(c.path));

/** The golden facts, for the PDF of a page: the same record, its own file name. */
function asPdf(golden: GoldenFile, path: string): GoldenFile {
  return { ...golden, 'source.file': basename(path) };
}

interface Tally extends FactCount {
  files: number;
  whole: number;
}

async function tally(
  cases: Case[],
  pdf: boolean,
  backend: 'sqlite' | 'postgres' = 'sqlite',
): Promise<{ tally: Tally; failures: string[] }> {
  const sum: Tally = { held: 0, total: 0, files: 0, whole: 0 };
  const failures: string[] = [];
  for (const c of cases) {
    const golden = pdf ? asPdf(c.golden, c.path) : c.golden;
    const record = await recordFrom(c.path, backend);
    sum.files++;
    if (typeof record === 'string') {
      sum.total += countFacts({}, golden).total;
      failures.push(record);
      continue;
    }
    const facts = countFacts(record, golden);
    const mismatches = matchGolden(record, golden);
    sum.held += facts.held;
    sum.total += facts.total;
    if (mismatches.length === 0) sum.whole++;
    for (const m of mismatches) failures.push(`${basename(c.path)}: ${m.path}: ${m.message}`);
  }
  return { tally: sum, failures };
}

const figure = (t: Tally) =>
  `${t.held}/${t.total} facts (${(t.held / t.total).toFixed(3)}), ${t.whole}/${t.files} files whole`;

describe('golden facts of the seeds and the development pages, through ingest, store and show --json', () => {
  test('there is a golden file for every development page', () => {
    const pages = readdirSync(PAGES_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    assert.deepEqual(pageGoldens.map((g) => g.golden['source.file']).sort(), pages);
    assert.ok(pdfCases.length >= 8, 'the PDF exports are beside their texts');
  });

  test('every fact holds for the seeds and the pages as text', async (t) => {
    const seeds = await tally(seedCases, false);
    const pages = await tally(textCases, false);
    t.diagnostic(`seeds: ${figure(seeds.tally)}`);
    t.diagnostic(`pages (.txt): ${figure(pages.tally)}`);
    assert.deepEqual([...seeds.failures, ...pages.failures], []);
  });

  test('every fact holds for the seeds and the pages as text stored in PostgreSQL', async (t) => {
    const seeds = await tally(seedCases, false, 'postgres');
    const pages = await tally(textCases, false, 'postgres');
    t.diagnostic(`seeds: ${figure(seeds.tally)}`);
    t.diagnostic(`pages (.txt): ${figure(pages.tally)}`);
    assert.deepEqual([...seeds.failures, ...pages.failures], []);
  });

  test('every fact holds for the pages as the archive’s own PDF exports', async (t) => {
    // The same record facts as the text extracted from the PDF: block boundaries come from the
    // PDF's own line positions, and the golden facts name blocks by their start, end or content.
    const pdfs = await tally(pdfCases, true);
    t.diagnostic(`pages (.pdf): ${figure(pdfs.tally)}`);
    assert.deepEqual(pdfs.failures, []);
  });
});
