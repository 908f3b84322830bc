import type { AuthorityIndex } from '../names/authority.index.ts';
import { parsePage } from '../paging/page.params.ts';
import type { Authority } from '../record/record.types.ts';
import { authorityFacetValues } from '../search/query/query.resolve.ts';
import type { IndexFacet, QueryNode, SearchResponse } from '../search/query/query.types.ts';
import { splitPlan } from '../search/search.plan.ts';
import { answerPlan, type SearchDependencies } from '../search/search.service.ts';
import type { Store } from '../store/store.types.ts';

/** The query that matches every record: the home page and timeline count over it. */
export const EVERYTHING: QueryNode = { kind: 'and', children: [] };

/**
 * The values the index stores for a person or place: the authority id plus each name form as a
 * written name (records whose agent did not resolve to the authority), as `author:` does it in
 * query.resolve.ts. A key of the form `n:<name>` is a name the authority file does not know.
 */
export function facetValuesOf(key: string, authority: Authority | undefined): string[] {
  return authority ? authorityFacetValues(authority) : [key];
}

/** A filter on facets, the resolved form every store backend answers. */
export function facetFilter(
  field: Extract<QueryNode, { kind: 'filter' }>['field'],
  facets: IndexFacet[],
  values: string[],
): QueryNode {
  return { kind: 'filter', field, facets, values };
}

/** All parts must match; a single part stands alone. */
export function allOf(...parts: (QueryNode | null)[]): QueryNode {
  // Nested conjunctions are flattened: an empty `and` inside another would compile to nothing.
  const children = parts
    .filter((p): p is QueryNode => p !== null)
    .flatMap((p) => (p.kind === 'and' ? p.children : [p]));
  return children.length === 1 ? (children[0] as QueryNode) : { kind: 'and', children };
}

/**
 * The authority behind a page's id: the archive's reconciled one (by its id or the id of any
 * source's record of it), else the authority file's, else one a source gave.
 */
export async function findAuthority(
  id: string,
  deps: { store: Store; authorities: AuthorityIndex },
): Promise<Authority | undefined> {
  return (
    (await deps.store.getReconciled(id)) ??
    deps.authorities.resolveLink(id) ??
    (await deps.store.getAuthority(id)) ??
    undefined
  );
}

/** Runs a resolved query; `pageSize: 0` counts without loading a record. */
export function runQuery(
  deps: Pick<SearchDependencies, 'search' | 'store'>,
  query: QueryNode,
  options: { page?: number; pageSize: number },
): Promise<SearchResponse> {
  return answerPlan(splitPlan(query), options, deps);
}

/** The page of a person or place: `/people/stalin`, `/people/n%3Amao%20zedong`. */
export function personHref(key: string): string {
  return `/people/${encodeURIComponent(key)}`;
}

/** The thread of two correspondents, both ways, in date order. */
export function correspondenceHref(a: string, b: string): string {
  return `/correspondence?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}

export function placeHref(key: string): string {
  return `/places/${encodeURIComponent(key)}`;
}

export function documentHref(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

/**
 * A `?page=N` value, read by the one page parser of api, web and cli (src/paging/page.params.ts):
 * a malformed page throws `request.invalid_parameter`, which the reading room answers with 400.
 */
export function parsePageParam(value: string | undefined): number {
  return parsePage(value);
}
