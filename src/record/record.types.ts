/**
 * The canonical record: one document as an archival object, and its texts as witnesses of it.
 *
 * The property names are the ones PRODUCT.md fixes ("The canonical JSON record"): tools outside
 * the project read them, so they are not renamed. `chancery show ID --json` prints this shape as is.
 */

/** Controlled vocabulary of document types. */
export const DOCUMENT_TYPES = [
  'cable',
  'ciphered-telegram',
  'telegram',
  // A message sent by air pouch in telegram form, and a numbered report by pouch: FRUS types.
  'airgram',
  'despatch',
  'letter',
  'memorandum',
  'memorandum-of-conversation',
  'record-of-conversation',
  'report',
  'resolution',
  'note',
  'editorial-note',
  'minutes',
  'statement',
  'speech',
  'directive',
  'intelligence-estimate',
  'diary',
  'instruction',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type DateCertainty = 'exact' | 'approximate' | 'inferred' | 'unknown';

export interface RecordDate {
  /** The date as the source writes it ("July 13, 1951"). */
  display: string;
  /** Earliest ISO date or date-time the document can bear ("1951-07-13"); a month or a year is a range. */
  min: string | null;
  max: string | null;
  certainty: DateCertainty;
  /** Time zone as written by the source, when it gives one (FRUS `frus:doc-dateTime-min`). */
  timeZone?: string | null;
}

/** A person (or body) as an author, recipient or intermediary of a document. */
export interface Agent {
  /** Preferred name from the authority file when the person is known there, else the name as written. */
  name: string;
  /** The form the document used, when it differs from `name` ("Filippov"). */
  alias: string | null;
  /** Authority id ("stalin"), or null when the name resolved to no authority. */
  personId: string | null;
  /** The string as the source wrote it ("Cde. Filippov [Stalin]"). */
  raw?: string;
  /**
   * The office the person wrote or received in, as the source names it ("Secretary of State",
   * "Ambassador in India"), or the body when no person is named ("Embassy in India"); null or
   * absent when the source names a person only.
   */
  office?: string | null;
  /** The organization authority of the office ("org:secretary-of-state"). */
  officeId?: string | null;
}

export interface DocumentNumber {
  /** What the number numbers: cable, incoming, outgoing, copy, registry, document (FRUS `n`), … */
  kind: string;
  value: string;
}

export interface Folios {
  first: number;
  last: number;
}

export interface ArchivalLocation {
  /** Repository abbreviation or name ("RGASPI", "AVP RF", "Department of State"). */
  repository: string;
  fond?: string | null;
  opis?: string | null;
  delo?: string | null;
  papka?: string | null;
  folios?: Folios | null;
  /** File or series designation for archives without the fond/opis/delo hierarchy ("Central Files, 611.95B/1–855"). */
  file?: string | null;
  /** Security classification stated in the source note ("Secret", "Top Secret"). */
  classification?: string | null;
  /** The location exactly as the source printed it. */
  raw: string;
}

/**
 * What a credit is for. `publication` is a published work the document is cited from (a book
 * instead of an archive, or one it was reprinted in): its `name` is the work's citation.
 */
export type CreditRole = 'translator' | 'contributor' | 'funder' | 'editor' | 'transcriber' | 'publication';

export interface Credit {
  role: CreditRole;
  name: string;
}

export type SourceFormat =
  | 'archive-page-text'
  | 'archive-page-markdown'
  | 'archive-page-pdf-text'
  /** The archive's PDF export itself, its text layer read by position. */
  | 'archive-page-pdf'
  | 'tei-frus'
  | 'chancery-json'
  /** Chancery's own TEI export of a record (src/tei/tei.export.ts). */
  | 'tei-chancery';

/**
 * How an archive page was laid out when it reached Chancery, as detection found it:
 * - `scraped-text`: the web page scraped as plain text, its parts in order and unlabelled;
 * - `markdown`: the web page scraped as Markdown, with headed sections;
 * - `line-broken`: text extracted from a PDF export with its lines, page ends and running heads;
 * - `one-line`: text extracted from a PDF export that lost every line break, sections found by
 *   their labels (`Citation:`, `Summary:`, …);
 * - `pdf`: the PDF export itself, lines and paragraphs rebuilt from the positions of its text.
 */
export type SourceLayout = 'scraped-text' | 'markdown' | 'line-broken' | 'one-line' | 'pdf';

export interface RecordSource {
  /** File name of the ingested file, without directories. */
  file: string;
  url: string | null;
  /** The source archive's own record id, when the page gives one. */
  recordId: string | null;
  format: SourceFormat;
  /** SHA-256 (hex) of the file's bytes exactly as read. */
  sha256: string;
  /** Character encoding the bytes were decoded from ("utf-8", "windows-1251", …); "binary" for a PDF. */
  encoding?: string;
  /** The page layout detection found (archive pages only); see {@link SourceLayout}. */
  layout?: SourceLayout;
  /** "Original Uploaded Date" of the archive, when given. */
  uploaded?: string | null;
}

export type TextKind = 'original' | 'translation' | 'draft' | 'transcription' | 'ocr';

export type BlockType =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'signature'
  | 'quote'
  | 'table-row'
  | 'closer'
  | 'dateline'
  | 'address';

export type MarkType =
  | 'deletion'
  | 'insertion'
  | 'folio'
  | 'editorial-note'
  | 'signature'
  | 'footnote-ref'
  | 'page-break';

/**
 * Structure inside a block's text. `start`/`end` are UTF-16 offsets into `Block.text`; a mark
 * with `start === end` stands at a point (a folio or page break, a footnote call).
 */
export interface Mark {
  type: MarkType;
  /** The marked text: the words struck out or added, the folio number, the note's text. */
  text: string;
  start: number;
  end: number;
  /** For footnote calls: the id of the note in `Text.notes`. */
  ref?: string;
}

export interface Block {
  /** Stable within its text ("b1", "b2", …); web pages link to it as `#<text id>-<block id>`. */
  id: string;
  type: BlockType;
  text: string;
  marks: Mark[];
}

export interface Note {
  id: string;
  /** The note's number or symbol as printed. */
  n: string;
  text: string;
  /** The block that calls the note. */
  blockId: string | null;
}

export interface Text {
  /** Unique within the record ("original", "translation-en", "draft"). */
  id: string;
  kind: TextKind;
  /** BCP 47 language tag. */
  language: string;
  blocks: Block[];
  notes?: Note[];
}

export type HandlingEventType =
  | 'sent'
  | 'received'
  | 'ciphered'
  | 'deciphered'
  | 'printed'
  | 'copied'
  | 'distributed'
  | 'filed'
  | 'registered';

/** One step in the chain of custody of a document (a cable's header and footer). */
export interface HandlingEvent {
  event: HandlingEventType;
  /** ISO date-time without zone as far as the source gives it ("1951-07-13T15:00"), or null. */
  at: string | null;
  agent: string | null;
  /** Place the event refers to ("Beijing" for a cable received from there). */
  place?: string | null;
  /** Number given with the event (an incoming or printing number). */
  number?: string | null;
  /** Copies and where they went ("Nos. 3 and 4 to file"). */
  copies?: string | null;
  /** The numbers of the copies the event concerns ("Copies Nº 3 and 4 to file" → [3, 4]). */
  copyNumbers?: number[];
  /** Where the copies went, for a distribution ("Comr. Molotov"). */
  destination?: string | null;
  /** The source line(s) the event was read from. */
  raw: string;
}

export type AuthorityKind = 'person' | 'place' | 'organization' | 'term';

export interface Mention {
  kind: AuthorityKind;
  /** Authority id, or null when the name is not in the authority file. */
  authorityId: string | null;
  /** Preferred name of the authority, or the form as written. */
  name: string;
  /** The form the document used. */
  form: string;
  /** Text and block the mention was found in, when it comes from a text. */
  textId?: string;
  blockId?: string;
}

export type RelationType =
  | 'draft-of'
  | 'reply-to'
  | 'attachment-of'
  | 'same-as'
  | 'has-draft'
  | 'has-attachment';

export interface Relation {
  type: RelationType;
  /** Record id, or `<record id>#<text id>` for a relation to one text. */
  target: string;
  /** The text of this record the relation starts from, when it is one text (a draft). */
  source?: string;
  /**
   * Why Chancery linked the records, for relations it resolved across records after saving them
   * ("cites “your telegram of 13 July”"). Relations a source states itself have none.
   */
  basis?: string;
}

/**
 * Which blocks of two versions of one document say the same thing: a link joins blocks of the
 * source text to blocks of the target text (1:1, 1:2, 2:1; 1:0 or 0:1 when one side has no
 * counterpart; drafts also 2:2 and 3:1, because a transcription breaks paragraphs at sheet ends).
 * `score` is between 0 and 1: how well lengths and anchors (numbers, names, dates, list markers,
 * `!` and `?`) agree for a link; for a block without counterpart, how unlike its neighbours'
 * counterparts it is. Computed on ingest by `alignTexts` (src/texts/alignment.align.ts).
 *
 * @example { source: 'original', target: 'translation-en', links: [{ source: ['b1'], target: ['b1'], score: 0.97 }] }
 */
export interface Alignment {
  /** Text id: the original, or the draft when a draft is aligned with the original. */
  source: string;
  /** Text id: a translation, or the original a draft led to. */
  target: string;
  links: AlignmentLink[];
}

export interface AlignmentLink {
  /** Block ids of the source text, in order; empty when the target blocks have no counterpart. */
  source: string[];
  target: string[];
  score: number;
}

/**
 * A draft set against the text it became, block group by block group, word by word: `changes`
 * run from the draft's reading (its words with the author's own deletions left out, insertions
 * kept) to the final text. `delete` is a draft word the final text dropped, `insert` a word the
 * final text added. The author's own deletions and insertions stay in the draft's marks
 * (`texts[].blocks[].marks`), so both kinds of change can be shown side by side.
 *
 * @example { draft: 'draft', final: 'original', blocks: [{ draft: ['b5', 'b6'], final: ['b3'],
 *   changes: [{ op: 'equal', text: 'Если мексиканцы ' }, { op: 'delete', text: 'думаю' }, …] }] }
 */
export interface DraftComparison {
  draft: string;
  final: string;
  blocks: BlockComparison[];
}

export interface BlockComparison {
  draft: string[];
  final: string[];
  changes: TextChange[];
}

export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface CollectionMembership {
  id: string;
  /** Position of the record in the collection, from 1. */
  position: number;
}

export interface ChanceryRecord {
  id: string;
  title: string;
  type: DocumentType;
  date: RecordDate;
  authors: Agent[];
  recipients: Agent[];
  intermediaries: Agent[];
  /** The sides of a conversation a record of conversation names in its title; absent for other documents. */
  participants?: Agent[];
  numbers: DocumentNumber[];
  summary: string | null;
  /** BCP 47 tag of the language the document was written in. */
  originalLanguage: string | null;
  /** Place the document was written or sent from (TEI `dateline/placeName`). */
  place?: string | null;
  archivalLocations: ArchivalLocation[];
  credits: Credit[];
  rights: string | null;
  source: RecordSource;
  texts: Text[];
  handling: HandlingEvent[];
  mentions: Mention[];
  relations: Relation[];
  /** Block alignments between the texts that are versions of one another. */
  alignments: Alignment[];
  /** Each draft compared word by word with the text it became; absent when there is no draft. */
  comparisons?: DraftComparison[];
  collections: CollectionMembership[];
  /** Pages of a printed edition (FRUS `pb`). */
  pages?: { first: string; last: string } | null;
  /** Where each extracted field came from in the source: field path → line number(s) in the file. */
  provenance?: Record<string, { line: number }>;
}

/** A name form of an authority, with where and when it was used. */
export interface NameForm {
  form: string;
  /** BCP 47 language (with script subtag when it matters: "zh-Hans", "ko-Kore"). */
  language?: string;
  kind: 'preferred' | 'native' | 'romanization' | 'pseudonym' | 'variant' | 'translation';
  years?: string;
  source?: string;
  /** In a reconciled authority: the id of the source's authority the form came from. */
  member?: string;
}

/** A person, place, organization or glossary term, with every name form that occurs. */
export interface Authority {
  id: string;
  kind: AuthorityKind;
  /** Preferred display name ("Joseph Stalin"). */
  name: string;
  names: NameForm[];
  description?: string | null;
  /** Identifiers in other systems ("frus:p_SJV1"). */
  externalIds?: { scheme: string; value: string }[];
  /**
   * Where the authority was read: a FRUS volume id, an archive's host, "authority file" for the
   * files that ship with Chancery. A reconciled person has none: its members each have theirs.
   */
  source?: string;
  /** The years the source covers ("1955–1957"): a description without dates holds for them. */
  years?: string;
  /** What each source says the person was ("Soviet Foreign Minister", frus1958-60v14). */
  descriptions?: AuthorityDescription[];
  /** Offices the person signed or was named in, dated by the document ("Secretary of State", 1951-07-13). */
  offices?: { name: string; date: string | null; source: string }[];
  /**
   * For a reconciled person: the ids of the authorities of each source it was reconciled from
   * (records link those ids; `groupOf` in src/names/people.reconcile.ts).
   */
  members?: string[];
}

export interface AuthorityDescription {
  text: string;
  source: string;
  years?: string;
}

/** A group of records: a FRUS volume (ordered) or a curated set. */
export interface Collection {
  id: string;
  title: string;
  kind: 'volume' | 'curated';
  series?: string | null;
  subSeries?: string | null;
  volume?: string | null;
  editors?: string[];
  published?: string | null;
  /** The edition's publisher and place of publication (TEI `publicationStmt`). */
  publisher?: string | null;
  place?: string | null;
  description?: string | null;
}
