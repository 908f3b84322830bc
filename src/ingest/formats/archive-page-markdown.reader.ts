import type { Token } from 'markdown-it';
import { parseDate } from '../../record/date.parse.ts';
import { parseMarkdownMarks } from '../../texts/editorial-marks.parse.ts';
import { markdownParser } from '../../texts/markdown.parser.ts';
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

const markdown = markdownParser();

const LABEL_HEADING = /^#{1,6}[ \t]+(?:Citation|Summary|Original Language|Contents|Credits):[ \t]*$/im;

/**
 * Archive pages scraped as Markdown (`archive-page-markdown`): `## date`, `### title`, then
 * `#### Citation:`, `Summary:`, `Original Language:` and `Contents:` sections, and after the
 * Contents list the texts: the typed original, the transcription of a handwritten draft
 * (`~~deleted~~`, `<sup>inserted</sup>`, folio numbers on lines of their own, hard line breaks
 * and words hyphenated across lines), and the translation.
 */
export const archivePageMarkdownReader: FormatReader = {
  format: 'archive-page-markdown',
  maxBytes: 5_000_000,

  detect(file: FileHead): number {
    const head = file.head.replace(/^\uFEFF/, '');
    if (/^\s*[<{[]/.test(head) || !LABEL_HEADING.test(head)) return 0;
    let score = scoreSectionLabels(head, String.raw`#{1,6}[ \t]+`, String.raw`[ \t]*$`);
    const firstHeading = /^#{1,6}[ \t]+(.+?)[ \t]*$/m.exec(head)?.[1];
    if (firstHeading && parseDate(firstHeading)) score += 0.1;
    return Math.min(1, score);
  },

  async *read(file: SourceInput, context): AsyncIterable<ReadItem> {
    const page = parseMarkdownPage(await file.text(), file);
    yield { kind: 'record', record: assembleRecord(page, context.authorities) };
  },
};

/** Reads a Markdown archive page into its parts, walking markdown-it's block tokens. */
export function parseMarkdownPage(
  text: string,
  file: Pick<SourceInput, 'name' | 'sha256' | 'encoding'>,
): ArchivePage {
  const tokens = markdown.parse(text.replace(/^\uFEFF/, ''), {});
  const page = emptyLabelledPage('archive-page-markdown', 'markdown', file);
  let section: SectionLabel | 'body' | null = null;
  let listMarker: string | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const inline = tokens[i + 1];
    const line = (token.map?.[0] ?? 0) + 1;
    if (token.type === 'list_item_open') {
      // markdown-it takes "2." off the item; the text keeps it, as the document numbers its points.
      listMarker = token.markup === '.' || token.markup === ')' ? `${token.info}${token.markup}` : undefined;
      continue;
    }
    if (token.type === 'heading_open' && inline?.type === 'inline') {
      const heading = parseMarkdownMarks(inline.content).text.trim();
      const label = readLabel(heading);
      if (label && section !== 'body') {
        section = label.label;
        page.sections.set(label.label, { lines: label.rest ? [label.rest] : [], line });
      } else if (!page.date && !page.title && parseDate(heading)) {
        page.date = { text: heading, line };
      } else if (!page.title && section === null) {
        page.title = { text: heading, line };
      } else if (section === 'body' || section === 'contents') {
        section = 'body';
        page.body.push({ lines: [inline.content.trim()], line, markup: 'markdown', type: 'heading' });
      }
      continue;
    }
    const lines = blockLines(token, inline);
    if (!lines) continue;
    if (section === 'contents' && lines.every(isContentsEntry)) {
      page.sections.get('contents')?.lines.push(...lines);
    } else if (section === 'contents' || section === 'body') {
      section = 'body';
      page.body.push({ lines, line, markup: 'markdown', ...(listMarker ? { listMarker } : {}) });
    } else if (section) {
      page.sections.get(section)?.lines.push(...lines);
    } else if (page.title) {
      page.preamble.push(lines.join(' '));
    }
    listMarker = undefined;
  }
  return pageFromSections(page);
}

/**
 * The source lines of a paragraph (or of raw HTML or code standing for one), trailing hard-break
 * spaces and indentation removed; null for tokens that carry no text of their own.
 */
function blockLines(token: Token, next: Token | undefined): string[] | null {
  let content: string | null = null;
  if (token.type === 'paragraph_open' && next?.type === 'inline') content = next.content;
  else if (token.type === 'html_block' || token.type === 'code_block' || token.type === 'fence')
    content = token.content;
  if (content === null) return null;
  const lines = content
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.length > 0 ? lines : null;
}
