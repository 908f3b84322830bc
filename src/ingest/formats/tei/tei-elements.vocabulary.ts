import type { BlockType } from '../../../record/record.types.ts';

/**
 * TEI elements (by local name) that occur in FRUS documents or may, and that the reader knows
 * how to take: as a block, inline text, a note, a page or line break, or a container. Any other
 * element inside a document is reported once per file; its text is kept as inline text.
 */
export const KNOWN_DOCUMENT_ELEMENTS: ReadonlySet<string> = new Set(
  `div head p ab list item label table row cell quote q opener closer dateline salute signed postscript
   attachment lg l address addrLine trailer argument epigraph floatingText cit bibl listBibl figure graphic
   figDesc docAuthor byline docDate sp speaker stage
   hi ref ptr gloss term persName placeName orgName geogName name roleName forename surname date time seg
   foreign emph abbr expan choice sic corr orig reg unclear gap del add supplied damage space said mentioned
   soCalled title num measure idno rs c w anchor milestone fw metamark
   note pb lb cb include fallback`
    .split(/\s+/)
    .filter(Boolean),
);

/** Elements that are blocks of a text, and the type of block each is. */
export const BLOCK_ELEMENTS: Readonly<Record<string, BlockType>> = {
  p: 'paragraph',
  ab: 'paragraph',
  l: 'paragraph',
  trailer: 'paragraph',
  salute: 'paragraph',
  item: 'list-item',
  row: 'table-row',
  head: 'heading',
  closer: 'closer',
  signed: 'signature',
  dateline: 'dateline',
  address: 'address',
};

/** Elements whose content is no text of the document (figures; `xi:include`, which is not resolved). */
export const IGNORED_ELEMENTS: ReadonlySet<string> = new Set([
  'figure',
  'graphic',
  'figDesc',
  'include',
  'fallback',
]);
