import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { archivePageMarkdownReader } from '../src/ingest/formats/archive-page-markdown.reader.ts';
import { archivePagePdfTextReader } from '../src/ingest/formats/archive-page-pdf-text.reader.ts';
import { archivePageTextReader } from '../src/ingest/formats/archive-page-text.reader.ts';
import type { FormatReader } from '../src/ingest/formats/format.types.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { type GoldenFile, matchGolden } from './golden.match.ts';
import { archivePageFromFile } from './support/archive-page.source.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const SEEDS = fileURLToPath(new URL('seeds/', SHARED));
const GOLDEN = fileURLToPath(new URL('golden/', SHARED));
const READERS: FormatReader[] = [archivePageTextReader, archivePageMarkdownReader, archivePagePdfTextReader];

/**
 * The record a seed yields. The one place to change when the golden facts are checked through the
 * ingest batch and the store (`chancery show ID --json`) instead of the readers directly: it must
 * return the record as the store gives it back.
 */
async function recordFromSeed(fileName: string): Promise<ChanceryRecord> {
  const input = archivePageFromFile(`${SEEDS}${fileName}`);
  const reader = READERS.map((r) => ({ r, score: r.detect(input) })).sort((a, b) => b.score - a.score)[0];
  assert.ok(reader && reader.score >= 0.5, `${fileName}: no archive-page reader claims the seed`);
  const authorities = new AuthorityIndex(loadAuthorities());
  const records: ChanceryRecord[] = [];
  for await (const item of reader.r.read(input, { authorities })) {
    if (item.kind === 'record') records.push(item.record);
  }
  assert.equal(records.length, 1, `${fileName}: expected one record`);
  // What the store gives back is JSON: compare what `show --json` would print.
  return JSON.parse(JSON.stringify(records[0])) as ChanceryRecord;
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

  for (const goldenFile of goldenFiles) {
    const golden = JSON.parse(readFileSync(`${GOLDEN}${goldenFile}`, 'utf8')) as GoldenFile;
    test(`${golden['source.file']} yields every fact of golden/${goldenFile}`, async () => {
      const record = await recordFromSeed(golden['source.file']);
      const mismatches = matchGolden(record, golden);
      assert.deepEqual(mismatches, [], mismatches.map((m) => `${m.path}: ${m.message}`).join('\n'));
    });
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
