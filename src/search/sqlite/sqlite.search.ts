import type Database from 'better-sqlite3';
import type { ChanceryRecord } from '../../record/record.types.ts';
import { buildIndexDocument } from '../index-document.build.ts';
import { positiveSequences } from '../query/query.terms.ts';
import {
  FACETS,
  type FacetName,
  type QueryNode,
  type SearchRequest,
  type SearchResponse,
} from '../query/query.types.ts';
import { buildSnippet } from '../snippet.build.ts';
import { FacetColumns } from './facet.columns.ts';
import { ftsExpression, isTextOnly, sqlCondition } from './fts.compile.ts';

/** bm25 weights of the FTS columns: title, names, summary, body. */
const FIELD_WEIGHTS = 'bm25(search_fts, 10.0, 8.0, 3.0, 1.0)';

/**
 * The SQLite FTS5 search index. It lives in the store's database so that the store updates it in
 * the same transaction as the record: the index never drifts from the records.
 */
export class SqliteSearchIndex {
  private readonly statements;
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();
  /** The archive's facets in memory, brought up to date before each search. */
  private columns: FacetColumns | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      docByRecord: db.prepare('SELECT rowid FROM search_docs WHERE record_id = ?').pluck(),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (record_id, date_min, date_max, seq) VALUES (?, ?, ?, ?)',
      ),
      updateDoc: db.prepare('UPDATE search_docs SET date_min = ?, date_max = ?, seq = ? WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE rowid = ?'),
      markRemoved: db.prepare('INSERT OR REPLACE INTO search_removed (doc, seq) VALUES (?, ?)'),
      nextSeq: db.prepare('UPDATE search_seq SET value = value + 1 RETURNING value').pluck(),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO search_fts (rowid, title, names, summary, body) VALUES (?, ?, ?, ?, ?)',
      ),
      deleteFacets: db.prepare('DELETE FROM search_facets WHERE doc = ?'),
      insertFacet: db.prepare(
        'INSERT OR IGNORE INTO search_facets (doc, facet, value, label) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /**
   * Indexes records, replacing what was indexed under their ids. Call inside the saving
   * transaction, after every other write of it: FTS5 writes its pending terms to disk as a new
   * segment at each savepoint, and SQLite opens one for every statement that checks a foreign
   * key, so FTS rows interleaved with the record's own rows made a segment per record, each to be
   * merged again later (a tenth of ingest time, measured on the FRUS volumes).
   */
  indexRecords(records: readonly ChanceryRecord[]): void {
    const s = this.statements;
    const rows: { rowid: number; doc: ReturnType<typeof buildIndexDocument>; replaces: boolean }[] = [];
    for (const record of records) {
      const doc = buildIndexDocument(record);
      let rowid = s.docByRecord.get(record.id) as number | undefined;
      const replaces = rowid !== undefined;
      if (rowid === undefined) {
        rowid = Number(s.insertDoc.run(record.id, doc.dateMin, doc.dateMax, this.nextSeq()).lastInsertRowid);
      } else {
        s.updateDoc.run(doc.dateMin, doc.dateMax, this.nextSeq(), rowid);
        s.deleteFacets.run(rowid);
      }
      for (const f of doc.facets) s.insertFacet.run(rowid, f.facet, f.value, f.label);
      rows.push({ rowid, doc, replaces });
    }
    for (const { rowid, doc, replaces } of rows) {
      if (replaces) s.deleteFts.run(rowid);
      s.insertFts.run(rowid, doc.title, doc.names, doc.summary, doc.body);
    }
  }

  removeRecord(recordId: string): void {
    const rowid = this.statements.docByRecord.get(recordId) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFts.run(rowid);
    this.statements.deleteFacets.run(rowid);
    this.statements.deleteDoc.run(rowid);
    this.statements.markRemoved.run(rowid, this.nextSeq());
  }

  search(request: SearchRequest): SearchResponse {
    const { match, conditions } = splitQuery(request.query);
    // With words, facet filters are applied to the matches in memory (facet columns): SQLite
    // would build an index of every document with the facet value for each query (40 ms for
    // type:telegram on a million blocks). Without words, SQL reads them through the facet key.
    const inMemory = match === null ? [] : conditions.filter(isFilter);
    const matched = this.findHits(
      match,
      conditions.filter((c) => !inMemory.includes(c as FilterNode)),
    );
    const hits = this.applyFilters(matched, inMemory);
    const from = (request.page - 1) * request.pageSize;
    const page = topHits(hits, from + request.pageSize).slice(from);
    const records = this.loadRecords(page.map((h) => h.doc));
    const sequences = positiveSequences(request.query);
    const facets = this.facetColumns().count(hits.docs);
    for (const [facet, filter] of disjunctiveFacets(request.query)) {
      // Counted without the facet's own filter: from the same matches when it was applied in
      // memory, else by asking again.
      const others = inMemory.includes(filter)
        ? this.applyFilters(
            matched,
            inMemory.filter((f) => f !== filter),
          )
        : this.findHitsWithout(request.query, filter);
      facets[facet] = this.facetColumns().count(others.docs, [facet])[facet];
    }
    return {
      total: hits.docs.length,
      page: request.page,
      pageSize: request.pageSize,
      hits: page.flatMap(({ doc, score }) => {
        const record = records.get(doc);
        if (!record) return [];
        return [
          {
            id: record.id,
            title: record.title,
            date: record.date.display,
            snippet: buildSnippet(record, sequences),
            score: hits.ranked ? Math.round(-score * 1000) / 1000 : 0,
          },
        ];
      }),
      facets,
    };
  }

  /**
   * Every matching document with its score (bm25, lower is better) or, for a query without words,
   * its date: the total and the facets need all of them, the page only the best.
   */
  private findHits(match: string | null, conditions: QueryNode[]): Hits {
    const params: unknown[] = [];
    const where = conditions.map((c) => sqlCondition(c, params)).join(' AND ');
    let rows: [number, number | string | null][];
    if (match === null) {
      rows = this.prepare(`SELECT d.rowid, d.date_min FROM search_docs d${where ? ` WHERE ${where}` : ''}`)
        .raw()
        .all(...params) as [number, string | null][];
    } else if (!where) {
      rows = this.prepare(`SELECT rowid, ${FIELD_WEIGHTS} FROM search_fts WHERE search_fts MATCH ?`)
        .raw()
        .all(match) as [number, number][];
    } else {
      rows = this.prepare(
        `SELECT h.rowid, h.score FROM (SELECT rowid, ${FIELD_WEIGHTS} AS score FROM search_fts WHERE search_fts MATCH ?) h
         JOIN search_docs d ON d.rowid = h.rowid WHERE ${where}`,
      )
        .raw()
        .all(match, ...params) as [number, number][];
    }
    const docs = new Int32Array(rows.length);
    const keys: (number | string | null)[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as [number, number | string | null];
      docs[i] = row[0];
      keys[i] = row[1];
    }
    return { ranked: match !== null, docs, keys };
  }

  private applyFilters(hits: Hits, filters: FilterNode[]): Hits {
    if (filters.length === 0) return hits;
    let kept = Array.from(hits.docs.keys());
    for (const filter of filters) {
      const keep = this.facetColumns().matcher(filter.facets, filter.values);
      kept = kept.filter((i) => keep(hits.docs[i] as number));
    }
    return {
      ranked: hits.ranked,
      docs: Int32Array.from(kept, (i) => hits.docs[i] as number),
      keys: kept.map((i) => hits.keys[i] ?? null),
    };
  }

  private findHitsWithout(query: QueryNode, filter: FilterNode): Hits {
    const parts = query.kind === 'and' ? query.children.filter((p) => p !== filter) : [];
    const split = splitQuery({ kind: 'and', children: parts });
    const inMemory = split.match === null ? [] : split.conditions.filter(isFilter);
    const matched = this.findHits(
      split.match,
      split.conditions.filter((c) => !inMemory.includes(c as FilterNode)),
    );
    return this.applyFilters(matched, inMemory);
  }

  private loadRecords(docs: number[]): Map<number, ChanceryRecord> {
    if (docs.length === 0) return new Map();
    const rows = this.prepare(
      `SELECT d.rowid, r.json FROM search_docs d JOIN records r ON r.id = d.record_id
       WHERE d.rowid IN (${docs.map(() => '?').join(', ')})`,
    )
      .raw()
      .all(...docs) as [number, string][];
    return new Map(rows.map(([doc, json]) => [doc, JSON.parse(json) as ChanceryRecord]));
  }

  /** The in-memory facet columns, with what this or another process changed since applied. */
  private facetColumns(): FacetColumns {
    this.columns = this.columns ? this.columns.refresh(this.db) : FacetColumns.load(this.db);
    return this.columns;
  }

  private nextSeq(): number {
    return Number(this.statements.nextSeq.get());
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

interface Hits {
  ranked: boolean;
  docs: Int32Array;
  /** Beside each document: its bm25 score when ranked, else the date it sorts by. */
  keys: (number | string | null)[];
}

type FilterNode = Extract<QueryNode, { kind: 'filter' }>;

function isFilter(node: QueryNode): node is FilterNode {
  return node.kind === 'filter';
}

/** The best `count` hits in order: by score, or by date (undated last) for a query without words. */
function topHits(hits: Hits, count: number): { doc: number; score: number }[] {
  const { docs, keys } = hits;
  const before = hits.ranked
    ? (a: number, b: number) =>
        (keys[a] as number) - (keys[b] as number) || (docs[a] as number) - (docs[b] as number)
    : (a: number, b: number) => {
        const x = keys[a] as string | null;
        const y = keys[b] as string | null;
        if (x === y) return (docs[a] as number) - (docs[b] as number);
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -1 : 1;
      };
  // A page needs the best few of thousands of hits: keep a short sorted list instead of sorting all.
  const best: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (best.length === count && before(i, best[count - 1] as number) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1] as number) < 0) at--;
    best.splice(at, 0, i);
    if (best.length > count) best.pop();
  }
  return best.map((i) => ({ doc: docs[i] as number, score: hits.ranked ? (keys[i] as number) : 0 }));
}

/**
 * The text part of the query's top level drives the full-text match (and so the ranking); the
 * rest (fields, dates, text under a field's OR) becomes SQL conditions.
 */
function splitQuery(query: QueryNode): { match: string | null; conditions: QueryNode[] } {
  const parts = query.kind === 'and' ? query.children : [query];
  const text = parts.filter(isTextOnly);
  const match = text.some((p) => p.kind !== 'not') ? ftsExpression({ kind: 'and', children: text }) : null;
  return match === null
    ? { match, conditions: parts }
    : { match, conditions: parts.filter((p) => !isTextOnly(p)) };
}

/**
 * Facets with an active filter of their own are counted without it, so that a reader sees the
 * other values they could switch to ("the counts honour the other filters").
 */
function disjunctiveFacets(query: QueryNode): [FacetName, FilterNode][] {
  const parts = query.kind === 'and' ? query.children : [];
  const result: [FacetName, FilterNode][] = [];
  for (const part of parts) {
    if (!isFilter(part) || part.facets.length !== 1) continue;
    const facet = part.facets[0] as FacetName;
    if (FACETS.includes(facet) && parts.length > 1) result.push([facet, part]);
  }
  return result;
}
