import type pg from 'pg';
import type { PostgresAuthorities } from '../../store/postgres/postgres.authorities.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../../store/store.types.ts';
import { type AuthorRecipientRow, pairCorrespondents, reconciledKeys } from '../correspondence.pairs.ts';

const SUMMARY_COLUMNS = `r.id, r.title, r.type, r.date_display AS "dateDisplay", r.date_min AS "dateMin",
  r.date_max AS "dateMax", r.original_language AS "originalLanguage", r.version`;

/**
 * The records between two correspondents, both ways, in date order (as sqlite.correspondence.ts):
 * the index's author and recipient facet rows, joined on their (facet, value) key.
 *
 * @example await findThread(pool, { a: 'stalin', b: 'mao-zedong' }, authorities)
 */
export async function findThread(
  db: pg.Pool,
  query: { a: string; b: string },
  authorities: PostgresAuthorities,
): Promise<CorrespondenceEntry[]> {
  const [a, b] = await Promise.all([authorities.linkedIds(query.a), authorities.linkedIds(query.b)]);
  const { rows } = await db.query<
    Omit<CorrespondenceEntry, 'authorIds' | 'recipientIds'> & { authors: string[]; recipients: string[] }
  >(
    `SELECT ${SUMMARY_COLUMNS},
       ARRAY(SELECT f.value FROM search_facets f WHERE f.doc = d.doc AND f.facet = 'author' ORDER BY f.value) AS authors,
       ARRAY(SELECT f.value FROM search_facets f WHERE f.doc = d.doc AND f.facet = 'recipient' ORDER BY f.value) AS recipients
     FROM search_docs d JOIN records r ON r.id = d.record_id
     WHERE d.doc IN (
       SELECT x.doc FROM search_facets x
       JOIN search_facets y ON y.doc = x.doc AND y.facet = 'recipient' AND y.value = ANY($2::text[])
       WHERE x.facet = 'author' AND x.value = ANY($1::text[])
       UNION
       SELECT x.doc FROM search_facets x
       JOIN search_facets y ON y.doc = x.doc AND y.facet = 'recipient' AND y.value = ANY($1::text[])
       WHERE x.facet = 'author' AND x.value = ANY($2::text[]))
     ORDER BY r.date_min IS NULL, r.date_min, r.id`,
    [a, b],
  );
  const members = await authorities.memberMap();
  return rows.map(({ authors, recipients, ...summary }) => ({
    ...summary,
    authorIds: reconciledKeys(authors, members),
    recipientIds: reconciledKeys(recipients, members),
  }));
}

/** Pairs of author and recipient with their counts (as sqlite.correspondence.ts). */
export async function listCorrespondencePairs(
  db: pg.Pool,
  options: { personKey?: string; limit?: number },
  authorities: PostgresAuthorities,
): Promise<CorrespondencePair[]> {
  const pairs = options.personKey
    ? `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author' AND a.value = ANY($1::text[])
       UNION
       SELECT a.doc, a.value, a.label, b.value, b.label
         FROM search_facets b JOIN search_facets a ON a.doc = b.doc AND a.facet = 'author'
         WHERE b.facet = 'recipient' AND b.value = ANY($1::text[])`
    : `SELECT a.doc, a.value AS ak, a.label AS al, b.value AS bk, b.label AS bl
         FROM search_facets a JOIN search_facets b ON b.doc = a.doc AND b.facet = 'recipient'
         WHERE a.facet = 'author'`;
  const { rows } = await db.query({
    text: `WITH pairs AS (${pairs})
           SELECT p.doc, p.ak, p.al, p.bk, p.bl, d.date_min FROM pairs p JOIN search_docs d ON d.doc = p.doc
           ORDER BY p.doc, p.ak, p.bk`,
    values: options.personKey ? [await authorities.linkedIds(options.personKey)] : [],
    rowMode: 'array',
  });
  return pairCorrespondents(rows as AuthorRecipientRow[], await authorities.memberMap(), options.limit);
}
