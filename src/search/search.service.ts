import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Store } from '../store/store.types.ts';
import { expandNames } from './query/query.expand.ts';
import { parseQuery } from './query/query.parse.ts';
import { resolveFields } from './query/query.resolve.ts';
import type { SearchResponse } from './query/query.types.ts';
import { expandVariants } from './query/query.variants.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** The most values one facet lists: every person of a large archive, but bounded. */
export const MAX_FACET_VALUES = 5000;

export interface SearchOptions {
  q: string;
  page?: number;
  pageSize?: number;
  /** Values per facet (default 20): the page of all values of a facet asks for more. */
  facetLimit?: number;
}

/**
 * Searches the archive: parses the query (throwing `search.invalid_query` with a way to fix it),
 * expands names to all their forms, resolves fields, and asks the store.
 *
 * @example await searchArchive({ q: 'Stalin date:1951', page: 1 }, { store, authorities })
 */
export async function searchArchive(
  options: SearchOptions,
  deps: { store: Store; authorities: AuthorityIndex },
): Promise<SearchResponse> {
  const named = expandNames(parseQuery(options.q), deps.authorities);
  const spelled = await expandVariants(named, (keys, limit) => deps.store.findNameForms(keys, limit));
  const query = resolveFields(spelled, deps.authorities);
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const response = await deps.store.search({
    query,
    page,
    pageSize,
    ...(options.facetLimit ? { facetLimit: Math.min(options.facetLimit, MAX_FACET_VALUES) } : {}),
  });
  // The index knows a collection by its id; readers know it by its title.
  for (const value of response.facets.collection) {
    value.label = (await deps.store.getCollection(value.value))?.title ?? value.label;
  }
  return response;
}
