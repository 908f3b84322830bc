import type { Child } from 'hono/jsx';
import type { CitationItem } from '../citation/citation.types.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord, Collection, CollectionMembership, RecordDate } from '../record/record.types.ts';
import type { RecordPlacement, RecordVersion } from '../store/store.types.ts';
import { RelatedDocuments, ThreadList } from './correspondence.component.tsx';

import type { DocumentLinks } from './correspondence.queries.ts';
import { CitationMeta, CitePanel, Neighbours } from './document-extras.component.tsx';
import { Layout } from './layout.component.tsx';
import {
  ComparisonView,
  comparisonAnchor,
  ParallelView,
  parallelAlignments,
  parallelAnchor,
  ReadingRoomAssets,
} from './reading-room.component.tsx';
import {
  AgentList,
  ArchivalLocations,
  Credits,
  HandlingTimeline,
  Mentions,
  SourceFields,
} from './record-fields.component.tsx';
import { TextSection, textAnchor } from './text.component.tsx';
import { isoRange, labelFromCode, languageName, textHeading } from './web.format.ts';

/** Documents of the thread listed on either side of the one shown; the thread page lists them all. */
const THREAD_AROUND = 5;

export interface DocumentPageProps {
  record: ChanceryRecord;
  authorities: AuthorityIndex;
  versions: RecordVersion[];
  /** The collections the record belongs to, with their titles when the store has them. */
  collections: { membership: CollectionMembership; collection: Collection | null }[];
  /** The documents before and after this one, in date order and in its collections. */
  placement?: RecordPlacement | null;
  /** The records the relations name, and the thread between the document's correspondents. */
  links?: DocumentLinks;
  /** The document's citation (src/citation/): the Cite panel and the page head for Zotero. */
  citation: CitationItem;
  /** Shown above the document: for editors, who sees it (src/web/publication.pages.tsx). */
  notice?: Child;
}

interface Section {
  id: string;
  heading: string;
}

/**
 * A document page: every part of the record, its texts each in their own section, in an order a
 * reader follows: what the document is, what it says, how it travelled, where it lies, how to
 * cite it, who made it available, and the file it was read from.
 */
export function DocumentPage({
  record,
  authorities,
  versions,
  collections,
  placement,
  links,
  citation,
  notice,
}: DocumentPageProps) {
  const parallels = parallelAlignments(record);
  const comparisons = (record.comparisons ?? []).flatMap((comparison) => {
    const draft = record.texts.find((t) => t.id === comparison.draft);
    const final = record.texts.find((t) => t.id === comparison.final);
    return draft && final ? [{ comparison, draft, final }] : [];
  });
  const thread = links?.thread && links.thread.records.length > 0 ? links.thread : null;
  const sections: Section[] = [
    { id: 'about', heading: 'About this document' },
    ...parallels.map(({ alignment }) => ({ id: parallelAnchor(alignment), heading: 'Side by side' })),
    ...comparisons.map(({ comparison }) => ({
      id: comparisonAnchor(comparison),
      heading: 'Draft and final text',
    })),
    ...record.texts.map((text) => ({ id: textAnchor(text), heading: textHeading(text) })),
    ...(record.handling.length > 0 ? [{ id: 'handling', heading: 'Handling' }] : []),
    ...(record.archivalLocations.length > 0 ? [{ id: 'locations', heading: 'Archival locations' }] : []),
    { id: 'citation', heading: 'Citation' },
    ...(record.mentions.length > 0 ? [{ id: 'mentions', heading: 'Named in the document' }] : []),
    ...(record.relations.length > 0 ? [{ id: 'relations', heading: 'Related documents' }] : []),
    ...(thread ? [{ id: 'thread', heading: 'Correspondence' }] : []),
    { id: 'credits', heading: 'Credits and rights' },
    { id: 'source', heading: 'Source' },
  ];
  return (
    <Layout
      title={record.title}
      description={record.summary ?? undefined}
      head={<CitationMeta citation={citation} rights={record.rights} />}
    >
      <article class="document">
        {notice ?? null}
        <header class="document-header">
          <p class="eyebrow">
            {labelFromCode(record.type)} · <DateView date={record.date} />
          </p>
          <h1>{record.title}</h1>
          {record.summary ? <p class="summary">{record.summary}</p> : null}
        </header>

        <nav class="toc" aria-labelledby="toc-heading">
          <h2 id="toc-heading" class="toc-heading">
            On this page
          </h2>
          <ul>
            {sections.map((section) => (
              <li>
                <a href={`#${section.id}`}>{section.heading}</a>
              </li>
            ))}
          </ul>
        </nav>

        <div class="document-body">
          <Neighbours placement={placement} collections={collections} />

          <section id="about" aria-labelledby="about-heading">
            <h2 id="about-heading">About this document</h2>
            <AboutFields record={record} authorities={authorities} collections={collections} />
          </section>

          {parallels.length > 0 ? <ReadingRoomAssets /> : null}
          {parallels.map((parallel) => (
            <ParallelView {...parallel} />
          ))}
          {comparisons.map((view) => (
            <ComparisonView {...view} />
          ))}

          {record.texts.length === 0 ? (
            <p class="muted">This record holds no text of the document yet.</p>
          ) : (
            record.texts.map((text) => <TextSection text={text} />)
          )}

          {record.handling.length > 0 ? (
            <section id="handling" aria-labelledby="handling-heading">
              <h2 id="handling-heading">Handling</h2>
              <p class="muted">How the document was received, deciphered, printed and filed.</p>
              <HandlingTimeline events={record.handling} />
            </section>
          ) : null}

          {record.archivalLocations.length > 0 ? (
            <section id="locations" aria-labelledby="locations-heading">
              <h2 id="locations-heading">Archival locations</h2>
              <ArchivalLocations locations={record.archivalLocations} authorities={authorities} />
            </section>
          ) : null}

          <section id="citation" aria-labelledby="citation-heading">
            <h2 id="citation-heading">Citation</h2>
            <CitePanel record={record} citation={citation} />
          </section>

          {record.mentions.length > 0 ? (
            <section id="mentions" aria-labelledby="mentions-heading">
              <h2 id="mentions-heading">Named in the document</h2>
              <Mentions mentions={record.mentions} />
            </section>
          ) : null}

          {record.relations.length > 0 ? (
            <section id="relations" aria-labelledby="relations-heading">
              <h2 id="relations-heading">Related documents</h2>
              <RelatedDocuments relations={record.relations} links={links} currentId={record.id} />
            </section>
          ) : null}

          {thread ? (
            <section id="thread" aria-labelledby="thread-heading">
              <h2 id="thread-heading">Correspondence</h2>
              <ThreadList thread={thread} currentId={record.id} around={THREAD_AROUND} />
            </section>
          ) : null}

          <section id="credits" aria-labelledby="credits-heading">
            <h2 id="credits-heading">Credits and rights</h2>
            {record.credits.length > 0 ? (
              <Credits credits={record.credits} />
            ) : (
              <p class="muted">No credits given.</p>
            )}
            <h3>Rights</h3>
            <p class="rights">{record.rights ?? 'No rights statement given.'}</p>
          </section>

          <section id="source" aria-labelledby="source-heading">
            <h2 id="source-heading">Source</h2>
            <SourceFields recordId={record.id} source={record.source} versions={versions} />
          </section>
        </div>
      </article>
    </Layout>
  );
}

function AboutFields({
  record,
  authorities,
  collections,
}: Pick<DocumentPageProps, 'record' | 'authorities' | 'collections'>) {
  return (
    <dl class="fields">
      <dt>Date</dt>
      <dd>
        <DateView date={record.date} />
        {isoRange(record.date) ? <span class="muted"> (ISO {isoRange(record.date)})</span> : null}
        {record.date.certainty !== 'exact' ? <span class="muted">, {record.date.certainty}</span> : null}
        {record.date.timeZone ? <span class="muted">, {record.date.timeZone}</span> : null}
      </dd>
      <dt>Type</dt>
      <dd>{labelFromCode(record.type)}</dd>
      {record.authors.length > 0 ? (
        <>
          <dt>{record.authors.length === 1 ? 'Author' : 'Authors'}</dt>
          <dd>
            <AgentList agents={record.authors} authorities={authorities} />
          </dd>
        </>
      ) : null}
      {record.recipients.length > 0 ? (
        <>
          <dt>{record.recipients.length === 1 ? 'Recipient' : 'Recipients'}</dt>
          <dd>
            <AgentList agents={record.recipients} authorities={authorities} />
          </dd>
        </>
      ) : null}
      {record.intermediaries.length > 0 ? (
        <>
          <dt>Via</dt>
          <dd>
            <AgentList agents={record.intermediaries} authorities={authorities} />
          </dd>
        </>
      ) : null}
      {record.participants && record.participants.length > 0 ? (
        <>
          <dt>Participants</dt>
          <dd>
            <AgentList agents={record.participants} authorities={authorities} />
          </dd>
        </>
      ) : null}
      {record.place ? (
        <>
          <dt>Place</dt>
          <dd>{record.place}</dd>
        </>
      ) : null}
      {record.numbers.length > 0 ? (
        <>
          <dt>Numbers</dt>
          <dd>{record.numbers.map((n) => `${labelFromCode(n.kind)} No. ${n.value}`).join('; ')}</dd>
        </>
      ) : null}
      <dt>Original language</dt>
      <dd>{record.originalLanguage ? languageName(record.originalLanguage) : 'Not stated'}</dd>
      {record.texts.length > 0 ? (
        <>
          <dt>Texts</dt>
          <dd>{record.texts.map((t) => textHeading(t)).join('; ')}</dd>
        </>
      ) : null}
      {record.pages ? (
        <>
          <dt>Pages</dt>
          <dd>
            {record.pages.first === record.pages.last
              ? record.pages.first
              : `${record.pages.first}–${record.pages.last}`}
          </dd>
        </>
      ) : null}
      {collections.length > 0 ? (
        <>
          <dt>Collections</dt>
          <dd>
            {collections
              .map(
                ({ membership, collection }) =>
                  `${collection?.title ?? membership.id}, no. ${membership.position}`,
              )
              .join('; ')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The date as the source writes it, with its earliest ISO date for machines. */
function DateView({ date }: { date: RecordDate }) {
  return date.min ? <time datetime={date.min}>{date.display}</time> : <span>{date.display}</span>;
}
