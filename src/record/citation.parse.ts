import { parseArchivalLocations, startsWithLevel } from './archival-location.parse.ts';
import { archiveAtStart, canonicalRepository, isAbbreviation } from './archive.names.ts';
import type { ArchivalLocation } from './record.types.ts';

/** What a page's citation says about where the document is kept and where it was published. */
export interface CitationSources {
  /** Archival references: the Russian hierarchy parsed, other archives as repository and file. */
  locations: ArchivalLocation[];
  /** Published works the document is cited from: a book instead of an archive, or "Reprinted in …". */
  publications: string[];
}

/**
 * A sentence that leads to a publication ("Reprinted in …", "Published in …"): what follows is the
 * work, not an archive, so its "p. 62-66" is a page, never a papka.
 */
const PUBLISHED =
  /^(?:(?:Originally\s+|Also\s+|First\s+)?(?:Re)?(?:printed|published)|Excerpted|Cited|Quoted)\s+(?:in|from)\s+/i;
/** Sentences of credits and permissions, read by parseCredits or by no one. */
const CREDIT =
  /^(?:Translated|Transcribed|Edited|Annotated|Contributed|Obtained|Donated|Provided|With\s+permission|Courtesy|Copyright)\b/i;
/** "(Moscow: Pamiatniki Istoricheskoi Mysli, 2005)": place, publisher and year of a book. */
const IMPRINT = /\(\s*[^():]{2,60}:\s*[^()]{2,120}?,?\s*\d{4}\s*\)/u;
/** Words that say a reference names an archive, in the languages of the sources. */
const ARCHIVE_WORD = /\b(?:archives?|archiv|archivio|archiwum|levéltár)\b|архив|档案/iu;
/** Periods that end an abbreviation, not a sentence. */
const ABBREVIATION_BEFORE =
  /(?:^|[\s(])(?:\p{L}|vol|vols|no|nos|ed|eds|trans|comp|pp|ll|op|t|ch|cf|vyp|kn|ibid|doc|docs|fol|ff|ser|st|ul|inv)\.$/iu;

/**
 * Reads the archive's citation of a document: `“Title,” Date, Publisher, reference. Reprinted in
 * book. Translated by X. URL`. The reference is archival (fond/opis/delo in any of the forms
 * archives write, or another country's archive with its own file designation) or a published
 * work instead of an archive.
 *
 * @example parseCitation('“Cable, Kovalev to Filippov [Stalin],” April 13, 1949, History and Public Policy Program Digital Archive, APRF: F. 45, Op. 1, D. 331, Ll. 15-21. Reprinted in Andrei Ledovskii, …, pp. 116-120.')
 * // { locations: [{ repository: 'APRF', fond: '45', …, raw: 'APRF: F. 45, Op. 1, D. 331, Ll. 15-21' }], publications: ['Andrei Ledovskii, …, pp. 116-120'] }
 */
export function parseCitation(text: string): CitationSources {
  const sources: CitationSources = { locations: [], publications: [] };
  for (const sentence of citationSentences(referencePart(text))) {
    const published = PUBLISHED.exec(sentence);
    if (published) {
      sources.publications.push(sentence.slice(published[0].length).replace(/\.$/, '').trim());
      continue;
    }
    if (CREDIT.test(sentence)) continue;
    const hierarchy = parseArchivalLocations(sentence).filter((l) => l.fond || l.delo);
    if (hierarchy.length > 0) {
      sources.locations.push(...hierarchy);
      continue;
    }
    const elsewhere = otherArchives(sentence);
    if (elsewhere.length > 0) sources.locations.push(...elsewhere);
    else if (IMPRINT.test(sentence)) sources.publications.push(sentence.replace(/\.$/, '').trim());
  }
  return sources;
}

/**
 * The citation after the quoted title, the date and the publisher (the archive's own name for
 * itself, "… Digital Archive"), without its URL: where the reference and the credits stand.
 */
function referencePart(text: string): string {
  let rest = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const quoted = /^[“"«„](.+?)[”"»“],?\s*/u.exec(rest);
  if (quoted) rest = rest.slice(quoted[0].length);
  // The date: "February 03, 1949," or "1949,".
  const date = /^(?:[\p{L}.]+\s+\d{1,2},\s*)?(?:\d{1,2}\s+[\p{L}.]+\s+)?\d{4}(?:[-–]\d{2,4})?,\s*/u.exec(
    rest,
  );
  if (quoted && date) rest = rest.slice(date[0].length);
  const publisher = /^[^,;]*\bDigital Archive\s*,\s*/i.exec(rest);
  if (publisher) rest = rest.slice(publisher[0].length);
  return rest;
}

/** Sentences of a citation: split at a period before a capital, except after an abbreviation or an initial. */
function citationSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/\.\s+(?=[\p{Lu}“"«])/gu)) {
    const end = (m.index ?? 0) + 1;
    if (ABBREVIATION_BEFORE.test(text.slice(Math.max(start, end - 12), end))) continue;
    // "РГАСПИ. Ф. 558. Оп. 11.": Russian citations end each level with a period.
    if (startsWithLevel(text.slice((m.index ?? 0) + m[0].length))) continue;
    sentences.push(text.slice(start, end).trim());
    start = (m.index ?? 0) + m[0].length;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter((s) => s.length > 0);
}

/**
 * References without the Russian hierarchy, separated by ";": an archive the table knows followed
 * by its own designation ("PRC FMA 109-00186-01", "SAPMO-BArch, DY 30/3605"), or a name with its
 * acronym in brackets ("National Archives of Hungary (MOL), XIX-J-1-j"). The designation is kept as
 * `file`, unparsed: each country numbers its files its own way.
 */
function otherArchives(sentence: string): ArchivalLocation[] {
  const locations: ArchivalLocation[] = [];
  for (const piece of sentence.split(/;\s*(?:and\s+)?/)) {
    const raw = piece.replace(/[.;,\s]+$/, '').trim();
    const known = archiveAtStart(raw);
    if (known) {
      // An acronym written after the name ("… of Hungary (MOL)") is part of the name, not of the file.
      const written = /^\s*\(([^()]{2,24})\)/.exec(raw.slice(known.length));
      const acronym = written?.[1] && isAbbreviation(written[1]) ? written[1].trim() : null;
      const file = raw
        .slice(known.length + (acronym ? (written?.[0].length ?? 0) : 0))
        .replace(/^[\s,:]+/, '')
        .trim();
      locations.push({
        repository: acronym ? canonicalRepository(acronym) : known.repository,
        file: file || null,
        raw,
      });
      continue;
    }
    const named = /^([^,;()]{3,120}?)\s*\(([^()]{2,24})\)\s*[,:]?\s*(.*)$/u.exec(raw);
    if (named?.[1] && named[2] && ARCHIVE_WORD.test(named[1]) && isAbbreviation(named[2])) {
      locations.push({ repository: canonicalRepository(named[2]), file: named[3]?.trim() || null, raw });
    }
  }
  return locations;
}
