import { runningName } from '../citation/citation.names.ts';
import type { CitationItem } from '../citation/citation.types.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import { element } from '../xml/xml.escape.ts';

export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;

/**
 * A record as simple Dublin Core for OAI-PMH: title, creators (authors), contributors (recipients
 * and translators, with their role), the date (ISO, W3CDTF), the type (the DCMI type "Text" and
 * the document's own), languages of every text, summary, this archive's URL as identifier, where
 * the document is kept or printed as source, the publisher, the collection as relation, rights.
 *
 * @example writeOaiDc(record, citation) // '<oai_dc:dc …><dc:title>Cable No. 21756, …</dc:title>…</oai_dc:dc>'
 */
export function writeOaiDc(record: ChanceryRecord, citation: CitationItem): string {
  const parts: string[] = [];
  const add = (name: string, value: string | null | undefined) => parts.push(element(`dc:${name}`, value));
  add('title', record.title);
  for (const author of citation.authors) add('creator', runningName(author));
  for (const recipient of citation.recipients) add('contributor', `${runningName(recipient)} (recipient)`);
  for (const translator of citation.translators)
    add('contributor', `${runningName(translator)} (translator)`);
  if (citation.edition)
    for (const editor of citation.edition.editors) add('contributor', `${runningName(editor)} (editor)`);
  add('date', w3cdtf(record.date.min, record.date.max) ?? record.date.display);
  add('type', 'Text');
  add('type', citation.genre);
  const languages = [record.originalLanguage, ...record.texts.map((t) => t.language)].filter(
    (l): l is string => Boolean(l),
  );
  for (const language of new Set(languages)) add('language', language);
  add('description', record.summary);
  add('identifier', citation.url);
  for (const location of record.archivalLocations) add('source', location.raw);
  // The edition as a plain reference: no access date, which would change the record every day.
  if (citation.edition) {
    const { edition } = citation;
    add(
      'source',
      [
        edition.title,
        citation.number ? `document ${citation.number}` : null,
        citation.pages ? `pp. ${citation.pages}` : null,
      ]
        .filter(Boolean)
        .join(', '),
    );
  }
  add('publisher', citation.edition?.publisher ?? citation.publisher);
  if (citation.edition) add('relation', citation.edition.title);
  add('rights', record.rights);
  return (
    `<oai_dc:dc xmlns:oai_dc="${OAI_DC.namespace}" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${OAI_DC.namespace} ${OAI_DC.schema}">` +
    `${parts.join('')}</oai_dc:dc>`
  );
}

/** The date as W3CDTF: a day, a month or a year as the record knows it; a span as its first day. */
function w3cdtf(min: string | null, max: string | null): string | null {
  if (!min) return null;
  const day = min.slice(0, 10);
  if (!max || max.slice(0, 10) === day) return day;
  if (day.endsWith('-01-01') && max.slice(0, 10) === `${day.slice(0, 4)}-12-31`) return day.slice(0, 4);
  if (day.endsWith('-01') && max.slice(0, 7) === day.slice(0, 7)) return day.slice(0, 7);
  return day;
}
