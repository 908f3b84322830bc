import { parseDate } from '../../record/date.parse.ts';
import { joinLines } from '../../texts/paragraph.rebuild.ts';
import { type ArchivePage, assembleRecord } from './archive-page.assemble.ts';
import {
  emptyLabelledPage,
  isContentsEntry,
  pageFromSections,
  readLabel,
  type SectionLabel,
  scoreSectionLabels,
} from './archive-page.sections.ts';
import type { FileHead, FormatReader, ReadItem, SourceInput } from './format.types.ts';
import { cleanPdfLayout, type LayoutLine } from './pdf-layout.clean.ts';

const LABEL_LINE = /^[ \t]*(?:Citation|Summary|Original Language|Contents|Credits):/im;

/**
 * The archive's older PDF exports, as text extracted from the PDF (`archive-page-pdf-text`): the
 * labelled sections of the Markdown page (`Citation:`, `Summary:`, `Original Language:`,
 * `Contents:`, sometimes `Credits:`) with no Markdown, and the page layout left in: indentation,
 * running heads and footers, page numbers, form feeds, lines wrapped at about 80 columns and
 * paragraphs broken by page ends. See {@link cleanPdfLayout} for how the layout is undone.
 */
export const archivePagePdfTextReader: FormatReader = {
  format: 'archive-page-pdf-text',
  maxBytes: 5_000_000,

  detect(file: FileHead): number {
    const head = file.head.replace(/^\uFEFF/, '');
    if (/^\s*[<{[]/.test(head) || !LABEL_LINE.test(head)) return 0;
    // Markdown headings make it the Markdown page.
    if (/^#{1,6}[ \t]+(?:Citation|Summary|Original Language|Contents):/im.test(head)) return 0;
    let score = scoreSectionLabels(head, String.raw`[ \t]*`);
    if (head.includes('\f') || /^[ \t]*(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?[ \t]*$/im.test(head))
      score += 0.1;
    return Math.min(1, score);
  },

  async *read(file: SourceInput, context): AsyncIterable<ReadItem> {
    const page = parsePdfTextPage(await file.text(), file);
    yield { kind: 'record', record: assembleRecord(page, context.authorities) };
  },
};

/** Reads the text of a PDF export into the parts of an archive page. */
export function parsePdfTextPage(
  text: string,
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>,
): ArchivePage {
  const page = emptyLabelledPage('archive-page-pdf-text', file);
  let section: SectionLabel | 'body' | null = null;
  const titleLines: LayoutLine[] = [];
  for (const paragraph of paragraphs(cleanPdfLayout(text))) {
    for (const [k, line] of paragraph.entries()) {
      const label: ReturnType<typeof readLabel> = section === 'body' ? null : readLabel(line.text);
      if (label) {
        section = label.label;
        page.sections.set(label.label, { lines: label.rest ? [label.rest] : [], line: line.line });
      } else if (section === 'contents' && isContentsEntry(line.text)) {
        page.sections.get('contents')?.lines.push(line.text);
      } else if (section === 'contents' || section === 'body') {
        section = 'body';
        const rest = paragraph.slice(k);
        page.body.push({ lines: rest.map((l) => l.text), line: line.line, markup: 'plain' });
        break;
      } else if (section) {
        page.sections.get(section)?.lines.push(line.text);
      } else if (!page.date && parseDate(line.text)) {
        // Whatever stands above the date is the export's banner.
        page.date = { text: line.text, line: line.line };
      } else if (page.date && !page.title) {
        // The title is what follows the date, up to a blank line: it may wrap.
        titleLines.push(line);
      } else if (page.title) {
        page.preamble.push(
          joinLines(
            paragraph.slice(k).map((l) => l.text),
            'keep-hyphen',
          ),
        );
        break;
      }
    }
    const first = titleLines[0];
    if (first && !page.title) {
      page.title = {
        text: joinLines(
          titleLines.map((l) => l.text),
          'keep-hyphen',
        ),
        line: first.line,
      };
    }
  }
  return pageFromSections(page);
}

/** Lines between blank lines. */
function paragraphs(lines: readonly LayoutLine[]): LayoutLine[][] {
  const groups: LayoutLine[][] = [];
  let current: LayoutLine[] = [];
  for (const line of lines) {
    if (line.text) {
      current.push(line);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [];
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
