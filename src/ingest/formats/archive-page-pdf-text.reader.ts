import { type ArchivePage, assembleRecord } from './archive-page.assemble.ts';
import { parseLabelledLines } from './archive-page.labelled.ts';
import { scoreSectionLabels } from './archive-page.sections.ts';
import type { FileHead, FormatReader, ReadItem, SourceInput } from './format.types.ts';
import { isOneLine, linesFromOneLine } from './one-line.split.ts';
import { cleanPdfLayout } from './pdf-layout.clean.ts';

const LABEL_LINE = /^[ \t]*(?:Citation|Summary|Original Language|Contents|Credits):/im;

/**
 * The archive's older PDF exports, as text extracted from the PDF (`archive-page-pdf-text`): the
 * labelled sections of the Markdown page (`Citation:`, `Summary:`, `Original Language:`,
 * `Contents:`, sometimes `Credits:`) with no Markdown, and the page layout left in: indentation,
 * running heads and footers, page numbers, form feeds, lines wrapped at about 80 columns and
 * paragraphs broken by page ends. See {@link cleanPdfLayout} for how the layout is undone. Some
 * extractions lost every line break, so that the page is one line: the labels still stand
 * between the sections, and {@link linesFromOneLine} lays them out again.
 */
export const archivePagePdfTextReader: FormatReader = {
  format: 'archive-page-pdf-text',
  maxBytes: 5_000_000,

  detect(file: FileHead): number {
    const head = file.head.replace(/^\uFEFF/, '');
    if (/^\s*[<{[]/.test(head)) return 0;
    if (isOneLine(head))
      return scoreSectionLabels(
        head.replace(/(?<!^)(?=(?:Citation|Summary|Original Language|Contents):)/g, '\n'),
        '',
      );
    if (!LABEL_LINE.test(head)) return 0;
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

/**
 * Reads the text of a PDF export into the parts of an archive page, in whichever of its two
 * layouts it comes: lines as the PDF set them (`line-broken`), or every line break lost
 * (`one-line`).
 */
export function parsePdfTextPage(
  text: string,
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>,
): ArchivePage {
  const oneLine = isOneLine(text.slice(0, 64 * 1024));
  return parseLabelledLines(oneLine ? linesFromOneLine(text) : cleanPdfLayout(text), {
    format: 'archive-page-pdf-text',
    layout: oneLine ? 'one-line' : 'line-broken',
    file,
  });
}
