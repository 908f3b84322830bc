import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Store } from '../store/store.types.ts';
import { expandNames } from './query/query.expand.ts';
import { parseQuery } from './query/query.parse.ts';
import { resolveFields } from './query/query.resolve.ts';
import type { QueryNode, SearchResponse } from './query/query.types.ts';
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
 * The query as every backend answers it: parsed, names expanded to every form of their authority
 * and to their spellings in other scripts and romanizations, fields resolved to facet values.
 *
 * @example await planQuery('Громыко date:1957', { store, authorities })
 */
export async function planQuery(
  q: string,
  deps: { store: Store; authorities: AuthorityIndex },
): Promise<QueryNode> {
  // A plan holds while the index and the authorities do: paging, facets and a query asked again
  // are planned once (the spellings of a name are looked up in the index's vocabulary).
  const key = `${deps.authorities.generation}\u0000${await deps.store.indexGeneration()}\u0000${q}`;
  const planned = plans.get(key);
  if (planned) return planned;
  const named = expandNames(parseQuery(q), deps.authorities);
  const spelled = await expandVariants(named, (keys, options) => deps.store.findNameForms(keys, options));
  const plan = resolveFields(spelled, deps.authorities);
  if (plans.size >= PLAN_MEMORY) plans.delete(plans.keys().next().value as string);
  plans.set(key, plan);
  return plan;
}

/** Plans remembered, the oldest forgotten first. */
const PLAN_MEMORY = 500;
const plans = new Map<string, QueryNode>();

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
  const query = await planQuery(options.q, deps);
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
