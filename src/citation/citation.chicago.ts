import { MONTH_NAMES } from '../texts/month.names.ts';
import { invertedName, runningName } from './citation.names.ts';
import type { CitationItem, CitationName } from './citation.types.ts';

/**
 * A Chicago note (17th ed.): curly quotes with the comma inside, "trans." and "ed.", four or more
 * editors as the first and "et al." (14.76), the access date and this archive's URL last.
 *
 * @example
 * formatChicagoNote(item);
 * // '“Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin],” July 13, 1951, RGASPI, f. 558, op. 11,
 * //  d. 340, ll. 0043-0045, trans. Gary Goldberg, Wilson Center Digital Archive, accessed May 1,
 * //  2024, https://chancery.example/documents/da-726b9b4bc6e2.'
 */
export function formatChicagoNote(item: CitationItem): string {
  const parts: string[] = [];
  const authors = item.authors.map(runningName);
  if (authors.length > 0) parts.push(listNames(authors, { etAl: 4 }));
  parts.push(`“${stripFinalPeriod(item.title)},”`);
  parts.push(chicagoDate(item));
  if (item.edition) {
    const edition = item.edition;
    if (item.number) parts.push(`document ${item.number}`);
    const editors = edition.editors.map(runningName);
    const imprint = [edition.place, edition.publisher].filter(Boolean).join(': ');
    const published = [imprint, edition.year].filter(Boolean).join(', ');
    let container = `in ${edition.title}`;
    if (editors.length > 0) container += `, ed. ${listNames(editors, { etAl: 4 })}`;
    if (published) container += ` (${published})`;
    parts.push(item.pages ? `${container}, ${item.pages}` : container);
  } else {
    parts.push(...archivalPlaces(item));
    if (item.translators.length > 0) parts.push(`trans. ${listNames(item.translators.map(runningName))}`);
    if (item.publisher) parts.push(item.publisher);
  }
  parts.push(`accessed ${formatDay(item.accessed)}`);
  parts.push(item.url);
  return `${joinNoteParts(parts)}.`;
}

/**
 * The bibliography entry: the first author inverted ("Stalin, Joseph"; a name written family name
 * first stays "Mao Zedong"), then the parts as sentences; a document in an edition names the
 * edition's editors in full ("edited by"), then place, publisher and year.
 *
 * @example
 * formatChicagoBibliography(item);
 * // 'Mao Zedong. “Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin].” July 13, 1951. RGASPI, …'
 */
export function formatChicagoBibliography(item: CitationItem): string {
  const sentences: string[] = [];
  if (item.authors.length > 0) sentences.push(bibliographyNames(item.authors));
  sentences.push(`“${stripFinalPeriod(item.title)}.”`);
  sentences.push(chicagoDate(item));
  if (item.edition) {
    const edition = item.edition;
    let container = item.number ? `Document ${item.number} in ${edition.title}` : `In ${edition.title}`;
    const editors = edition.editors.map(runningName);
    if (editors.length > 0) container += `, edited by ${listNames(editors, { etAl: 11 })}`;
    if (item.pages) container += `, ${item.pages}`;
    sentences.push(container);
    const imprint = [edition.place, edition.publisher].filter(Boolean).join(': ');
    const published = [imprint, edition.year].filter(Boolean).join(', ');
    if (published) sentences.push(published);
  } else {
    if (item.locations.length > 0) sentences.push(listNames(item.locations, { separator: '; ' }));
    for (const publication of item.publications)
      sentences.push(`Published in ${stripFinalPeriod(publication)}`);
    if (item.translators.length > 0) {
      sentences.push(`Translated by ${listNames(item.translators.map(runningName))}`);
    }
    if (item.publisher) sentences.push(item.publisher);
  }
  sentences.push(`Accessed ${formatDay(item.accessed)}`);
  sentences.push(item.url);
  return sentences.map((s) => (/[.”]$/u.test(s) ? s : `${s}.`)).join(' ');
}

/** Where an archival document is: its locations ("; " between, "and" before the last), and any book it was published in. */
function archivalPlaces(item: CitationItem): string[] {
  const places: string[] = [];
  if (item.locations.length > 0) places.push(listNames(item.locations, { separator: '; ' }));
  for (const publication of item.publications) places.push(`published in ${stripFinalPeriod(publication)}`);
  return places;
}

/**
 * The date as Chicago writes it: a day the record knows exactly in US form ("February 3, 1949",
 * whatever "February 03, 1949" or "3 February 1949" the source printed); a span or a date the
 * record could not read, as printed.
 */
function chicagoDate(item: CitationItem): string {
  const parts = item.date.parts;
  return parts && parts.length === 3 && item.date.exactDay ? formatDay(parts) : item.date.display;
}

/** "Stalin, Joseph, and Mao Zedong": the first inverted, the others in running order. */
function bibliographyNames(names: CitationName[]): string {
  const [first, ...rest] = names;
  if (!first) return '';
  const written = [invertedName(first), ...rest.map(runningName)];
  if (written.length === 1) return written[0] as string;
  if (written.length > 10) return `${written.slice(0, 7).join(', ')}, et al`;
  if (written.length === 2) return `${written[0]}, and ${written[1]}`;
  return `${written.slice(0, -1).join(', ')}, and ${written.at(-1)}`;
}

/** "A and B", "A, B, and C" (serial comma); `etAl` names or more become "A et al.". */
function listNames(names: string[], options: { etAl?: number; separator?: string } = {}): string {
  const separator = options.separator ?? ', ';
  if (options.etAl !== undefined && names.length >= options.etAl) return `${names[0]} et al.`;
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(separator)}${separator}and ${names.at(-1)}`;
}

/** Commas between a note's parts, none after the closing quote that already holds one. */
function joinNoteParts(parts: string[]): string {
  return parts.reduce(
    (text, part) => (text === '' ? part : text.endsWith(',”') ? `${text} ${part}` : `${text}, ${part}`),
    '',
  );
}

function stripFinalPeriod(text: string): string {
  return text.trim().replace(/\.$/u, '');
}

/** [2024, 5, 1] → "May 1, 2024". */
export function formatDay(parts: number[]): string {
  const [year, month, day] = parts;
  const monthName = month ? MONTH_NAMES[month - 1] : undefined;
  if (!monthName) return String(year);
  return day ? `${monthName} ${day}, ${year}` : `${monthName} ${year}`;
}
