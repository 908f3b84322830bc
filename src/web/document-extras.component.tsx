import type { ChanceryRecord, Collection, CollectionMembership } from '../record/record.types.ts';
import type { RecordPlacement, RecordSummary } from '../store/store.types.ts';
import { documentHref } from './browse.queries.ts';
import { locationWithinArchive } from './citation.export.ts';
import { formatChicagoBibliography, formatChicagoNote } from './citation.format.ts';
import { labelFromCode } from './web.format.ts';

/** Path of the document page's enhancement script (block permalinks, copy buttons). */
export const PERMALINK_SCRIPT_PATH = '/static/permalink.js';

/**
 * What Zotero's Embedded Metadata translator reads (Highwire `citation_*` and Dublin Core), so
 * that saving the page files a manuscript with its archive and location in the archive. The
 * translator hands `DC.*` and `z.*` tags to Zotero's RDF import, which takes the item type from
 * `z:itemType`, "Loc. in Archive" from `dc:coverage`, "Type" from `dc:type`, and any other `z:`
 * property (`z:archive`) as the field of that name; `citation_title` alone would make it guess a
 * journal article.
 */
export function CitationMeta({ record }: { record: ChanceryRecord }) {
  const first = record.archivalLocations[0];
  const translators = record.credits.filter((c) => c.role === 'translator');
  const date = record.date.min ? record.date.min.slice(0, 10).replaceAll('-', '/') : record.date.display;
  return (
    <>
      <meta name="citation_title" content={record.title} />
      {record.authors.map((a) => (
        <meta name="citation_author" content={a.name} />
      ))}
      <meta name="citation_date" content={date} />
      {record.originalLanguage ? <meta name="citation_language" content={record.originalLanguage} /> : null}
      {first ? <meta name="citation_archive" content={first.repository} /> : null}
      {first ? <meta name="citation_archive_location" content={locationWithinArchive(first)} /> : null}
      {record.source.url ? <meta name="citation_public_url" content={record.source.url} /> : null}
      <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />
      <meta name="DC.title" content={record.title} />
      <link rel="schema.z" href="http://www.zotero.org/namespaces/export#" />
      <meta name="z.itemType" content="manuscript" />
      {first ? <meta name="z.archive" content={first.repository} /> : null}
      {first ? <meta name="DC.coverage" content={locationWithinArchive(first)} /> : null}
      <meta name="DC.type" content={labelFromCode(record.type)} />
      {record.authors.map((a) => (
        <meta name="DC.creator" content={a.name} />
      ))}
      {translators.map((t) => (
        <meta name="DC.contributor" content={t.name} />
      ))}
      {record.date.min ? <meta name="DC.date" content={record.date.min.slice(0, 10)} /> : null}
      {record.originalLanguage ? <meta name="DC.language" content={record.originalLanguage} /> : null}
      {record.summary ? <meta name="DC.description" content={record.summary} /> : null}
      {record.archivalLocations.map((l) => (
        <meta name="DC.source" content={l.raw} />
      ))}
      {record.rights ? <meta name="DC.rights" content={record.rights} /> : null}
      <meta name="DC.identifier" content={record.source.url ?? record.id} />
      <script src={PERMALINK_SCRIPT_PATH} defer />
    </>
  );
}

/** The Chicago note and bibliography forms, copy buttons (shown by the script), and downloads. */
export function CitePanel({ record }: { record: ChanceryRecord }) {
  const base = `${documentHref(record.id)}/cite`;
  return (
    <div class="cite-panel">
      <div class="cite-form">
        <h3 id="cite-note-heading">Chicago, note</h3>
        <p class="citation cite-text" id="cite-note">
          {formatChicagoNote(record)}
        </p>
        <p class="cite-actions">
          <button type="button" data-copy="cite-note" hidden>
            Copy the note
          </button>
        </p>
      </div>
      <div class="cite-form">
        <h3 id="cite-bibliography-heading">Chicago, bibliography</h3>
        <p class="cite-text" id="cite-bibliography">
          {formatChicagoBibliography(record)}
        </p>
        <p class="cite-actions">
          <button type="button" data-copy="cite-bibliography" hidden>
            Copy the bibliography entry
          </button>
        </p>
      </div>
      <h3>Download the citation</h3>
      <ul class="cite-actions cite-downloads">
        <li>
          <a href={`${base}.ris`} download>
            RIS<span class="visually-hidden"> (Zotero, EndNote, Mendeley)</span>
          </a>
        </li>
        <li>
          <a href={`${base}.bib`} download>
            BibTeX
          </a>
        </li>
        <li>
          <a href={`${base}.json`} download>
            CSL-JSON
          </a>
        </li>
      </ul>
    </div>
  );
}

/** Previous and next document in date order and in each collection the document belongs to. */
export function Neighbours({
  placement,
  collections,
}: {
  placement: RecordPlacement | null | undefined;
  collections: { membership: CollectionMembership; collection: Collection | null }[];
}) {
  if (!placement) return null;
  const titles = new Map(collections.map((c) => [c.membership.id, c.collection?.title ?? c.membership.id]));
  const groups = [
    { id: 'date', heading: 'In date order', ...placement.byDate, href: '/timeline' },
    ...placement.byCollection.map((c) => ({
      id: `collection-${c.collectionId}`,
      heading: `In ${titles.get(c.collectionId) ?? c.collectionId}, no. ${c.position}`,
      previous: c.previous,
      next: c.next,
      href: `/collections/${encodeURIComponent(c.collectionId)}`,
    })),
  ].filter((g) => g.previous || g.next);
  if (groups.length === 0) return null;
  return (
    <nav class="neighbours" aria-label="Previous and next documents">
      {groups.map((group) => (
        <div>
          <h2 id={`neighbours-${group.id}`}>
            <a href={group.href}>{group.heading}</a>
          </h2>
          <ul aria-labelledby={`neighbours-${group.id}`}>
            <NeighbourLink label="Previous" summary={group.previous} rel="prev" />
            <NeighbourLink label="Next" summary={group.next} rel="next" />
          </ul>
        </div>
      ))}
    </nav>
  );
}

function NeighbourLink({
  label,
  summary,
  rel,
}: {
  label: string;
  summary: RecordSummary | null;
  rel: 'prev' | 'next';
}) {
  if (!summary) return null;
  return (
    <li>
      {label}:{' '}
      <a href={documentHref(summary.id)} rel={rel}>
        {summary.title}
      </a>{' '}
      <span class="muted">({summary.dateDisplay})</span>
    </li>
  );
}
