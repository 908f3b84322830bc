import { formatChicagoBibliography, formatChicagoNote } from '../citation/citation.chicago.ts';
import { META_SCHEMAS, pageMeta } from '../citation/citation.meta.ts';
import type { CitationItem } from '../citation/citation.types.ts';
import type { ChanceryRecord, Collection, CollectionMembership } from '../record/record.types.ts';
import type { RecordPlacement, RecordSummary } from '../store/store.types.ts';
import { documentHref } from './browse.queries.ts';

/** Path of the document page's enhancement script (block permalinks, copy buttons). */
export const PERMALINK_SCRIPT_PATH = '/static/permalink.js';

/**
 * The page head for reference managers (`pageMeta`, src/citation/citation.meta.ts): Highwire
 * `citation_*`, Dublin Core and Zotero's own `z.*` tags, the canonical URL, and the script of
 * the document page.
 */
export function CitationMeta({ citation, rights }: { citation: CitationItem; rights: string | null }) {
  return (
    <>
      <link rel="canonical" href={citation.url} />
      <link rel="schema.DC" href={META_SCHEMAS.DC} />
      <link rel="schema.z" href={META_SCHEMAS.z} />
      {pageMeta(citation, { rights }).map((m) => (
        <meta name={m.name} content={m.content} />
      ))}
      <script src={PERMALINK_SCRIPT_PATH} defer />
    </>
  );
}

/** The Chicago note and bibliography forms, copy buttons (shown by the script), and downloads. */
export function CitePanel({ record, citation }: { record: ChanceryRecord; citation: CitationItem }) {
  const base = `${documentHref(record.id)}/cite`;
  return (
    <div class="cite-panel">
      <div class="cite-form">
        <h3 id="cite-note-heading">Chicago, note</h3>
        <p class="citation cite-text" id="cite-note">
          {formatChicagoNote(citation)}
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
          {formatChicagoBibliography(citation)}
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
        <li>
          <a href={`${documentHref(record.id)}.tei.xml`}>TEI P5</a>
        </li>
        <li>
          <a href={`${documentHref(record.id)}.json`}>JSON record</a>
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
