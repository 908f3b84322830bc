import type { Collection } from '../record/record.types.ts';
import type { SearchResponse } from '../search/query/query.types.ts';
import type { RecordSummary } from '../store/store.types.ts';
import { BarChart, CollectionList, SummaryList } from './browse.components.tsx';
import { Layout } from './layout.component.tsx';
import { labelFromCode, languageName } from './web.format.ts';

/** Counts that say what the archive holds. */
export interface ArchiveOverview {
  total: number;
  byType: { type: string; count: number }[];
  byLanguage: { language: string | null; count: number }[];
  byDecade: { decade: string; count: number }[];
  byArchive: { archive: string; count: number }[];
  byYear: { year: string; count: number }[];
  /** First and last year of the dated documents. */
  earliest: string | null;
  latest: string | null;
}

/**
 * What the archive holds, from the facets of a search over every record: counted by the index,
 * so the home page costs the same for two documents or two hundred thousand.
 *
 * @example summarizeArchive(await runQuery(deps, EVERYTHING, { pageSize: 0 }))
 */
export function summarizeArchive(all: SearchResponse): ArchiveOverview {
  const years = all.facets.year.map((v) => v.value).sort();
  return {
    total: all.total,
    byType: all.facets.type.map((v) => ({ type: v.value, count: v.count })),
    byLanguage: all.facets.language.map((v) => ({ language: v.value, count: v.count })),
    byDecade: all.facets.decade.map((v) => ({ decade: v.value, count: v.count })),
    byArchive: all.facets.archive.map((v) => ({ archive: v.label, count: v.count })),
    byYear: [...all.facets.year]
      .sort((a, b) => (a.value < b.value ? -1 : 1))
      .map((v) => ({ year: v.value, count: v.count })),
    earliest: years[0] ?? null,
    latest: years.at(-1) ?? null,
  };
}

export interface HomePageProps {
  overview: ArchiveOverview;
  /** The documents of this page, in date order. */
  documents: RecordSummary[];
  page: number;
  pageCount: number;
  /** The most recently ingested documents. */
  recent?: RecordSummary[];
  /** Collections with how many of their documents the archive holds. */
  collections?: { collection: Collection; count: number }[];
}

/** The home page: what the archive holds, then its documents in date order, a page at a time. */
export function HomePage({
  overview,
  documents,
  page,
  pageCount,
  recent = [],
  collections = [],
}: HomePageProps) {
  return (
    <Layout
      title="Documents"
      description={`Chancery holds ${countDocuments(overview.total)}: translated primary sources.`}
    >
      <div class="page">
        <h1>Documents in the archive</h1>
        {overview.total === 0 ? (
          <EmptyArchive />
        ) : (
          <>
            <Overview overview={overview} />
            {page === 1 ? <Additions overview={overview} recent={recent} collections={collections} /> : null}
            <section aria-labelledby="documents-heading">
              <h2 id="documents-heading">All documents, in date order</h2>
              {pageCount > 1 ? (
                <p class="muted">
                  Page {page} of {pageCount}.
                </p>
              ) : null}
              <ol class="document-list">
                {documents.map((doc) => (
                  <DocumentItem doc={doc} />
                ))}
              </ol>
              <Pager page={page} pageCount={pageCount} />
            </section>
          </>
        )}
      </div>
    </Layout>
  );
}

function countDocuments(total: number): string {
  return total === 1 ? 'one document' : `${total} documents`;
}

function EmptyArchive() {
  return (
    <p>
      The archive holds no documents yet. Add some with <code>chancery ingest PATH…</code>, or start the
      server with <code>npm start</code> to load the sample archive.
    </p>
  );
}

function Overview({ overview }: { overview: ArchiveOverview }) {
  const span =
    overview.earliest && overview.latest
      ? overview.earliest === overview.latest
        ? `, dated ${overview.earliest}`
        : `, dated from ${overview.earliest} to ${overview.latest}`
      : '';
  return (
    <section aria-labelledby="holdings-heading" class="overview">
      <h2 id="holdings-heading">What the archive holds</h2>
      <p class="lede">
        The archive holds {countDocuments(overview.total)}
        {span}. Each document's page shows the whole record: who wrote to whom, where the original lies, its
        texts in their own languages, and the file it was read from.
      </p>
      <div class="overview-counts">
        <dl class="counts" aria-label="Documents by type">
          <dt>By type</dt>
          {overview.byType.map(({ type, count }) => (
            <dd>
              {labelFromCode(type)} <span class="count">{count}</span>
            </dd>
          ))}
        </dl>
        <dl class="counts" aria-label="Documents by decade">
          <dt>By decade</dt>
          {overview.byDecade.map(({ decade, count }) => (
            <dd>
              {decade} <span class="count">{count}</span>
            </dd>
          ))}
        </dl>
        <dl class="counts" aria-label="Documents by archive">
          <dt>By archive</dt>
          {overview.byArchive.map(({ archive, count }) => (
            <dd>
              <a href={`/archives/${encodeURIComponent(archive)}`}>{archive}</a>{' '}
              <span class="count">{count}</span>
            </dd>
          ))}
        </dl>
        <dl class="counts" aria-label="Documents by original language">
          <dt>By original language</dt>
          {overview.byLanguage.map(({ language, count }) => (
            <dd>
              {language ? languageName(language) : 'Not stated'} <span class="count">{count}</span>
            </dd>
          ))}
        </dl>
      </div>
    </section>
  );
}

/** The timeline chart, the newest documents and the collections: ways into the archive. */
function Additions({
  overview,
  recent,
  collections,
}: {
  overview: ArchiveOverview;
  recent: RecordSummary[];
  collections: { collection: Collection; count: number }[];
}) {
  const bars = overview.byYear.map(({ year, count }) => ({
    label: year,
    count,
    href: `/timeline?year=${encodeURIComponent(year)}`,
  }));
  return (
    <>
      {bars.length > 0 ? (
        <section aria-labelledby="years-heading">
          <h2 id="years-heading">Documents per year</h2>
          <BarChart
            bars={bars}
            title="Documents per year; each bar opens that year in the timeline"
            id="years-chart"
          />
          <p>
            <a href="/timeline">The whole timeline, by year, month and day</a>
          </p>
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent additions</h2>
          <SummaryList documents={recent} />
        </section>
      ) : null}
      {collections.length > 0 ? (
        <section aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          <CollectionList collections={collections} />
        </section>
      ) : null}
    </>
  );
}

function DocumentItem({ doc }: { doc: RecordSummary }) {
  return (
    <li>
      <a class="document-title" href={`/documents/${encodeURIComponent(doc.id)}`}>
        {doc.title}
      </a>
      <p class="document-meta">
        {doc.dateMin ? <time datetime={doc.dateMin}>{doc.dateDisplay}</time> : <span>{doc.dateDisplay}</span>}
        <span>{labelFromCode(doc.type)}</span>
        {doc.originalLanguage ? <span>{languageName(doc.originalLanguage)}</span> : null}
      </p>
    </li>
  );
}

function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" class="pager">
      {page > 1 ? (
        <a rel="prev" href={page === 2 ? '/' : `/?page=${page - 1}`}>
          Earlier documents
        </a>
      ) : null}
      {page < pageCount ? (
        <a rel="next" href={`/?page=${page + 1}`}>
          Later documents
        </a>
      ) : null}
    </nav>
  );
}
