import type { RecordSummary } from '../store/store.types.ts';
import { Layout } from './layout.component.tsx';
import { formatIsoDateTime, labelFromCode, languageName } from './web.format.ts';

/** Counts that say what the archive holds. */
export interface ArchiveOverview {
  total: number;
  byType: { type: string; count: number }[];
  byLanguage: { language: string | null; count: number }[];
  earliest: string | null;
  latest: string | null;
}

/**
 * What the archive holds, from the summaries of all its records (already in date order).
 *
 * @example summarizeArchive(await store.listRecords()).total
 */
export function summarizeArchive(summaries: RecordSummary[]): ArchiveOverview {
  const byType = new Map<string, number>();
  const byLanguage = new Map<string | null, number>();
  const dates: string[] = [];
  for (const summary of summaries) {
    byType.set(summary.type, (byType.get(summary.type) ?? 0) + 1);
    byLanguage.set(summary.originalLanguage, (byLanguage.get(summary.originalLanguage) ?? 0) + 1);
    if (summary.dateMin) dates.push(summary.dateMin);
  }
  dates.sort();
  const descending = <K,>(map: Map<K, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    total: summaries.length,
    byType: descending(byType).map(([type, count]) => ({ type, count })),
    byLanguage: descending(byLanguage).map(([language, count]) => ({ language, count })),
    earliest: dates[0] ?? null,
    latest: dates.at(-1) ?? null,
  };
}

export interface HomePageProps {
  overview: ArchiveOverview;
  /** The documents of this page, in date order. */
  documents: RecordSummary[];
  page: number;
  pageCount: number;
}

/** The home page: what the archive holds, then its documents in date order, a page at a time. */
export function HomePage({ overview, documents, page, pageCount }: HomePageProps) {
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
        ? `, dated ${formatIsoDateTime(overview.earliest)}`
        : `, dated from ${formatIsoDateTime(overview.earliest)} to ${formatIsoDateTime(overview.latest)}`
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
