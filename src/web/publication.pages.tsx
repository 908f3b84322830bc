import type { Child } from 'hono/jsx';
import type { CitationItem } from '../citation/citation.types.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import { PUBLICATION_STATES, type Publication } from '../store/record.publication.ts';
import type { UnpublishedRecord } from '../store/store.types.ts';
import { CsrfField } from './account.pages.tsx';
import { DataTable } from './data-table.component.tsx';
import { CitePanel } from './document-extras.component.tsx';
import { Layout } from './layout.component.tsx';
import { formatIsoDateTime } from './web.format.ts';

function documentPath(id: string, rest = ''): string {
  return `/documents/${encodeURIComponent(id)}${rest}`;
}

const STATE_LABELS: Record<Publication['state'], string> = {
  draft: 'Draft: editors only',
  restricted: 'Restricted: readers with an account',
  published: 'Published',
  embargoed: 'Embargoed',
  withdrawn: 'Withdrawn',
};

/** What a publication says in one line: its state, its date, who set it and why. */
function describe(publication: Publication): string {
  const until = publication.until ? ` until ${formatIsoDateTime(publication.until.slice(0, 16))} UTC` : '';
  const by = publication.changedAt
    ? ` (set ${formatIsoDateTime(publication.changedAt.slice(0, 16))} by ${publication.changedBy})`
    : '';
  const why = publication.reason ? `: ${publication.reason}` : '';
  return `${STATE_LABELS[publication.state]}${until}${by}${why}`;
}

/**
 * On a document page, for editors: who sees the record, and the form that changes it. A record
 * readers do not see says so first, so that an editor never takes a draft for a public page.
 */
export function PublicationPanel(props: { id: string; publication: Publication; csrf: string | null }) {
  const { publication } = props;
  const hidden = publication.state !== 'published';
  return (
    <section
      class={hidden ? 'publication form-problem' : 'publication'}
      aria-labelledby="publication-heading"
    >
      <h2 id="publication-heading">{hidden ? 'Readers do not see this record' : 'Publication'}</h2>
      <p>{describe(publication)}</p>
      {props.csrf ? (
        <form method="post" action={documentPath(props.id, '/publish')} class="account-form">
          <CsrfField token={props.csrf} />
          <label>
            State{' '}
            <select name="state">
              {PUBLICATION_STATES.map((state) => (
                <option value={state} selected={state === publication.state}>
                  {STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Embargoed until (YYYY-MM-DD, UTC){' '}
            <input type="date" name="until" value={publication.until?.slice(0, 10) ?? ''} />
          </label>
          <label>
            Why (required to withdraw; the page of a withdrawn record shows it){' '}
            <textarea name="reason" rows={2}>
              {publication.reason ?? ''}
            </textarea>
          </label>
          <button type="submit">Set</button>
        </form>
      ) : null}
    </section>
  );
}

/** On a restricted record's page, for the account holders who see it. */
export function RestrictedNotice() {
  return (
    <p class="publication" role="note">
      Restricted: shown to readers with an account, not to the public.
    </p>
  );
}

/** The restricted records, for anyone with an account: what the archive shows its readers only. */
export function RestrictedPage({ records }: { records: UnpublishedRecord[] }) {
  return (
    <RecordListPage
      title="For readers"
      count={records.length}
      none="No record is restricted to readers."
      some="shown to readers with an account, not to the public (nor in its search)."
    >
      <ul>
        {records.map((r) => (
          <li>
            <a href={documentPath(r.id)}>{r.title}</a>
          </li>
        ))}
      </ul>
    </RecordListPage>
  );
}

/** The page of a withdrawn record: what it was, when and why it went, and how to cite it. */
export function WithdrawnPage(props: {
  record: ChanceryRecord;
  publication: Publication;
  citation: CitationItem;
}) {
  const { record, publication } = props;
  return (
    <Layout title={`Withdrawn: ${record.title}`}>
      <article class="document page">
        <header class="document-header">
          <p class="eyebrow">Withdrawn</p>
          <h1>{record.title}</h1>
        </header>
        <p class="form-problem" role="note">
          This document was withdrawn from the archive
          {publication.changedAt ? ` on ${formatIsoDateTime(publication.changedAt.slice(0, 10))}` : ''}:{' '}
          {publication.reason}
        </p>
        <p>Its address and its citation stay, so that works which cite it still lead here.</p>
        <section id="citation" aria-labelledby="citation-heading">
          <h2 id="citation-heading">Citation</h2>
          <CitePanel record={record} citation={props.citation} />
        </section>
      </article>
    </Layout>
  );
}

/** Editors' list of the records readers do not see: drafts, embargoes with their dates, withdrawals. */
export function UnpublishedPage({ records }: { records: UnpublishedRecord[] }) {
  return (
    <RecordListPage
      title="Not published"
      count={records.length}
      none="Readers see every record."
      some="that readers do not see. An embargoed record is published by itself on its date."
    >
      {records.length > 0 ? (
        <DataTable headings={['Record', 'State']}>
          {records.map((r) => (
            <tr>
              <td>
                <a href={documentPath(r.id)}>{r.title}</a> <code>{r.id}</code>
              </td>
              <td>{describe(r)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </RecordListPage>
  );
}

/**
 * The head the lists of records share (who may read each is the route's to say): the title, how
 * many records there are, or what it means that there are none, then the list itself.
 */
function RecordListPage(props: {
  title: string;
  count: number;
  /** The sentence for no record. */
  none: string;
  /** What follows "N records" in the sentence that counts them. */
  some: string;
  children: Child;
}) {
  const { title, count } = props;
  return (
    <Layout title={title}>
      <div class="page">
        <h1>{title}</h1>
        <p>{count === 0 ? props.none : `${count} record${count === 1 ? '' : 's'} ${props.some}`}</p>
        {props.children}
      </div>
    </Layout>
  );
}
