import { readFileSync } from 'node:fs';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

/**
 * PDFs for tests, made with pdf-lib from the archive's real exports where it can be: a scan (the
 * image-only pages of a real export), a long export (a real export's pages repeated), an
 * encrypted one (a password the reader does not have), one that is no archive page.
 */

/** A new PDF of some pages of a real one, in the order given (pages counted from 0, repeats allowed). */
export async function pdfOfPages(path: string, pages: number[]): Promise<Uint8Array> {
  const source = await PDFDocument.load(readFileSync(path));
  const out = await PDFDocument.create();
  const copied = await out.copyPages(source, pages);
  for (const page of copied) out.addPage(page);
  return out.save();
}

/**
 * A real export whose body pages (all but the first) are repeated until it has `total` pages:
 * the same layout, at the length of a long document.
 */
export async function longExport(path: string, total: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(readFileSync(path));
  const body = Array.from({ length: source.getPageCount() - 1 }, (_, i) => i + 1);
  const order = [0, ...Array.from({ length: total - 1 }, (_, i) => body[i % body.length] as number)];
  return pdfOfPages(path, order);
}

/**
 * A PDF protected by the standard security handler with a user password: its trailer names an
 * encryption dictionary whose password check fails for the empty password, as a protected export does.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('Citation: protected', { x: 72, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  const hex = (seed: number) =>
    PDFHexString.of(
      Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join(''),
    );
  const encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    O: hex(11),
    U: hex(29),
    P: PDFNumber.of(-44),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([hex(3), hex(3)]);
  return doc.save({ useObjectStreams: false });
}

/** A PDF with text that is no archive page: a letterhead and a paragraph. */
export async function plainPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((text, i) => {
    page.drawText(text, { x: 72, y: 720 - i * 14, size: 11, font });
  });
  return doc.save();
}
