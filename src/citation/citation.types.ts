import type { CreditRole, DocumentType } from '../record/record.types.ts';

/**
 * A person's name as citations need it: family and given name apart, or a literal for a body
 * ("Department of State") or a name whose parts cannot be told. `surnameFirst` marks a name
 * written family name first (Chinese, Korean): Chicago does not invert it with a comma.
 */
export type CitationName =
  | { family: string; given: string; surnameFirst?: boolean }
  | { family: string; given?: undefined; surnameFirst?: boolean }
  | { literal: string };

/** The published edition a document is printed in (a FRUS volume). */
export interface CitationEdition {
  /** The volume's full title. */
  title: string;
  series: string | null;
  /** "Volume VII, Part 2". */
  volume: string | null;
  editors: CitationName[];
  publisher: string | null;
  place: string | null;
  /** Year of publication ("1983"). */
  year: string | null;
}

/**
 * The one citation model every output format is written from (Chicago, RIS, BibTeX, CSL-JSON,
 * page metadata). Two kinds of source: an archival document (kept in an archive, published
 * online by a digital archive) and a document printed in a published edition.
 */
export interface CitationItem {
  id: string;
  kind: 'archival' | 'edition';
  title: string;
  /** The document's type, and its label ("Cable"). */
  type: DocumentType;
  genre: string;
  /** The document's date as printed, its parts when known ([1951, 7, 13]), and whether it is one day. */
  date: { display: string; parts: number[] | null; exactDay: boolean };
  authors: CitationName[];
  recipients: CitationName[];
  translators: CitationName[];
  /** Other contributors with their roles (transcriber, contributor, editor of the record). */
  contributors: { role: CreditRole; name: CitationName }[];
  /** Archive and location within it, for the first archival location. */
  archive: string | null;
  archiveLocation: string | null;
  /** Every archival location as printed, the first included. */
  locations: string[];
  /** Published works the document is cited from (`publication` credits). */
  publications: string[];
  /** For an archival document: the digital archive that published it online. */
  publisher: string | null;
  /** For a document in an edition: the edition, its document number and pages. */
  edition: CitationEdition | null;
  number: string | null;
  /** Pages as "1476–1503" (en dash), or one page. */
  pages: string | null;
  language: string | null;
  abstract: string | null;
  /** This archive's own address of the document, never a scraped host. */
  url: string;
  /** When the citation was made: [2024, 5, 1]. */
  accessed: number[];
}
