import type Database from 'better-sqlite3';
import type { CorrespondencePair } from '../store.types.ts';

/**
 * Pairs of author and recipient with their counts, for `Store.listCorrespondence`.
 *
 * @example listCorrespondencePairs(db, { personKey: 'stalin', limit: 20 })
 */
export function listCorrespondencePairs(
  db: Database.Database,
  options: { personKey?: string; limit?: number },
): CorrespondencePair[] {
  // The search index already holds each record's authors and recipients as facet values (the
  // authority id, or the normalized written name), kept in step with the records in the same
  // transaction: pairing them there is an indexed join instead of parsing every record's JSON.
  // For one person, the pairs are found from their own facet rows (the primary key's prefix), the
  // documents they wrote and those they received, rather than by pairing every document.
  const pairs = options.personKey
    ? `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author' AND a.value = @person
       UNION
       SELECT a.doc, a.value, a.label, b.value, b.label
         FROM search_facets b JOIN search_facets a ON a.doc = b.doc AND a.facet = 'author'
         WHERE b.facet = 'recipient' AND b.value = @person`
    : `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author'`;
  const rows = db
    .prepare(
      `WITH pairs AS (${pairs})
       SELECT p.ak AS authorKey, min(p.al) AS authorName, p.bk AS recipientKey, min(p.bl) AS recipientName,
         count(DISTINCT p.doc) AS count, min(d.date_min) AS first, max(d.date_min) AS last
       FROM pairs p JOIN search_docs d ON d.rowid = p.doc
       WHERE p.ak <> p.bk
       GROUP BY p.ak, p.bk
       ORDER BY count DESC, authorName, recipientName
       LIMIT @limit`,
    )
    .all({ ...(options.personKey ? { person: options.personKey } : {}), limit: options.limit ?? -1 }) as {
    authorKey: string;
    authorName: string;
    recipientKey: string;
    recipientName: string;
    count: number;
    first: string | null;
    last: string | null;
  }[];
  const side = (key: string, name: string) => ({
    key,
    personId: key.startsWith('n:') ? null : key,
    name,
  });
  return rows.map((row) => ({
    author: side(row.authorKey, row.authorName),
    recipient: side(row.recipientKey, row.recipientName),
    count: row.count,
    first: row.first,
    last: row.last,
  }));
}
