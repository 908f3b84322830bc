import type pg from 'pg';
import { FACETS, type FacetName, type FacetValue, type QueryNode } from '../query/query.types.ts';
import { type SearchPlan, splitPlan } from '../search.plan.ts';
import type { MatchCount } from '../search-index.types.ts';
import { compileText, matchSql, sqlCondition } from './tsquery.compile.ts';

type FilterNode = Extract<QueryNode, { kind: 'filter' }>;
type Queryable = Pick<pg.PoolClient, 'query'>;

/** Facets whose values are linked authorities, counted by reconciled authority. */
const GROUPED_FACETS = ['author', 'recipient', 'person', 'place'];

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
 * How many documents a plan matches, and each facet's first `facetLimit` values, as SQLite's
 * facet columns count them (sqlite.matches.ts, facet.columns.ts): linked people and places by
 * the reconciled authority they stand for, a document once per value; the most documents first,
 * ties by label in code-point order (a value written under several labels shows the smallest
 * among the matches); years and decades in order, all of them. A facet with a
 * filter of its own is counted without it.
 */
export async function countMatches(db: Queryable, plan: SearchPlan, facetLimit: number): Promise<MatchCount> {
  const docs = await matchingDocs(db, plan);
  const facets = await countFacets(db, docs, FACETS, facetLimit);
  for (const { facet, filter } of plan.disjunctive) {
    const others = await matchingDocs(db, without(plan, filter));
    facets[facet] = (await countFacets(db, others, [facet], facetLimit))[facet];
  }
  return { total: docs.length, facets };
}

async function countFacets(
  db: Queryable,
  docs: number[],
  only: readonly FacetName[],
  limit: number,
): Promise<Record<FacetName, FacetValue[]>> {
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<
    FacetName,
    FacetValue[]
  >;
  if (docs.length === 0) return facets;
  const { rows } = await db.query<{ facet: FacetName; value: string; label: string; count: number }>(
    `WITH linked AS (
       SELECT f.facet, f.doc, f.value, f.label,
              CASE WHEN f.facet = ANY($3::text[]) THEN coalesce(m.authority_id, ra.id) END AS grp
       FROM unnest($1::int[]) AS h(doc)
       JOIN search_facets f ON f.doc = h.doc AND f.facet = ANY($2::text[])
       LEFT JOIN authority_members m ON m.member_id = f.value AND f.facet = ANY($3::text[])
       LEFT JOIN reconciled_authorities ra ON ra.id = f.value AND f.facet = ANY($3::text[])
     ),
     counted AS (
       SELECT facet, coalesce(grp, value) AS value, grp IS NOT NULL AS grouped, count(DISTINCT doc) AS count,
              min(label) AS label
       FROM linked GROUP BY facet, coalesce(grp, value), grp IS NOT NULL
     ),
     labelled AS (
       SELECT c.facet, c.value, c.count,
              CASE WHEN c.grouped THEN coalesce(a.name, c.value) ELSE c.label END AS label
       FROM counted c LEFT JOIN reconciled_authorities a ON c.grouped AND a.id = c.value
     )
     SELECT facet, value, label, count FROM (
       SELECT *, row_number() OVER (PARTITION BY facet ORDER BY count DESC, label, value) AS n FROM labelled
     ) ranked
     WHERE facet IN ('year', 'decade') OR n <= $4
     ORDER BY facet, CASE WHEN facet IN ('year', 'decade') THEN value END, count DESC, label, value`,
    [docs, only, GROUPED_FACETS, limit],
  );
  for (const { facet, value, label, count } of rows) facets[facet].push({ value, label, count });
  return facets;
}

/** The plan with one of its filters left out: a facet counted without its own filter. */
function without(plan: SearchPlan, filter: FilterNode): SearchPlan {
  const parts = plan.query.kind === 'and' ? plan.query.children : [plan.query];
  return splitPlan({ kind: 'and', children: parts.filter((p) => p !== filter) });
}
