import type pg from 'pg';
import { FacetColumns } from '../facet.columns.ts';

/**
 * Documents read per query when the columns are loaded: bounded memory, whatever the archive. On
 * the bench corpus (76,295 documents, 1.15 million facet rows) a process's RSS grows by 65 MB
 * reading 2,000 at a time, 141 MB reading 20,000, in the same 2.3 s.
 */
const LOAD_DOCS = 2_000;

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The facet columns of a PostgreSQL index (../facet.columns.ts) in this process: loaded once, then
 * brought to the state of each search's snapshot from the numbered changes (`search_docs.seq`,
 * `search_removed`), whichever process wrote them. Every web process holds its own and reads the
 * same changes, so two processes count a search alike right after a write through either.
 */
export class PostgresFacetColumns {
  private latest: FacetColumns | null = null;
  private loading: Promise<FacetColumns> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /**
   * The columns of the caller's snapshot, whose change number is `seq`; null when this process
   * already holds a later state than that snapshot (a search that began before another finished
   * reading a write): the caller asks again on a new snapshot.
   */
  async at(client: Queryable, seq: number): Promise<FacetColumns | null> {
    const columns = this.latest ?? (await this.load());
    if (columns.seq === seq) return columns;
    if (columns.seq > seq) return null;
    const removed = (
      await client.query<{ doc: number }>('SELECT doc FROM search_removed WHERE seq > $1', [columns.seq])
    ).rows.map((r) => r.doc);
    const changedDocs = (
      await client.query<{ doc: number }>('SELECT doc FROM search_docs WHERE seq > $1', [columns.seq])
    ).rows.map((r) => r.doc);
    if (columns.tooManyChanges(removed.length + changedDocs.length)) {
      // Read again, in a snapshot of its own, which may be later than the caller's.
      this.latest = null;
      const loaded = await this.load();
      return loaded.seq === seq ? loaded : null;
    }
    const changed = new Map<number, [string, string, string][]>(changedDocs.map((doc) => [doc, []]));
    const { rows } = await client.query<[number, string, string, string]>({
      text: 'SELECT doc, facet, value, label FROM search_facets WHERE doc = ANY($1::int[])',
      values: [changedDocs],
      rowMode: 'array',
    });
    for (const [doc, facet, value, label] of rows) changed.get(doc)?.push([facet, value, label]);
    const next = columns.withChanges({ seq, removed, changed });
    if (!this.latest || next.seq > this.latest.seq) this.latest = next;
    return next;
  }

  /** Every facet row, read once however many searches ask at once, in one snapshot, without a time budget. */
  load(): Promise<FacetColumns> {
    this.loading ??= this.read().then(
      (columns) => {
        this.loading = null;
        if (!this.latest || columns.seq >= this.latest.seq) this.latest = columns;
        return columns;
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  private async read(): Promise<FacetColumns> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ seq: string; max_doc: number | null; rows: string }>(
        `SELECT (SELECT seq FROM search_state) AS seq, (SELECT max(doc) FROM search_docs) AS max_doc,
                (SELECT count(*) FROM search_facets) AS rows`,
      );
      const maxDoc = rows[0]?.max_doc ?? 0;
      const builder = FacetColumns.builder(Number(rows[0]?.seq ?? 0), maxDoc, Number(rows[0]?.rows ?? 0));
      for (let from = 0; from < maxDoc; from += LOAD_DOCS) {
        const batch = await client.query<[number, string, string, string]>({
          text: 'SELECT doc, facet, value, label FROM search_facets WHERE doc > $1 AND doc <= $2 ORDER BY doc',
          values: [from, from + LOAD_DOCS],
          rowMode: 'array',
        });
        for (const row of batch.rows) builder.add(row);
      }
      await client.query('COMMIT');
      return builder.done();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
