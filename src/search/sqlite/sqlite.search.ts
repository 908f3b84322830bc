import type Database from 'better-sqlite3';
import { nameKeys } from '../../names/translit/name.keys.ts';
import { scriptOf } from '../../names/translit/script.text.ts';
import type { ChanceryRecord } from '../../record/record.types.ts';
import type { NameFormQuery, WrittenName } from '../../store/store.types.ts';
import { analyzeText } from '../analysis/text.analyze.ts';
import { buildIndexDocument, type IndexDocument } from '../index-document.build.ts';
import { positiveSequences } from '../query/query.terms.ts';
import {
  FACETS,
  type FacetName,
  type QueryNode,
  type SearchRequest,
  type SearchResponse,
} from '../query/query.types.ts';
import { buildSnippet, type SnippetSource } from '../snippet.build.ts';
import { FacetColumns, type FacetGrouping } from './facet.columns.ts';
import { ftsExpression, isTextOnly, sqlCondition } from './fts.compile.ts';

/** bm25 weights of the FTS columns: title, names, summary, body, capitals. */
export const FIELD_WEIGHTS = 'bm25(search_fts, 10.0, 8.0, 3.0, 1.0, 1.0)';

/**
 * The version of what the index holds for a record (analysis, fields, facets, names). A store
 * whose index was built by an older version indexes every record again when it opens.
 */
export const INDEX_VERSION = 1;

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

  constructor(
    private readonly db: Database.Database,
    /** How linked authorities group into reconciled ones, for counting facets (facet.columns.ts). */
    private readonly grouping: () => FacetGrouping | undefined = () => undefined,
  ) {
    this.statements = {
      docByRecord: db.prepare('SELECT rowid FROM search_docs WHERE record_id = ?').pluck(),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (record_id, date_min, date_max, seq) VALUES (?, ?, ?, ?)',
      ),
      updateDoc: db.prepare('UPDATE search_docs SET date_min = ?, date_max = ?, seq = ? WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE rowid = ?'),
      markRemoved: db.prepare('INSERT OR REPLACE INTO search_removed (doc, seq) VALUES (?, ?)'),
      nextSeq: db.prepare('UPDATE search_seq SET value = value + 1 RETURNING value').pluck(),
      seq: db.prepare('SELECT value FROM search_seq').pluck(),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO search_fts (rowid, title, names, summary, body, capitals) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      addNameForm: db.prepare('INSERT OR IGNORE INTO search_name_forms (form) VALUES (?)'),
      addNameKey: db.prepare(
        'INSERT OR IGNORE INTO search_name_keys (key, form, term, script) VALUES (?, ?, ?, ?)',
      ),
      indexVersion: db.prepare("SELECT value FROM search_state WHERE key = 'index_version'").pluck(),
      setIndexVersion: db.prepare(
        "INSERT OR REPLACE INTO search_state (key, value) VALUES ('index_version', ?)",
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
    const rows: { rowid: number; doc: IndexDocument; replaces: boolean }[] = [];
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
      s.insertFts.run(rowid, doc.title, doc.names, doc.summary, doc.body, doc.capitals);
    }
    // A form new to the vocabulary gets its keys once; most forms of a new record are known.
    for (const { doc } of rows) {
      for (const form of doc.nameForms) {
        if (s.addNameForm.run(form).changes === 0) continue;
        const keys = nameKeys(form);
        if (keys.length === 0) continue;
        // How often a form is written is read from its longest word: "Khrushchev" of "Nikita S.
        // Khrushchev", "shao" of "Liu Shao-ch'i" (a syllable like "i" is in every other name).
        const term = longestTerm(form);
        const script = scriptOf(form) ?? '';
        for (const { family, key } of keys) s.addNameKey.run(`${family}:${key}`, form, term, script);
      }
    }
  }

  /** The number of the index's latest change (`search_seq`): another process's included. */
  generation(): number {
    return Number(this.statements.seq.get());
  }

  /** Whether the index was built by this version of the code (`INDEX_VERSION`). */
  isCurrent(): boolean {
    return Number(this.statements.indexVersion.get() ?? 0) === INDEX_VERSION;
  }

  /** The index is now as this version of the code builds it. */
  markCurrent(): void {
    this.statements.setIndexVersion.run(String(INDEX_VERSION));
  }

  /**
   * Forms of names the texts write that share a key with the given ones, each with its script:
   * the spellings of a name in other scripts and romanizations (src/search/name-variants.expand.ts).
   */
  nameForms(keys: readonly string[], options: NameFormQuery): WrittenName[] {
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

  removeRecord(recordId: string): void {
    const rowid = this.statements.docByRecord.get(recordId) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFts.run(rowid);
    this.statements.deleteFacets.run(rowid);
    this.statements.deleteDoc.run(rowid);
    this.statements.markRemoved.run(rowid, this.nextSeq());
  }

  search(request: SearchRequest): SearchResponse {
    // One read transaction, so that the matches, the page and the facet columns agree even when
    // another process writes between the statements.
    return this.db.transaction(() => this.searchSnapshot(request, this.facetColumns()))();
  }

  private searchSnapshot(request: SearchRequest, columns: FacetColumns): SearchResponse {
    const { match, tiers, conditions } = splitQuery(request.query);
    // With words, facet filters are applied to the matches in memory (facet columns): SQLite
    // would build an index of every document with the facet value for each query (40 ms for
    // type:telegram on a million blocks). Without words, SQL reads them through the facet key.
    const inMemory = match === null ? [] : conditions.filter(isFilter);
    const matched = this.findDocs(
      match,
      conditions.filter((c) => !inMemory.includes(c as FilterNode)),
    );
    const docs = applyFilters(columns, matched, inMemory);
    const from = (request.page - 1) * request.pageSize;
    const page =
      from >= docs.length || request.pageSize === 0
        ? []
        : match === null
          ? this.pageByDate(docs, from, request.pageSize)
          : this.pageByScore({
              match,
              tiers,
              kept: conditions.length > 0 ? docs : null,
              from,
              size: request.pageSize,
            });
    const shown = this.loadHits(page.map((h) => h.doc));
    const sequences = positiveSequences(request.query);
    const grouping = this.grouping();
    const facets = columns.count(docs, FACETS, grouping, request.facetLimit);
    for (const [facet, filter] of disjunctiveFacets(request.query)) {
      // Counted without the facet's own filter: from the same matches when it was applied in
      // memory, else by asking again.
      const others = inMemory.includes(filter)
        ? applyFilters(
            columns,
            matched,
            inMemory.filter((f) => f !== filter),
          )
        : this.findDocsWithout(request.query, filter, columns);
      facets[facet] = columns.count(others, [facet], grouping, request.facetLimit)[facet];
    }
    return {
      total: docs.length,
      page: request.page,
      pageSize: request.pageSize,
      hits: page.flatMap(({ doc, score }) => {
        const hit = shown.get(doc);
        if (!hit) return [];
        return [
          {
            id: hit.id,
            title: hit.title,
            date: hit.date,
            snippet: buildSnippet(hit, sequences),
            score: match === null ? 0 : Math.round(-score * 1000) / 1000,
          },
        ];
      }),
      facets,
    };
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

  /**
   * The page of the best matches, ranked by SQLite as the bare FTS5 query is (ties by rowid).
   * When conditions left only some matches, `kept` lists them: they reach SQLite as a mask, one
   * byte per rowid, so that bm25 is computed for the kept matches only (a list of rowids would
   * have FTS5 run the match once per rowid).
   */
  private pageByScore(page: {
    match: string;
    /** Narrower matches (names as typed, then with common spellings): their documents come first. */
    tiers: string[];
    kept: number[] | null;
    from: number;
    size: number;
  }): PageHit[] {
    const { match, tiers, kept, size } = page;
    const mask = kept === null ? null : maskOf(kept);
    // Tier by tier, each ranked alone: bm25 is computed once per document, as in the bare query,
    // and a tier that fills the page spares the rest. Tiers nest (typed within common within all).
    const levels = [...tiers, match];
    const hits: PageHit[] = [];
    let skip = page.from;
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
  private pageByDate(docs: number[], from: number, size: number): PageHit[] {
    const rows = this.prepare(
      `SELECT d.rowid FROM json_each(?) j JOIN search_docs d ON d.rowid = j.value
       ORDER BY d.date_min IS NULL, d.date_min, d.rowid LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(JSON.stringify(docs), size, from) as number[];
    return rows.map((doc) => ({ doc, score: 0 }));
  }

  private findDocsWithout(query: QueryNode, filter: FilterNode, columns: FacetColumns): number[] {
    const parts = query.kind === 'and' ? query.children.filter((p) => p !== filter) : [];
    const split = splitQuery({ kind: 'and', children: parts });
    const inMemory = split.match === null ? [] : split.conditions.filter(isFilter);
    const matched = this.findDocs(
      split.match,
      split.conditions.filter((c) => !inMemory.includes(c as FilterNode)),
    );
    return applyFilters(columns, matched, inMemory);
  }

  /**
   * What the page shows of each hit: the title and date from the record's row, and from its JSON
   * only the summary and the texts, which SQLite extracts. Parsing whole records in JavaScript
   * (alignments, diffs, mentions) took a fifth longer over the first pages of bench/search.
   */
  private loadHits(docs: number[]): Map<number, HitSource> {
    if (docs.length === 0) return new Map();
    const rows = this.prepare(
      `SELECT d.rowid, r.id, r.title, r.date_display, r.json ->> '$.summary', r.json -> '$.texts'
       FROM search_docs d JOIN records r ON r.id = d.record_id
       WHERE d.rowid IN (${docs.map(() => '?').join(', ')})`,
    )
      .raw()
      .all(...docs) as [number, string, string, string, string | null, string][];
    return new Map(
      rows.map(([doc, id, title, date, summary, texts]) => [
        doc,
        { id, title, date, summary, texts: JSON.parse(texts) as ChanceryRecord['texts'] },
      ]),
    );
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

interface HitSource extends SnippetSource {
  id: string;
  title: string;
  date: string;
}

interface PageHit {
  doc: number;
  /** bm25, lower is better; 0 for a query without words. */
  score: number;
}

type FilterNode = Extract<QueryNode, { kind: 'filter' }>;

function isFilter(node: QueryNode): node is FilterNode {
  return node.kind === 'filter';
}

function applyFilters(columns: FacetColumns, docs: number[], filters: FilterNode[]): number[] {
  let kept = docs;
  for (const filter of filters) kept = kept.filter(columns.matcher(filter.facets, filter.values));
  return kept;
}

function longestTerm(form: string): string {
  let longest = '';
  for (const { term } of analyzeText(form, 'und')) if (term.length >= longest.length) longest = term;
  return longest;
}

/** One byte per rowid, 1 for the documents given. */
function maskOf(docs: number[]): Buffer {
  let max = 0;
  for (const doc of docs) if (doc > max) max = doc;
  const mask = Buffer.alloc(max + 1);
  for (const doc of docs) mask[doc] = 1;
  return mask;
}

/**
 * The text part of the query's top level drives the full-text match (and so the ranking); the
 * rest (fields, dates, text under a field's OR) becomes SQL conditions.
 */
function splitQuery(query: QueryNode): { match: string | null; tiers: string[]; conditions: QueryNode[] } {
  const parts = query.kind === 'and' ? query.children : [query];
  const text = parts.filter(isTextOnly);
  const match = text.some((p) => p.kind !== 'not') ? ftsExpression({ kind: 'and', children: text }) : null;
  if (match === null) return { match, tiers: [], conditions: parts };
  // The same words with names as typed, then with their common spellings: documents that match
  // the narrower rank first ("exact forms rank above transliterated ones").
  const tiers = (['typed', 'common'] as const)
    .map((level) => ftsExpression({ kind: 'and', children: text }, { level }))
    .filter((tier, i, all): tier is string => tier !== null && tier !== match && tier !== all[i - 1]);
  return { match, tiers, conditions: parts.filter((p) => !isTextOnly(p)) };
}

/**
 * Facets with an active filter of their own are counted without it, so that a reader sees the
 * other values they could switch to ("the counts honour the other filters").
 */
function disjunctiveFacets(query: QueryNode): [FacetName, FilterNode][] {
  const parts = query.kind === 'and' ? query.children : [];
  const result: [FacetName, FilterNode][] = [];
  for (const part of parts) {
    // A field filters its own facet (an author's office counts as the author): `person:` spans three.
    if (!isFilter(part) || part.facets[0] !== part.field) continue;
    const facet = part.field as FacetName;
    if (FACETS.includes(facet) && facet !== 'person' && parts.length > 1) result.push([facet, part]);
  }
  return result;
}
