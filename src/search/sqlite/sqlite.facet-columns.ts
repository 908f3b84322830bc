import type Database from 'better-sqlite3';
import { FacetColumns, type FacetRow } from '../facet.columns.ts';

/**
 * The facet columns of a SQLite index (../facet.columns.ts), read in one read transaction so that
 * the rows and the change number agree.
 */
export function loadFacetColumns(db: Database.Database): FacetColumns {
  return db.transaction(() => {
    const seq = Number(db.prepare('SELECT value FROM search_seq').pluck().get());
    const maxDoc = Number(db.prepare('SELECT coalesce(max(rowid), 0) FROM search_docs').pluck().get());
    const rowCount = Number(db.prepare('SELECT count(*) FROM search_facets').pluck().get());
    const builder = FacetColumns.builder(seq, maxDoc, rowCount);
    const rows = db
      .prepare(
        'SELECT doc, facet, value, label FROM search_facets INDEXED BY search_facets_by_doc ORDER BY doc',
      )
      .raw()
      .iterate() as IterableIterator<FacetRow>;
    for (const row of rows) builder.add(row);
    return builder.done();
  })();
}

/** The columns brought up to date with the index (`search_seq`), or read again when much has changed. */
export function refreshFacetColumns(columns: FacetColumns, db: Database.Database): FacetColumns {
  return db.transaction(() => {
    const seq = Number(db.prepare('SELECT value FROM search_seq').pluck().get());
    if (seq === columns.seq) return columns;
    const removed = db
      .prepare('SELECT doc FROM search_removed WHERE seq > ?')
      .pluck()
      .all(columns.seq) as number[];
    const changedDocs = db
      .prepare('SELECT rowid FROM search_docs WHERE seq > ?')
      .pluck()
      .all(columns.seq) as number[];
    if (columns.tooManyChanges(removed.length + changedDocs.length)) return loadFacetColumns(db);
    const facetsOf = db.prepare('SELECT facet, value, label FROM search_facets WHERE doc = ?').raw();
    const changed = new Map(changedDocs.map((doc) => [doc, facetsOf.all(doc) as [string, string, string][]]));
    return columns.withChanges({ seq, removed, changed });
  })();
}
