import { NUMBER_SIGN } from './number-sign.ts';
import type { DocumentNumber, DocumentType } from './record.types.ts';

/**
 * Phrases that name a document's type at the start of an archive title, longest first so that
 * "Memorandum of Conversation" wins over "Memorandum" and "Ciphered telegram" over "Telegram".
 */
const TYPE_PHRASES: readonly [RegExp, DocumentType][] = [
  [
    /\b(?:ciphered|cipher|coded|encrypted|enciphered)\s+(?:telegram|cable)\b|\bshifrtelegramma\b/i,
    'ciphered-telegram',
  ],
  [/\bmemorandum\s+of\s+(?:a\s+)?conversation\b|\bmemcon\b/i, 'memorandum-of-conversation'],
  [
    /\brecord\s+of\s+(?:a\s+|the\s+)?(?:conversation|meeting|talks?)\b|\bconversation\s+(?:between|with)\b/i,
    'record-of-conversation',
  ],
  [/\bintelligence\s+estimate\b/i, 'intelligence-estimate'],
  [/\beditorial\s+note\b/i, 'editorial-note'],
  [/\bcable\b/i, 'cable'],
  [/\btelegram\b|\bwire\b/i, 'telegram'],
  [/\bletter\b/i, 'letter'],
  [/\bmemorandum\b|\bmemo\b/i, 'memorandum'],
  [/\bminutes\b/i, 'minutes'],
  [/\bresolution\b|\bdecision\b|\bdecree\b/i, 'resolution'],
  [/\breport\b/i, 'report'],
  [/\bdirective\b/i, 'directive'],
  [/\binstructions?\b/i, 'instruction'],
  [/\bstatement\b|\bcommuniqu[eé]\b|\bdeclaration\b/i, 'statement'],
  [/\bspeech\b|\baddress\s+(?:by|to|at)\b|\bremarks\b/i, 'speech'],
  [/\bdiary\b|\bjournal\b/i, 'diary'],
  [/\bnote\b/i, 'note'],
];

/**
 * The document type a title names in its first words ("Cable No. 21756, …" → cable,
 * "Hand-delivered letter, …" → letter, "Ciphered telegram, …" → ciphered-telegram); "other"
 * when the title names none.
 *
 * @example parseDocumentType('Hand-delivered letter, Filippov (Stalin) to Mao Zedong') // 'letter'
 */
export function parseDocumentType(title: string): DocumentType {
  const head = titleHead(title);
  for (const [pattern, type] of TYPE_PHRASES) if (pattern.test(head)) return type;
  return 'other';
}

export interface TitleParties {
  /** Authors as written ("Mao Zedong", "Filippov (Stalin)"). */
  authors: string[];
  recipients: string[];
  /** Go-betweens: "via Kovalev"; in "Filippov to Kovalev for Mao Zedong", Kovalev. */
  intermediaries: string[];
  /** The number the title gives the document ("Cable No. 21756"), with the document type as its kind. */
  numbers: DocumentNumber[];
}

/**
 * Reads who wrote to whom from an archive title: "Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]",
 * "Letter from Mao Zedong to Stalin", "Ciphered telegram, Filippov to Kovalev for Mao Zedong",
 * "Cable, Roshchin to Filippov [Stalin] via Kovalev". Names are returned as written; resolving
 * them to people is the authority index's job.
 *
 * @example parseTitleParties('Hand-delivered letter, Filippov (Stalin) to Mao Zedong')
 * // { authors: ['Filippov (Stalin)'], recipients: ['Mao Zedong'], intermediaries: [], numbers: [] }
 */
export function parseTitleParties(title: string): TitleParties {
  const head = titleHead(title);
  const type = parseDocumentType(title);
  const number = new RegExp(String.raw`(?:\b|^)${NUMBER_SIGN}([\p{N}][\p{L}\p{N}/-]*)`, 'u').exec(head)?.[1];
  const numbers = number ? [{ kind: type === 'other' ? 'document' : type, value: number }] : [];
  const parties = partiesPart(title, head);
  if (!parties) return { authors: [], recipients: [], intermediaries: [], numbers };

  const [from = '', to] = splitOutside(parties, /\s+to\s+/i, 2);
  if (to === undefined) return { authors: listNames(from), recipients: [], intermediaries: [], numbers };
  // What follows a comma after the recipients describes the document ("…, conveying a message").
  const [addressees = ''] = splitOutside(to, /,\s+/, 2);
  const [direct = '', via] = splitOutside(addressees, /\s+via\s+/i, 2);
  const [first = '', forWhom] = splitOutside(direct, /\s+for\s+/i, 2);
  const intermediaries = [...(forWhom ? listNames(first) : []), ...(via ? listNames(via) : [])];
  return {
    authors: listNames(from),
    recipients: listNames(forWhom ?? first),
    intermediaries,
    numbers,
  };
}

/** The words before the first comma: where a title names its type and number. */
function titleHead(title: string): string {
  return splitOutside(title, /,\s+/, 2)[0] ?? title;
}

function partiesPart(title: string, head: string): string | null {
  const rest = title.slice(head.length).replace(/^,\s*/, '');
  if (rest && /\s+to\s+/i.test(rest)) return rest;
  // "Letter from Mao Zedong to Stalin": the parties are inside the head.
  const from = /\bfrom\s+(.+)$/i.exec(title);
  if (from?.[1]) return from[1];
  return rest || null;
}

function listNames(text: string): string[] {
  return splitOutside(text, /\s*,\s*|\s+and\s+|\s*&\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Splits on a separator that stands outside brackets, so "Filippov [Stalin, I. V.]" or
 * "Roshchin (for Zhou Enlai)" stay whole.
 */
export function splitOutside(text: string, separator: RegExp, limit = Number.POSITIVE_INFINITY): string[] {
  const flags = separator.flags.includes('g') ? separator.flags : `${separator.flags}g`;
  const pattern = new RegExp(separator.source, flags);
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    if (pieces.length >= limit - 1) break;
    const index = match.index ?? 0;
    if (depthAt(text, index) > 0) continue;
    pieces.push(text.slice(start, index));
    start = index + match[0].length;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function depthAt(text: string, index: number): number {
  let depth = 0;
  for (const ch of text.slice(0, index)) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
  }
  return depth;
}
