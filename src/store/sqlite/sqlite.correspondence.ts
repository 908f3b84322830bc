import type Database from 'better-sqlite3';
import type { CorrespondencePair } from '../store.types.ts';
import type { SqliteAuthorities } from './sqlite.authorities.ts';

/**
 * Pairs of author and recipient with their counts, for `Store.listCorrespondence`.
 *
 * @example listCorrespondencePairs(db, { personKey: 'stalin', limit: 20 })
 */
export function listCorrespondencePairs(
  db: Database.Database,
  options: { personKey?: string; limit?: number },
  authorities: Pick<SqliteAuthorities, 'linkedIds' | 'memberMap'>,
): CorrespondencePair[] {
  // The search index already holds each record's authors and recipients as facet values (the
  // authority id, or the normalized written name), kept in step with the records in the same
  // transaction: pairing them there is an indexed join instead of parsing every record's JSON.
  // For one person, the pairs are found from their own facet rows (the primary key's prefix), the
  // documents they wrote and those they received, rather than by pairing every document.
  const pairs = options.personKey
    ? `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author' AND a.value IN (SELECT value FROM json_each(@person))
       UNION
       SELECT a.doc, a.value, a.label, b.value, b.label
         FROM search_facets b JOIN search_facets a ON a.doc = b.doc AND a.facet = 'author'
         WHERE b.facet = 'recipient' AND b.value IN (SELECT value FROM json_each(@person))`
    : `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author'`;
  const rows = db
    .prepare(
      `WITH pairs AS (${pairs})
       SELECT p.doc, p.ak, p.al, p.bk, p.bl, d.date_min AS date FROM pairs p JOIN search_docs d ON d.rowid = p.doc`,
    )
    .raw()
    .all(options.personKey ? { person: JSON.stringify(authorities.linkedIds(options.personKey)) } : {}) as [
    number,
    string,
    string,
    string,
    string,
    string | null,
  ][];
  // Each side counted as the reconciled person it stands for: the signatures of one volume and the
  // persons list of another are one correspondent.
  const members = authorities.memberMap();
  const side = (key: string, label: string) => {
    const reconciled = members.get(key);
    return reconciled
      ? { key: reconciled.id, personId: reconciled.id, name: reconciled.name }
      : { key, personId: key.startsWith('n:') ? null : key, name: label };
  };
  const byPair = new Map<string, { pair: CorrespondencePair; docs: Set<number> }>();
  for (const [doc, ak, al, bk, bl, date] of rows) {
    const author = side(ak, al);
    const recipient = side(bk, bl);
    if (author.key === recipient.key) continue;
    const key = `${author.key}\u0000${recipient.key}`;
    let entry = byPair.get(key);
    if (!entry) {
      entry = { pair: { author, recipient, count: 0, first: null, last: null }, docs: new Set() };
      byPair.set(key, entry);
    }
    if (entry.docs.has(doc)) continue;
    entry.docs.add(doc);
    entry.pair.count++;
    if (date && (!entry.pair.first || date < entry.pair.first)) entry.pair.first = date;
    if (date && (!entry.pair.last || date > entry.pair.last)) entry.pair.last = date;
  }
  const sorted = [...byPair.values()]
    .map((e) => e.pair)
    .sort(
      (x, y) =>
        y.count - x.count ||
        x.author.name.localeCompare(y.author.name) ||
        x.recipient.name.localeCompare(y.recipient.name),
    );
  return options.limit !== undefined && options.limit >= 0 ? sorted.slice(0, options.limit) : sorted;
}
