import type { CitationItem, CitationName } from './citation.types.ts';

/** A CSL-JSON item: the common ground of citation styles and reference managers. */
export interface CslItem {
  id: string;
  type: 'manuscript' | 'letter' | 'chapter';
  title: string;
  author?: CslName[];
  recipient?: CslName[];
  translator?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': number[][] } | { literal: string };
  'original-date'?: { 'date-parts': number[][] } | { literal: string };
  genre?: string;
  archive?: string;
  archive_location?: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  'collection-title'?: string;
  volume?: string;
  'chapter-number'?: string;
  page?: string;
  language?: string;
  abstract?: string;
  note?: string;
  URL: string;
  accessed: { 'date-parts': number[][] };
}

export type CslName = { family: string; given?: string } | { literal: string };

/**
 * The citation as CSL-JSON: `chapter` for a document in an edition (the volume as
 * `container-title`, its year as `issued`, the document's own date as `original-date`),
 * `manuscript` or `letter` for an archival document (`archive`, `archive_location`, the digital
 * archive as `publisher`).
 *
 * @example toCsl(item).archive // 'RGASPI'
 */
export function toCsl(item: CitationItem): CslItem {
  const csl: CslItem = {
    id: item.id,
    type: item.kind === 'edition' ? 'chapter' : item.type === 'letter' ? 'letter' : 'manuscript',
    title: item.title,
    URL: item.url,
    accessed: { 'date-parts': [item.accessed] },
  };
  const documentDate = item.date.parts ? { 'date-parts': [item.date.parts] } : { literal: item.date.display };
  if (item.authors.length > 0) csl.author = item.authors.map(cslName);
  if (item.recipients.length > 0) csl.recipient = item.recipients.map(cslName);
  if (item.translators.length > 0) csl.translator = item.translators.map(cslName);
  if (item.kind === 'edition' && item.edition) {
    const edition = item.edition;
    csl['container-title'] = edition.title;
    if (edition.editors.length > 0) csl.editor = edition.editors.map(cslName);
    if (edition.series) csl['collection-title'] = edition.series;
    if (edition.volume) csl.volume = edition.volume;
    if (edition.publisher) csl.publisher = edition.publisher;
    if (edition.place) csl['publisher-place'] = edition.place;
    if (edition.year) csl.issued = { 'date-parts': [[Number(edition.year)]] };
    csl['original-date'] = documentDate;
    if (item.number) csl['chapter-number'] = item.number;
    if (item.pages) csl.page = item.pages;
  } else {
    csl.issued = documentDate;
    csl.genre = item.genre;
    if (item.archive) csl.archive = item.archive;
    if (item.archiveLocation) csl.archive_location = item.archiveLocation;
    if (item.publisher) csl.publisher = item.publisher;
  }
  if (item.language) csl.language = item.language;
  if (item.abstract) csl.abstract = item.abstract;
  const notes = [
    ...(item.locations.length > 1 ? [`Also held at: ${item.locations.slice(1).join('; ')}`] : []),
    ...item.publications.map((p) => `Published in: ${p}`),
  ];
  if (notes.length > 0) csl.note = notes.join('\n');
  return csl;
}

function cslName(name: CitationName): CslName {
  if ('literal' in name) return { literal: name.literal };
  return name.given === undefined ? { family: name.family } : { family: name.family, given: name.given };
}
