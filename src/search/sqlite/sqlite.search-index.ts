import type Database from 'better-sqlite3';
import type { ChanceryRecord } from '../../record/record.types.ts';
import type { SqliteAuthorities } from '../../store/sqlite/sqlite.authorities.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../../store/store.types.ts';
import { type SearchPlan, splitPlan } from '../search.plan.ts';
import type {
  HitSource,
  MatchCount,
  NameFormQuery,
  PageHit,
  SearchIndex,
  WrittenName,
} from '../search-index.types.ts';
import { ftsPlan } from './fts.compile.ts';
import { findThread, listCorrespondencePairs } from './sqlite.correspondence.ts';
import { CountThread } from './sqlite.count.thread.ts';
import { SqliteMatches } from './sqlite.matches.ts';

/** bm25 weights of the FTS columns: title, names, summary, body, capitals. */
export const FIELD_WEIGHTS = 'bm25(search_fts, 10.0, 8.0, 3.0, 1.0, 1.0)';

/**
 * Search over the SQLite FTS5 index that the store writes in its own transactions
 * (sqlite.index-writer.ts). On a database file, counting the matches and their facets runs in a
 * worker thread on its own connection while this thread ranks the page; in memory, and whenever
 * the worker is busy, this thread counts too.
 */
export class SqliteSearchIndex implements SearchIndex {
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly matches: SqliteMatches;
  private readonly counter: CountThread | null;

  constructor(
    private readonly db: Database.Database,
    /** The reconciled authorities: facets and correspondents count people, not each source's record of them. */
    private readonly authorities: SqliteAuthorities,
  ) {
    this.matches = new SqliteMatches(db, () => authorities.grouping());
    this.counter = db.memory ? null : new CountThread(db.name);
  }

  async count(plan: SearchPlan, options: { facetLimit: number }): Promise<MatchCount> {
    if (this.counter?.available()) {
      try {
        return await this.counter.count(plan, options.facetLimit);
      } catch {
        // Counted here instead: a failure of the plan itself fails again with its own error.
      }
    }
    return this.matches.count(plan, options.facetLimit);
  }

  async page(plan: SearchPlan, window: { from: number; size: number }): Promise<PageHit[]> {
    if (window.size === 0) return [];
    return this.db.transaction(() => {
      const { match, tiers, conditions } = ftsPlan(plan);
      if (match === null) return this.pageByDate(this.matches.docs(plan), window);
      const kept = conditions.length > 0 ? this.matches.docs(plan) : null;
      return this.pageByScore(match, tiers, kept, window);
    })();
  }

  /**
   * What the page shows of each hit: the title and date from the record's row, and from its JSON
   * only the summary and the texts, which SQLite extracts. Parsing whole records in JavaScript
   * (alignments, diffs, mentions) took a fifth longer over the first pages of bench/search.
   */
  async hitSources(docs: readonly number[]): Promise<Map<number, HitSource>> {
    if (docs.length === 0) return new Map();
    const rows = this.prepare(
      `SELECT d.rowid, r.id, r.title, r.date_display, r.json ->> '$.summary', r.json -> '$.texts'
       FROM search_docs d JOIN records r ON r.id = d.record_id
       WHERE d.rowid IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(JSON.stringify(docs)) as [number, string, string, string, string | null, string][];
    return new Map(
      rows.map(([doc, id, title, date, summary, texts]) => [
        doc,
        { id, title, date, summary, texts: JSON.parse(texts) as ChanceryRecord['texts'] },
      ]),
    );
  }

  /**
   * Forms of names the texts write that share a key with the given ones, each with its script:
   * the spellings of a name in other scripts and romanizations (src/search/query/query.variants.ts).
   */
  async nameForms(keys: readonly string[], options: NameFormQuery): Promise<WrittenName[]> {
    if (keys.length === 0) return [];
    const rows = this.prepare(
      `SELECT DISTINCT form, term FROM search_name_keys
       WHERE key IN (SELECT value FROM json_each(?)) AND script <> ? ORDER BY form LIMIT ?`,
    )
      .raw()
      .all(JSON.stringify(keys), options.notInScript ?? '', options.limit) as [string, string][];
    const kept = options.keep ? rows.filter(([form]) => options.keep?.(form)) : rows;
    // How often each is written, read for the forms kept only: counting a word's documents is
    // the costly part, and a loose key is shared by many forms.
    const documents = this.prepare(
      "SELECT doc FROM search_vocab WHERE term = ? AND col = 'capitals'",
    ).pluck();
    const counted = new Map<string, number>();
    const count = (term: string) => {
      let n = counted.get(term);
      if (n === undefined) {
        n = Number(documents.get(term) ?? 0);
        counted.set(term, n);
      }
      return n;
    };
    return kept
      .map(([form, term]) => ({ form, documents: count(term) }))
      .sort((a, b) => b.documents - a.documents || (a.form < b.form ? -1 : 1));
  }

  /** The number of the index's latest change (`search_seq`): another process's included. */
  async generation(): Promise<number> {
    return Number(this.prepare('SELECT value FROM search_seq').pluck().get());
  }

  async listCorrespondence(
    options: { personKey?: string; limit?: number } = {},
  ): Promise<CorrespondencePair[]> {
    return listCorrespondencePairs(this.db, options, this.authorities);
  }

  async findCorrespondence(query: { a: string; b: string }): Promise<CorrespondenceEntry[]> {
    return findThread(this.db, query, this.authorities);
  }

  async countDocumentsLinking(ids?: readonly string[]): Promise<Map<string, number>> {
    const linking = `f.facet IN ('author', 'recipient', 'person', 'place', 'author-office', 'recipient-office')`;
    const rows = (
      ids
        ? this.prepare(
            `SELECT m.authority_id, count(DISTINCT f.doc) FROM authority_members m
             JOIN search_facets f ON f.value = m.member_id AND ${linking}
             WHERE m.authority_id IN (SELECT value FROM json_each(?)) GROUP BY m.authority_id`,
          )
            .raw()
            .all(JSON.stringify(ids))
        : this.prepare(
            `SELECT m.authority_id, count(DISTINCT f.doc) FROM search_facets f
             JOIN authority_members m ON m.member_id = f.value WHERE ${linking} GROUP BY m.authority_id`,
          )
            .raw()
            .all()
    ) as [string, number][];
    return new Map(rows);
  }

  /** The facet columns of this thread and, on a file, of the counting worker, once it has started. */
  async warm(): Promise<void> {
    const everything = splitPlan({ kind: 'and', children: [] });
    this.matches.count(everything, 1);
    await this.counter?.started();
    if (this.counter?.available()) await this.counter.count(everything, 1);
  }

  async close(): Promise<void> {
    await this.counter?.close();
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
