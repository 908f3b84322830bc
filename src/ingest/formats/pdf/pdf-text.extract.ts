import { ChanceryError } from '../../../errors.ts';

/** A line of a PDF page as its text items place it. */
export interface PdfLine {
  text: string;
  /** Left edge and baseline, in PDF points from the page's lower left corner. */
  x: number;
  y: number;
  /** Right edge. */
  right: number;
  /** Font size (height of the text). */
  size: number;
}

export interface PdfPage {
  /** Lines from the top of the page down. */
  lines: PdfLine[];
}

/** The subset of pdf.js's text item this reader uses. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * The text layer of a PDF, page by page, as lines with their positions, through Mozilla's pdf.js
 * (`pdfjs-dist`, legacy build for Node). Pages are read one after another and released, so time
 * and memory grow with the number of pages, not faster.
 *
 * Throws `ingest.pdf_encrypted` for a PDF that needs a password, `ingest.truncated` for a PDF cut
 * short (no end-of-file marker), `ingest.pdf_malformed` for bytes pdf.js cannot read as a PDF.
 *
 * @example const pages = await extractPdfText(bytes, 'cable.pdf');
 */
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<PdfPage[]> {
  checkComplete(bytes, fileName);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw readError(error, fileName);
    });
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent().catch((error: unknown) => {
        throw readError(error, fileName, n);
      });
      pages.push({ lines: toLines(content.items as TextItem[]) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * A PDF ends with "%%EOF" (ISO 32000-1, 7.5.5); a file cut short does not. pdf.js would rebuild
 * what it can of such a file, and the record would silently lack its end.
 */
function checkComplete(bytes: Uint8Array, fileName: string): void {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new ChanceryError(
      'ingest.truncated',
      `${fileName}: the PDF ends without its end-of-file marker (%%EOF): the file looks cut short. Download or export it again.`,
      { file: fileName },
    );
  }
}

function readError(error: unknown, fileName: string, page?: number): ChanceryError {
  const name = (error as { name?: string } | null)?.name;
  const reason = ((error as { message?: string } | null)?.message ?? String(error)).replace(/\.+$/, '');
  if (name === 'PasswordException') {
    return new ChanceryError(
      'ingest.pdf_encrypted',
      `${fileName}: the PDF is encrypted with a password, so its text cannot be read. Ingest an unprotected export of the page.`,
      { file: fileName },
    );
  }
  const where = page ? ` (page ${page})` : '';
  return new ChanceryError(
    'ingest.pdf_malformed',
    `${fileName}: the PDF cannot be read${where}: ${reason}. Check that the file is a whole PDF; export it again.`,
    { file: fileName },
  );
}

/**
 * Text items grouped into lines: items whose baselines lie within half a font size of each other
 * share a line, read left to right; a gap wider than a fifth of the font size between two items is
 * a space.
 */
function toLines(items: readonly TextItem[]): PdfLine[] {
  const placed = items
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({
      text: item.str,
      x: item.transform[4] ?? 0,
      y: item.transform[5] ?? 0,
      width: item.width,
      size: Math.abs(item.transform[3] ?? item.height) || item.height || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: typeof placed }[] = [];
  for (const item of placed) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) <= Math.max(line.size, item.size) / 2) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ y: item.y, size: item.size, items: [item] });
    }
  }
  return lines.map((line) => {
    const sorted = line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of sorted) {
      const gap = item.x - end;
      if (text && gap > line.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    const first = sorted[0];
    return {
      text: text.replace(/\s+/g, ' ').trim(),
      x: first?.x ?? 0,
      y: line.y,
      right: end,
      size: line.size,
    };
  });
}
