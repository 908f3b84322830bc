import { ChanceryError } from '../../errors.ts';
import { type ArchivePage, assembleRecord } from './archive-page.assemble.ts';
import { parseLabelledLines } from './archive-page.labelled.ts';
import type { FileHead, FormatReader, ReadItem, SourceInput } from './format.types.ts';
import { layoutPages } from './pdf/pdf-lines.layout.ts';
import { extractPdfText, type PdfPage } from './pdf/pdf-text.extract.ts';
import { cleanPages } from './pdf-layout.clean.ts';

/**
 * The archive's PDF exports themselves (`archive-page-pdf`): the text layer read by position
 * (pdf.js), lines and paragraphs rebuilt from where the text stands on each page, then read as
 * the labelled export it is (banner, date, title, `Citation:`, `Summary:`, `Original Language:`,
 * `Contents:`, the texts). The PDF's bytes are the record's source, kept as they are.
 *
 * A PDF with no text layer (a scan) is refused as such (`ingest.pdf_no_text`): its text has to
 * be recognized (OCR) first.
 */
export const archivePagePdfReader: FormatReader = {
  format: 'archive-page-pdf',
  maxBytes: 200_000_000,

  detect(file: FileHead): number {
    // Any PDF is this reader's to try: whether it is an archive page shows once its text is read.
    return file.binary === 'pdf' ? 0.9 : 0;
  },

  async *read(file: SourceInput, context): AsyncIterable<ReadItem> {
    const page = parsePdfPage(await extractPdfText(await file.bytes(), file.name), file);
    yield { kind: 'record', record: assembleRecord(page, context.authorities) };
  },
};

/** Reads the pages of a PDF export into the parts of an archive page. */
export function parsePdfPage(
  pages: readonly PdfPage[],
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>,
): ArchivePage {
  const characters = pages.reduce((sum, p) => sum + p.lines.reduce((n, l) => n + l.text.length, 0), 0);
  if (characters === 0) {
    throw new ChanceryError(
      'ingest.pdf_no_text',
      `${file.name}: the PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images only): it is a scan. Its text has to be recognized (OCR) before it can be ingested.`,
      { file: file.name },
    );
  }
  return parseLabelledLines(cleanPages(layoutPages(pages)), {
    format: 'archive-page-pdf',
    layout: 'pdf',
    file,
  });
}
