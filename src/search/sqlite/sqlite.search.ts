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
  /** Facet columns and the database version they were read at; `changed` after this connection wrote. */
  private columns: { facets: FacetColumns; version: number; changed: boolean } | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      docByRecord: db.prepare('SELECT rowid FROM search_docs WHERE record_id = ?').pluck(),
      insertDoc: db.prepare('INSERT INTO search_docs (record_id, date_min, date_max) VALUES (?, ?, ?)'),
      updateDoc: db.prepare('UPDATE search_docs SET date_min = ?, date_max = ? WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE rowid = ?'),
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

  /** Indexes a record, replacing what was indexed under its id. Call inside the saving transaction. */
  indexRecord(record: ChanceryRecord): void {
    const doc = buildIndexDocument(record);
    const s = this.statements;
    let rowid = s.docByRecord.get(record.id) as number | undefined;
    if (rowid === undefined) {
      rowid = Number(s.insertDoc.run(record.id, doc.dateMin, doc.dateMax).lastInsertRowid);
    } else {
      s.updateDoc.run(doc.dateMin, doc.dateMax, rowid);
      s.deleteFts.run(rowid);
      s.deleteFacets.run(rowid);
    }
    s.insertFts.run(rowid, doc.title, doc.names, doc.summary, doc.body);
    for (const f of doc.facets) s.insertFacet.run(rowid, f.facet, f.value, f.label);
    // data_version only moves for other connections' commits: our own writes are noted here.
    if (this.columns) this.columns.changed = true;
  }

  removeRecord(recordId: string): void {
    const rowid = this.statements.docByRecord.get(recordId) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFts.run(rowid);
    this.statements.deleteFacets.run(rowid);
    this.statements.deleteDoc.run(rowid);
    if (this.columns) this.columns.changed = true;
  }

  search(request: SearchRequest): SearchResponse {
    const { match, conditions } = splitQuery(request.query);
    const hits = this.findHits(match, conditions);
    const from = (request.page - 1) * request.pageSize;
    const page = topHits(hits, from + request.pageSize).slice(from);
    const records = this.loadRecords(page.map((h) => h.doc));
    const sequences = positiveSequences(request.query);
    const columns = this.facetColumns();
    const facets = columns.count(hits.docs);
    for (const [facet, without] of disjunctiveFacets(request.query)) {
      const split = splitQuery(without);
      facets[facet] = columns.count(this.findHits(split.match, split.conditions).docs, [facet])[facet];
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
    const where = conditions.length ? conditions.map((c) => sqlCondition(c, params)).join(' AND ') : '';
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
    rows.forEach(([doc, key], i) => {
      docs[i] = doc;
      keys[i] = key;
    });
    return { ranked: match !== null, docs, keys };
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

  /** The in-memory facet columns, reloaded when this or another connection changed the index. */
  private facetColumns(): FacetColumns {
    const version = Number(this.db.pragma('data_version', { simple: true }));
    if (!this.columns || this.columns.version !== version || this.columns.changed) {
      this.columns = { facets: FacetColumns.load(this.db), version, changed: false };
    }
    return this.columns.facets;
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
  /** bm25 score per hit when ranked, else the date it sorts by. */
  keys: (number | string | null)[];
}

/** The best `count` hits in order: by score, or by date (undated last) for a query without words. */
function topHits(hits: Hits, count: number): { doc: number; score: number }[] {
  const order = Array.from(hits.docs.keys());
  const { keys, docs } = hits;
  const compare = hits.ranked
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
  return order
    .sort(compare)
    .slice(0, count)
    .map((i) => ({ doc: docs[i] as number, score: hits.ranked ? (keys[i] as number) : 0 }));
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
function disjunctiveFacets(query: QueryNode): [FacetName, QueryNode][] {
  const parts = query.kind === 'and' ? query.children : [query];
  const result: [FacetName, QueryNode][] = [];
  for (const part of parts) {
    if (part.kind !== 'filter' || part.facets.length !== 1) continue;
    const facet = part.facets[0] as FacetName;
    if (!FACETS.includes(facet)) continue;
    const rest = parts.filter((p) => p !== part);
    if (rest.length === 0) continue;
    result.push([facet, rest.length === 1 ? (rest[0] as QueryNode) : { kind: 'and', children: rest }]);
  }
  return result;
}
