import type { ArchivalLocation, Collection } from '../record/record.types.ts';
import type { RecordSummary } from '../store/store.types.ts';
import { CollectionList, PageLinks, SummaryList } from './browse.components.tsx';
import { documentHref } from './browse.queries.ts';
import { Layout } from './layout.component.tsx';

/** One fond (or series) of an archive and the documents held in it, each with its location. */
export interface FondGroup {
  fond: string;
  items: { id: string; title: string; date: string; location: ArchivalLocation }[];
}

export interface ArchivePageProps {
  name: string;
  /** The archive's full name from the authority file, when it differs. */
  fullName: string | null;
  total: number;
  fonds: FondGroup[];
  page: number;
  pageCount: number;
}

/**
 * An archive: its fonds, and in each the documents held there with opis, delo and folios as the
 * record gives them, in archival order.
 */
export function ArchivePage({ name, fullName, total, fonds, page, pageCount }: ArchivePageProps) {
  const base = `/archives/${encodeURIComponent(name)}`;
  return (
    <Layout title={name} description={`Documents held at ${fullName ?? name}.`}>
      <div class="page archive-page">
        <p class="eyebrow">Archive</p>
        <h1>{name}</h1>
        {fullName ? <p class="lede">{fullName}</p> : null}
        <p>
          {total} {total === 1 ? 'document' : 'documents'} in Chancery have a location here.
        </p>
        {fonds.map((group, index) => (
          <section aria-labelledby={`fond-${index}`}>
            <h2 id={`fond-${index}`}>{group.fond}</h2>
            <ul class="document-list">
              {group.items.map((item) => (
                <li>
                  <a class="document-title" href={documentHref(item.id)}>
                    {item.title}
                  </a>
                  <p class="document-meta">
                    <span>{locationLabel(item.location)}</span>
                    <span>{item.date}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <PageLinks page={page} pageCount={pageCount} href={(n) => (n === 1 ? base : `${base}?page=${n}`)} />
      </div>
    </Layout>
  );
}

/** The fond a location belongs to: "Fond 558", else the file series ("Central Files"), else none. */
export function fondOf(location: ArchivalLocation): string {
  if (location.fond) return `Fond ${location.fond}${location.opis ? `, opis ${location.opis}` : ''}`;
  if (!location.file) return 'No fond given';
  // The State Department's decimal files ("793B.00/6–2751", "Central Files, 795.00/12–1955") group
  // by their subject number, the part before the date; lot files by the lot ("S/P Files: Lot 62 D 1").
  const decimal = /^(?:Central Files, )?(\d[\dA-Z.– -]*?)\//u.exec(location.file);
  if (decimal) return `Central Files, ${decimal[1]}`;
  return location.file.split(',')[0]?.trim() || location.file;
}

/** How a document's place in the archive reads: the location as printed, or the file when the note says more. */
export function locationLabel(location: ArchivalLocation): string {
  return location.fond || !location.file ? location.raw : location.file;
}

/** Sorts fond names by their numbers where they have them ("Fond 45" before "Fond 558"). */
export function compareFonds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface CollectionPageProps {
  collection: Collection;
  total: number;
  documents: RecordSummary[];
  page: number;
  pageCount: number;
  pageSize: number;
}

/** A collection (a FRUS volume) in its own order, a page at a time. */
export function CollectionPage({
  collection,
  total,
  documents,
  page,
  pageCount,
  pageSize,
}: CollectionPageProps) {
  const base = `/collections/${encodeURIComponent(collection.id)}`;
  const details = [
    collection.series,
    collection.subSeries,
    collection.volume ? `Volume ${collection.volume}` : null,
    collection.published ? `published ${collection.published}` : null,
  ].filter(Boolean);
  return (
    <Layout title={collection.title} description={collection.description ?? undefined}>
      <div class="page collection-page">
        <p class="eyebrow">{collection.kind === 'volume' ? 'Volume' : 'Collection'}</p>
        <h1>{collection.title}</h1>
        {details.length > 0 ? <p class="lede">{details.join(', ')}</p> : null}
        {collection.editors && collection.editors.length > 0 ? (
          <p>Edited by {collection.editors.join(', ')}</p>
        ) : null}
        {collection.description ? <p>{collection.description}</p> : null}
        <section aria-labelledby="contents-heading">
          <h2 id="contents-heading">
            {total} {total === 1 ? 'document' : 'documents'}, in the order of the {collection.kind}
          </h2>
          <SummaryList documents={documents} start={(page - 1) * pageSize + 1} />
          <PageLinks page={page} pageCount={pageCount} href={(n) => (n === 1 ? base : `${base}?page=${n}`)} />
        </section>
      </div>
    </Layout>
  );
}

/** Every collection with its number of documents. */
export function CollectionsPage({
  collections,
}: {
  collections: { collection: Collection; count: number }[];
}) {
  return (
    <Layout title="Collections">
      <div class="page">
        <h1>Collections</h1>
        {collections.length === 0 ? <p class="muted">The archive holds no collections yet.</p> : null}
        <CollectionList collections={collections} />
      </div>
    </Layout>
  );
}
