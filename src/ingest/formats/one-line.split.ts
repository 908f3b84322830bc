import { parseDate } from '../../record/date.parse.ts';
import { dominantScript } from '../../texts/language.detect.ts';
import { dividesWord, vocabulary } from '../../texts/paragraph.rebuild.ts';
import { EXPORT_DATE } from './archive-page.sections.ts';
import type { LayoutLine } from './pdf-layout.clean.ts';

/**
 * Text extracted from a PDF export that lost every line break: the whole page is one line (or a
 * few very long ones). Nothing tells the paragraphs apart any more, but the export's labels still
 * stand between its parts, in order.
 */

/** The section labels of the export, as they stand inside running text. */
const LABEL = /(?<![\p{L}])(Citation|Summary|Credits|Original Languages?|Contents):\s*/gu;
/** Entries of the Contents list, as the export writes them one after another. */
const CONTENTS_ENTRY =
  /^(?:Scan of (?:the )?Original(?: Document)?|Original (?:Scan|Document|Transcription|Text)|(?:Translation|Transcription)\s*[-–]\s*\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ (?:Translation|Transcription|Transcript|Original))(?=\s|$)\s*/u;
/**
 * Whether a text is a one-line extraction of an export: labelled sections inside lines far longer
 * than any page is wide.
 */
export function isOneLine(head: string): boolean {
  const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim());
  const long = lines.filter((l) => l.length > 400);
  if (long.length === 0 || long.length < lines.length / 2) return false;
  const labels = new Set([...head.matchAll(LABEL)].map((m) => m[1]?.replace(/s$/, '')));
  return labels.has('Citation') && labels.size >= 3;
}

/**
 * Lays a one-line extraction out again as the export's lines, so the labelled reader can read it:
 * banner, date and title, each section on its own, the Contents entries one a line, and the body in
 * paragraphs. Without line breaks the body's paragraphs cannot be told apart; it is split only where
 * its script changes (an original and its translation), at sentence ends. A hyphen left before a
 * space ("Kai- shek") was a line end: the word is joined only where the document writes it whole.
 *
 * @example linesFromOneLine('Digital Archive October 05, 1945 Record … Citation: “Record …,” … Contents: English Translation Text…')
 */
export function linesFromOneLine(text: string): LayoutLine[] {
  const flat = text
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const labels = orderedLabels(flat);
  const first = labels[0];
  if (!first) return [{ text: flat, line: 1 }];
  const out: LayoutLine[] = [];
  const push = (...texts: string[]) => {
    for (const t of texts) out.push({ text: t.trim(), line: 1 });
  };
  const head = flat.slice(0, first.index);
  const date = EXPORT_DATE.exec(head);
  const banner = date ? head.slice(0, date.index).trim() : '';
  if (date && parseDate(date[0])) {
    if (banner) push(banner, '');
    push(date[0], head.slice((date.index ?? 0) + date[0].length), '');
  } else {
    push(head, '');
  }
  let body = '';
  labels.forEach((label, i) => {
    const next = labels[i + 1];
    let content = flat.slice(label.index + label.match.length, next ? next.index : undefined).trim();
    push(`${label.name}:`);
    if (label.name === 'Contents') {
      let entry = CONTENTS_ENTRY.exec(content);
      while (entry) {
        push(entry[0]);
        content = content.slice(entry[0].length);
        entry = CONTENTS_ENTRY.exec(content);
      }
      body = content;
    } else {
      push(content);
    }
    push('');
  });
  for (const paragraph of bodyParagraphs(withoutBanner(body, banner))) push(paragraph, '');
  return out;
}

interface FoundLabel {
  name: string;
  index: number;
  match: string;
}

/** Each label once, in the order the export prints them, up to Contents (the body follows it). */
function orderedLabels(text: string): FoundLabel[] {
  const found: FoundLabel[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(LABEL)) {
    const name = (m[1] ?? '').replace(/s$/, '');
    if (seen.has(name) || (found.length === 0 && name !== 'Citation')) continue;
    seen.add(name);
    found.push({ name: m[1] ?? name, index: m.index ?? 0, match: m[0] });
    if (name === 'Contents') break;
  }
  return found;
}

/** The banner is the running head: where it comes again, a page began. */
function withoutBanner(body: string, banner: string): string {
  return banner.length >= 10 ? body.split(banner).join(' ').replace(/\s+/g, ' ') : body;
}

function bodyParagraphs(body: string): string[] {
  const words = vocabulary([body]);
  // A match starts only where a word does: tried inside a run of letters as well, the run was read
  // to its end from each of its letters, and a run of 20,000 took seconds.
  const mended = body.replace(/(?<!\p{L})(\p{L}+)- (\p{Ll}\p{L}*)/gu, (_all, left: string, right: string) =>
    dividesWord(left, right, words) ? `${left}${right}` : `${left}-${right}`,
  );
  const sentences = mended.split(/(?<=[.!?…]["”»)\]]?)\s+(?=\S)/u);
  const paragraphs: { script: string | null; text: string }[] = [];
  for (const sentence of sentences) {
    const script = (sentence.match(/\p{L}/gu)?.length ?? 0) >= 3 ? dominantScript(sentence) : null;
    const last = paragraphs.at(-1);
    if (last && (script === null || last.script === null || script === last.script)) {
      last.text += ` ${sentence}`;
      last.script ??= script;
    } else {
      paragraphs.push({ script, text: sentence });
    }
  }
  return paragraphs.map((p) => p.text.trim()).filter((p) => p.length > 0);
}
