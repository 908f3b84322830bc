import type Database from 'better-sqlite3';
import { nameKeys } from '../../names/translit/name.keys.ts';
import { scriptOf } from '../../names/translit/script.text.ts';
import type { ChanceryRecord } from '../../record/record.types.ts';
import { detach } from '../../texts/string.detach.ts';
import { buildIndexDocument, type IndexDocument } from '../index-document.build.ts';
import { formTerm } from '../name-forms.collect.ts';

/**
 * The version of what the index holds for a record (analysis, fields, facets, names). A store
 * whose index was built by an older version indexes every record again when it opens.
 */
export const INDEX_VERSION = 10;

/** Leaf pages of the FTS5 index merged per transaction when it is compacted (`compact`). */
const MERGE_PAGES = 2_000;

/** Name forms remembered as in the vocabulary before starting afresh: memory stays flat. */
const KNOWN_FORMS = 100_000;

/**
 * Writes the SQLite FTS5 index. It lives in the store's database, and the store calls it in the
 * same transaction as the record, so the index never drifts from the records; searches read it
 * through `SqliteSearchIndex` (sqlite.search-index.ts).
 */
export class SqliteIndexWriter {
  private readonly statements;
  /**
   * Name forms the vocabulary is known to hold, so that each is looked up once rather than once
   * per record that writes it: a FRUS volume writes "United States" in every other document, and
   * the lookups took a sixth of ingest (1.1 million for 54,000 forms on the 45 volumes).
   * Forms are never removed from the vocabulary, so a form once there stays there, unless the
   * transaction that added it is rolled back (`rolledBack`).
   */
  private readonly knownForms = new Set<string>();

  constructor(db: Database.Database) {
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
      merge: db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)"),
      totalChanges: db.prepare('SELECT total_changes()').pluck(),
      insertFts: db.prepare(
        'INSERT INTO search_fts (rowid, title, names, summary, body, capitals) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      addNameForm: db.prepare('INSERT OR IGNORE INTO search_name_forms (form) VALUES (?)'),
      clearNameForms: db.prepare('DELETE FROM search_name_forms'),
      clearNameKeys: db.prepare('DELETE FROM search_name_keys'),
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
   * merged again later (a tenth of ingest time, measured on the FRUS volumes). `documents[i]`,
   * when given, is `records[i]`'s, as `buildIndexDocument` makes it.
   */
  indexRecords(records: readonly ChanceryRecord[], documents?: readonly IndexDocument[]): void {
    const s = this.statements;
    const rows: { rowid: number; doc: IndexDocument; replaces: boolean }[] = [];
    for (const [i, record] of records.entries()) {
      // Analyzed ahead when given (by a reader thread of the ingest); what it does not give is analyzed here.
      const doc = documents?.[i] ?? buildIndexDocument(record);
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
        if (this.knownForms.has(form)) continue;
        if (this.knownForms.size >= KNOWN_FORMS) this.knownForms.clear();
        // Detached: a form cut from the parser's text would keep its whole chunk of the file alive
        // (48 MB of XML after twenty FRUS volumes).
        this.knownForms.add(detach(form));
        if (s.addNameForm.run(form).changes === 0) continue;
        const keys = nameKeys(form);
        if (keys.length === 0) continue;
        // How often a form is written is read from its longest word: "Khrushchev" of "Nikita S.
        // Khrushchev", "shao" of "Liu Shao-ch'i" (a syllable like "i" is in every other name).
        const term = formTerm(form);
        const script = scriptOf(form) ?? '';
        for (const { family, key } of keys) s.addNameKey.run(`${family}:${key}`, form, term, script);
      }
    }
  }

  /** The saving transaction was rolled back: forms it added to the vocabulary are no longer known there. */
  rolledBack(): void {
    this.knownForms.clear();
  }

  /** Removes a record's index entries; counting and facets learn of it through `search_removed`. */
  removeRecord(recordId: string): void {
    const rowid = this.statements.docByRecord.get(recordId) as number | undefined;
    if (rowid === undefined) return;
    this.statements.deleteFts.run(rowid);
    this.statements.deleteFacets.run(rowid);
    this.statements.deleteDoc.run(rowid);
    this.statements.markRemoved.run(rowid, this.nextSeq());
  }

  /**
   * Empties the vocabulary of name forms, before every record is indexed again for a new version:
   * a form already there is never keyed again (`knownForms`), so keys computed by an older
   * version would stay.
   */
  forgetNameForms(): void {
    this.statements.clearNameKeys.run();
    this.statements.clearNameForms.run();
    this.knownForms.clear();
  }

  /**
   * Merges the FTS5 index into one segment. A contentless-delete index keeps a replaced row's
   * entries, with a tombstone, in the segment that holds them until a merge takes that segment:
   * after every record of bench/search's million blocks was indexed again in place, 8 segments
   * were left, and the floor's matches took 2–5 times as long as after this merge. FTS5's
   * incremental merge, MERGE_PAGES leaf pages per transaction (the first step, negative, puts
   * every segment in one level, as `optimize` does): another process's write waits for a step
   * (at most 1.9 s there), not the whole (12.7 s). FTS5 says a step did no work when it changed
   * under two rows.
   */
  compact(): void {
    for (let first = true; this.compactStep(first); first = false);
  }

  /** One step of `compact`, the first with `first`; false when the index was already merged. */
  compactStep(first: boolean): boolean {
    const s = this.statements;
    const before = Number(s.totalChanges.get());
    s.merge.run(first ? -MERGE_PAGES : MERGE_PAGES);
    return Number(s.totalChanges.get()) - before >= 2;
  }

  /** Whether the index was built by this version of the code (`INDEX_VERSION`). */
  isCurrent(): boolean {
    return Number(this.statements.indexVersion.get() ?? 0) === INDEX_VERSION;
  }

  /** The index is now as this version of the code builds it. */
  markCurrent(): void {
    this.statements.setIndexVersion.run(String(INDEX_VERSION));
  }

  private nextSeq(): number {
    return Number(this.statements.nextSeq.get());
  }
}
