import type { LayoutPage } from '../pdf-layout.clean.ts';
import type { PdfPage } from './pdf-text.extract.ts';

/**
 * The pages of a PDF as the page-layout cleaner reads extracted text: lines numbered through the
 * document, a blank line where the space between two lines is wider than the document's own line
 * spacing (a paragraph break, a gap between sections), and a line set further in than the page's
 * text marked as indented (a paragraph's first line).
 *
 * The line spacing is the document's most frequent ratio of baseline distance to font size, so
 * that a document set one and a half lines apart does not turn every line into a paragraph.
 */
export function layoutPages(pages: readonly PdfPage[]): LayoutPage[] {
  const spacing = usualSpacing(pages);
  let number = 0;
  return pages.map((page) => {
    const margin = mostFrequent(page.lines.map((l) => Math.round(l.x)));
    const out: LayoutPage = { lines: [] };
    page.lines.forEach((line, i) => {
      const before = page.lines[i - 1];
      if (before) {
        const ratio = (before.y - line.y) / Math.max(before.size, line.size);
        if (ratio > spacing * 1.5) out.lines.push({ text: '', line: ++number });
      }
      out.lines.push({ text: line.text, line: ++number, indented: line.x >= margin + line.size * 1.5 });
    });
    return out;
  });
}

/** Baseline distance over font size that most pairs of neighbouring lines have. */
function usualSpacing(pages: readonly PdfPage[]): number {
  const ratios: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1];
      const b = page.lines[i];
      if (!a || !b) continue;
      const ratio = (a.y - b.y) / Math.max(a.size, b.size);
      if (ratio > 0) ratios.push(Math.round(ratio * 10) / 10);
    }
  }
  return mostFrequent(ratios) || 1.2;
}

function mostFrequent(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}
