import { parseDate } from '../../record/date.parse.ts';
import { languageFromName } from '../../texts/language.detect.ts';
import { joinLines } from '../../texts/paragraph.rebuild.ts';
import type { ArchivePage } from './archive-page.assemble.ts';
import type { PageBlock } from './archive-page.split.ts';
import type { SourceInput } from './format.types.ts';

/** The labelled sections of the Markdown page and the PDF export. */
export type SectionLabel = 'citation' | 'summary' | 'credits' | 'original-language' | 'contents';

const LABELS: ReadonlyMap<string, SectionLabel> = new Map([
  ['citation', 'citation'],
  ['summary', 'summary'],
  ['credits', 'credits'],
  ['original language', 'original-language'],
  ['original languages', 'original-language'],
  ['contents', 'contents'],
]);

/**
 * The section a label line opens ("Citation:", "Original Language:"), with any text that follows
 * the colon on the same line, or null when the line is no label.
 */
export function readLabel(line: string): { label: SectionLabel; rest: string } | null {
  const m = /^(\p{L}[\p{L} ]{2,30}?)\s*:\s*(.*)$/u.exec(line.trim());
  const label = m ? LABELS.get((m[1] ?? '').toLowerCase()) : undefined;
  return label ? { label, rest: (m?.[2] ?? '').trim() } : null;
}

/**
 * An entry of the Contents list: the witnesses the page offers ("Original Scan",
 * "Translation - English", "English Translation", "Russian Transcription").
 */
export function isContentsEntry(line: string): boolean {
  const text = line.trim();
  return (
    text.length > 0 &&
    text.length <= 60 &&
    !/[.!?]$/.test(text) &&
    /^(?:(?:original|translation|transcription|transcript|scan|draft|facsimile|attachment)\b|\p{L}+\s+(?:translation|transcription|transcript|original)$)/iu.test(
      text,
    )
  );
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A date as the export prints it above the title: "October 05, 1945", "5 October 1945", "October 1945". */
export const EXPORT_DATE = new RegExp(
  String.raw`\b(?:${MONTH}\s+(?:\d{1,2},\s+)?\d{4}|\d{1,2}\s+${MONTH}\s+\d{4})\b`,
  'u',
);

/**
 * A line that starts with the export's date and goes on with the title, as a line wrapped wider
 * than the export's gives them: "February 03, 1949 Memorandum of Conversation between …".
 */
export function leadingDate(line: string): { date: string; rest: string } | null {
  const m = EXPORT_DATE.exec(line);
  if (m?.index !== 0) return null;
  const rest = line.slice(m[0].length).trim();
  return rest ? { date: m[0], rest } : null;
}

/** What a labelled page holds, as its reader found it: sections as line lists, the body as blocks. */
export interface LabelledPage {
  format: ArchivePage['format'];
  layout: ArchivePage['layout'];
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>;
  date: { text: string; line: number } | null;
  title: { text: string; line: number } | null;
  /** Lines between the title and the first label ("This document was made possible …"). */
  preamble: string[];
  sections: Map<SectionLabel, { lines: string[]; line: number }>;
  body: PageBlock[];
}

/** A labelled page before its reader has found anything in it. */
export function emptyLabelledPage(
  format: LabelledPage['format'],
  layout: LabelledPage['layout'],
  file: LabelledPage['file'],
): LabelledPage {
  return { format, layout, file, date: null, title: null, preamble: [], sections: new Map(), body: [] };
}

/**
 * How strongly a page's head shows the archive's labelled sections, each label between `prefix`
 * and `suffix` (Markdown's `#### ` and the heading's end, or the PDF text's indentation). The
 * citation weighs most: it is what no other kind of text carries.
 */
export function scoreSectionLabels(head: string, prefix: string, suffix = ''): number {
  const weights: [string, number][] = [
    ['Citation', 0.45],
    ['Summary', 0.15],
    ['Original Language', 0.15],
    ['Contents', 0.15],
  ];
  return weights.reduce(
    (score, [label, weight]) =>
      score + (new RegExp(`^${prefix}${label}:${suffix}`, 'im').test(head) ? weight : 0),
    0,
  );
}

/**
 * The fields of an archive page from its labelled sections: the citation's URL and record id,
 * summary, original language (as a code), credits, the Contents list.
 */
export function pageFromSections(page: LabelledPage): ArchivePage {
  const section = (label: SectionLabel) => page.sections.get(label);
  const join = (label: SectionLabel) => {
    const found = section(label);
    return found ? joinLines(found.lines, 'keep-hyphen') || null : null;
  };
  const citation = join('citation');
  const url = citation
    ? (/https?:\/\/[^\s<>()[\]"]+/.exec(citation)?.[0]?.replace(/[.,;]$/, '') ?? null)
    : null;
  const languageName = join('original-language');
  const credits = join('credits');
  const provenance: ArchivePage['provenance'] = {};
  const note = (field: string, label: SectionLabel) => {
    const found = section(label);
    if (found) provenance[field] = { line: found.line };
  };
  if (page.date) provenance.date = { line: page.date.line };
  if (page.title) provenance.title = { line: page.title.line };
  note('summary', 'summary');
  note('archivalLocations', 'citation');
  if (url) note('source.url', 'citation');
  note('originalLanguage', 'original-language');
  note('credits', section('credits') ? 'credits' : 'citation');
  return {
    format: page.format,
    layout: page.layout,
    file: page.file,
    title: page.title?.text ?? null,
    date: page.date ? parseDate(page.date.text) : null,
    summary: join('summary'),
    originalLanguage: languageName
      ? languageFromName(languageName.split(/[,;/]| and /)[0] ?? languageName)
      : null,
    citation,
    url,
    recordId: url ? (/\/document\/(?:[\w-]*?-)?(\d+)\/?$/.exec(url)?.[1] ?? null) : null,
    uploaded: null,
    rights: null,
    creditLines: [...page.preamble, ...(credits ? [credits] : [])],
    funders: [],
    contents: section('contents')?.lines ?? [],
    body: page.body,
    provenance,
  };
}
