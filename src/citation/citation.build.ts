import type { Authority, ChanceryRecord, Collection, CreditRole } from '../record/record.types.ts';
import { citationName } from './citation.names.ts';
import type { CitationItem, CitationName } from './citation.types.ts';

/**
 * The digital archive whose pages Chancery reads: the publisher of every archival document it
 * holds online. Editions name their own publisher (the volume's `publicationStmt`).
 */
export const DIGITAL_ARCHIVE = 'Wilson Center Digital Archive';

export interface CitationContext {
  /** The collection the record belongs to, when it is a volume of an edition (FRUS). */
  collection?: Collection | null;
  /** This archive's base URL ("https://chancery.example"): the citation's URL is built on it. */
  baseUrl: string;
  /** When the citation is made; today when absent. */
  accessed?: Date;
  /** The authority of a linked person: it tells whether a name is written family name first. */
  authorityOf?: (personId: string) => Authority | undefined;
}

/**
 * The citation model of a record: an archival document (archive, location, translator, the
 * digital archive as publisher), or a document in a published edition when the record belongs to
 * a volume (the volume's title, editors, publisher, place and year; the document's number and
 * pages). Every format is written from this.
 *
 * @example buildCitation(record, { baseUrl: 'https://chancery.example' }).archive // 'RGASPI'
 */
export function buildCitation(record: ChanceryRecord, context: CitationContext): CitationItem {
  const name = (agent: { name: string; personId: string | null }): CitationName =>
    citationName(agent.name, agent.personId ? context.authorityOf?.(agent.personId) : null);
  const credits = (role: CreditRole) => record.credits.filter((c) => c.role === role).map((c) => c.name);
  const volume = context.collection?.kind === 'volume' ? context.collection : null;
  const first = record.archivalLocations[0];
  const accessed = context.accessed ?? new Date();
  const documentNumber = record.numbers.find((n) => n.kind === 'document')?.value ?? null;
  return {
    id: record.id,
    kind: volume ? 'edition' : 'archival',
    title: record.title.trim(),
    type: record.type,
    genre: genreOf(record.type),
    date: {
      display: record.date.display.trim().replace(/\.$/u, ''),
      parts: dateParts(record.date.min, record.date.max),
      exactDay: Boolean(record.date.min && record.date.min.slice(0, 10) === record.date.max?.slice(0, 10)),
    },
    authors: record.authors.map(name),
    recipients: record.recipients.map(name),
    translators: credits('translator').map((n) => citationName(n)),
    contributors: record.credits
      .filter((c) => c.role === 'transcriber' || c.role === 'contributor' || (!volume && c.role === 'editor'))
      .map((c) => ({ role: c.role, name: citationName(c.name) })),
    archive: first?.repository ?? null,
    archiveLocation: first ? locationWithinArchive(first) : null,
    locations: record.archivalLocations.map((l) => l.raw.trim().replace(/[.;,]+$/u, '')),
    publications: credits('publication'),
    publisher: volume ? null : DIGITAL_ARCHIVE,
    edition: volume
      ? {
          title: volume.title,
          series: volume.series ?? null,
          volume: volume.volume ?? null,
          editors: (volume.editors ?? []).map((n) => citationName(n)),
          publisher: volume.publisher ?? null,
          place: volume.place ?? null,
          year: volume.published ?? null,
        }
      : null,
    number: volume ? documentNumber : null,
    pages: record.pages
      ? record.pages.first === record.pages.last
        ? record.pages.first
        : `${record.pages.first}–${record.pages.last}`
      : null,
    language: record.originalLanguage,
    abstract: record.summary,
    url: documentUrl(context.baseUrl, record.id),
    accessed: [accessed.getUTCFullYear(), accessed.getUTCMonth() + 1, accessed.getUTCDate()],
  };
}

/** This archive's address of a document: `https://chancery.example/documents/da-113644`. */
export function documentUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/u, '')}/documents/${encodeURIComponent(id)}`;
}

/**
 * "f. 558, op. 11, d. 340, ll. 0043-0045": the location with its repository left out, however
 * the source set it off ("RGASPI, f. …", "APRF: F. …").
 */
export function locationWithinArchive(location: { repository: string; raw: string }): string {
  const raw = location.raw.trim().replace(/[.;]+$/u, '');
  if (!raw.startsWith(location.repository)) return raw;
  const rest = raw.slice(location.repository.length);
  return /^\s*[,:]\s*/u.test(rest) ? rest.replace(/^\s*[,:]\s*/u, '') : raw;
}

/** "ciphered-telegram" → "Ciphered telegram". */
export function genreOf(type: string): string {
  const words = type.replace(/-/gu, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/**
 * The parts of a date as precise as the record knows it: a day, a month (the first to the last
 * day of one month) or a year (January 1 to December 31); a span of days gives its first day.
 */
function dateParts(min: string | null, max: string | null): number[] | null {
  const parse = (iso: string | null) => {
    const match = iso ? /^(-?\d{4})-(\d{2})-(\d{2})/u.exec(iso) : null;
    return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
  };
  const from = parse(min);
  if (!from) return min && /^-?\d{4}$/u.test(min) ? [Number(min)] : null;
  const to = parse(max) ?? from;
  const [y, m, d] = from as [number, number, number];
  const [y2, m2, d2] = to as [number, number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (y === y2 && m === 1 && d === 1 && m2 === 12 && d2 === 31) return [y];
  if (y === y2 && m === m2 && d === 1 && d2 === lastDay && d2 !== d) return [y, m];
  return [y, m, d];
}
