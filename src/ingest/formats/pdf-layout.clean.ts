import { continuesAcrossPage } from '../../texts/paragraph.rebuild.ts';

/** A line of text extracted from a PDF, its indentation removed; '' for a blank line. */
export interface LayoutLine {
  text: string;
  /** 1-based line of the extracted file (of the text extracted from a PDF, for a PDF). */
  line: number;
  /** Set further in than the page's text: a paragraph's first line. */
  indented?: boolean;
}

/** One page of a PDF's text, its lines from the top down; '' for a blank line. */
export interface LayoutPage {
  lines: LayoutLine[];
}

type Page = LayoutPage;

/** "Page 2 of 5", "- 2 -", "2", "2/5": a page number standing alone. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
/** How many lines at the top and bottom of a page are searched for running heads and page numbers. */
const EDGE = 4;

/**
 * Undoes the page layout of text extracted from a PDF: splits it into pages (at form feeds, or where
 * the running head repeats), removes running heads and footers and page numbers, and joins a
 * paragraph that a page end broke in two. What is left is the document's text with its own blank
 * lines between paragraphs and its wrapped lines, indentation removed.
 *
 * @example cleanPdfLayout('Title\n\nText that runs\n\fRunning head\nover the page.\n').map((l) => l.text)
 */
export function cleanPdfLayout(text: string): LayoutLine[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ raw, line: i + 1 }));
  return cleanPages(splitPages(lines));
}

/**
 * The document's lines from its pages: running heads, footers and page numbers removed, and a
 * paragraph that runs on over a page end joined again (see {@link cleanPdfLayout}). For pages made
 * from extracted text and for pages read from the PDF itself.
 */
export function cleanPages(pages: readonly LayoutPage[]): LayoutLine[] {
  const running = runningLines(pages);
  const cleaned = pages.map((page) => trimBlank(page.lines.filter((l) => !running.has(l))));
  // The text's line width; below 40 columns there is too little text to tell a full line.
  const width = cleaned.flat().reduce((max, l) => Math.max(max, l.text.length), 40);
  const out: LayoutLine[] = [];
  // The last line with text so far: looked up once per page, not searched for (a PDF may have hundreds).
  let previous: LayoutLine | undefined;
  for (const page of cleaned) {
    if (page.length === 0) continue;
    const next = page.find((l) => l.text !== '');
    const joined =
      previous &&
      next &&
      !next.indented &&
      continuesAcrossPage({
        previous: previous.text,
        next: next.text,
        previousFull: previous.text.length >= width * 0.85,
      });
    // A paragraph that runs on over the page end has no blank line between its two halves.
    if (out.length > 0 && !joined) out.push({ text: '', line: next?.line ?? 0 });
    for (const line of page) out.push(line);
    previous = page.findLast((l) => l.text !== '') ?? previous;
  }
  return out;
}

function splitPages(lines: readonly { raw: string; line: number }[]): Page[] {
  const pages: { lines: (LayoutLine & { indent: number })[] }[] = [{ lines: [] }];
  for (const { raw, line } of lines) {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) pages.push({ lines: [] });
      const indent = /^[ \t]*/.exec(part)?.[0].replace(/\t/g, '    ').length ?? 0;
      (pages.at(-1) as (typeof pages)[number]).lines.push({
        text: part.replace(/\s{2,}/g, ' ').trim(),
        line,
        indent,
      });
    });
  }
  const marked: Page[] = pages.map((page) => {
    // The page's own margin is where most of its lines start; three columns further in is an indent.
    const margin = mode(page.lines.filter((l) => l.text).map((l) => l.indent));
    return {
      lines: page.lines.map(({ indent, ...l }) => ({
        ...l,
        indented: l.text !== '' && indent >= margin + 3,
      })),
    };
  });
  if (marked.length > 1) return marked.filter((p) => p.lines.some((l) => l.text));
  return splitAtRepeatedHead(marked[0]?.lines ?? []);
}

/** The most frequent value; 0 for none. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * Text extracted without form feeds: a page starts wherever the first line of the file (the
 * running head) comes again, and ends after each repeat of the file's last line (a running foot).
 */
function splitAtRepeatedHead(lines: readonly LayoutLine[]): Page[] {
  const content = lines.filter((l) => l.text);
  const headKey = content[0] ? key(content[0].text) : null;
  const footKey = content.at(-1) ? key((content.at(-1) as LayoutLine).text) : null;
  const count = (k: string | null) => (k === null ? 0 : content.filter((l) => key(l.text) === k).length);
  const splitHead = count(headKey) >= 2;
  const splitFoot = count(footKey) >= 2 && footKey !== headKey;
  const pages: Page[] = [{ lines: [] }];
  for (const l of lines) {
    const current = pages.at(-1) as Page;
    if (splitHead && l.text && key(l.text) === headKey && current.lines.some((x) => x.text)) {
      pages.push({ lines: [l] });
      continue;
    }
    current.lines.push(l);
    if (splitFoot && l.text && key(l.text) === footKey) pages.push({ lines: [] });
  }
  return pages.filter((p) => p.lines.some((l) => l.text));
}

/**
 * Lines near the top or bottom of a page that recur near the edge of most other pages (running
 * heads, footers with the site's address), and a page number as the first or last line left on a page.
 * A bare number is a page number only when it is the page's own, so that a folio number of a
 * transcription ("98") that happens to stand at a page end stays in the text.
 */
function runningLines(pages: readonly Page[]): Set<LayoutLine> {
  const running = new Set<LayoutLine>();
  if (pages.length < 2) return running;
  const contents = pages.map((page) => page.lines.filter((l) => l.text));
  const edges = contents.map((content) => [...content.slice(0, EDGE), ...content.slice(-EDGE)]);
  const pagesWith = new Map<string, number>();
  for (const edge of edges) {
    for (const k of new Set(edge.map((l) => key(l.text)))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  // A running head or foot stands on most pages with text (scanned pages carry none); a line of the
  // text that happens to open two pages does not.
  const withText = contents.filter((content) => content.some((l) => !PAGE_NUMBER.test(l.text))).length;
  const recurring = Math.max(2, Math.ceil(withText / 2));
  contents.forEach((content, index) => {
    for (const l of edges[index] ?? []) {
      if (!PAGE_NUMBER.test(l.text) && (pagesWith.get(key(l.text)) ?? 0) >= recurring) running.add(l);
    }
    const left = content.filter((l) => !running.has(l));
    for (const l of [left[0], left.at(-1)]) {
      if (l && isPageNumber(l.text, index)) running.add(l);
    }
  });
  return running;
}

function isPageNumber(text: string, index: number): boolean {
  if (!PAGE_NUMBER.test(text)) return false;
  if (/page|of|\//i.test(text)) return true;
  const n = Number(/\d+/.exec(text)?.[0]);
  // Page index + 1, or the index itself when the first page goes unnumbered.
  return n === index + 1 || n === index;
}

/** Running heads differ from page to page only in their numbers ("Page 2 of 5"). */
function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function trimBlank(lines: LayoutLine[]): LayoutLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.text === '') start++;
  while (end > start && lines[end - 1]?.text === '') end--;
  return lines.slice(start, end);
}
