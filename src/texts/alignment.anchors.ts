import { segmentWords } from './words.segment.ts';
/**
 * Anchors: things a translation keeps whatever its language, so that two blocks sharing them
 * probably say the same thing. Each anchor is a string `<kind>:<value>`; a block's anchors are a
 * multiset (a number written twice counts twice).
 */
export type AnchorKind = 'number' | 'list' | 'name' | 'date' | 'month' | 'punct' | 'word';

export interface AnchorOptions {
  /** Authority ids of the people, places and organizations the block names (from the record's mentions). */
  names?: readonly string[];
  /**
   * Also anchor on the stems of longer words. Only for two versions in one language (a draft and
   * the text it became), where shared words are evidence; across languages they are noise.
   */
  words?: boolean;
}

/** Month names and forms, English and Russian (nominative, genitive "июля", prepositional "в июле"). */
const MONTH_FORMS: readonly (readonly string[])[] = [
  ['january', 'jan', 'январь', 'января', 'январе', 'янв'],
  ['february', 'feb', 'февраль', 'февраля', 'феврале', 'фев', 'февр'],
  ['march', 'mar', 'март', 'марта', 'марте'],
  ['april', 'apr', 'апрель', 'апреля', 'апреле', 'апр'],
  ['may', 'май', 'мая', 'мае'],
  ['june', 'jun', 'июнь', 'июня', 'июне'],
  ['july', 'jul', 'июль', 'июля', 'июле'],
  ['august', 'aug', 'август', 'августа', 'августе', 'авг'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сентябре', 'сент'],
  ['october', 'oct', 'октябрь', 'октября', 'октябре', 'окт'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноябре', 'нояб'],
  ['december', 'dec', 'декабрь', 'декабря', 'декабре', 'дек'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_FORMS.flatMap((forms, index) => forms.map((form) => [form, index + 1] as const)),
);
// "may" is also an English verb: as a month it needs a day beside it.
const MONTH_ALONE_EXCLUDED = new Set([
  'may',
  'mar',
  'jan',
  'dec',
  'sept',
  'sep',
  'oct',
  'nov',
  'aug',
  'jun',
  'jul',
]);

const HAN_NUMERALS: ReadonlyMap<string, number> = new Map(
  [...'一二三四五六七八九十'].map((ch, i) => [ch, i + 1] as const),
);
const ROMAN: ReadonlyMap<string, number> = new Map(
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].map(
    (r, i) => [r, i + 1] as const,
  ),
);

/** "1.", "„1.", "2)", "(3)", "一、", "（二）", "IV." at the start of a block: the point it numbers. */
const LIST_MARKER = /^[\s„“"«(（]*(?:(\d{1,2})|([一二三四五六七八九十]{1,2})|([IVX]{1,4}))\s*[.)）、．]/u;
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * The anchors of one block of text, in any language: numbers (with list markers and dates
 * read apart from them), the names found in it, dates and months, `!` and `?`, a closing colon,
 * and with `words` the five-letter stems of longer words.
 *
 * @example blockAnchors('2. В целях выполнения прекращения огня …13 июля', { names: ['korea'] })
 * // ['list:2', 'date:07-13', 'name:korea']
 */
export function blockAnchors(text: string, options: AnchorOptions = {}): string[] {
  let rest = text.normalize('NFKC');
  const anchors: string[] = [];
  const list = LIST_MARKER.exec(rest);
  if (list) {
    const n = list[1] ? Number(list[1]) : list[2] ? hanNumber(list[2]) : ROMAN.get(list[3] ?? '');
    if (n) anchors.push(`list:${n}`);
    rest = rest.slice(list[0].length);
  }
  rest = takeDates(rest, anchors);
  for (const match of rest.matchAll(/\d+/gu)) {
    const n = match[0].replace(/^0+(?=\d)/, '');
    anchors.push(`number:${n}`);
  }
  for (const name of new Set(options.names ?? [])) anchors.push(`name:${name}`);
  for (const match of rest.matchAll(/[!?]/gu)) anchors.push(`punct:${match[0]}`);
  if (/:\s*$/u.test(rest)) anchors.push('punct::end');
  if (options.words) anchors.push(...wordStems(rest));
  return anchors;
}

/** The kind of an anchor ("name:korea" → "name"). */
export function anchorKind(anchor: string): AnchorKind {
  return anchor.slice(0, anchor.indexOf(':')) as AnchorKind;
}

/**
 * Dates become `date:MM-DD` (or `month:MM`) anchors and are cut out of the text, so that the
 * "7" of "7月13日" is not also a number that the English "July 13" lacks. Years stay numbers.
 */
function takeDates(text: string, anchors: string[]): string {
  const date = (month: number, day: number) => anchors.push(`date:${pad(month)}-${pad(day)}`);
  let rest = text
    // 7月13日, 7月13号 (Chinese, Japanese); 7월 13일 (Korean)
    .replace(/(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号號일]/gu, (_m, month, day) => {
      date(Number(month), Number(day));
      return ' ';
    })
    .replace(/(\d{1,2})\s*[月월](?!\s*\d)/gu, (_m, month) => {
      anchors.push(`month:${pad(Number(month))}`);
      return ' ';
    })
    // 13.07.1951, 13.7.51: the year stays a number
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b/gu, (m, day, month, year) => {
      if (Number(month) < 1 || Number(month) > 12 || Number(day) > 31) return m;
      date(Number(month), Number(day));
      return ` ${year} `;
    });
  // 13 July, 13 июля; then July 13 (two passes, so that "от 13 июля" is not read as "от 13")
  const monthDay = (m: string, day: string, name: string) => {
    const month = MONTHS.get(name.toLowerCase());
    if (!month) return m;
    date(month, Number(day));
    return ' ';
  };
  rest = rest
    .replace(/(?<!\d)(\d{1,2})\s+(\p{L}+)/gu, (m, day, name) => monthDay(m, day, name))
    .replace(/(?<!\p{L})(\p{L}+)\.?\s+(\d{1,2})(?!\d)/gu, (m, name, day) => monthDay(m, day, name));
  for (const word of rest.matchAll(/\p{L}+/gu)) {
    const lower = word[0].toLowerCase();
    const month = MONTHS.get(lower);
    if (month && !MONTH_ALONE_EXCLUDED.has(lower)) anchors.push(`month:${pad(month)}`);
  }
  return rest;
}

function wordStems(text: string): string[] {
  const stems = new Set<string>();
  for (const segment of segmentWords(WORDS, text.toLowerCase())) {
    if (!segment.isWordLike || !/^\p{L}{4,}$/u.test(segment.segment)) continue;
    stems.add(`word:${segment.segment.slice(0, 5)}`);
  }
  return [...stems];
}

function hanNumber(numeral: string): number | undefined {
  if (numeral.length === 1) return HAN_NUMERALS.get(numeral);
  // 十一 … 十九; 二十
  if (numeral.startsWith('十')) return 10 + (HAN_NUMERALS.get(numeral.slice(1)) ?? 0);
  if (numeral.endsWith('十')) return (HAN_NUMERALS.get(numeral.slice(0, 1)) ?? 0) * 10;
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
