import { raw } from 'hono/html';
import { facetClause } from '../search/facet.clause.ts';
import { QUERY_SYNTAX_HELP } from '../search/query/query.parse.ts';
import { FACET_LIMIT, FACETS, type FacetName, type SearchResponse } from '../search/query/query.types.ts';
import { SEARCH_EXPORT_LIMIT } from './export.routes.ts';
import { Layout } from './layout.component.tsx';
import { labelFromCode, languageName } from './web.format.ts';

export interface SearchPageProps {
  q: string;
  result?: SearchResponse;
  /** The message of a malformed query. */
  error?: string;
}

const FACET_HEADINGS: Record<FacetName, string> = {
  type: 'Type',
  decade: 'Decade',
  year: 'Year',
  author: 'Author',
  recipient: 'Recipient',
  person: 'Person named',
  place: 'Place',
  archive: 'Archive',
  language: 'Original language',
  collection: 'Collection',
};

/**
 * The search page. Everything is in the URL (`/search?q=…&page=…`): facet links add a clause to
 * the query, so a search can be bookmarked, shared and reproduced.
 */
export function SearchPage({ q, result, error }: SearchPageProps) {
  return (
    <Layout title={q ? `Search: ${q}` : 'Search'}>
      <div class="page search-page">
        <h1>Search the archive</h1>
        <search>
          <form action="/search" method="get" class="search-form">
            <label for="q">Words, "phrases", names in any script, or fields</label>
            <div class="search-row">
              <input id="q" name="q" type="search" value={q} autocomplete="off" spellcheck={false} />
              <button type="submit">Search</button>
            </div>
          </form>
        </search>
        <details class="search-help" open={!q}>
          <summary>How to search</summary>
          <pre>{QUERY_SYNTAX_HELP}</pre>
        </details>
        {error ? (
          <p class="search-error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? <Results q={q} result={result} /> : null}
      </div>
    </Layout>
  );
}

function Results({ q, result }: { q: string; result: SearchResponse }) {
  const first = (result.page - 1) * result.pageSize + 1;
  const pages = Math.ceil(result.total / result.pageSize);
  return (
    <div class="search-results-layout">
      <section aria-labelledby="results-heading" class="search-results">
        <h2 id="results-heading">
          {result.total === 0
            ? 'No documents match'
            : `${result.total} ${result.total === 1 ? 'document' : 'documents'}${pages > 1 ? `, page ${result.page} of ${pages}` : ''}`}
        </h2>
        <ol class="hit-list" start={first}>
          {result.hits.map((hit) => (
            <li>
              <a class="document-title" href={`/documents/${encodeURIComponent(hit.id)}`}>
                {hit.title}
              </a>
              <p class="document-meta">
                <span>{hit.date}</span>
                <span class="muted">{hit.id}</span>
              </p>
              {/* The snippet is built escaped, with <mark> as its only markup (src/search/snippet.build.ts). */}
              <p class="snippet">{raw(hit.snippet)}</p>
            </li>
          ))}
        </ol>
        {result.total > 0 ? (
          <p class="search-exports">
            Download the first {Math.min(result.total, SEARCH_EXPORT_LIMIT)} as{' '}
            <a href={`/search.csv?q=${encodeURIComponent(q)}`}>CSV</a>,{' '}
            <a href={`/search.ris?q=${encodeURIComponent(q)}`}>RIS</a> or{' '}
            <a href={`/search.bib?q=${encodeURIComponent(q)}`}>BibTeX</a>
          </p>
        ) : null}
        {pages > 1 ? (
          <nav aria-label="Result pages" class="pager">
            {result.page > 1 ? (
              <a rel="prev" href={searchUrl(q, result.page - 1)}>
                Previous results
              </a>
            ) : null}
            {result.page < pages ? (
              <a rel="next" href={searchUrl(q, result.page + 1)}>
                More results
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
      <aside aria-labelledby="facets-heading" class="facets">
        <h2 id="facets-heading">Narrow the search</h2>
        {FACETS.filter((facet) => result.facets[facet].length > 0).map((facet) => (
          <section class="facet">
            <h3>{FACET_HEADINGS[facet]}</h3>
            <ul>
              {result.facets[facet].map((value) => {
                const clause = facetClause(facet, value);
                const active = q.includes(clause);
                const label =
                  facet === 'type'
                    ? labelFromCode(value.label)
                    : facet === 'language'
                      ? languageName(value.value)
                      : value.label;
                return (
                  <li>
                    <a
                      href={searchUrl(
                        active ? q.replace(clause, '').replace(/\s+/g, ' ').trim() : `${q} ${clause}`,
                        1,
                      )}
                      aria-current={active ? 'true' : undefined}
                      class={active ? 'facet-active' : undefined}
                    >
                      {active ? `✕ ${label}` : label}
                    </a>{' '}
                    <span class="count">{value.count}</span>
                  </li>
                );
              })}
            </ul>
            {result.facets[facet].length >= FACET_LIMIT && facet !== 'year' && facet !== 'decade' ? (
              <p class="facet-all">
                <a href={facetValuesUrl(q, facet)}>
                  All values<span class="visually-hidden"> of {FACET_HEADINGS[facet]}</span>
                </a>
              </p>
            ) : null}
          </section>
        ))}
      </aside>
    </div>
  );
}

/** The page that lists every value of one facet of a search. */
export function facetValuesUrl(q: string, facet: FacetName): string {
  return `/search/facets/${facet}?${new URLSearchParams({ q: q.trim() })}`;
}

/**
 * Every value of one facet of a search, with counts, each a link that narrows the search: the
 * "all of them" behind a facet's top twenty (every person a query's documents name, say).
 */
export function FacetValuesPage({
  q,
  facet,
  result,
}: {
  q: string;
  facet: FacetName;
  result: SearchResponse;
}) {
  const values = result.facets[facet];
  return (
    <Layout title={`${FACET_HEADINGS[facet]}: ${q}`}>
      <div class="page">
        <p class="eyebrow">
          <a href={searchUrl(q, 1)}>Search: {q}</a>
        </p>
        <h1>
          {FACET_HEADINGS[facet]} ({values.length})
        </h1>
        <ul class="count-list count-list-columns">
          {values.map((value) => (
            <li>
              <a href={searchUrl(`${q} ${facetClause(facet, value)}`, 1)}>
                {facet === 'type'
                  ? labelFromCode(value.label)
                  : facet === 'language'
                    ? languageName(value.value)
                    : value.label}
              </a>{' '}
              <span class="count">{value.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

function searchUrl(q: string, page: number): string {
  const params = new URLSearchParams({ q: q.trim() });
  if (page > 1) params.set('page', String(page));
  return `/search?${params}`;
}
