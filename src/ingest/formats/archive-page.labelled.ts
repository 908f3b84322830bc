import { parseDate } from '../../record/date.parse.ts';
import { isFolioLine } from '../../texts/block.build.ts';
import { continuesAfterGap, joinLines, vocabulary } from '../../texts/paragraph.rebuild.ts';
import type { ArchivePage } from './archive-page.assemble.ts';
import {
  emptyLabelledPage,
  isContentsEntry,
  leadingDate,
  pageFromSections,
  readLabel,
  type SectionLabel,
} from './archive-page.sections.ts';
import { isServiceNoteLine, type PageBlock } from './archive-page.split.ts';
import type { SourceInput } from './format.types.ts';
import type { LayoutLine } from './pdf-layout.clean.ts';

/**
 * Reads the lines of an archive page in the layout of its PDF export, once the page layout is
 * undone (running heads, page numbers and page ends, see `cleanPdfLayout`): the export's banner,
 * the date, the title (which may wrap), the labelled sections (`Citation:`, `Summary:`,
 * `Credits:`, `Original Language:`, `Contents:` with its entries), then the texts, in paragraphs
 * between blank lines. Whether the lines came from extracted text or from the PDF itself, this is
 * where they are read.
 */
export function parseLabelledLines(
  lines: readonly LayoutLine[],
  options: {
    format: ArchivePage['format'];
    layout: ArchivePage['layout'];
    file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>;
  },
): ArchivePage {
  const page = emptyLabelledPage(options.format, options.layout, options.file);
  let section: SectionLabel | 'body' | null = null;
  const titleLines: LayoutLine[] = [];
  const bodyParagraphs: LayoutLine[][] = [];
  for (const paragraph of paragraphs(lines)) {
    for (const [k, line] of paragraph.entries()) {
      const label: ReturnType<typeof readLabel> = section === 'body' ? null : readLabel(line.text);
      if (label) {
        section = label.label;
        page.sections.set(label.label, { lines: label.rest ? [label.rest] : [], line: line.line });
      } else if (section === 'contents' && isContentsEntry(line.text)) {
        page.sections.get('contents')?.lines.push(line.text);
      } else if (section === 'contents' || section === 'body') {
        section = 'body';
        bodyParagraphs.push(paragraph.slice(k));
        break;
      } else if (section) {
        page.sections.get(section)?.lines.push(line.text);
      } else if (!page.date && parseDate(line.text)) {
        // Whatever stands above the date is the export's banner.
        page.date = { text: line.text, line: line.line };
      } else if (!page.date && leadingDate(line.text)) {
        const lead = leadingDate(line.text);
        page.date = { text: lead?.date ?? '', line: line.line };
        titleLines.push({ text: lead?.rest ?? '', line: line.line });
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
  page.body = rejoinParagraphs(bodyParagraphs);
  return {
    ...pageFromSections(page),
    hyphenation: { words: vocabulary(bodyParagraphs.flat().map((l) => l.text)) },
  };
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

/**
 * The body's paragraphs as blocks. A blank line that falls inside a sentence (the paragraph before
 * it stops in mid-sentence and the next starts in lower case: "…which I conveyed to you" / blank
 * line / "through comrade Kovalev…") is the extraction's, not the author's: the two are one.
 */
function rejoinParagraphs(groups: readonly LayoutLine[][]): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const group of groups) {
    const first = group[0];
    if (!first) continue;
    const previous = blocks.at(-1);
    const last = previous?.lines.at(-1);
    if (
      previous &&
      last !== undefined &&
      continuesAfterGap(last, first.text) &&
      !isServiceNoteLine(last) &&
      !isServiceNoteLine(first.text) &&
      !isFolioLine(last)
    ) {
      previous.lines.push(...group.map((l) => l.text));
      continue;
    }
    blocks.push({ lines: group.map((l) => l.text), line: first.line, markup: 'plain' });
  }
  return blocks;
}
