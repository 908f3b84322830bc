import type Database from 'better-sqlite3';
import type { FacetColumns, FacetGrouping } from '../facet.columns.ts';
import { FACETS, type QueryNode } from '../query/query.types.ts';
import { type SearchPlan, withoutFilter } from '../search.plan.ts';
import type { MatchCount } from '../search-index.types.ts';
import { ftsPlan, sqlCondition } from './fts.compile.ts';
import { loadFacetColumns, refreshFacetColumns } from './sqlite.facet-columns.ts';

type FilterNode = Extract<QueryNode, { kind: 'filter' }>;

/**
 * The documents a plan matches in the SQLite index, and their count with the facets. It runs in
 * the search's own thread and in its search workers (sqlite.search.worker.ts), each on its own
 * connection with its own facet columns.
 */
export class SqliteMatches {
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();
  /** The archive's facets in memory, brought up to date before each use. */
  private columns: FacetColumns | null = null;

  constructor(
    private readonly db: Database.Database,
    /** How linked authorities group into reconciled ones, for counting facets (facet.columns.ts). */
    private readonly grouping: () => FacetGrouping | undefined,
  ) {}

  /**
   * How many documents match, and each facet's first `facetLimit` values. One read transaction,
   * so that the matches and the facet columns agree when another process writes meanwhile.
   */
  count(plan: SearchPlan, facetLimit: number): MatchCount {
    return this.db.transaction(() => {
      const columns = this.facetColumns();
      const { matched, inMemory, docs } = this.find(plan, columns);
      const grouping = this.grouping();
      const facets = columns.count(docs, FACETS, grouping, facetLimit);
      for (const { facet, filter } of plan.disjunctive) {
        // Counted without the facet's own filter: from the same matches when it was applied in
        // memory, else by asking again.
        const others = inMemory.includes(filter)
          ? applyFilters(
              columns,
              matched,
              inMemory.filter((f) => f !== filter),
            )
          : this.find(withoutFilter(plan, filter), columns).docs;
        facets[facet] = columns.count(others, [facet], grouping, facetLimit)[facet];
      }
      return { total: docs.length, facets };
    })();
  }

  /** Every document the plan matches, as index rowids in rowid order. */
  docs(plan: SearchPlan): number[] {
    return this.db.transaction(() => this.find(plan, this.facetColumns()).docs)();
  }

  /**
   * With words, facet filters are applied to the matches in memory (facet columns): SQLite would
   * build an index of every document with the facet value for each query (40 ms for
   * type:telegram on a million blocks). Without words, SQL reads them through the facet key.
   */
  private find(
    plan: SearchPlan,
    columns: FacetColumns,
  ): { matched: number[]; inMemory: FilterNode[]; docs: number[] } {
    const { match, conditions } = ftsPlan(plan);
    const inMemory = match === null ? [] : conditions.filter(isFilter);
    const matched = this.findDocs(
      match,
      conditions.filter((c) => !inMemory.includes(c as FilterNode)),
    );
    return { matched, inMemory, docs: applyFilters(columns, matched, inMemory) };
  }

  /**
   * Every matching document, as rowids only: the total and the facets need all of them, but not
   * their scores (bm25 for every match costs more than the match itself). They come as one JSON
   * array, which costs less than a row per document.
   */
  private findDocs(match: string | null, conditions: QueryNode[]): number[] {
    const params: unknown[] = match === null ? [] : [match];
    const where = conditions.map((c) => sqlCondition(c, params)).join(' AND ');
    const sql =
      match === null
        ? `SELECT json_group_array(d.rowid) FROM search_docs d${where ? ` WHERE ${where}` : ''}`
        : where
          ? `SELECT json_group_array(d.rowid) FROM search_fts h JOIN search_docs d ON d.rowid = h.rowid
             WHERE search_fts MATCH ? AND ${where}`
          : 'SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?';
    const json = this.prepare(sql)
      .pluck()
      .get(...params) as string;
    return JSON.parse(json) as number[];
  }

  /** The in-memory facet columns, with what this or another process changed since applied. */
  private facetColumns(): FacetColumns {
    this.columns = this.columns ? refreshFacetColumns(this.columns, this.db) : loadFacetColumns(this.db);
    return this.columns;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}

function isFilter(node: QueryNode): node is FilterNode {
  return node.kind === 'filter';
}

function applyFilters(columns: FacetColumns, docs: number[], filters: FilterNode[]): number[] {
  let kept = docs;
  for (const filter of filters) kept = kept.filter(columns.matcher(filter.facets, filter.values));
  return kept;
}
