import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import type { Store } from '../store/store.types.ts';
import { formatBibtex } from './citation.bibtex.ts';
import { buildCitation } from './citation.build.ts';
import { toCsl } from './citation.csl.ts';
import { formatRis } from './citation.ris.ts';
import type { CitationItem } from './citation.types.ts';

/** Download formats: file extension → media type. */
export const CITATION_FORMATS = {
  ris: 'application/x-research-info-systems',
  bib: 'application/x-bibtex',
  json: 'application/vnd.citationstyles.csl+json',
} as const;
export type CitationFormat = keyof typeof CITATION_FORMATS;

/**
 * Citations written one after another in a download format: RIS records follow each other,
 * BibTeX entries too, and CSL-JSON is one array.
 *
 * @example writeCitations([item], 'ris') // 'TY  - MANSCPT\nTI  - …\nER  - \n'
 */
export function writeCitations(items: CitationItem[], format: CitationFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(items.map(toCsl), null, 2)}\n`;
    case 'bib':
      return items.map(formatBibtex).join('\n');
    case 'ris':
      return items.map(formatRis).join('\n');
  }
}

/**
 * The citation of a record as the web and the API give it: the record's volume (for a document
 * in an edition), the authorities of its people (for the order of their names), this archive's
 * base URL.
 *
 * @example const item = await loadCitation(record, { store, authorities, baseUrl: 'https://chancery.example' });
 */
export async function loadCitation(
  record: ChanceryRecord,
  deps: { store: Store; authorities: AuthorityIndex; baseUrl: string; accessed?: Date },
): Promise<CitationItem> {
  const membership = record.collections[0];
  const collection = membership ? await deps.store.getCollection(membership.id) : null;
  return buildCitation(record, {
    collection,
    baseUrl: deps.baseUrl,
    ...(deps.accessed ? { accessed: deps.accessed } : {}),
    authorityOf: (id) => deps.authorities.resolveLink(id) ?? deps.authorities.get(id),
  });
}
