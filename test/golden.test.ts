import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { type GoldenFile, matchGolden } from './golden.match.ts';
import { createTestDatabase } from './support/postgres.db.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const SEEDS = fileURLToPath(new URL('seeds/', SHARED));
const GOLDEN = fileURLToPath(new URL('golden/', SHARED));

const database = await createTestDatabase('golden');
after(() => database.drop());
let schemas = 0;
/** Each backend's fresh, empty archive: SQLite in memory, PostgreSQL in a schema of its own. */
const BACKENDS: Record<string, () => string> = {
  sqlite: () => ':memory:',
  postgres: () => database.url(`golden_${++schemas}`),
};

/**
 * The record a seed yields, the way `chancery show ID --json` prints it: ingested by the batch
 * (detection, decoding, the reader), saved in a store and read back from it.
 */
async function recordFromSeed(fileName: string, db = ':memory:'): Promise<ChanceryRecord> {
  const app = await openApp({ db });
  try {
    const report = await ingestPaths({
      paths: [`${SEEDS}${fileName}`],
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
    });
    assert.deepEqual(report.files[0]?.problems, [], `${fileName} ingests without problems`);
    const [summary, ...others] = await app.store.listRecords();
    assert.ok(summary && others.length === 0, `${fileName}: expected one record`);
    const record = await app.store.getRecord(summary.id);
    assert.ok(record);
    assert.equal(record.source.file, fileName, 'source.file is the file name');
    return record;
  } finally {
    await app.close();
  }
}

const goldenFiles = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('golden facts of the seed pages', () => {
  test('there is a golden file for every seed', () => {
    const seeds = readdirSync(SEEDS).sort();
    const covered = goldenFiles.map(
      (f) => (JSON.parse(readFileSync(`${GOLDEN}${f}`, 'utf8')) as GoldenFile)['source.file'],
    );
    assert.deepEqual(covered.sort(), seeds);
  });

  for (const [backend, db] of Object.entries(BACKENDS)) {
    for (const goldenFile of goldenFiles) {
      const golden = JSON.parse(readFileSync(`${GOLDEN}${goldenFile}`, 'utf8')) as GoldenFile;
      test(`${backend}: ${golden['source.file']} yields every fact of golden/${goldenFile}`, async () => {
        const record = await recordFromSeed(golden['source.file'], db());
        const mismatches = matchGolden(record, golden);
        assert.deepEqual(mismatches, [], mismatches.map((m) => `${m.path}: ${m.message}`).join('\n'));
      });
    }
  }
});

describe('golden check', () => {
  test('fails on a seed record that differs from the golden facts in one place', async () => {
    const golden = JSON.parse(readFileSync(`${GOLDEN}000_1a6ead44c4c0e4a5.json`, 'utf8')) as GoldenFile;
    const record = await recordFromSeed(golden['source.file']);
    const recipient = record.recipients[0];
    assert.ok(recipient);
    recipient.alias = null;
    const block = record.texts[0]?.blocks[2];
    assert.ok(block);
    block.text = `Document Information ${block.text}`;
    const paths = matchGolden(record, golden).map((m) => m.path);
    assert.deepEqual(paths, ['record.recipients[expected 0]', 'record.texts[0].blocks[2].text']);
  });
});
