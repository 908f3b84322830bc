import type Database from 'better-sqlite3';
import type { SqliteAuthorities } from '../../store/sqlite/sqlite.authorities.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../../store/store.types.ts';
import { type AuthorRecipientRow, pairCorrespondents, reconciledKeys } from '../correspondence.pairs.ts';

type Reconciliation = Pick<SqliteAuthorities, 'linkedIds' | 'memberMap'>;

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS dateDisplay, r.date_min AS dateMin,
  r.date_max AS dateMax, r.original_language AS originalLanguage, r.version`;

// The index holds every record's authors and recipients as facet values (authority id, or `n:`
// and the written name), kept in step in the record's own transaction: a thread is a join on the
// (facet, value) key, with no second index of the same facts.
const THREAD_SQL = `SELECT ${SUMMARY_COLUMNS},
     (SELECT json_group_array(value) FROM (SELECT f.value FROM search_facets f
        WHERE f.doc = d.rowid AND f.facet = 'author' ORDER BY f.value)) AS authors,
     (SELECT json_group_array(value) FROM (SELECT f.value FROM search_facets f
        WHERE f.doc = d.rowid AND f.facet = 'recipient' ORDER BY f.value)) AS recipients
   FROM search_docs d JOIN records r ON r.id = d.record_id
   WHERE d.rowid IN (
     -- Each direction through the (facet, value) key, not one scan with an OR.
     SELECT a.doc FROM search_facets a
     JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@b))
     WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@a))
     UNION
     SELECT a.doc FROM search_facets a
     JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@a))
     WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@b)))
   ORDER BY r.date_min IS NULL, r.date_min, r.id`;

/** Prepared once per connection: ingest asks for a thread per pair of correspondents. */
const threadStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * The records between two correspondents, both ways, in date order, for
 * `SearchIndex.findCorrespondence`: each side is every id its reconciled person is linked under,
 * and the records name the sides by their reconciled ids.
 *
 * @example findThread(db, { a: 'stalin', b: 'mao-zedong' }, authorities)
 */
export function findThread(
  db: Database.Database,
  query: { a: string; b: string },
  authorities: Reconciliation,
): CorrespondenceEntry[] {
  let statement = threadStatements.get(db);
  if (!statement) {
    statement = db.prepare(THREAD_SQL);
    threadStatements.set(db, statement);
  }
  const rows = statement.all({
    a: JSON.stringify(authorities.linkedIds(query.a)),
    b: JSON.stringify(authorities.linkedIds(query.b)),
  }) as (Omit<CorrespondenceEntry, 'authorIds' | 'recipientIds'> & { authors: string; recipients: string })[];
  // The sides under their reconciled ids, as `a` and `b` name them.
  const members = authorities.memberMap();
  const reconciledIds = (json: string) => reconciledKeys(JSON.parse(json) as string[], members);
  return rows.map(({ authors, recipients, ...summary }) => ({
    ...summary,
    authorIds: reconciledIds(authors),
    recipientIds: reconciledIds(recipients),
  }));
}

/**
 * Pairs of author and recipient with their counts, for `SearchIndex.listCorrespondence`.
 *
 * @example listCorrespondencePairs(db, { personKey: 'stalin', limit: 20 })
 */
export function listCorrespondencePairs(
  db: Database.Database,
  options: { personKey?: string; limit?: number },
  authorities: Reconciliation,
): CorrespondencePair[] {
  // The search index already holds each record's authors and recipients as facet values (the
  // authority id, or the normalized written name), kept in step with the records in the same
  // transaction: pairing them there is an indexed join instead of parsing every record's JSON.
  // For one person, the pairs are found from their own facet rows (the primary key's prefix), the
  // documents they wrote and those they received, rather than by pairing every document.
  // The order is spelled out (CROSS JOIN, and the other side by its document): without statistics
  // SQLite read every recipient row of the archive for each of the person's, 500 ms instead of 1.
  const pairs = options.personKey
    ? `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM json_each(@person) j CROSS JOIN search_facets a ON a.facet = 'author' AND a.value = j.value
         CROSS JOIN search_facets b INDEXED BY search_facets_by_doc ON b.doc = a.doc AND b.facet = 'recipient'
       UNION
       SELECT a.doc, a.value, a.label, b.value, b.label
         FROM json_each(@person) j CROSS JOIN search_facets b ON b.facet = 'recipient' AND b.value = j.value
         CROSS JOIN search_facets a INDEXED BY search_facets_by_doc ON a.doc = b.doc AND a.facet = 'author'`
    : `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author'`;
  const rows = db
    .prepare(
      `WITH pairs AS (${pairs})
       SELECT p.doc, p.ak, p.al, p.bk, p.bl, d.date_min AS date FROM pairs p JOIN search_docs d ON d.rowid = p.doc`,
    )
    .raw()
    .all(
      options.personKey ? { person: JSON.stringify(authorities.linkedIds(options.personKey)) } : {},
    ) as AuthorRecipientRow[];
  return pairCorrespondents(rows, authorities.memberMap(), options.limit);
}
