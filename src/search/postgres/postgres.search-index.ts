import type pg from 'pg';
import { ChanceryError } from '../../errors.ts';
import type { ChanceryRecord } from '../../record/record.types.ts';
import type { PostgresAuthorities } from '../../store/postgres/postgres.authorities.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../../store/store.types.ts';
import { stemWord } from '../analysis/word.stem.ts';
import { searchTimeout } from '../search.budget.ts';
import type { SearchPlan } from '../search.plan.ts';
import {
  documentsWithWord,
  type HitSource,
  type MatchCount,
  type NameFormQuery,
  type PageHit,
  type SearchIndex,
  type WrittenName,
} from '../search-index.types.ts';
import { findThread, listCorrespondencePairs } from './postgres.correspondence.ts';
import { PostgresFacetColumns } from './postgres.facet-columns.ts';
import { countMatches } from './postgres.matches.ts';
import { type IndexStatistics, rankPage } from './postgres.ranking.ts';
import type { RankedPhrase } from './tsquery.compile.ts';
import { quoteLexeme } from './tsvector.build.ts';

/** Snapshots a count takes at most while other searches move the facet columns past it. */
const COUNT_ATTEMPTS = 5;

/** Document counts of phrases remembered, the oldest forgotten first. */
const COUNT_MEMORY = 20_000;

/**
 * Search over the PostgreSQL index that the store writes in its own transactions
 * (postgres.index-writer.ts). A search's count and page run side by side on two connections of
 * the pool, each in one snapshot. What it holds between searches is brought to each search's
 * snapshot or keyed on the index's generation, `search_state.seq`, which every write moves on: the
 * facet columns (postgres.facet-columns.ts), and how many documents hold a phrase. A write by any
 * process is seen by every process's next search.
 */
export class PostgresSearchIndex implements SearchIndex {
  private readonly counted = new Map<string, number>();
  private readonly facets: PostgresFacetColumns;

  constructor(
    private readonly pool: pg.Pool,
    private readonly authorities: PostgresAuthorities,
    /** A server's time budget per search, the statement timeout of its snapshot; none for a command. */
    private readonly budgetMs?: number,
  ) {
    this.facets = new PostgresFacetColumns(pool);
  }

  async count(plan: SearchPlan, options: { facetLimit: number }): Promise<MatchCount> {
    // Counted on the facet columns of the search's own snapshot: when this process already holds
    // a later state (another search read a write that this snapshot began before), a new snapshot.
    for (let attempt = 1; ; attempt++) {
      const counted = await this.snapshot(async (client) => {
        const { rows } = await client.query<{ seq: string }>('SELECT seq FROM search_state');
        const columns = await this.facets.at(client, Number(rows[0]?.seq ?? 0));
        if (!columns) return null;
        return countMatches(client, plan, options.facetLimit, columns, await this.authorities.grouping());
      });
      if (counted) return counted;
      if (attempt === COUNT_ATTEMPTS)
        throw new ChanceryError(
          'search.timeout',
          'The archive is being written faster than this search could count it; try again in a few seconds.',
        );
    }
  }

  async page(plan: SearchPlan, window: { from: number; size: number }): Promise<PageHit[]> {
    if (window.size === 0) return [];
    return this.snapshot(async (client) => rankPage(client, plan, window, await this.statistics(client)));
  }

  /** What the page shows of each hit: the record's title and date, and from its JSON the summary and texts. */
  async hitSources(docs: readonly number[]): Promise<Map<number, HitSource>> {
    if (docs.length === 0) return new Map();
    const { rows } = await this.pool.query<{
      doc: number;
      id: string;
      title: string;
      date: string;
      summary: string | null;
      texts: ChanceryRecord['texts'];
    }>(
      `SELECT d.doc, r.id, r.title, r.date_display AS date, r.json::json ->> 'summary' AS summary,
              r.json::json -> 'texts' AS texts
       FROM search_docs d JOIN records r ON r.id = d.record_id WHERE d.doc = ANY($1::int[])`,
      [docs],
    );
    return new Map(rows.map(({ doc, ...source }) => [doc, source]));
  }

  /** Forms of names the texts write that share a key with the given ones, the most written first. */
  async nameForms(keys: readonly string[], options: NameFormQuery): Promise<WrittenName[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.pool.query<{ form: string; term: string }>(
      `SELECT DISTINCT form, term FROM search_name_keys
       WHERE key = ANY($1::text[]) AND script <> $2 ORDER BY form LIMIT $3`,
      [keys, options.notInScript ?? '', options.limit],
    );
    const kept = options.keep ? rows.filter(({ form }) => options.keep?.(form)) : rows;
    // How often each is written, counted for the forms kept only (fts5vocab's 'col' count on
    // SQLite): as a name (caps, words as written), and its stem in the texts (weight D, SQLite's
    // 'body'), less the stem written as a name when it is another word (Robert, of Roberts).
    const generation = await this.generation();
    const stems = kept.map(({ term }) => stemWord(term, 'und'));
    const n = kept.length;
    const counts = await this.documentsWith(this.pool, generation, [
      ...kept.map(({ term }) => ({ column: 'caps' as const, query: quoteLexeme(term) })),
      ...stems.map((stem) => ({ column: 'fts' as const, query: `${quoteLexeme(stem)}:D` })),
      ...stems.map((stem) => ({ column: 'caps' as const, query: quoteLexeme(stem) })),
    ]);
    return kept
      .map(({ form, term }, i) => {
        const asName = counts[i] ?? 0;
        const stemAsName = stems[i] === term ? 0 : (counts[2 * n + i] ?? 0);
        const withWord = documentsWithWord({ asName, withStem: counts[n + i] ?? 0, stemAsName });
        return { form, documents: asName, withWord };
      })
      .sort((a, b) => b.documents - a.documents || (a.form < b.form ? -1 : 1));
  }

  /** The number of the index's latest change (`search_state.seq`): another process's included. */
  async generation(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number }>('SELECT seq FROM search_state');
    return rows[0]?.seq ?? 0;
  }

  async listCorrespondence(
    options: { personKey?: string; limit?: number } = {},
  ): Promise<CorrespondencePair[]> {
    return listCorrespondencePairs(this.pool, options, this.authorities);
  }

  async findCorrespondence(query: { a: string; b: string }): Promise<CorrespondenceEntry[]> {
    return findThread(this.pool, query, this.authorities);
  }

  async countDocumentsLinking(ids?: readonly string[]): Promise<Map<string, number>> {
    const linking = `f.facet IN ('author', 'recipient', 'person', 'place', 'organization', 'author-office', 'recipient-office')`;
    const { rows } = ids
      ? await this.pool.query({
          text: `SELECT m.authority_id, count(DISTINCT f.doc)::int FROM authority_members m
                 JOIN search_facets f ON f.value = m.member_id AND ${linking}
                 WHERE m.authority_id = ANY($1::text[]) GROUP BY m.authority_id`,
          values: [ids],
          rowMode: 'array',
        })
      : await this.pool.query({
          text: `SELECT m.authority_id, count(DISTINCT f.doc)::int FROM search_facets f
                 JOIN authority_members m ON m.member_id = f.value WHERE ${linking} GROUP BY m.authority_id`,
          rowMode: 'array',
        });
    return new Map(rows as [string, number][]);
  }

  /** The facet columns read into memory, as a server does before its first search. */
  async warm(): Promise<void> {
    await this.facets.load();
  }

  /** The pool belongs to the store, which closes it. */
  async close(): Promise<void> {}

  /** The index's size and average length, in the caller's snapshot. */
  private async statistics(client: pg.PoolClient): Promise<IndexStatistics> {
    const { rows } = await client.query<{ seq: number; docs: number; tokens: number }>(
      'SELECT seq, docs, tokens FROM search_state',
    );
    const { seq = 0, docs = 0, tokens = 0 } = rows[0] ?? {};
    return {
      docs,
      averageLength: docs > 0 ? tokens / docs : 1,
      documentsWith: (phrases) => this.documentsWith(client, seq, phrases),
    };
  }

  /** How many documents hold each phrase, remembered for the index's generation. */
  private async documentsWith(
    db: Pick<pg.PoolClient, 'query'>,
    generation: number,
    phrases: readonly RankedPhrase[],
  ): Promise<number[]> {
    const keyOf = (p: RankedPhrase) => `${generation}\u0000${p.column}\u0000${p.query}`;
    const missing = [
      ...new Set(
        phrases.filter((p) => !this.counted.has(keyOf(p))).map((p) => `${p.column}\u0000${p.query}`),
      ),
    ];
    if (missing.length > 0) {
      const split = missing.map((m) => m.split('\u0000') as [string, string]);
      const { rows } = await db.query<{ n: number }>(
        `SELECT (CASE WHEN q.column_name = 'caps'
                   THEN (SELECT count(*) FROM search_docs d WHERE d.caps @@ q.query)
                   ELSE (SELECT count(*) FROM search_docs d WHERE d.fts @@ q.query) END) AS n
         FROM unnest($1::text[], $2::tsquery[]) WITH ORDINALITY AS q(column_name, query, i) ORDER BY q.i`,
        [split.map(([c]) => c), split.map(([, q]) => q)],
      );
      for (const [i, [column, query]] of split.entries()) {
        if (this.counted.size >= COUNT_MEMORY)
          this.counted.delete(this.counted.keys().next().value as string);
        this.counted.set(`${generation}\u0000${column}\u0000${query}`, rows[i]?.n ?? 0);
      }
    }
    return phrases.map((p) => this.counted.get(keyOf(p)) ?? 0);
  }

  /** One read-only snapshot on one connection: the matches, the facets and the statistics agree. */
  private async snapshot<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;${
          this.budgetMs ? ` SET LOCAL statement_timeout = ${Math.ceil(this.budgetMs)}` : ''
        }`,
      );
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      // 57014: the statement was cancelled, here by its timeout.
      if (this.budgetMs && (error as { code?: string }).code === '57014') throw searchTimeout(this.budgetMs);
      throw error;
    } finally {
      client.release();
    }
  }
}
