import type pg from 'pg';
import type { SearchPlan } from '../search.plan.ts';
import type { PageHit } from '../search-index.types.ts';
import { planCondition } from './postgres.matches.ts';
import {
  compileText,
  excluding,
  matchSql,
  phrasesOf,
  type RankedPhrase,
  sqlCondition,
  type TextMatch,
} from './tsquery.compile.ts';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** What BM25 reads of the whole index: how many documents, their average length, and each phrase's document count. */
export interface IndexStatistics {
  docs: number;
  averageLength: number;
  /** How many documents hold a phrase in its vector (remembered per index generation). */
  documentsWith(phrases: readonly RankedPhrase[]): Promise<number[]>;
}

/**
 * FTS5's bm25() field weights (sqlite.search-index.ts: title 10, names 8, summary 3, texts and
 * names as written 1), as ts_rank_cd's weights of the classes D, C, B and A, a tenth of them: ts_rank_cd
 * allows no weight above 1. With no normalization, ts_rank_cd of a word or phrase is the sum of
 * the weights of its occurrences (a phrase's cover weighs the harmonic mean of its words', one
 * field's): times ten, the weighted count of hits FTS5's bm25() reads per phrase.
 */
const WEIGHTS = '{0.1,0.3,0.8,1.0}';
const K1 = 1.2;
const B = 0.75;

/**
 * One page of a plan with words, ranked as SQLite ranks it: tier by tier (the names as typed,
 * then with their common spellings, then all), each by BM25 with FTS5's formula and constants,
 * phrase by phrase, ties by document number. PostgreSQL has no BM25: its parts are computed
 * here, the inverse document frequencies from the index's counts, the weighted hits of each
 * phrase in each document from ts_rank_cd (see WEIGHTS).
 */
export async function rankPage(
  db: Queryable,
  plan: SearchPlan,
  window: { from: number; size: number },
  statistics: IndexStatistics,
): Promise<PageHit[]> {
  const text = plan.text ? compileText(plan.text) : null;
  if (text === null) return pageByDate(db, plan, window);
  const key = (m: TextMatch) => JSON.stringify(m);
  const tiers: TextMatch[] = [];
  for (const level of plan.levels) {
    const tier = compileText(plan.text as NonNullable<SearchPlan['text']>, { level });
    if (
      tier === null ||
      key(tier) === key(text) ||
      (tiers.length && key(tier) === key(tiers.at(-1) as TextMatch))
    )
      continue;
    tiers.push(tier);
  }
  const levels = [...tiers, text];
  const hits: PageHit[] = [];
  let skip = window.from;
  for (const [i, level] of levels.entries()) {
    if (hits.length >= window.size) break;
    const own = i === 0 ? level : excluding(level, levels[i - 1] as TextMatch);
    if (skip > 0 && i < levels.length - 1) {
      const params: unknown[] = [];
      const where = whereOf(own, plan, params);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*) AS n FROM search_docs d WHERE ${where}`,
        params,
      );
      const count = rows[0]?.n ?? 0;
      if (count <= skip) {
        skip -= count;
        continue;
      }
    }
    hits.push(...(await rank(db, own, plan, { from: skip, size: window.size - hits.length }, statistics)));
    skip = 0;
  }
  return hits;
}

async function rank(
  db: Queryable,
  match: TextMatch,
  plan: SearchPlan,
  window: { from: number; size: number },
  statistics: IndexStatistics,
): Promise<PageHit[]> {
  const phrases = phrasesOf(match);
  const counts = await statistics.documentsWith(phrases);
  const params: unknown[] = [];
  const where = whereOf(match, plan, params);
  const hitsOf: string[] = [];
  const terms: string[] = [];
  let lengthNorm = '';
  for (const [i, phrase] of phrases.entries()) {
    const count = counts[i] ?? 0;
    // A phrase no document holds has no hits in any: it adds nothing to a score.
    if (count === 0) continue;
    // FTS5: idf = ln((N - n + 0.5) / (n + 0.5)), and 1e-6 where that is not above 0.
    const idf = Math.log((statistics.docs - count + 0.5) / (count + 0.5));
    const t = `t${hitsOf.length}`;
    lengthNorm ||= `${K1}::float8 * (1::float8 - ${B}::float8 + ${B}::float8 * d.length::float8 / $${params.push(statistics.averageLength)}::float8)`;
    hitsOf.push(
      `round(10 * ts_rank_cd('${WEIGHTS}'::float4[], d.${phrase.column}, $${params.push(phrase.query)}::tsquery, 0)::float8) AS ${t}`,
    );
    terms.push(
      `$${params.push(idf > 0 ? idf : 1e-6)}::float8 * ((h.${t} * ${K1 + 1}::float8) / (h.${t} + ${lengthNorm}))`,
    );
  }
  const score = terms.length ? `-(${terms.join(' + ')})` : '0::float8';
  // OFFSET 0 keeps the hits a subquery of their own: each ts_rank_cd is computed once per document.
  const hits = hitsOf.length ? `CROSS JOIN LATERAL (SELECT ${hitsOf.join(', ')} OFFSET 0) h` : '';
  // The matches are a subquery of their own too (OFFSET 0), found through the text indexes: with
  // no score to rank by (no document holds any phrase), the order is the document number's, and
  // PostgreSQL would walk every document in that order for the first ten that match, which are
  // none (0.5 s on a million blocks for a name no text writes as typed).
  const { rows } = await db.query<{ doc: number; score: number }>(
    `SELECT d.doc, ${score} AS score FROM (SELECT * FROM search_docs d WHERE ${where} OFFSET 0) d ${hits}
     ORDER BY score, d.doc LIMIT $${params.push(window.size)} OFFSET $${params.push(window.from)}`,
    params,
  );
  return rows;
}

function whereOf(match: TextMatch, plan: SearchPlan, params: unknown[]): string {
  return [matchSql(match, params), ...plan.conditions.map((c) => sqlCondition(c, params))].join(' AND ');
}

/** The page of a query without words: by date, undated last, ties by document number. */
async function pageByDate(
  db: Queryable,
  plan: SearchPlan,
  window: { from: number; size: number },
): Promise<PageHit[]> {
  const params: unknown[] = [];
  const where = planCondition(plan, params);
  const { rows } = await db.query<{ doc: number }>(
    `SELECT d.doc FROM search_docs d WHERE ${where}
     ORDER BY d.date_min IS NULL, d.date_min, d.doc LIMIT $${params.push(window.size)} OFFSET $${params.push(window.from)}`,
    params,
  );
  return rows.map(({ doc }) => ({ doc, score: 0 }));
}
