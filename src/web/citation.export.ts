import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { ArchivalLocation, ChanceryRecord } from '../record/record.types.ts';
import { citationPublisher } from './citation.format.ts';

/** A CSL-JSON item: the common ground of RIS, BibTeX, Zotero and every citation style. */
export interface CslItem {
  id: string;
  type: 'manuscript';
  title: string;
  issued?: { 'date-parts': number[][] } | { literal: string };
  author?: { literal: string }[];
  recipient?: { literal: string }[];
  translator?: { literal: string }[];
  archive?: string;
  archive_location?: string;
  publisher?: string;
  language?: string;
  abstract?: string;
  URL?: string;
  note?: string;
}

/** Download formats: file extension → media type. */
export const CITATION_FORMATS = {
  ris: 'application/x-research-info-systems',
  bib: 'application/x-bibtex',
  json: 'application/vnd.citationstyles.csl+json',
} as const;
export type CitationFormat = keyof typeof CITATION_FORMATS;

/**
 * The record as a CSL-JSON manuscript: the archive is the repository of the first archival
 * location, the location its fond/opis/delo/folios, so that Zotero files it as "Archive" and
 * "Loc. in Archive".
 *
 * @example toCslItem(record).archive; // 'RGASPI'
 */
export function toCslItem(record: ChanceryRecord, url?: string): CslItem {
  const first = record.archivalLocations[0];
  const item: CslItem = { id: record.id, type: 'manuscript', title: record.title };
  const parts = isoDateParts(record.date.min);
  item.issued = parts ? { 'date-parts': [parts] } : { literal: record.date.display };
  const literal = (names: string[]) => names.map((name) => ({ literal: name }));
  if (record.authors.length > 0) item.author = literal(record.authors.map((a) => a.name));
  if (record.recipients.length > 0) item.recipient = literal(record.recipients.map((a) => a.name));
  const translators = record.credits.filter((c) => c.role === 'translator').map((c) => c.name);
  if (translators.length > 0) item.translator = literal(translators);
  if (first) {
    item.archive = first.repository;
    item.archive_location = locationWithinArchive(first);
  }
  const publisher = citationPublisher(record);
  if (publisher) item.publisher = publisher;
  if (record.originalLanguage) item.language = record.originalLanguage;
  if (record.summary) item.abstract = record.summary;
  const link = record.source.url ?? url;
  if (link) item.URL = link;
  if (record.archivalLocations.length > 1) {
    item.note = `Also held at: ${record.archivalLocations
      .slice(1)
      .map((l) => l.raw)
      .join('; ')}`;
  }
  return item;
}

/**
 * The citation in a download format, written by citation-js. RIS gets `AV` (archive location)
 * added by hand: citation-js reads that tag but does not write it, and Zotero files it as
 * "Loc. in Archive".
 *
 * @example formatCitation(record, 'ris'); // 'TY  - MANSCPT\nAU  - Mao Zedong\n…'
 */
export function formatCitation(record: ChanceryRecord, format: CitationFormat, url?: string): string {
  const item = toCslItem(record, url);
  const cite = new Cite([item]);
  switch (format) {
    case 'json':
      return `${JSON.stringify([item], null, 2)}\n`;
    case 'bib':
      return cite.format('bibtex');
    case 'ris': {
      const ris = cite.format('ris', { format: 'text' }) as string;
      if (!item.archive_location) return ris;
      return ris.replace(/^ER {2}- ?$/mu, `AV  - ${item.archive_location}\nER  - `);
    }
  }
}

/** "f. 558, op. 11, d. 340, ll. 0043-0045": the location with its repository left out. */
export function locationWithinArchive(location: ArchivalLocation): string {
  const raw = location.raw.trim().replace(/[.;]+$/u, '');
  const prefix = `${location.repository},`;
  return raw.startsWith(prefix) ? raw.slice(prefix.length).trim() : raw;
}

function isoDateParts(iso: string | null): number[] | null {
  const match = iso ? /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(iso) : null;
  if (!match) return null;
  return match
    .slice(1)
    .filter((p): p is string => p !== undefined)
    .map(Number);
}
