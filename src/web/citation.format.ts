import type { ChanceryRecord } from '../record/record.types.ts';

/**
 * The publisher the archive's own citations name. Archive pages are the only source format so far
 * that the Digital Archive published; the citation issue replaces this with a per-collection rule.
 */
const ARCHIVE_PUBLISHER = 'Wilson Center Digital Archive';

/**
 * A Chicago-style note in the form the archive prints under "Citation:": the title in quotes,
 * the date, the publishing archive, the archival locations (joined with "; " and a final "and"),
 * the translator, then the URL.
 *
 * @example
 * formatChicagoNote(record);
 * // '"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", September 17, 1952, Wilson Center
 * //  Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103; … and RGASPI, …. https://…/113644'
 */
export function formatChicagoNote(record: ChanceryRecord): string {
  const publisher = record.source.format.startsWith('archive-page') ? ARCHIVE_PUBLISHER : null;
  const locations = joinLocations(record.archivalLocations.map((l) => l.raw.trim().replace(/[.;,]+$/u, '')));
  const parts = [`"${record.title}"`, record.date.display, publisher, locations].filter(
    (part): part is string => Boolean(part),
  );
  const translators = record.credits.filter((c) => c.role === 'translator').map((c) => c.name);
  const sentences = [`${parts.join(', ')}.`];
  if (translators.length > 0) sentences.push(`Translated by ${joinWithAnd(translators, ', ')}.`);
  if (record.source.url) sentences.push(record.source.url);
  return sentences.join(' ');
}

function joinLocations(raws: string[]): string | null {
  if (raws.length === 0) return null;
  return joinWithAnd(raws, '; ');
}

function joinWithAnd(items: string[], separator: string): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(separator)}${separator}and ${items.at(-1)}`;
}

/**
 * The bibliography form of the same citation: who wrote it first (preferred names, as the
 * authority file gives them), then the note's parts as sentences.
 *
 * @example
 * formatChicagoBibliography(record);
 * // 'Mao Zedong. "Cable No. 21756, …" July 13, 1951. Wilson Center Digital Archive, RGASPI, f. 558, …. Translated by Gary Goldberg. https://…'
 */
export function formatChicagoBibliography(record: ChanceryRecord): string {
  const authors = joinWithAnd(
    record.authors.map((a) => a.name),
    ', ',
  );
  const publisher = record.source.format.startsWith('archive-page') ? ARCHIVE_PUBLISHER : null;
  const locations = joinLocations(record.archivalLocations.map((l) => l.raw.trim().replace(/[.;,]+$/u, '')));
  const where = [publisher, locations].filter((part): part is string => Boolean(part)).join(', ');
  const translators = record.credits.filter((c) => c.role === 'translator').map((c) => c.name);
  const sentences = [
    authors ? `${authors.replace(/\.$/u, '')}.` : null,
    `"${record.title.replace(/\.$/u, '')}."`,
    `${record.date.display}.`,
    where ? `${where}.` : null,
    translators.length > 0 ? `Translated by ${joinWithAnd(translators, ', ')}.` : null,
    record.source.url,
  ];
  return sentences.filter((s): s is string => Boolean(s)).join(' ');
}

/** The publisher the archive's citations name, or null for sources that name none. */
export function citationPublisher(record: ChanceryRecord): string | null {
  return record.source.format.startsWith('archive-page') ? ARCHIVE_PUBLISHER : null;
}
