import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Store } from '../store/store.types.ts';
import { FACET_LIMIT, type SearchResponse } from './query/query.types.ts';
import { rememberedAnswer } from './search.answers.ts';
import { planSearch, type SearchPlan } from './search.plan.ts';
import type { MatchCount, SearchIndex } from './search-index.types.ts';
import { buildSnippet } from './snippet.build.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** The most values one facet lists: every person of a large archive, but bounded. */
export const MAX_FACET_VALUES = 5000;

export interface SearchOptions {
  q: string;
  page?: number;
  /** Hits per page (default 10, at most 100); 0 counts without loading a hit. */
  pageSize?: number;
  /** Values per facet (default 20): the page of all values of a facet asks for more. */
  facetLimit?: number;
}

/** What a search reads: the index, the store (collection titles), the authorities (names). */
export interface SearchDependencies {
  search: SearchIndex;
  store: Store;
  authorities: AuthorityIndex;
}

/**
 * Searches the archive: plans the query (throwing `search.invalid_query` with a way to fix it;
 * search.plan.ts), then answers the plan.
 *
 * @example await searchArchive({ q: 'Stalin date:1951', page: 1 }, { search, store, authorities })
 */
export async function searchArchive(
  options: SearchOptions,
  deps: SearchDependencies,
): Promise<SearchResponse> {
  return answerPlan(await planSearch(options.q, deps), options, deps);
}

/**
 * Answers a planned query: the count with its facets and the page of hits are asked for at once
 * (a backend may answer them side by side), then the hits get their snippets and the collection
 * facet its titles.
 *
 * @example await answerPlan(splitPlan({ kind: 'and', children: [] }), { pageSize: 0 }, deps) // every record, counted
 */
export async function answerPlan(
  plan: SearchPlan,
  options: Omit<SearchOptions, 'q'>,
  deps: Pick<SearchDependencies, 'search' | 'store'>,
): Promise<SearchResponse> {
  const pageSize =
    options.pageSize === 0
      ? 0
      : Math.min(Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const facetLimit = Math.min(options.facetLimit ?? FACET_LIMIT, MAX_FACET_VALUES);
  const window = { from: (page - 1) * pageSize, size: pageSize };
  const [counted, ranked] = await Promise.all([
    rememberedAnswer(deps, plan, `count ${facetLimit}`, async () =>
      withCollectionTitles(await deps.search.count(plan, { facetLimit }), deps.store),
    ),
    rememberedAnswer(deps, plan, `page ${window.from} ${window.size}`, () => deps.search.page(plan, window)),
  ]);
  const sources = await deps.search.hitSources(ranked.map((h) => h.doc));
  const hits = ranked.flatMap(({ doc, score }) => {
    const source = sources.get(doc);
    if (!source) return [];
    return [
      {
        id: source.id,
        title: source.title,
        date: source.date,
        snippet: buildSnippet(source, plan.sequences),
        score: score === 0 ? 0 : Math.round(-score * 1000) / 1000,
      },
    ];
  });
  return { total: counted.total, page, pageSize, hits, facets: counted.facets };
}

/** The index knows a collection by its id; readers know it by its title. Once per answer remembered. */
async function withCollectionTitles(
  counted: MatchCount,
  store: Pick<Store, 'getCollection'>,
): Promise<MatchCount> {
  for (const value of counted.facets.collection) {
    value.label = (await store.getCollection(value.value))?.title ?? value.label;
  }
  return counted;
}
