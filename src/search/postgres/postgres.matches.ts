import type pg from 'pg';
import type { FacetColumns, FacetGrouping } from '../facet.columns.ts';
import { FACETS } from '../query/query.types.ts';
import { type SearchPlan, withoutFilter } from '../search.plan.ts';
import type { MatchCount } from '../search-index.types.ts';
import { compileText, matchSql, sqlCondition } from './tsquery.compile.ts';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The SQL condition on `d` (search_docs) for everything a plan asks: its text as tsqueries on the
 * row's vectors, its fields and dates. `TRUE` for a plan without any.
 */
export function planCondition(plan: SearchPlan, params: unknown[]): string {
  const text = plan.text ? compileText(plan.text) : null;
  const parts =
    text === null ? (plan.query.kind === 'and' ? plan.query.children : [plan.query]) : plan.conditions;
  const where = [...(text ? [matchSql(text, params)] : []), ...parts.map((c) => sqlCondition(c, params))];
  return where.length ? where.join(' AND ') : 'TRUE';
}

/** Every document a plan matches, by index number, in order. */
export async function matchingDocs(db: Queryable, plan: SearchPlan): Promise<number[]> {
  const params: unknown[] = [];
  const where = planCondition(plan, params);
  const { rows } = await db.query<{ docs: number[] | null }>(
    `SELECT array_agg(d.doc ORDER BY d.doc) AS docs FROM search_docs d WHERE ${where}`,
    params,
  );
  return rows[0]?.docs ?? [];
}

/**
 * How many documents a plan matches, and each facet's first `facetLimit` values, counted from the
 * facet columns of the caller's snapshot as SQLite counts them (../facet.columns.ts): linked
 * people and places by the reconciled authority they stand for, a document once per value. A
 * facet with a filter of its own is counted without it.
 */
export async function countMatches(
  db: Queryable,
  plan: SearchPlan,
  facetLimit: number,
  columns: FacetColumns,
  grouping: FacetGrouping | undefined,
): Promise<MatchCount> {
  const docs = await matchingDocs(db, plan);
  const facets = columns.count(docs, FACETS, grouping, facetLimit);
  for (const { facet, filter } of plan.disjunctive) {
    const others = await matchingDocs(db, withoutFilter(plan, filter));
    facets[facet] = columns.count(others, [facet], grouping, facetLimit)[facet];
  }
  return { total: docs.length, facets };
}
