import type { Thread } from '../correspondence/thread.service.ts';
import type { FacetValue } from '../search/query/query.types.ts';
import type { CorrespondencePair, RecordSummary } from '../store/store.types.ts';
import {
  BarChart,
  type ChartBar,
  CountList,
  PageLinks,
  ScrollRegion,
  SummaryList,
} from './browse.components.tsx';
import { correspondenceHref, personHref } from './browse.queries.ts';
import { ThreadList } from './correspondence.component.tsx';
import { Layout } from './layout.component.tsx';
import { formatIsoDateTime, labelFromCode } from './web.format.ts';

/** The filters of the timeline, all in the URL: `/timeline?year=1951&month=07&type=cable&person=Stalin`. */
export interface TimelineFilters {
  year: string | null;
  month: string | null;
  type: string | null;
  person: string | null;
}

export interface TimelinePageProps {
  filters: TimelineFilters;
  /** The bars of the current level: years, months of a year, or days of a month. */
  bars: ChartBar[];
  types: FacetValue[];
  /** The documents of a month, grouped by day; documents dated only to the month or wider come last. */
  days: { day: string | null; documents: RecordSummary[] }[];
  total: number;
  page: number;
  pageCount: number;
  /** The person filter named someone the authority file does not know. */
  personUnknown: boolean;
}

/** `/timeline?…` with the given filters, leaving out empty ones. */
export function timelineHref(filters: Partial<TimelineFilters>, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['year', 'month', 'type', 'person'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/timeline?${query}` : '/timeline';
}

/**
 * The archive in time: documents by year, then by month of a year, then by day of a month,
 * narrowed by type and person. Every level is a URL, so the browser's back button walks back up.
 */
export function TimelinePage(props: TimelinePageProps) {
  const { filters, bars, types, days, total } = props;
  const level = filters.month && filters.year ? 'day' : filters.year ? 'month' : 'year';
  const period =
    level === 'day' ? formatIsoDateTime(`${filters.year}-${filters.month}`) : (filters.year ?? 'every year');
  const heading = `Documents by ${level}${filters.year ? `, ${period}` : ''}`;
  return (
    <Layout title={filters.year ? `Timeline: ${period}` : 'Timeline'}>
      <div class="page timeline-page">
        <h1>Timeline</h1>
        <nav aria-label="Breadcrumb" class="breadcrumb">
          <ol>
            <li>
              <a href={timelineHref({ type: filters.type, person: filters.person })}>All years</a>
            </li>
            {filters.year ? (
              <li>
                <a href={timelineHref({ ...filters, month: null })}>{filters.year}</a>
              </li>
            ) : null}
            {filters.month ? (
              <li>
                <a aria-current="page" href={timelineHref(filters)}>
                  {period}
                </a>
              </li>
            ) : null}
          </ol>
        </nav>
        <form action="/timeline" method="get" class="filter-form">
          {filters.year ? <input type="hidden" name="year" value={filters.year} /> : null}
          {filters.month ? <input type="hidden" name="month" value={filters.month} /> : null}
          <label for="timeline-type">Type</label>
          <select id="timeline-type" name="type">
            <option value="">Any type</option>
            {types.map((t) => (
              <option value={t.value} selected={t.value === filters.type}>
                {labelFromCode(t.label)}
              </option>
            ))}
          </select>
          <label for="timeline-person">Person (any name form)</label>
          <input id="timeline-person" name="person" type="text" value={filters.person ?? ''} />
          <button type="submit">Show</button>
        </form>
        {props.personUnknown ? (
          <p class="muted">
            No person in the authority file goes by “{filters.person}”: the documents that write it so are
            shown.
          </p>
        ) : null}
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{heading}</h2>
          <p>
            {total} {total === 1 ? 'document' : 'documents'}.
          </p>
          {level !== 'day' ? (
            <>
              <BarChart bars={bars} title={heading} id="timeline-chart" />
              <CountList bars={bars} label={heading} />
            </>
          ) : (
            <>
              {days.map(({ day, documents }) => (
                <section
                  class="timeline-day"
                  id={day ? `d-${day}` : 'd-undated'}
                  aria-labelledby={day ? `d-${day}-h` : 'd-undated-h'}
                >
                  <h3 id={day ? `d-${day}-h` : 'd-undated-h'}>
                    {day ? (
                      <time datetime={day}>{formatIsoDateTime(day)}</time>
                    ) : (
                      'Dated to the month or a wider span'
                    )}
                  </h3>
                  <SummaryList documents={documents} />
                </section>
              ))}
              <PageLinks
                page={props.page}
                pageCount={props.pageCount}
                href={(n) => timelineHref(filters, n)}
              />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}

/** Groups a month's documents by the day they are dated to; documents spanning more come last. */
export function groupByDay(documents: RecordSummary[]) {
  const groups = new Map<string | null, RecordSummary[]>();
  for (const doc of documents) {
    const day = doc.dateMin?.slice(0, 10) ?? null;
    const exact = day && (doc.dateMax?.slice(0, 10) ?? day) === day ? day : null;
    groups.set(exact, [...(groups.get(exact) ?? []), doc]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([day, docs]) => ({ day, documents: docs }));
}

export interface CorrespondencePageProps {
  pairs: CorrespondencePair[];
  thread: Thread | null;
}

/** Who wrote to whom, with counts; and, for a chosen pair, their letters both ways in date order. */
export function CorrespondencePage({ pairs, thread }: CorrespondencePageProps) {
  const title = thread ? `Correspondence: ${thread.a.name} and ${thread.b.name}` : 'Correspondence';
  return (
    <Layout title={title}>
      <div class="page correspondence-page">
        <h1>{title}</h1>
        {thread ? (
          <section aria-labelledby="thread-heading">
            <h2 id="thread-heading">The documents between them</h2>
            <p>
              <a href={personHref(thread.a.id)}>{thread.a.name}</a> ·{' '}
              <a href={personHref(thread.b.id)}>{thread.b.name}</a> · <a href="/correspondence">Every pair</a>
            </p>
            <ThreadList thread={thread} currentId="" />
          </section>
        ) : (
          <section aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">Who wrote to whom</h2>
            {pairs.length === 0 ? (
              <p class="muted">No document names both an author and a recipient.</p>
            ) : null}
            <ScrollRegion label="Who wrote to whom">
              <table class="counts-table">
                <caption class="visually-hidden">Authors, recipients and the number of documents</caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Documents</th>
                    <th scope="col">Dates</th>
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((pair) => (
                    <tr>
                      <td>
                        <a href={personHref(pair.author.key)}>{pair.author.name}</a>
                      </td>
                      <td>
                        <a href={personHref(pair.recipient.key)}>{pair.recipient.name}</a>
                      </td>
                      <td class="number">
                        <a href={correspondenceHref(pair.author.key, pair.recipient.key)}>
                          {pair.count}
                          <span class="visually-hidden">
                            {' '}
                            documents between {pair.author.name} and {pair.recipient.name}
                          </span>
                        </a>
                      </td>
                      <td>{[pair.first, pair.last].filter(Boolean).join(' – ') || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        )}
      </div>
    </Layout>
  );
}
