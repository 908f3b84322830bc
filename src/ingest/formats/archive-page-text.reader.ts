import { ChanceryError } from '../../errors.ts';
import { parseRights } from '../../record/credits.parse.ts';
import { parseDate } from '../../record/date.parse.ts';
import { continuesAfterGap } from '../../texts/paragraph.rebuild.ts';
import { type ArchivePage, assembleRecord } from './archive-page.assemble.ts';
import { isServiceNoteLine, type PageBlock } from './archive-page.split.ts';
import type { FileHead, FormatReader, ReadItem, SourceInput } from './format.types.ts';

/** Lines of the site's navigation that a scraper keeps above the document. */
const CHROME =
  /^(?:skip to (?:main )?content|menu|search|home|back to top|share|print|download(?: pdf)?|close)$/i;
const DOCUMENT_INFORMATION = /^Document Information$/i;
const FUNDED = /^This document was made possible with (?:the )?support (?:from|of)\s/i;
/** Record fields after the rights statement, each a label line with its value on the next line. */
const FIELDS: Readonly<Record<string, (value: string) => boolean>> = {
  'original uploaded date': (value) => /^\d{4}-\d{2}-\d{2}/.test(value) || parseDate(value) !== null,
  'record id': (value) => /^\d[\w-]*$/.test(value),
};

/**
 * Archive pages scraped as plain text (`archive-page-text`): page chrome, date, title, funder line,
 * the original, a cable's header, the translation, its handling notes, the summary, "Document
 * Information" with the citation and "Translated by", the rights statement, record fields
 * ("Original Uploaded Date", "Record ID") and the funder again. No markup: structure comes from
 * the order of the parts, blank lines, and the languages of the paragraphs.
 */
export const archivePageTextReader: FormatReader = {
  format: 'archive-page-text',
  maxBytes: 5_000_000,

  detect(file: FileHead): number {
    const head = file.head.replace(/^\uFEFF/, '');
    if (/^\s*[<{[]/.test(head)) return 0;
    // Labelled sections belong to the Markdown page and the PDF export. Spaces within the line
    // only, each run matched one way: `^\s*#{0,6}\s*` tried every split of every run of blank lines
    // and white space between its two stars, and a page of 4,000 blank lines took minutes.
    if (/^[^\S\n]*(?:#{1,6}[^\S\n]*)?(?:Citation|Original Language):/im.test(head)) return 0;
    const lines = head.split(/\r\n|\r|\n/).map((l) => l.trim());
    const has = (pattern: RegExp) => lines.some((l) => pattern.test(l));
    let score = 0;
    if (has(DOCUMENT_INFORMATION)) score += 0.4;
    if (has(/^Skip to (?:main )?content$/i)) score += 0.15;
    if (has(/^Record ID$/i)) score += 0.15;
    if (has(/^Original Uploaded Date$/i)) score += 0.15;
    if (has(FUNDED)) score += 0.15;
    const first = lines.find((l) => l && !CHROME.test(l));
    if (first && parseDate(first)) score += 0.25;
    return Math.min(1, score);
  },

  async *read(file: SourceInput, context): AsyncIterable<ReadItem> {
    const page = parseTextPage(await file.text(), file);
    yield { kind: 'record', record: assembleRecord(page, context.authorities) };
  },
};

interface Line {
  text: string;
  /** 1-based. */
  line: number;
}

/** Reads the parts of a plain-text archive page, in the order the page prints them. */
export function parseTextPage(
  text: string,
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>,
): ArchivePage {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ text: t.trim(), line: i + 1 }));
  const content = lines.filter((l) => l.text !== '');
  const start = content.findIndex((l) => !CHROME.test(l.text));
  const dateLine = content[start];
  const date = dateLine ? parseDate(dateLine.text) : null;
  const titleLine = content[start + 1];
  if (!dateLine || !date || !titleLine) {
    const seen = dateLine ? ` (line ${dateLine.line} reads "${dateLine.text.slice(0, 60)}")` : '';
    throw new ChanceryError(
      'ingest.missing_field',
      `${file.name}: field "title": the page does not start with the document's date and title${seen}. The file may be cut at its start; export the page again.`,
      { file: file.name, field: 'title', ...(dateLine ? { line: dateLine.line } : {}) },
    );
  }
  let bodyStart = start + 2;
  const creditLines: string[] = [];
  while (content[bodyStart] && FUNDED.test(content[bodyStart]?.text ?? '')) {
    creditLines.push(content[bodyStart]?.text ?? '');
    bodyStart++;
  }
  const info = content.findIndex((l, i) => i >= bodyStart && DOCUMENT_INFORMATION.test(l.text));
  if (info < 0) {
    const last = content.at(-1);
    throw new ChanceryError(
      'ingest.truncated',
      `${file.name}: the page ends (line ${last?.line ?? 0}) before its "Document Information" section: the file looks cut short. Export the page again.`,
      { file: file.name, line: last?.line ?? 0 },
    );
  }
  const infoLine = content[info] as Line;
  const firstBodyLine = content[bodyStart]?.line ?? infoLine.line;
  const body = paragraphs(lines.filter((l) => l.line >= firstBodyLine && l.line < infoLine.line));
  const summaryBlock = body.length > 1 ? body.pop() : undefined;
  const tail = readTail(lines.filter((l) => l.line > infoLine.line));
  const provenance: ArchivePage['provenance'] = {
    date: { line: dateLine.line },
    title: { line: titleLine.line },
  };
  if (summaryBlock) provenance.summary = { line: summaryBlock.line };
  Object.assign(provenance, tail.provenance);
  return {
    format: 'archive-page-text',
    layout: 'scraped-text',
    file,
    title: titleLine.text,
    date,
    summary: summaryBlock ? summaryBlock.lines.join(' ') : null,
    originalLanguage: null,
    citation: tail.citation,
    url: tail.url,
    recordId: tail.recordId,
    uploaded: tail.uploaded,
    rights: tail.rights,
    creditLines,
    funders: tail.funders,
    contents: [],
    body,
    provenance,
  };
}

/**
 * Paragraphs of the body: lines between blank lines, and a paragraph the page broke in
 * mid-sentence ("…specific issues about" / blank line / "the agenda. At the same time…") joined again.
 */
function paragraphs(lines: readonly Line[]): PageBlock[] {
  const blocks: PageBlock[] = [];
  let current: PageBlock | null = null;
  let gap = false;
  for (const { text, line } of lines) {
    if (!text) {
      gap = true;
      continue;
    }
    const last = current?.lines.at(-1);
    if (current && last !== undefined && (!gap || continues(last, text))) {
      current.lines.push(text);
    } else {
      current = { lines: [text], line, markup: 'plain' };
      blocks.push(current);
    }
    gap = false;
  }
  return blocks;
}

/** A service note neither continues a paragraph nor is continued: it stands on its own line. */
function continues(previous: string, next: string): boolean {
  return continuesAfterGap(previous, next) && !isServiceNoteLine(previous) && !isServiceNoteLine(next);
}

interface Tail {
  citation: string | null;
  rights: string | null;
  url: string | null;
  recordId: string | null;
  uploaded: string | null;
  funders: string[];
  provenance: ArchivePage['provenance'];
}

/** What follows "Document Information": citation, rights statement, record fields, funder. */
function readTail(lines: readonly Line[]): Tail {
  const content = lines.filter((l) => l.text !== '');
  const tail: Tail = {
    citation: null,
    rights: null,
    url: null,
    recordId: null,
    uploaded: null,
    funders: [],
    provenance: {},
  };
  const citation = content[0];
  if (!citation) return tail;
  tail.citation = citation.text;
  tail.provenance.archivalLocations = { line: citation.line };
  tail.provenance.credits = { line: citation.line };
  const url = /https?:\/\/\S+/.exec(citation.text)?.[0] ?? null;
  tail.url = url;
  tail.recordId = url ? (/\/document\/(?:[\w-]*?-)?(\d+)\/?$/.exec(url)?.[1] ?? null) : null;

  const isLabel = (text: string) => Object.hasOwn(FIELDS, text.toLowerCase());
  const firstLabel = content.findIndex((l, i) => i > 0 && isLabel(l.text));
  const statement = content.slice(1, firstLabel < 0 ? undefined : firstLabel);
  tail.rights = parseRights(statement.map((l) => l.text).join('\n'));
  if (tail.rights && statement[0]) tail.provenance.rights = { line: statement[0].line };
  if (firstLabel < 0) return tail;

  let i = firstLabel;
  let lastField = firstLabel;
  while (i < content.length) {
    const label = (content[i] as Line).text.toLowerCase();
    const value = content[i + 1];
    if (!isLabel(label)) break;
    const valid = value && !isLabel(value.text) && FIELDS[label]?.(value.text);
    if (valid && label === 'record id') {
      tail.recordId = value.text;
      tail.provenance['source.recordId'] = { line: value.line };
    } else if (valid) {
      tail.uploaded = value.text;
      tail.provenance['source.uploaded'] = { line: value.line };
    }
    lastField = valid ? i + 1 : i;
    i = valid ? i + 2 : i + 1;
  }
  // The page template closes with the funders' names, one a line.
  for (const funder of content.slice(lastField + 1)) {
    if (funder.text.length <= 120 && !/[.!?]$/.test(funder.text)) {
      tail.funders.push(funder.text);
      tail.provenance.credits ??= { line: funder.line };
    }
  }
  return tail;
}
