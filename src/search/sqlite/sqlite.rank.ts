import type Database from 'better-sqlite3';
import type { SearchPlan } from '../search.plan.ts';
import type { PageHit } from '../search-index.types.ts';
import { ftsPlan } from './fts.compile.ts';
import type { SqliteMatches } from './sqlite.matches.ts';

/** bm25 weights of the FTS columns: title, names, summary, body, capitals. */
export const FIELD_WEIGHTS = 'bm25(search_fts, 10.0, 8.0, 3.0, 1.0, 1.0)';

/**
 * One page of a plan's matches from the SQLite index: by tier and bm25 with words, by date
 * without. It runs in the search's own thread and in its workers (sqlite.search.worker.ts).
 */
export class SqliteRanker {
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    /** The plan's documents, when conditions narrow the matches or there are no words. */
    private readonly matches: SqliteMatches,
  ) {}

  /** One read transaction: the documents kept and the ranking see one state of the index. */
  page(plan: SearchPlan, window: { from: number; size: number }): PageHit[] {
    if (window.size === 0) return [];
    return this.db.transaction(() => {
      const { match, tiers, conditions } = ftsPlan(plan);
      if (match === null) return this.pageByDate(this.matches.docs(plan), window);
      const kept = conditions.length > 0 ? this.matches.docs(plan) : null;
      return this.pageByScore(match, tiers, kept, window);
    })();
  }

  /**
   * The page of the best matches, ranked by SQLite as the bare FTS5 query is (ties by rowid).
   * When conditions left only some matches, `kept` lists them: they reach SQLite as a mask, one
   * byte per rowid, so that bm25 is computed for the kept matches only (a list of rowids would
   * have FTS5 run the match once per rowid).
   */
  private pageByScore(
    match: string,
    /** Narrower matches (names as typed, then with common spellings): their documents come first. */
    tiers: string[],
    kept: number[] | null,
    window: { from: number; size: number },
  ): PageHit[] {
    const { size } = window;
    const mask = kept === null ? null : maskOf(kept);
    // Tier by tier, each ranked alone: bm25 is computed once per document, as in the bare query,
    // and a tier that fills the page spares the rest. Tiers nest (typed within common within all).
    const levels = [...tiers, match];
    const hits: PageHit[] = [];
    let skip = window.from;
    for (const [i, level] of levels.entries()) {
      if (hits.length >= size) break;
      const own = i === 0 ? level : `(${level}) NOT (${levels[i - 1]})`;
      if (skip > 0 && i < levels.length - 1) {
        const count = this.countMatches(own, mask);
        if (count <= skip) {
          skip -= count;
          continue;
        }
      }
      hits.push(...this.rank(own, mask, size - hits.length, skip));
      skip = 0;
    }
    return hits;
  }

  private rank(match: string, mask: Buffer | null, size: number, from: number): PageHit[] {
    const rank = `SELECT rowid, ${FIELD_WEIGHTS} AS score FROM search_fts WHERE search_fts MATCH ?`;
    const sql = `${rank}${mask ? ` AND substr(?, rowid + 1, 1) = x'01'` : ''} ORDER BY score, rowid LIMIT ? OFFSET ?`;
    const params: unknown[] = mask ? [match, mask, size, from] : [match, size, from];
    return (
      this.prepare(sql)
        .raw()
        .all(...params) as [number, number][]
    ).map(([doc, score]) => ({ doc, score }));
  }

  private countMatches(match: string, mask: Buffer | null): number {
    const sql = `SELECT count(*) FROM search_fts WHERE search_fts MATCH ?${mask ? ` AND substr(?, rowid + 1, 1) = x'01'` : ''}`;
    return Number(
      this.prepare(sql)
        .pluck()
        .get(...(mask ? [match, mask] : [match])),
    );
  }

  /**
   * The page of a query without words: by date, undated last, ties by rowid. The documents found
   * are looked up by rowid, rather than the query's conditions evaluated a second time.
   */
  private pageByDate(docs: number[], window: { from: number; size: number }): PageHit[] {
    if (window.from >= docs.length) return [];
    const rows = this.prepare(
      `SELECT d.rowid FROM json_each(?) j JOIN search_docs d ON d.rowid = j.value
       ORDER BY d.date_min IS NULL, d.date_min, d.rowid LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(JSON.stringify(docs), window.size, window.from) as number[];
    return rows.map((doc) => ({ doc, score: 0 }));
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

/** One byte per rowid, 1 for the documents given. */
function maskOf(docs: number[]): Buffer {
  let max = 0;
  for (const doc of docs) if (doc > max) max = doc;
  const mask = Buffer.alloc(max + 1);
  for (const doc of docs) mask[doc] = 1;
  return mask;
}
