import { familyGivenName } from './citation.names.ts';
import type { CitationItem, CitationName } from './citation.types.ts';

/** Namespaces Zotero's Embedded Metadata translator maps `DC.*` and `z.*` meta names to. */
export const META_SCHEMAS = {
  DC: 'http://purl.org/dc/elements/1.1/',
  z: 'http://www.zotero.org/namespaces/export#',
} as const;

/** One `<meta name content>` of a page head. */
export interface PageMeta {
  name: string;
  content: string;
}

/**
 * What a document page's head says for reference managers, by the rules of Zotero's Embedded
 * Metadata translator (and Google Scholar's Highwire tags):
 *
 * - the item type: a `citation_book_title` makes a `bookSection` whatever else is there (a FRUS
 *   document, with `citation_editor`, `citation_firstpage`/`citation_lastpage`,
 *   `citation_publisher`); without a Highwire type hint the type is `z.itemType` (`letter` or
 *   `manuscript` for an archival document), read through the RDF import, which takes "Loc. in
 *   Archive" from `DC.coverage` and any other `z.` field by its name (`z.archive`);
 * - names: `citation_author` "Family, Given" is split at the comma; one content holding a comma
 *   with spaces on both sides ("Van Fleet, James A.") is read as two authors unless a semicolon
 *   says it is one, so such a name ends with ";";
 * - `citation_public_url` is the item's URL: this archive's own.
 *
 * @example pageMeta(item).find((m) => m.name === 'z.itemType')?.content // 'manuscript'
 */
export function pageMeta(item: CitationItem, extra: { rights?: string | null } = {}): PageMeta[] {
  const meta: PageMeta[] = [];
  const add = (name: string, content: string | null | undefined) => {
    if (content) meta.push({ name, content });
  };
  const edition = item.kind === 'edition' ? item.edition : null;
  add('citation_title', item.title);
  for (const author of item.authors) add('citation_author', highwireName(author));
  if (edition) {
    add('citation_book_title', edition.title);
    for (const editor of edition.editors) add('citation_editor', highwireName(editor));
    add('citation_series_title', edition.series);
    add('citation_volume', edition.volume);
    add('citation_publisher', edition.publisher);
    add('citation_date', edition.year);
    const [first, last] = (item.pages ?? '').split('–');
    add('citation_firstpage', first);
    add('citation_lastpage', last ?? first);
  } else {
    add('citation_date', item.date.parts ? slashDate(item.date.parts) : item.date.display);
  }
  add('citation_language', item.language);
  add('citation_abstract', item.abstract);
  add('citation_public_url', item.url);
  add('z.itemType', edition ? 'bookSection' : item.type === 'letter' ? 'letter' : 'manuscript');
  add('DC.title', item.title);
  for (const author of item.authors) add('DC.creator', familyGivenName(author));
  for (const translator of item.translators) add('DC.contributor', familyGivenName(translator));
  if (edition) {
    add('DC.publisher', edition.publisher);
    add('DC.date', edition.year);
  } else {
    add('z.archive', item.archive);
    add('DC.coverage', item.archiveLocation);
    add('DC.type', item.genre);
    add('DC.publisher', item.publisher);
    add('DC.date', item.date.parts ? isoDate(item.date.parts) : null);
  }
  add('DC.language', item.language);
  add('DC.description', item.abstract);
  for (const location of item.locations) add('DC.source', location);
  add('DC.rights', extra.rights);
  add('DC.identifier', item.url);
  return meta;
}

/** "Mao, Zedong"; a name whose two sides both hold spaces gets a ";" so it stays one person. */
function highwireName(name: CitationName): string {
  const written = familyGivenName(name);
  const [family, given] = written.split(/\s*,\s*/u);
  if ('literal' in name) return written.includes(',') ? `${written};` : written;
  return family?.includes(' ') && given?.includes(' ') ? `${written};` : written;
}

function slashDate(parts: number[]): string {
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('/');
}

function isoDate(parts: number[]): string {
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}
