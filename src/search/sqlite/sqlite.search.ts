import type Database from 'better-sqlite3';
import type { ChanceryRecord } from '../../record/record.types.ts';
import { buildIndexDocument } from '../index-document.build.ts';
import { positiveSequences } from '../query/query.terms.ts';
import {
  FACETS,
  type FacetName,
  type FacetValue,
  type QueryNode,
  type SearchRequest,
  type SearchResponse,
} from '../query/query.types.ts';
import { buildSnippet } from '../snippet.build.ts';
import { ftsExpression, isTextOnly, sqlCondition } from './fts.compile.ts';

/** bm25 weights of the FTS columns: title, names, summary, body. */
const FIELD_WEIGHTS = 'bm25(search_fts, 10.0, 8.0, 3.0, 1.0)';
const FACET_LIMIT = 20;

/**
 * The SQLite FTS5 search index. It lives in the store's database so that the store updates it in
 * the same transaction as the record: the index never drifts from the records.
 */
export class SqliteSearchIndex {
  private readonly statements;
  /** Statements whose SQL depends on the query's shape, prepared once per shape. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (doc INTEGER PRIMARY KEY, score REAL NOT NULL)');
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
      clearHits: db.prepare('DELETE FROM search_hits'),
      countHits: db.prepare('SELECT count(*) FROM search_hits').pluck(),
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
  }

  removeRecord(recordId: string): void {
    const rowid = this.statements.docByRecord.get(recordId) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFts.run(rowid);
    this.statements.deleteFacets.run(rowid);
    this.statements.deleteDoc.run(rowid);
  }

  search(request: SearchRequest): SearchResponse {
    const { match, conditions } = splitQuery(request.query);
    const ranked = match !== null;
    this.fillHits(match, conditions);
    const total = Number(this.statements.countHits.get());
    const rows = this.prepare(
      `SELECT d.record_id AS id, r.json, s.score FROM search_hits s
         JOIN search_docs d ON d.rowid = s.doc JOIN records r ON r.id = d.record_id
         ORDER BY ${ranked ? 's.score, ' : ''}d.date_min IS NULL, d.date_min, d.record_id LIMIT ? OFFSET ?`,
    ).all(request.pageSize, (request.page - 1) * request.pageSize) as {
      id: string;
      json: string;
      score: number;
    }[];
    const sequences = positiveSequences(request.query);
    const hits = rows.map((row) => {
      const record = JSON.parse(row.json) as ChanceryRecord;
      return {
        id: row.id,
        title: record.title,
        date: record.date.display,
        snippet: buildSnippet(record, sequences),
        score: ranked ? Math.round(-row.score * 1000) / 1000 : 0,
      };
    });
    const facets = this.countFacets();
    for (const [facet, without] of disjunctiveFacets(request.query)) {
      const split = splitQuery(without);
      this.fillHits(split.match, split.conditions);
      facets[facet] = this.countFacets([facet])[facet];
    }
    this.statements.clearHits.run();
    return { total, page: request.page, pageSize: request.pageSize, hits, facets };
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** Puts the matching documents with their scores into the temporary hits table. */
  private fillHits(match: string | null, conditions: QueryNode[]): void {
    this.statements.clearHits.run();
    const params: unknown[] = [];
    const where = conditions.length ? conditions.map((c) => sqlCondition(c, params)).join(' AND ') : '1';
    if (match === null) {
      this.db
        .prepare(`INSERT INTO search_hits SELECT d.rowid, 0 FROM search_docs d WHERE ${where}`)
        .run(...params);
      return;
    }
    this.prepare(
      `INSERT INTO search_hits SELECT h.rowid, h.score
         FROM (SELECT rowid, ${FIELD_WEIGHTS} AS score FROM search_fts WHERE search_fts MATCH ?) h
         JOIN search_docs d ON d.rowid = h.rowid WHERE ${where}`,
    ).run(match, ...params);
  }

  private countFacets(only: readonly FacetName[] = FACETS): Record<FacetName, FacetValue[]> {
    const rows = this.prepare(
      `SELECT f.facet, f.value, min(f.label) AS label, count(*) AS count FROM search_hits s
         JOIN search_facets f ON f.doc = s.doc WHERE f.facet IN (${only.map(() => '?').join(', ')})
         GROUP BY f.facet, f.value`,
    ).all(...only) as (FacetValue & { facet: FacetName })[];
    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<
      FacetName,
      FacetValue[]
    >;
    for (const { facet, ...value } of rows) facets[facet].push(value);
    for (const facet of only) {
      const chronological = facet === 'year' || facet === 'decade';
      facets[facet] = facets[facet]
        .sort((a, b) =>
          chronological
            ? a.value.localeCompare(b.value)
            : b.count - a.count || a.label.localeCompare(b.label),
        )
        .slice(0, chronological ? undefined : FACET_LIMIT);
    }
    return facets;
  }
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
