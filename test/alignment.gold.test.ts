import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { enrichRecord } from '../src/ingest/record.enrich.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { linkAccuracy, loadAlignmentFixtures, recordFromFixture } from './support/alignment.gold.ts';
import { SEEDS_DIR } from './support/shared-paths.ts';

/**
 * Alignment against gold alignments made by hand: both seeds, ingested by the batch as
 * `chancery ingest` would, and bilingual documents written for the tests (merged and split
 * paragraphs, Chinese–English, a translation that leaves a paragraph out, Korean–Russian).
 */
const MIN_ACCURACY = 0.95;
const { documents, seeds } = loadAlignmentFixtures();
let app: App;
const seedRecords = new Map<string, ChanceryRecord>();

before(async () => {
  app = await openApp({ db: ':memory:' });
  const report = await ingestPaths({
    paths: seeds.map((s) => `${SEEDS_DIR}${s.seed}`),
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  assert.equal(report.failed, 0);
  for (const summary of await app.store.listRecords()) {
    const record = await app.store.getRecord(summary.id);
    if (record) seedRecords.set(record.source.file, record);
  }
});
after(() => app?.close());

test('the fixtures hold both seeds and at least four bilingual documents', () => {
  assert.equal(seeds.length, 2);
  assert.ok(documents.length >= 4);
  const pairs = documents.map((d) => `${d.source.language}-${d.target.language}`);
  assert.ok(pairs.includes('zh-Hans-en'), 'a Chinese–English document');
});

test(`link accuracy is at least ${MIN_ACCURACY} on every gold alignment, and over all of them`, (t) => {
  let correct = 0;
  let total = 0;
  const check = (name: string, result: ReturnType<typeof linkAccuracy>) => {
    t.diagnostic(`${name}: ${result.correct}/${result.total} = ${result.accuracy.toFixed(3)}`);
    assert.ok(
      result.accuracy >= MIN_ACCURACY,
      `${name}: accuracy ${result.accuracy.toFixed(3)}; links not in the gold: ${result.wrong.join('; ')}`,
    );
    correct += result.correct;
    total += result.total;
  };
  for (const seed of seeds) {
    const record = seedRecords.get(seed.seed);
    assert.ok(record, `${seed.seed} was ingested`);
    for (const gold of seed.alignments) {
      const found = record.alignments.find((a) => a.source === gold.source && a.target === gold.target);
      assert.ok(found, `${seed.name}: the batch aligned ${gold.source} with ${gold.target}`);
      check(`${seed.name} ${gold.source}→${gold.target}`, linkAccuracy(gold.gold, found.links));
    }
  }
  for (const fixture of documents) {
    const record = enrichRecord(recordFromFixture(fixture, app.authorities), {
      readFrom: 'archive-page-text',
    });
    const [alignment] = record.alignments;
    assert.ok(alignment, `${fixture.name}: one alignment`);
    assert.deepEqual([alignment.source, alignment.target], [fixture.source.id, fixture.target.id]);
    check(fixture.name, linkAccuracy(fixture.gold, alignment.links));
  }
  t.diagnostic(`all: ${correct}/${total} = ${(correct / total).toFixed(3)}`);
  assert.ok(correct / total >= MIN_ACCURACY);
});

test('every one of the 19 Russian paragraphs of the seed cable is linked to one English paragraph', () => {
  const cable = seedRecords.get('000_1a6ead44c4c0e4a5.txt');
  const alignment = cable?.alignments.find((a) => a.source === 'original');
  assert.ok(alignment);
  const russian = alignment.links.filter((l) => l.source.length > 0);
  assert.equal(russian.flatMap((l) => l.source).length, 19);
  for (const link of russian) {
    assert.equal(link.target.length, 1, `${link.source.join('+')} has one counterpart`);
    assert.ok(link.score > 0 && link.score <= 1);
  }
});
