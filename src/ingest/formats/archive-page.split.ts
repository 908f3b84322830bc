import { parseDate } from '../../record/date.parse.ts';
import { NUMBER_SIGN } from '../../record/number-sign.ts';
import type { BlockType } from '../../record/record.types.ts';
import { type BlockDraft, isFolioLine } from '../../texts/block.build.ts';
import { isHandlingNote } from '../../texts/custody.forms.ts';
import { type MarkedText, parseBracketMarks, parseMarkdownMarks } from '../../texts/editorial-marks.parse.ts';
import { detectLanguage, dominantScript, scriptOfLanguage } from '../../texts/language.detect.ts';
import { type Hyphenation, joinLines } from '../../texts/paragraph.rebuild.ts';

/** One block of an archive page's body as the format gave it, before it is known which text it belongs to. */
export interface PageBlock {
  /** Its lines as written, trimmed: inline Markdown on Markdown pages, plain text otherwise. */
  lines: string[];
  /** 1-based line of the file where the block starts. */
  line: number;
  markup: 'markdown' | 'plain';
  /** "2." for an item of a Markdown ordered list, whose marker the parser took off the text. */
  listMarker?: string;
  /** A type the format states (a Markdown heading). */
  type?: BlockType;
}

export interface Witnesses {
  /** ISO 639-1 code of the original's language, as the page states it or as its text shows. */
  originalLanguage: string | null;
  original: PageBlock[];
  /** A transcription of the author's draft, when it follows the original. */
  draft: PageBlock[];
  translations: { language: string; blocks: PageBlock[] }[];
  /** Service notes of a cable: the header above the translation and the footer below it. */
  serviceNotes: { text: string; line: number }[];
}

/**
 * The text and marks of a page block, its lines joined (see {@link joinLines}) and its markup
 * read into marks.
 */
export function renderBlock(block: PageBlock, hyphenation: Hyphenation = 'keep-hyphen'): MarkedText {
  const joined = joinLines(block.lines, hyphenation);
  const source = block.listMarker ? `${block.listMarker} ${joined}` : joined;
  return block.markup === 'markdown' ? parseMarkdownMarks(source) : parseBracketMarks(source);
}

/** A block ready for {@link buildBlocks}: folio lines flagged, markup read. */
export function toBlockDraft(block: PageBlock, hyphenation: Hyphenation): BlockDraft {
  const { text, marks } = renderBlock(block, hyphenation);
  return {
    text,
    marks,
    folio: block.lines.length === 1 && isFolioLine(text),
    ...(block.type ? { type: block.type } : {}),
  };
}

/**
 * Sorts the body of an archive page into its witnesses: the original, a draft transcription that
 * follows it, translations, and the service notes of a cable between and after them. Blocks are
 * grouped by language (and script, for lines too short to name a language); the group in the
 * original's language is the original.
 */
export function splitWitnesses(blocks: readonly PageBlock[], statedLanguage: string | null): Witnesses {
  const runs = groupByLanguage(blocks);
  const firstLanguage = runs.find((r) => r.language)?.language ?? null;
  const originalLanguage = statedLanguage ?? firstLanguage;
  const originalScript = originalLanguage ? scriptOfLanguage(originalLanguage) : null;
  // The run in the original's language; failing that (a short or unusual text), the first in its script.
  const originalRun =
    runs.find((run) => run.language === originalLanguage) ??
    runs.find((run) => run.script === originalScript) ??
    (statedLanguage ? undefined : runs[0]);
  const serviceNotes: Witnesses['serviceNotes'] = [];
  const translations = new Map<string, PageBlock[]>();
  for (const run of runs) {
    if (run === originalRun) continue;
    const { header, body, footer } = takeServiceNotes(run.blocks);
    serviceNotes.push(...header, ...footer);
    const language = run.language ?? 'und';
    translations.set(language, [...(translations.get(language) ?? []), ...body]);
  }
  const { header, body, footer } = takeServiceNotes(originalRun?.blocks ?? []);
  serviceNotes.unshift(...header);
  serviceNotes.push(...footer);
  const { original, draft } = splitDraft(body);
  return {
    originalLanguage,
    original,
    draft,
    translations: [...translations.entries()]
      .filter(([, list]) => list.length > 0)
      .map(([language, list]) => ({ language, blocks: list })),
    serviceNotes: serviceNotes.sort((a, b) => a.line - b.line),
  };
}

interface Run {
  language: string | null;
  script: string | null;
  blocks: PageBlock[];
  votes: Map<string, number>;
}

function groupByLanguage(blocks: readonly PageBlock[]): Run[] {
  const runs: Run[] = [];
  for (const block of blocks) {
    const text = renderBlock(block).text;
    // Too few letters to tell ("101 X", "Nº 3511"): the block stays with what surrounds it.
    const script = (text.match(/\p{L}/gu)?.length ?? 0) >= 3 ? dominantScript(text) : null;
    const language = detectLanguage(text);
    const current = runs.at(-1);
    if (current && (script === null || current.script === null || script === current.script)) {
      // A run that began with a folio number takes the script of the text that follows it.
      current.script ??= script;
      current.blocks.push(block);
      if (language) current.votes.set(language, (current.votes.get(language) ?? 0) + 1);
      continue;
    }
    runs.push({ language: null, script, blocks: [block], votes: new Map(language ? [[language, 1]] : []) });
  }
  for (const run of runs) {
    run.language = [...run.votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  return runs;
}

const NO = NUMBER_SIGN;
const HEADER_LINE = new RegExp(
  [
    String.raw`^(?:CABLE|TELEGRAM|CIPHERED TELEGRAM|CIPHER TELEGRAM)(?:\s+${NO}\S+)?$`,
    String.raw`^Cop(?:y|ies)\s+${NO}`,
    `^${NO}\\d`,
    String.raw`^(?:from\s.+\s)?received\s+\d`,
    String.raw`^to\s`,
    String.raw`^(?:Incoming|Outgoing)\s+${NO}`,
    String.raw`^(?:TOP\s+SECRET|SECRET|STRICTLY\s+SECRET)\b`,
  ].join('|'),
  'u',
);
const FOOTER_STRONG = new RegExp(
  [
    `^${NO}\\d[\\w/-]*$`,
    String.raw`^(?:Deciphered|Decoded|Decrypted|Enciphered|Ciphered|Printed|Typed|Sent|Dispatched|Transmitted|Received)\s+by\s`,
    String.raw`\bcop(?:y|ies)\s+(?:printed|made|typed)\b`,
    String.raw`^Cop(?:y|ies)\s+${NO}`,
  ].join('|'),
  'iu',
);
/**
 * Whether a line reads as a cable's service note ("from [BEIJING] received 1500 13 July 1951",
 * "Copy Nº 2", "Printed by …") rather than as the text of the document.
 */
export function isServiceNoteLine(text: string): boolean {
  const line = text.trim();
  return line.length <= 160 && (HEADER_LINE.test(line) || isFooterNote(line));
}

/** A note that may close a cable: the seed's forms, and the others custody.forms.ts reads. */
function isFooterNote(text: string): boolean {
  return FOOTER_STRONG.test(text) || isHandlingNote(text);
}

/** "to Cde. FILIPPOV Cde. Filippov!": the addressing of the cable, then the salutation of its text. */
const ADDRESS_AND_SALUTATION =
  /^(to\s+(?:(?:Cde|Comrade|Tov)\.?\s+)?\p{Lu}[\p{Lu}\p{Pd}'’.]*(?:\s+\p{Lu}[\p{Lu}\p{Pd}'’.]*)*)\s+(\S.*[!:,])$/u;

/**
 * Takes the service notes off a run of blocks: header lines at its top ("CABLE Nº 21756",
 * "from [BEIJING] received 1500 13 July 1951", "Incoming Nº 545/2384/shs") and footer lines at its
 * end ("Nº 3511", "Deciphered by Sudev 1615 13 July", "COLONEL [signature] (Makarov)").
 */
function takeServiceNotes(blocks: readonly PageBlock[]): {
  header: Witnesses['serviceNotes'];
  body: PageBlock[];
  footer: Witnesses['serviceNotes'];
} {
  const header: Witnesses['serviceNotes'] = [];
  const body = [...blocks];
  while (body.length > 0) {
    const block = body[0] as PageBlock;
    const text = renderBlock(block).text;
    if (text.length > 120 || !(HEADER_LINE.test(text) || isHandlingNote(text))) break;
    body.shift();
    const split = ADDRESS_AND_SALUTATION.exec(text);
    if (split?.[1] && split[2]) {
      header.push({ text: split[1], line: block.line });
      body.unshift({ lines: [split[2]], line: block.line, markup: block.markup });
      break;
    }
    header.push({ text, line: block.line });
  }
  let start = body.length;
  for (let i = body.length - 1; i >= 0; i--) {
    const text = renderBlock(body[i] as PageBlock).text;
    if (text.length > 160 || !(isFooterNote(text) || isWeakFooter(text))) break;
    start = i;
  }
  // A footer starts with a note of its own, not with a date or a signature that may close the letter.
  while (start < body.length && !isFooterNote(renderBlock(body[start] as PageBlock).text)) start++;
  const footer = body.splice(start).map((block) => ({ text: renderBlock(block).text, line: block.line }));
  return { header, body, footer };
}

function isWeakFooter(text: string): boolean {
  return /\[signature\]/i.test(text) || parseDate(text, { defaultYear: 2000 }) !== null;
}

/**
 * Where the typed original ends and the transcription of a draft begins: at the first block with
 * deletions or insertions (with the folio lines just before it), or after the original's closing
 * dateline when folio lines or marks follow it (a PDF loses the marks but keeps the folios).
 */
function splitDraft(blocks: readonly PageBlock[]): { original: PageBlock[]; draft: PageBlock[] } {
  const plain = blocks.map((b) => renderBlock(b));
  const hasMarks = plain.map((p) => p.marks.some((m) => m.type === 'deletion' || m.type === 'insertion'));
  const isFolio = blocks.map((b, i) => b.lines.length === 1 && isFolioLine(plain[i]?.text ?? ''));
  let split = hasMarks.indexOf(true);
  while (split > 0 && isFolio[split - 1]) split--;
  const dateline = plain.findIndex(
    (p, i) => i >= 2 && p.text.length <= 40 && parseDate(p.text.replace(/\.$/, '')) !== null,
  );
  if (dateline >= 0 && blocks.some((_, k) => k > dateline && (hasMarks[k] || isFolio[k]))) {
    split = split < 0 ? dateline + 1 : Math.min(split, dateline + 1);
  }
  if (split < 0 || split >= blocks.length) return { original: [...blocks], draft: [] };
  return { original: blocks.slice(0, split), draft: blocks.slice(split) };
}
