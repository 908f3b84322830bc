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
  const rows = db
    .prepare(
      `SELECT a.value AS authorKey, min(a.label) AS authorName, b.value AS recipientKey, min(b.label) AS recipientName,
         count(DISTINCT a.doc) AS count, min(d.date_min) AS first, max(d.date_min) AS last
       FROM search_facets a
       JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
       JOIN search_docs d ON d.rowid = a.doc
       WHERE a.facet = 'author' AND a.value <> b.value
         AND (@person IS NULL OR a.value = @person OR b.value = @person)
       GROUP BY a.value, b.value
       ORDER BY count DESC, authorName, recipientName
       LIMIT @limit`,
    )
    .all({ person: options.personKey ?? null, limit: options.limit ?? -1 }) as {
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
