import { ChanceryError } from '../../errors.ts';
import type { AuthorityIndex } from '../../names/authority.index.ts';
import { findMentions } from '../../names/mention.find.ts';
import { parseCitation } from '../../record/citation.parse.ts';
import { dedupeCredits, parseCredits } from '../../record/credits.parse.ts';
import { dedupeNumbers } from '../../record/document-numbers.ts';
import { makeRecordId } from '../../record/record.id.ts';
import type {
  ChanceryRecord,
  Credit,
  RecordDate,
  SourceFormat,
  SourceLayout,
  Text,
  TextKind,
} from '../../record/record.types.ts';
import { nameInDescription, parseDocumentType, parseTitleParties } from '../../record/title.parse.ts';
import { buildBlocks } from '../../texts/block.build.ts';
import { parseCustody } from '../../texts/custody.parse.ts';
import type { Hyphenation } from '../../texts/paragraph.rebuild.ts';
import { type PageBlock, splitWitnesses, toBlockDraft } from './archive-page.split.ts';
import type { SourceInput } from './format.types.ts';

/** What a reader found on an archive page, in whatever layout the page came in. */
export interface ArchivePage {
  format: SourceFormat;
  /** The layout the reader found the page in (`source.layout`). */
  layout: SourceLayout;
  /**
   * How a hyphen at a line end of the typed texts is read; 'keep-hyphen' when not given (pages
   * whose lines the web page broke). PDF layouts decide by the document's own words.
   */
  hyphenation?: Hyphenation;
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>;
  title: string | null;
  date: RecordDate | null;
  summary: string | null;
  /** ISO 639-1 code of the "Original Language" the page states, when it states one. */
  originalLanguage: string | null;
  /** The citation, or the "Document Information" line: archival locations and "Translated by". */
  citation: string | null;
  url: string | null;
  recordId: string | null;
  uploaded: string | null;
  rights: string | null;
  /** Lines that state credits in running text ("This document was made possible with support from …"). */
  creditLines: string[];
  /** Funders the page lists by name alone (the trailing funder line of the text page). */
  funders: string[];
  /** Entries of the "Contents" list ("Original Scan", "Translation - English"). */
  contents: string[];
  body: PageBlock[];
  /** Field → line of the file it was read from. */
  provenance: Record<string, { line: number }>;
}

/**
 * Turns what a reader found on an archive page into a canonical record: sorts the body into
 * original, draft and translations, reads the cable's service notes into handling events, resolves
 * authors and recipients through the authority index, finds mentions. Throws
 * `ingest.missing_field` when the page has no title or no text, `ingest.truncated` when the page
 * promises a translation its file does not hold.
 */
export function assembleRecord(page: ArchivePage, authorities: AuthorityIndex): ChanceryRecord {
  const file = page.file.name;
  const title = page.title?.trim();
  if (!title) {
    throw new ChanceryError(
      'ingest.missing_field',
      `${file}: field "title": the page gives no document title. Check that the file is a whole ${page.format} page.`,
      { file, field: 'title' },
    );
  }
  const date = page.date ?? { display: '', min: null, max: null, certainty: 'unknown' as const };
  const witnesses = splitWitnesses(page.body, page.originalLanguage);
  const texts = buildTexts(witnesses, page.hyphenation ?? 'keep-hyphen');
  if (texts.length === 0) {
    throw new ChanceryError(
      'ingest.missing_field',
      `${file}: field "texts": the page holds no document text (neither original nor translation). Check that the file is complete.`,
      { file, field: 'texts' },
    );
  }
  checkContents(page, witnesses.translations.length > 0, file);

  const parties = parseTitleParties(title);
  // A party written with its office ("Soviet Ambassador in China Apollon Petrov") is the person
  // the office stands before; the description stays as the agent's raw form.
  const isPerson = (form: string) => authorities.find(form, 'person') !== undefined;
  const resolve = (raw: string) => ({
    ...authorities.resolveAgent(nameInDescription(raw, isPerson)),
    raw,
  });
  const custody = parseCustody({ lines: witnesses.serviceNotes.map((n) => n.text), documentDate: date });
  const recordId = page.recordId;
  const id = makeRecordId({ recordId, title, date });
  const cited = parseCitation(page.citation ?? '');
  const credits: Credit[] = dedupeCredits([
    ...[...page.creditLines, page.citation ?? ''].flatMap(parseCredits),
    ...cited.publications.map((name) => ({ role: 'publication' as const, name })),
    ...page.funders.map((name) => ({ role: 'funder' as const, name })),
  ]);
  const provenance = { ...page.provenance };
  for (const text of texts) {
    const first = witnessLine(witnesses, text.id);
    if (first !== null) provenance[`texts.${text.id}`] = { line: first };
  }
  const firstNote = witnesses.serviceNotes[0];
  if (firstNote) provenance.handling = { line: firstNote.line };

  return {
    id,
    title,
    type: parseDocumentType(title),
    date,
    authors: parties.authors.map(resolve),
    recipients: parties.recipients.map(resolve),
    intermediaries: parties.intermediaries.map(resolve),
    participants: parties.participants.map(resolve),
    numbers: dedupeNumbers([...parties.numbers, ...custody.numbers]),
    summary: page.summary?.trim() || null,
    originalLanguage: page.originalLanguage ?? witnesses.originalLanguage,
    archivalLocations: cited.locations,
    credits,
    rights: page.rights,
    source: {
      file,
      url: page.url,
      recordId,
      format: page.format,
      layout: page.layout,
      sha256: page.file.sha256,
      encoding: page.file.encoding,
      uploaded: page.uploaded,
    },
    texts,
    handling: custody.events,
    mentions: findMentions(texts, authorities),
    relations: [],
    alignments: [],
    collections: [],
    provenance,
  };
}

function buildTexts(witnesses: ReturnType<typeof splitWitnesses>, typed: Hyphenation): Text[] {
  const texts: Text[] = [];
  const add = (
    id: string,
    kind: TextKind,
    language: string,
    blocks: PageBlock[],
    hyphenation: Hyphenation,
  ) => {
    const built = buildBlocks(blocks.map((b) => toBlockDraft(b, hyphenation)));
    if (built.length > 0) texts.push({ id, kind, language, blocks: built });
  };
  const language = witnesses.originalLanguage ?? 'und';
  add('original', 'original', language, witnesses.original, typed);
  // The draft is handwriting: a hyphen at a line end divides a word.
  add('draft', 'draft', language, witnesses.draft, 'join-word');
  for (const translation of witnesses.translations) {
    add(
      `translation-${translation.language}`,
      'translation',
      translation.language,
      translation.blocks,
      typed,
    );
  }
  return texts;
}

function witnessLine(witnesses: ReturnType<typeof splitWitnesses>, textId: string): number | null {
  if (textId === 'original') return witnesses.original[0]?.line ?? null;
  if (textId === 'draft') return witnesses.draft[0]?.line ?? null;
  const language = textId.replace(/^translation-/, '');
  return witnesses.translations.find((t) => t.language === language)?.blocks[0]?.line ?? null;
}

/**
 * A page whose Contents list a translation that the file does not hold was cut off: reading it
 * would give a record with its translation silently missing.
 */
function checkContents(page: ArchivePage, hasTranslation: boolean, file: string): void {
  const promised = page.contents.find((entry) => /\btranslation\b/i.test(entry));
  if (!promised || hasTranslation) return;
  throw new ChanceryError(
    'ingest.truncated',
    `${file}: the page lists "${promised}" in its Contents, but the file ends before any translation. The file looks cut short; export the page again.`,
    { file, field: 'texts' },
  );
}
