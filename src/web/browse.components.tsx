import type { Child } from 'hono/jsx';
import type { Collection, NameForm } from '../record/record.types.ts';
import type { SearchHit } from '../search/query/query.types.ts';
import type { RecordSummary } from '../store/store.types.ts';
import { documentHref } from './browse.queries.ts';
import { labelFromCode, languageName } from './web.format.ts';

/** Documents found by a query, in the order the index gave them (date order for a query without words). */
export function HitList({ hits, start = 1 }: { hits: SearchHit[]; start?: number }) {
  return (
    <ol class="document-list" start={start}>
      {hits.map((hit) => (
        <li>
          <a class="document-title" href={documentHref(hit.id)}>
            {hit.title}
          </a>
          <p class="document-meta">
            <span>{hit.date}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Documents as the store lists them: with their ISO date for machines, type and language. */
export function SummaryList({ documents, start = 1 }: { documents: RecordSummary[]; start?: number }) {
  return (
    <ol class="document-list" start={start}>
      {documents.map((doc) => (
        <li>
          <a class="document-title" href={documentHref(doc.id)}>
            {doc.title}
          </a>
          <p class="document-meta">
            {doc.dateMin ? (
              <time datetime={doc.dateMin}>{doc.dateDisplay}</time>
            ) : (
              <span>{doc.dateDisplay}</span>
            )}
            <span>{labelFromCode(doc.type)}</span>
            {doc.originalLanguage ? <span>{languageName(doc.originalLanguage)}</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Earlier and later pages of a list; `href(n)` builds the URL of page n. */
export function PageLinks({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" class="pager">
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          Previous page
        </a>
      ) : null}
      <span class="muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={href(page + 1)}>
          Next page
        </a>
      ) : null}
    </nav>
  );
}

const NAME_KIND_LABELS: Record<NameForm['kind'], string> = {
  preferred: 'Preferred',
  native: 'Native script',
  romanization: 'Romanization',
  pseudonym: 'Pseudonym',
  variant: 'Variant',
  translation: 'Translation',
};

/** Every name form of an authority, each in its own language so that fonts and screen readers follow it. */
export function NameFormsTable({ names }: { names: NameForm[] }) {
  return (
    <ScrollRegion label="Name forms">
      <table class="name-forms">
        <caption class="visually-hidden">Name forms</caption>
        <thead>
          <tr>
            <th scope="col">Form</th>
            <th scope="col">Kind</th>
            <th scope="col">Language</th>
            <th scope="col">Years</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr>
              <td lang={name.language ?? undefined} class="name-form">
                {name.form}
              </td>
              <td data-label="Kind">{NAME_KIND_LABELS[name.kind] ?? labelFromCode(name.kind)}</td>
              <td data-label="Language">{name.language ? languageName(name.language) : '—'}</td>
              <td data-label="Years">{name.years ?? '—'}</td>
              <td data-label="Source">{name.source ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * A wide table's frame: it scrolls sideways on a narrow screen, so it takes keyboard focus (a
 * region a keyboard cannot scroll hides its columns from keyboard users).
 */
export function ScrollRegion({ label, children }: { label: string; children?: Child }) {
  return (
    // A labelled section is a region landmark; tabindex lets the keyboard scroll it.
    <section class="table-scroll" tabindex={0} aria-label={label}>
      {children}
    </section>
  );
}

export interface ChartBar {
  label: string;
  count: number;
  /** Where the bar leads: the documents it counts. */
  href?: string;
}

/**
 * Counts as a bar chart drawn on the server in SVG: no script, prints as drawn, scales with the
 * page. Each bar is a link with its count in words for screen readers; the same figures follow as
 * a list for readers who do not see the chart.
 */
export function BarChart({ bars, title, id }: { bars: ChartBar[]; title: string; id: string }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.count), 1);
  const barWidth = 24;
  const gap = 6;
  const height = 120;
  const width = bars.length * (barWidth + gap);
  // Label every bar when they fit; else every nth, so that labels never overlap.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 24));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height + 30}`}
        width={width}
        height={height + 30}
        aria-labelledby={`${id}-title`}
        class="bar-chart"
        preserveAspectRatio="xMinYMax meet"
      >
        <title id={`${id}-title`}>{title}</title>
        {bars.map((bar, index) => {
          const h = Math.max(2, Math.round((bar.count / max) * height));
          const x = index * (barWidth + gap);
          const rect = (
            <>
              <title>{`${bar.label}: ${bar.count} ${bar.count === 1 ? 'document' : 'documents'}`}</title>
              <rect x={x} y={height - h} width={barWidth} height={h} class="bar" />
            </>
          );
          return (
            <g>
              {bar.href ? (
                <a
                  href={bar.href}
                  aria-label={`${bar.label}: ${bar.count} ${bar.count === 1 ? 'document' : 'documents'}`}
                >
                  {rect}
                </a>
              ) : (
                rect
              )}
              {index % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={height + 16} text-anchor="middle" class="bar-label">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** The chart's figures as a list of links, for every reader. */
export function CountList({ bars, label }: { bars: ChartBar[]; label: string }) {
  return (
    <ul class="count-list" aria-label={label}>
      {bars.map((bar) => (
        <li>
          {bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label} <span class="count">{bar.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** Collections, each linked, with how many documents it holds. */
export function CollectionList({
  collections,
}: {
  collections: { collection: Collection; count: number }[];
}) {
  return (
    <ul class="document-list">
      {collections.map(({ collection, count }) => (
        <li>
          <a class="document-title" href={`/collections/${encodeURIComponent(collection.id)}`}>
            {collection.title}
          </a>
          <p class="document-meta">
            <span>
              {count} {count === 1 ? 'document' : 'documents'}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
