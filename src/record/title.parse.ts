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
  /** Go-betweens: "via Kovalev", "Mao Zedong [via Kovalev]"; in "Filippov to Kovalev for Mao Zedong", Kovalev. */
  intermediaries: string[];
  /** The sides of a conversation: "Record of Conversation between A and B, C and D". */
  participants: string[];
  /** The number the title gives the document ("Cable No. 21756"), with the document type as its kind. */
  numbers: DocumentNumber[];
}

/**
 * Reads who wrote to whom from an archive title, in the forms the archive writes them:
 * "Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]", "Cable, Mao Zedong [via Kovalev] to Stalin",
 * "Letter from Mao Zedong to Stalin", "Report from the Head of the Delegation …, 'Title'",
 * "Ciphered telegram, Filippov to Kovalev for Mao Zedong", "Anastas Mikoyan's Recollections of …",
 * and the participants of "Record (Memorandum) of Conversation between A and B, C and D". Names
 * are returned as written, offices included; resolving them to people is the authority index's job.
 *
 * @example parseTitleParties('Hand-delivered letter, Filippov (Stalin) to Mao Zedong')
 * // { authors: ['Filippov (Stalin)'], recipients: ['Mao Zedong'], intermediaries: [], participants: [], numbers: [] }
 */
export function parseTitleParties(title: string): TitleParties {
  const head = titleHead(title);
  const type = parseDocumentType(title);
  const number = new RegExp(String.raw`(?:\b|^)${NUMBER_SIGN}([\p{N}][\p{L}\p{N}/-]*)`, 'u').exec(head)?.[1];
  const numbers = number ? [{ kind: type === 'other' ? 'document' : type, value: number }] : [];
  const none = { authors: [], recipients: [], intermediaries: [], participants: [], numbers };
  const conversation = CONVERSATION.exec(title);
  if (conversation?.[1]) return { ...none, participants: listNames(withoutTrailingDate(conversation[1])) };
  const possessive = POSSESSIVE.exec(title);
  const parties = possessive ? title.slice(possessive[0].length) : partiesPart(title, head);
  if (!parties && !possessive) return none;

  const [from = '', to] = possessive
    ? [possessive[1] ?? '', POSSESSED_MESSAGE.exec(parties ?? '')?.[1]]
    : splitOutside(parties ?? '', /\s+to\s+/i, 2);
  const { names: authors, via: authorVia } = withoutVia(listNames(withoutTrailingDate(from)));
  if (to === undefined) return { ...none, authors, intermediaries: authorVia };
  // What follows a comma after the recipients describes the document ("…, conveying a message").
  const [addressees = ''] = splitOutside(to, /,\s+/, 2);
  const [direct = '', via] = splitOutside(addressees, /\s+via\s+/i, 2);
  const [first = '', forWhom] = splitOutside(direct, /\s+for\s+/i, 2);
  const intermediaries = [...authorVia, ...(forWhom ? listNames(first) : []), ...(via ? listNames(via) : [])];
  return {
    ...none,
    authors,
    recipients: listNames(withoutTrailingDate(forWhom ?? first)),
    intermediaries,
  };
}

/** "Record of Conversation between A and B", "Memorandum of a Conversation with A": the sides follow. */
const CONVERSATION =
  /^(?:record|memorandum|minutes|transcript|notes?)\s+of\s+(?:a\s+|the\s+)?(?:conversations?|talks?|meetings?)\s+(?:between|with|among)\s+(.+)$/iu;
/** "Stalin's Letter to Mao Zedong": after a possessive, a message and its addressee. */
const POSSESSED_MESSAGE =
  /^(?:[\p{L}-]+\s+){0,2}?(?:letter|cable|telegram|message|report|note|memorandum|appeal|greetings?|reply|answer|instructions?|directive|speech|toast|address)\s+to\s+(.+)$/iu;
/** "Anastas Mikoyan's Recollections of …": a name of up to five words, then 's. */
const POSSESSIVE = /^((?:\p{Lu}[\p{L}.-]*\s+){0,4}\p{Lu}[\p{L}.-]*)['’]s?\s+(?=\p{L})/u;

/** "… Mao Zedong on 16 December 1949": the date belongs to the title, not to the name. */
function withoutTrailingDate(text: string): string {
  return text
    .replace(/,?\s+(?:on|of|dated)\s+(?:\d{1,2}\s+)?\p{L}+\.?\s+(?:\d{1,2},?\s+)?\d{4}\s*$/u, '')
    .trim();
}

/** "Mao Zedong [via Kovalev]": the editor's bracket names a go-between, not part of the name. */
function withoutVia(names: string[]): { names: string[]; via: string[] } {
  const via: string[] = [];
  const kept = names.map((name) =>
    name
      .replace(/\s*[[(]\s*via\s+([^\])]+)[\])]/giu, (_, who: string) => {
        via.push(...listNames(who));
        return '';
      })
      .trim(),
  );
  return { names: kept.filter((n) => n.length > 0), via };
}

/**
 * Offices that stand before a name in titles ("Soviet Ambassador in China Apollon Petrov",
 * "Chairman of the Central People's Government … Mao Zedong").
 */
const OFFICE =
  /\b(?:ambassador|chairman|chairwoman|minister|premier|president|secretary|head|chief|commander|consul|counsell?or|deputy|director|marshal|general|envoy|representative|advis[eo]r|attach[eé]|charg[eé]|leader|member|officer|official|delegate)\b/iu;

/**
 * The person a party of a title names, when an office stands before the name: the shortest tail
 * of the description that `isPerson` knows, else its last two words with any initials before them
 * ("Soviet Ambassador in China Apollon Petrov" → "Apollon Petrov"). A description with no office
 * is returned as it is, and so is one with no name after the office ("the Head of the Delegation of
 * the CC of the Chinese Communist Party").
 *
 * @example nameInDescription('Soviet Ambassador in China Apollon Petrov') // 'Apollon Petrov'
 */
export function nameInDescription(
  description: string,
  isPerson: (form: string) => boolean = () => false,
): string {
  const text = description.trim().replace(/^the\s+/i, '');
  if (!OFFICE.test(text)) return text;
  const words = text.split(/\s+/);
  for (let n = 1; n <= Math.min(4, words.length - 1); n++) {
    const tail = words.slice(-n).join(' ');
    if (isPerson(tail)) return tail;
  }
  const last = words.at(-1) ?? '';
  const second = words.at(-2) ?? '';
  // A name is capitalized words after the office and its place; an office alone ends in one.
  if (!/^\p{Lu}/u.test(last) || !/^\p{Lu}/u.test(second) || OFFICE.test(`${second} ${last}`)) return text;
  let start = words.length - 2;
  while (start > 0 && /^(?:\p{Lu}\.)+$/u.test(words[start - 1] ?? '')) start--;
  const name = words.slice(start).join(' ');
  // "… of the Chinese Communist Party": the last words name a body or a place, not a person.
  return BODY.test(name) ? text : name;
}

/** Words of the names of bodies and countries, which never end a person's name. */
const BODY =
  /\b(?:party|committee|government|republic|union|delegation|ministry|council|army|bureau|embassy|office|department|cc|politburo|presidium|front|federation|china|korea|ussr|usa|states|kingdom)\b/iu;

/** The words before the first comma: where a title names its type and number. */
function titleHead(title: string): string {
  return splitOutside(title, /,\s+/, 2)[0] ?? title;
}

function partiesPart(title: string, head: string): string | null {
  const rest = title.slice(head.length).replace(/^,\s*/, '');
  if (rest && /\s+to\s+/i.test(rest)) return rest;
  // "Letter from Mao Zedong to Stalin": the parties are inside the head.
  const from = /\bfrom\s+(.+)$/i.exec(head) ?? /\bfrom\s+(.+)$/i.exec(title);
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
