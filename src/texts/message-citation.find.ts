import { isoDay } from '../record/date.parse.ts';
import type { RecordDate, Text } from '../record/record.types.ts';

/** What kind of message a citation names, so that a letter is not matched with a cable. */
export type CitedKind = 'telegram' | 'letter' | 'message';

/** A document's reference to a message its recipient sent: "your telegram of 13 July". */
export interface MessageCitation {
  kind: CitedKind;
  /** ISO day of the cited message, the year supplied from the citing document's date when left out. */
  date: string | null;
  /** The cited message's number, when the citation gives one ("your telegram No. 3511"). */
  number: string | null;
  /** The words as the text writes them. */
  raw: string;
  textId: string;
  blockId: string;
}

const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const NO = String.raw`(?:No\.?|Nº|N°|№)\s*([\w/-]+)`;
const DAY_MONTH = String.raw`(\d{1,2})\s+(\p{L}+)(?:,?\s+(\d{4}))?`;
const MONTH_DAY = String.raw`(\p{L}+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?`;
const NUMERIC = String.raw`(\d{1,2})\.(\d{1,2})\.(\d{2,4})`;

/** English: "your telegram of 13 July", "your cable No. 3511 of July 13, 1951", "your letter dated 13.7.51". */
const ENGLISH = new RegExp(
  String.raw`\byour\s+(ciphered\s+telegram|cipher\s+telegram|telegram|cable|wire|letter|message|note)s?(?:\s+${NO})?(?:\s+(?:of|dated|from)\s+(?:${DAY_MONTH}|${MONTH_DAY}|${NUMERIC}))?`,
  'giu',
);
/** Russian: "Ваша телеграмма от 13 июля", "Вашу шифртелеграмму № 3511 от 13.7.51", "Ваше письмо от 17 сентября 1952 г.". */
const RUSSIAN = new RegExp(
  String.raw`(?<!\p{L})ваш\p{L}*\s+((?:шифр)?телеграмм\p{L}*|письм\p{L}*|послани\p{L}*|записк\p{L}*|сообщени\p{L}*)(?:\s+${NO})?(?:\s+от\s+(?:${DAY_MONTH}|${NUMERIC}))?`,
  'giu',
);
/** Chinese: "你7月13日电", "您7月13日来电", "你们7月13日的来信". */
const CHINESE = /(?:你们?|您)(?:的)?(\d{1,2})月(\d{1,2})日(?:的)?(?:来)?(电报?|信)/gu;

/**
 * Finds the places where a document cites a message from the person it writes to, in English,
 * Russian or Chinese, with the cited message's date (and number, when given): the evidence for a
 * reply-to relation. Citations that give neither date nor number are left out: they cannot
 * point at one message.
 *
 * @example findMessageCitations(record.texts, record.date)
 * // [{ kind: 'telegram', date: '1951-07-13', number: null, raw: 'Ваша телеграмма от 13 июля', textId: 'original', blockId: 'b2' }]
 */
export function findMessageCitations(
  texts: readonly Text[],
  documentDate: RecordDate | null,
): MessageCitation[] {
  const citing = documentDate?.max ?? documentDate?.min ?? null;
  const found: MessageCitation[] = [];
  for (const text of texts) {
    for (const block of text.blocks) {
      const add = (kind: CitedKind, date: string | null, number: string | undefined, raw: string) => {
        if (date || number)
          found.push({ kind, date, number: number ?? null, raw, textId: text.id, blockId: block.id });
      };
      for (const m of block.text.matchAll(ENGLISH)) {
        const date = m[3]
          ? citedDay(Number(m[3]), englishMonth(m[4]), m[5], citing)
          : m[6]
            ? citedDay(Number(m[7]), englishMonth(m[6]), m[8], citing)
            : m[9]
              ? citedDay(Number(m[9]), Number(m[10]), m[11], citing)
              : null;
        add(kindOf(m[1] ?? ''), date, m[2], m[0]);
      }
      for (const m of block.text.matchAll(RUSSIAN)) {
        const date = m[3]
          ? citedDay(Number(m[3]), russianMonth(m[4]), m[5], citing)
          : m[6]
            ? citedDay(Number(m[6]), Number(m[7]), m[8], citing)
            : null;
        add(kindOf(m[1] ?? ''), date, m[2], m[0]);
      }
      for (const m of block.text.matchAll(CHINESE)) {
        add(
          m[3]?.startsWith('电') ? 'telegram' : 'letter',
          citedDay(Number(m[2]), Number(m[1]), undefined, citing),
          undefined,
          m[0],
        );
      }
    }
  }
  return found;
}

function kindOf(word: string): CitedKind {
  if (/telegram|cable|wire|телеграмм/iu.test(word)) return 'telegram';
  if (/letter|note|письм|записк|послани/iu.test(word)) return 'letter';
  return 'message';
}

function englishMonth(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  return EN_MONTHS.findIndex((m) => w.length >= 3 && m.startsWith(w)) + 1;
}

function russianMonth(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  // "мая" and "май" only: the stem "ма" alone would take any word.
  if (/^ма[йя]$/u.test(w)) return 5;
  return RU_MONTHS.findIndex((stem, i) => i !== 4 && w.startsWith(stem)) + 1;
}

/**
 * The ISO day a citation names. Without a year it is the last such day on or before the citing
 * document: a letter of 2 January citing "your telegram of 28 December" answers the year before.
 */
function citedDay(
  day: number,
  month: number,
  year: string | undefined,
  citing: string | null,
): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  if (year) {
    const full = year.length === 2 ? 1900 + Number(year) : Number(year);
    return isoDay(full, month, day);
  }
  if (!citing) return null;
  const citingYear = Number(citing.slice(0, 4));
  const candidate = isoDay(citingYear, month, day);
  return candidate <= citing.slice(0, 10) ? candidate : isoDay(citingYear - 1, month, day);
}
