/** Fields a query can filter on (`author:Stalin`, `date:1951-07..1951-09`). */
export const QUERY_FIELDS = [
  'author',
  'recipient',
  'person',
  'place',
  'type',
  'lang',
  'archive',
  'collection',
  'date',
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

/** The parsed query. Names are expanded into `name` nodes after parsing (see query.expand.ts). */
export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'word'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'phrase'; text: string }
  /** An authority named in the query: matches every name form of it. */
  | {
      kind: 'name';
      text: string;
      authorityId: string;
      forms: { form: string; language: string }[];
      /** Terms of the documents linked to the authority (src/search/entity.token.ts). */
      entities?: string[];
    }
  /**
   * A word or phrase as typed, with the forms the archive's texts write the same name in other
   * scripts and romanizations (name-variants.expand.ts): those match only where the texts write a
   * name, and rank after the documents that have the form typed.
   */
  | {
      kind: 'variants';
      text: string;
      /** The most written first. */
      forms: string[];
      /** How many of `forms` are common spellings; the rest, far rarer, rank after them. */
      common: number;
    }
  | { kind: 'field'; field: Exclude<QueryField, 'date'>; value: string }
  /**
   * A field resolved against the authority file (query.resolve.ts): documents that have one of
   * `values` under one of the index's `facets`. Only resolved filters reach a storage backend.
   */
  | { kind: 'filter'; field: Exclude<QueryField, 'date'>; facets: IndexFacet[]; values: string[] }
  /**
   * Documents whose date range overlaps [from, to] (ISO dates, inclusive); with `orUndated`, and
   * those without a date, of which nothing says they fall outside.
   */
  | { kind: 'date'; from: string | null; to: string | null; orUndated?: boolean };

/**
 * How much of each name a full-text expression takes: `typed`, what was typed; `common`, with
 * its common spellings in other scripts and romanizations; `all`, every form. The documents that
 * match at a narrower level rank first.
 */
export type NameLevel = 'typed' | 'common' | 'all';

/** The facets a search returns, with counts. */
export const FACETS = [
  'type',
  'decade',
  'year',
  'author',
  'recipient',
  'person',
  'place',
  'archive',
  'language',
  'collection',
] as const;
export type FacetName = (typeof FACETS)[number];
/**
 * What the index stores per document: the facets, every text language for `lang:`, the offices
 * in which a person wrote or received it (`author:"Secretary of State"`), and the bodies its
 * texts name (an organization's page and count).
 */
export type IndexFacet = FacetName | 'lang' | 'author-office' | 'recipient-office' | 'organization';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchHit {
  id: string;
  title: string;
  date: string;
  /** The best-matching passage in its original characters: HTML-escaped, hits in `<mark>`. */
  snippet: string;
  score: number;
}

export interface SearchResponse {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
}

/** Values a search gives per facet unless asked for more: the page shows these and links to all. */
export const FACET_LIMIT = 20;
