import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { App } from '../src/app.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { openCorpusApp } from './support/corpus.app.ts';
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
let app: App;

before(async () => {
  app = await openCorpusApp({ frus: true });
});
after(() => app.close());

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

test('relevance over the judged set: recall@10 ≥ 0.9 and nDCG@10 ≥ 0.8', async (t) => {
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
  recall /= JUDGED.length;
  ndcg /= JUDGED.length;
  t.diagnostic(`recall@10 ${recall.toFixed(3)}, nDCG@10 ${ndcg.toFixed(3)} over ${JUDGED.length} queries`);
  for (const line of weak) t.diagnostic(line);
  assert.ok(recall >= 0.9, `recall@10 ${recall.toFixed(3)} < 0.9`);
  assert.ok(ndcg >= 0.8, `nDCG@10 ${ndcg.toFixed(3)} < 0.8`);
});
