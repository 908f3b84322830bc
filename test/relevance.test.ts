import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { App } from '../src/app.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { openCorpusApp } from './support/corpus.app.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { ndcgAtK, recallAtK } from './support/relevance.metrics.ts';

interface Judged {
  query: string;
  kind: 'word' | 'phrase' | 'alias' | 'transliteration' | 'cross-script' | 'field';
  relevant: string[];
}

const JUDGED = (
  JSON.parse(readFileSync(new URL('./relevance/judged-queries.json', import.meta.url), 'utf8')) as {
    queries: Judged[];
  }
).queries;
const K = 10;
let sqlite: App;
let postgres: App;
let database: TestDatabase;

// The same corpus in both backends: SQLite in memory, PostgreSQL in a database of this file's own.
before(async () => {
  database = await createTestDatabase('relevance');
  sqlite = await openCorpusApp({ frus: true });
  postgres = await openCorpusApp({ frus: true, db: database.url() });
});
after(async () => {
  await sqlite?.close();
  await postgres?.close();
  await database?.drop();
});

/** recall@10 and nDCG@10 averaged over the judged set, and the queries short of 1. */
async function measure(app: App): Promise<{ recall: number; ndcg: number; weak: string[] }> {
  let recall = 0;
  let ndcg = 0;
  const weak: string[] = [];
  for (const judged of JUDGED) {
    const result = await searchArchive({ q: judged.query, page: 1, pageSize: K }, app);
    const ranked = result.hits.map((h) => h.id);
    const relevant = new Set(judged.relevant);
    const r = recallAtK(ranked, relevant);
    const n = ndcgAtK(ranked, relevant);
    recall += r;
    ndcg += n;
    if (r < 1 || n < 1) weak.push(`${judged.query}: recall@10 ${r.toFixed(2)}, nDCG@10 ${n.toFixed(2)}`);
  }
  return { recall: recall / JUDGED.length, ndcg: ndcg / JUDGED.length, weak };
}

test('the metrics: a perfect ranking scores 1, a ranking with the relevant document last scores less', () => {
  const relevant = new Set(['a', 'b']);
  assert.equal(recallAtK(['a', 'b', 'c'], relevant), 1);
  assert.equal(ndcgAtK(['a', 'b', 'c'], relevant), 1);
  assert.equal(recallAtK(['c', 'a'], relevant), 0.5);
  assert.ok(ndcgAtK(['c', 'd', 'a', 'b'], relevant) < 0.7);
  assert.equal(recallAtK(['x', 'y'], relevant), 0);
});

test('the judged set holds at least 40 queries, ten or more of them cross-script or cross-name', () => {
  assert.ok(JUDGED.length >= 40, `${JUDGED.length} queries`);
  const crossing = JUDGED.filter((j) => ['alias', 'transliteration', 'cross-script'].includes(j.kind));
  assert.ok(crossing.length >= 10, `${crossing.length} cross-script or cross-name queries`);
  assert.ok(JUDGED.every((j) => j.relevant.length > 0));
});

test('relevance over the judged set: recall@10 ≥ 0.9 and nDCG@10 ≥ 0.8 on SQLite, and PostgreSQL within 0.01 of it', async (t) => {
  const measured = { sqlite: await measure(sqlite), postgres: await measure(postgres) };
  for (const [backend, { recall, ndcg, weak }] of Object.entries(measured)) {
    t.diagnostic(
      `${backend}: recall@10 ${recall.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)} over ${JUDGED.length} queries`,
    );
    for (const line of weak) t.diagnostic(`${backend}: ${line}`);
  }
  const { recall, ndcg } = measured.sqlite;
  assert.ok(recall >= 0.9, `recall@10 ${recall.toFixed(3)} < 0.9`);
  assert.ok(ndcg >= 0.8, `nDCG@10 ${ndcg.toFixed(3)} < 0.8`);
  assert.ok(
    Math.abs(measured.postgres.recall - recall) <= 0.01,
    `PostgreSQL recall@10 ${measured.postgres.recall.toFixed(3)}, SQLite ${recall.toFixed(3)}`,
  );
  assert.ok(
    Math.abs(measured.postgres.ndcg - ndcg) <= 0.01,
    `PostgreSQL nDCG@10 ${measured.postgres.ndcg.toFixed(3)}, SQLite ${ndcg.toFixed(3)}`,
  );
});
