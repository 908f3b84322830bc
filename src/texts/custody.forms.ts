import { NUMBER_SIGN } from '../record/number-sign.ts';
import type { HandlingEvent } from '../record/record.types.ts';
import { hasClock } from './custody.clock.ts';
import type { CustodyState, Rule } from './custody.parse.ts';

/**
 * The service-note forms beyond the seed cable's, in English and Russian, as other archives and
 * translators write them: "Received on 4:10 am, 14 May 1950", "Sent on 5:30 am", "Issuing No.
 * 812", "5 copies", "Copies: 1. Comr. Stalin 2. Comr. Molotov", "Расшифровал Судев 16.15
 * 13.7.51", "Отпечатано 4 экз.", "Разослать: 1 – т. Сталину", "Экз. № 3 – в дело".
 */

const NO = NUMBER_SIGN;
type EventType = HandlingEvent['event'];

/** A verb that opens a note, English (with "by" before the agent) or Russian (agent after the verb). */
const VERB_FORMS: readonly { pattern: RegExp; event: EventType }[] = [
  {
    pattern:
      /^(?:received|arrived|поступил[аио]?|получен[аоы]?|получил[аи]?|принят[аоы]?|принял[аи]?)(?!\p{L})/iu,
    event: 'received',
  },
  {
    pattern:
      /^(?:sent|dispatched|transmitted|отправлен[аоы]?|отправил[аи]?|передан[аоы]?|передал[аи]?)(?!\p{L})/iu,
    event: 'sent',
  },
  {
    pattern: /^(?:deciphered|decoded|decrypted|расшифровал[аи]?|расшифрован[аоы]?|расшифр\.)/iu,
    event: 'deciphered',
  },
  {
    pattern: /^(?:ciphered|enciphered|encoded|зашифровал[аи]?|зашифрован[аоы]?|зашифр\.)/iu,
    event: 'ciphered',
  },
  { pattern: /^(?:printed|typed|отпечатал[аи]?|отпечатан[аоы]?|напечатан[аоы]?|отп\.)/iu, event: 'printed' },
  { pattern: /^(?:filed|подшит[аоы]?)(?!\p{L})/iu, event: 'filed' },
];

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].map((w, i) => [
    w,
    String(i + 1),
  ]),
);
/** "5 copies", "in 5 copies", "Five copies", "4 экз.", "в 4 экз.", "4 экземпляра". */
const COPY_COUNT =
  /(?:^|\s)(?:in\s+|в\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:cop(?:y|ies)|экз(?:\.|емпляр(?:а|ов)?)?)(?=\s|$|[.,;])/iu;
const NUMBER = new RegExp(String.raw`(?:^|\s)${NO}(\d[\w/-]*)`, 'u');
const ISSUING = new RegExp(
  String.raw`^(?:issuing|issue|outgoing|исх(?:одящий|\.)?)\s*${NO}(\S+?)[.,;]?(?:\s+(.+))?$`,
  'iu',
);
const INCOMING_RU = new RegExp(String.raw`^(?:вх(?:одящий|\.)?)\s*${NO}(\S+?)[.,;]?(?:\s+(.+))?$`, 'iu');
const COPY_OF_PAGE = new RegExp(String.raw`^(?:экз(?:\.|емпляр)?\s*${NO}\d+|${NO}\d+\s*экз\.?)\.?$`, 'iu');
const LIST_HEAD =
  /^(?:copies|distribution|distributed(?:\s+to)?|copies\s+to|разослать|разослано|рассылка|копии|экземпляры)\s*:\s*(.*)$/iu;
const LIST_ITEM = /(?:^|\s)(\d{1,2})\s*(?:[.)]|[-–—]\s)\s*(.+?)(?=\s+\d{1,2}\s*(?:[.)]|[-–—]\s)\s*\S|$)/gu;
const TO_FILE = new RegExp(
  String.raw`^(?:(?:экз(?:\.|емпляры?)?|cop(?:y|ies))\s*)?(?:${NO})?\s*((?:\d{1,2}(?:\s*(?:,|и|and|-|–)\s*)?)+)?\s*(?:экз\.?\s*)?[-–—]?\s*(?:в\s+дело|to\s+(?:the\s+)?file)\.?$`,
  'iu',
);

/**
 * Whether a line reads as a service note in one of these forms, for readers that must tell the
 * notes from the text of the document: a note that opens with a verb must also give a time, an
 * agent ("by Ivanov", "Расшифровал Судев") or a count of copies, so that a sentence such as
 * "Received your telegram of 13 July" stays text.
 *
 * @example isHandlingNote('Расшифровал Судев 16.15 13.7.51') // true
 */
export function isHandlingNote(line: string): boolean {
  const text = line.replace(/\s+/gu, ' ').trim();
  if ([COPY_OF_PAGE, ISSUING, INCOMING_RU, LIST_HEAD, TO_FILE].some((p) => p.test(text))) return true;
  const count = COPY_COUNT.exec(text);
  if (count && text.replace(count[0], '').replace(/[\s.,;]+/gu, '') === '') return true;
  const verb = VERB_FORMS.find((f) => f.pattern.test(text));
  if (!verb) return false;
  const rest = text.replace(verb.pattern, '');
  // "Расшифровал Судев": an active verb and a surname; "Получена Ваша телеграмма" is a sentence.
  const activeWithAgent =
    /л[аи]?$/u.test(text.match(verb.pattern)?.[0] ?? '') && readAgent(rest, false) !== null;
  return hasClock(rest) || /\bby\s+\p{Lu}/u.test(rest) || count !== null || activeWithAgent;
}

/** The numbers of copies written "3 and 4", "3, 4", "3-4". */
export function copyNumbers(text: string): number[] {
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(text.trim());
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return to >= from && to - from < 50 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : [];
  }
  return [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

export const FORM_RULES: readonly Rule[] = [
  // "Экз. № 2": which copy this page is, as the English "Copy Nº 2".
  (line) => COPY_OF_PAGE.test(line),
  (line, _next, state) => {
    const m = ISSUING.exec(line) ?? INCOMING_RU.exec(line);
    if (!m) return false;
    const incoming = /^вх/iu.test(line);
    const value = (m[1] ?? '').replace(/[\].,;]+$/, '');
    state.numbers.push({ kind: incoming ? 'incoming' : 'outgoing', value });
    const at = m[2] ? state.when(m[2]).at : null;
    state.push({ event: incoming ? 'registered' : 'sent', at, agent: null, number: value, raw: line });
    return true;
  },
  (line, _next, state) => {
    const m = TO_FILE.exec(line);
    if (!m) return false;
    const numbers = m[1] ? copyNumbers(m[1]) : [];
    state.push({
      event: 'filed',
      at: null,
      agent: null,
      ...(numbers.length > 0 ? { copies: `Nº ${numbers.join(', ')}`, copyNumbers: numbers } : {}),
      raw: line,
    });
    return true;
  },
  (line, _next, state) => {
    const m = LIST_HEAD.exec(line);
    if (!m) return false;
    const items = readListItems(m[1] ?? '', line, state);
    state.listing = items === 0;
    return true;
  },
  // The items of a "Copies:" list, one a line under it.
  (line, _next, state) => {
    if (!state.listing || !/^\d{1,2}\s*(?:[.)]|[-–—]\s)/u.test(line)) {
      state.listing = false;
      return false;
    }
    return readListItems(line, line, state) > 0;
  },
  (line, _next, state) => readVerbNote(line, state),
  (line, _next, state) => {
    const m = COPY_COUNT.exec(line);
    if (!m || line.replace(m[0], '').replace(/[\s.,;]+/gu, '') !== '') return false;
    state.push({ event: 'copied', at: null, agent: null, copies: copyCount(m[1] ?? ''), raw: line });
    return true;
  },
];

/** "1. Comr. Stalin 2. Comr. Molotov" → one distribution per copy. */
function readListItems(text: string, raw: string, state: CustodyState): number {
  let count = 0;
  for (const m of text.matchAll(LIST_ITEM)) {
    const number = Number(m[1]);
    const destination = (m[2] ?? '').trim().replace(/[;,.]$/, '');
    if (!destination) continue;
    state.push({
      event: 'distributed',
      at: null,
      agent: null,
      copies: `Nº ${number} to ${destination}`,
      copyNumbers: [number],
      destination,
      raw,
    });
    count++;
  }
  return count;
}

/**
 * A note that opens with what was done: "Received on 4:10 am, 14 May 1950", "Deciphered by
 * Ivanov at 16:15 on 13 July", "Расшифровал Судев 16.15 13.7.51", "Отпечатано 4 экз.". The
 * date and time are taken out first; what is left names the agent ("by X", or the name after a
 * Russian verb), a place ("from X"), a number and a count of copies.
 */
function readVerbNote(line: string, state: CustodyState): boolean {
  const form = VERB_FORMS.find((f) => f.pattern.test(line));
  if (!form) return false;
  const verb = form.pattern.exec(line)?.[0] ?? '';
  let rest = line.slice(verb.length).replace(/^\s*:/u, ' ');
  const count = COPY_COUNT.exec(rest);
  if (count) rest = rest.replace(count[0], ' ');
  const number = NUMBER.exec(rest);
  if (number) rest = rest.replace(number[0], ' ');
  const when = state.when(rest);
  rest = when.rest;
  const place = /\bfrom\s+(.+?)(?=\s+(?:by|on|at)\b|[,;]|$)/iu.exec(rest);
  if (place) rest = rest.replace(place[0], ' ');
  const agent = readAgent(rest, /^[A-Za-z]/u.test(verb));
  // "Отпечатано 4 экз." says how many copies were made; that is the note.
  const onlyCopies = count && !agent && !when.at && !number;
  if (!onlyCopies) {
    const value = number?.[1]?.replace(/[\].,;]+$/, '') ?? null;
    state.push({
      event: form.event,
      at: when.at,
      agent,
      ...(place?.[1] ? { place: place[1].replace(/[[\]]/g, '').trim() } : {}),
      ...(value ? { number: value } : {}),
      raw: line,
    });
    if (value) state.numbers.push({ kind: form.event === 'printed' ? 'printing' : form.event, value });
  }
  if (count)
    state.push({ event: 'copied', at: null, agent: null, copies: copyCount(count[1] ?? ''), raw: line });
  return true;
}

/** "by Sudev" in English; in Russian the name that follows the verb ("Расшифровал Судев"). */
function readAgent(rest: string, english: boolean): string | null {
  const cleaned = rest.replace(/\s+/gu, ' ').trim();
  if (english) {
    const by = /\bby\s+(.+?)(?=\s+(?:on|at|in)\b|[,;]|$)/iu.exec(cleaned);
    return by?.[1]?.trim().replace(/[.,;]$/, '') || null;
  }
  const name = /^(?:(?:т\.|тов\.)\s*)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}\.\s*(?:\p{Lu}\.)?)?)/u.exec(
    cleaned.replace(/^(?:[,:;-]|в|на)\s+/u, ''),
  );
  const agent = name?.[1]?.trim() ?? null;
  return agent && !NOT_A_NAME.test(agent) ? agent : null;
}

/** Capitalized words that follow a verb in a sentence of the text, not a clerk's surname. */
const NOT_A_NAME = /^(?:ваш|наш|ваш|его|её|их|мой|эт|данн|указанн|телеграмм|письм|сообщени)/iu;

function copyCount(count: string): string {
  return NUMBER_WORDS.get(count.toLowerCase()) ?? count;
}
