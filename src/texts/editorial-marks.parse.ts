import type { Mark } from '../record/record.types.ts';
import { markdownParser } from './markdown.parser.ts';

export interface MarkedText {
  text: string;
  marks: Mark[];
}

const markdown = markdownParser();

/**
 * Reads the inline Markdown of a transcription into plain text and editorial marks with UTF-16
 * offsets into that text: `~~x~~` is a deletion, `<sup>x</sup>` an insertion (both keep their
 * words in the text, as the draft shows them), and square-bracketed editorial interpolations
 * become marks too (see {@link parseBracketMarks}). Emphasis, links and other markup are dropped,
 * keeping their words.
 *
 * @example parseMarkdownMarks('Семенов ~~Семин~~')
 * // { text: 'Семенов Семин', marks: [{ type: 'deletion', text: 'Семин', start: 8, end: 13 }] }
 */
export function parseMarkdownMarks(source: string): MarkedText {
  const tokens = markdown.parseInline(source, {})[0]?.children ?? [];
  // The text is gathered in pieces and joined once, and the marks' words taken from it after: a
  // slice of a string still being appended to copies all of it, once per mark.
  const pieces: string[] = [];
  let length = 0;
  const add = (piece: string) => {
    pieces.push(piece);
    length += piece.length;
  };
  const spans: { type: 'deletion' | 'insertion'; start: number; end: number }[] = [];
  const open: { type: 'deletion' | 'insertion'; start: number }[] = [];
  const close = (type: 'deletion' | 'insertion') => {
    const index = open.findLastIndex((o) => o.type === type);
    const opened = open[index];
    if (!opened) return;
    open.splice(index, 1);
    spans.push({ type, start: opened.start, end: length });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        add(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        add(' ');
        break;
      case 's_open':
        open.push({ type: 'deletion', start: length });
        break;
      case 's_close':
        close('deletion');
        break;
      case 'html_inline':
        if (/^<sup\b/i.test(token.content)) open.push({ type: 'insertion', start: length });
        else if (/^<\/sup>/i.test(token.content)) close('insertion');
        else if (/^<br\s*\/?>$/i.test(token.content)) add(' ');
        break;
      default:
        // em/strong/link open and close carry no words of their own.
        break;
    }
  }
  const text = pieces.join('');
  const marks: Mark[] = spans.map(({ type, start, end }) => ({
    type,
    text: text.slice(start, end),
    start,
    end,
  }));
  const bracketed = parseBracketMarks(text);
  return { text, marks: sortMarks([...marks, ...bracketed.marks]) };
}

/**
 * Editorial interpolations in square brackets, in text with no markup: `[signature]` is a
 * signature mark; any other bracketed words ("[Stalin's handwritten draft is attached.]",
 * "[warring]", "[BEIJING]") are an editorial note. The text keeps the brackets as published;
 * the mark covers them and its `text` is the note without them.
 *
 * @example parseBracketMarks('COLONEL [signature] (Makarov)').marks
 * // [{ type: 'signature', text: 'signature', start: 8, end: 19 }]
 */
export function parseBracketMarks(text: string): MarkedText {
  const marks: Mark[] = [];
  for (const match of text.matchAll(/\[([^[\]\n]{1,400})\]/g)) {
    const inner = (match[1] ?? '').trim();
    if (!inner) continue;
    const start = match.index ?? 0;
    const type = /^(?:signature|подпись|signed)$/i.test(inner) ? 'signature' : 'editorial-note';
    marks.push({ type, text: inner, start, end: start + match[0].length });
  }
  return { text, marks };
}

/** Marks in reading order; a point mark (folio) before a span that starts at the same place. */
export function sortMarks(marks: Mark[]): Mark[] {
  return [...marks].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
}
