import type Database from 'better-sqlite3';
import type { ChanceryRecord } from '../../record/record.types.ts';
import type { SqliteAuthorities } from '../../store/sqlite/sqlite.authorities.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../../store/store.types.ts';
import { stemWord } from '../analysis/word.stem.ts';
import { SEARCH_BUDGET_MS } from '../search.budget.ts';
import { type SearchPlan, splitPlan } from '../search.plan.ts';
import {
  documentsWithWord,
  type HitSource,
  type MatchCount,
  type NameFormQuery,
  type PageHit,
  type SearchIndex,
  type WrittenName,
} from '../search-index.types.ts';
import { findThread, listCorrespondencePairs } from './sqlite.correspondence.ts';
import { SqliteMatches } from './sqlite.matches.ts';
import { SqliteRanker } from './sqlite.rank.ts';
import { SearchThreads } from './sqlite.search-threads.ts';

/**
 * Search over the SQLite FTS5 index that the store writes in its own transactions
 * (sqlite.index-writer.ts). With `threads` (a server), counts and pages run in worker threads
 * on a database file, side by side, each search within a time budget (sqlite.search-threads.ts).
 * Otherwise (a command, or an archive in memory, which no other connection can see) they run in
 * this thread, without one: starting workers would cost a one-off search more than it saves.
 */
export class SqliteSearchIndex implements SearchIndex {
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly matches: SqliteMatches;
  private readonly ranker: SqliteRanker;
  private readonly threads: SearchThreads | null;

  constructor(
    private readonly db: Database.Database,
    /** The reconciled authorities: facets and correspondents count people, not each source's record of them. */
    private readonly authorities: SqliteAuthorities,
    options: { threads?: number; budgetMs?: number } = {},
  ) {
    this.matches = new SqliteMatches(db, () => authorities.grouping());
    this.ranker = new SqliteRanker(db, this.matches);
    const threads = options.threads ?? 0;
    this.threads =
      db.memory || threads === 0
        ? null
        : new SearchThreads(db.name, {
            threads,
            budgetMs: options.budgetMs ?? SEARCH_BUDGET_MS,
            maxStopping: threads,
          });
  }

  async count(plan: SearchPlan, options: { facetLimit: number }): Promise<MatchCount> {
    if (!this.threads) return this.matches.count(plan, options.facetLimit);
    return this.threads.count(plan, options.facetLimit);
  }

  async page(plan: SearchPlan, window: { from: number; size: number }): Promise<PageHit[]> {
    if (window.size === 0) return [];
    if (!this.threads) return this.ranker.page(plan, window);
    return this.threads.page(plan, window);
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
    const documents = this.prepare('SELECT doc FROM search_vocab WHERE term = ? AND col = ?').pluck();
    const inColumn = (term: string, column: 'capitals' | 'body') => Number(documents.get(term, column) ?? 0);
    const counted = new Map<string, { documents: number; withWord: number }>();
    const count = (term: string) => {
      let n = counted.get(term);
      if (n === undefined) {
        // The column of names holds words as written; the texts hold stems.
        const stem = stemWord(term, 'und');
        const asName = inColumn(term, 'capitals');
        const withStem = inColumn(stem, 'body');
        const stemAsName = stem === term ? 0 : inColumn(stem, 'capitals');
        n = { documents: asName, withWord: documentsWithWord({ asName, withStem, stemAsName }) };
        counted.set(term, n);
      }
      return n;
    };
    return kept
      .map(([form, term]) => ({ form, ...count(term) }))
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
    const linking = `f.facet IN ('author', 'recipient', 'person', 'place', 'organization', 'author-office', 'recipient-office')`;
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

  /** The workers started, each with its facet columns read (or this thread's, in memory). */
  async warm(): Promise<void> {
    const everything = splitPlan({ kind: 'and', children: [] });
    if (!this.threads) {
      this.matches.count(everything, 1);
      return;
    }
    await this.threads.started();
    // As many counts at once as there are workers: each takes one. A busy machine may take longer
    // than a search's budget to read the columns: the warm-up has none.
    await Promise.all(this.threads.size().map(() => this.threads?.count(everything, 1, { budgeted: false })));
  }

  async close(): Promise<void> {
    await this.threads?.close();
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
