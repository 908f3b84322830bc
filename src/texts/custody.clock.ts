import { isoDay, parseDate } from '../record/date.parse.ts';
import type { RecordDate } from '../record/record.types.ts';

/** Year and month of the document: service notes leave the year out, or write it with two digits. */
export interface ReferenceMonth {
  year: number;
  month: number;
}

export function referenceYearMonth(date: RecordDate | null): ReferenceMonth | null {
  const iso = date?.min ?? date?.max;
  const m = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * "13 July" + "1615" → "1951-07-13T16:15", the year taken from the document. A note dated in
 * January on a December document was written the year after.
 */
export function dateTime(
  date: string | undefined,
  time: string | undefined,
  reference: ReferenceMonth | null,
): string | null {
  if (!date) return null;
  const parsed = parseDate(date, reference ? { defaultYear: reference.year } : {});
  if (!parsed?.min || parsed.min !== parsed.max) return null;
  const written = /\d{4}/.test(date);
  const day = written ? parsed.min : rollYear(parsed.min, reference);
  const clock = time ? parseClock(time) : null;
  return clock ? `${day}T${clock}` : day;
}

/** "1615", "16:15", "16.15" → "16:15"; null when it is no time of day. */
export function parseClock(time: string): string | null {
  const digits = time.replace(/[:.]/, '').padStart(4, '0');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 24 || minutes > 59) return null;
  return `${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const YEAR_WORD = String.raw`(?:\s*(?:г\.?|года)(?=\s|$|[,.;]))?`;
const MONTH_FIRST = /(?<!\p{L})(\p{L}{3,})\.?\s+(\d{1,2})(?!\d)(?:,?\s+(\d{4}))?/gu;
const NUMERIC_NO_YEAR = /(?<![\d.:])(\d{1,2})[./](\d{1,2}|[IVX]{1,4})(?![\w.:])/gu;
/** Day and month (and year) as service notes write them, most specific first. */
const DATE_FORMS: readonly RegExp[] = [
  // 13.07.1951, 13.7.51, 13.VII.51, 13/VII-51
  new RegExp(
    String.raw`(?<![\d.])(\d{1,2})[./](\d{1,2}|[IVX]{1,4})[.\-/](\d{4}|\d{2})(?![\d.])${YEAR_WORD}`,
    'gu',
  ),
  // 13 July 1951, 13 июля 1951 г., 13 July
  new RegExp(String.raw`(?<!\d)(\d{1,2})\s+(\p{L}{3,})\.?(?:,?\s+(\d{4}))?${YEAR_WORD}`, 'gu'),
  // July 13, 1951; May 14
  MONTH_FIRST,
  // 13.7, 13.VII, 13/VII
  NUMERIC_NO_YEAR,
];
/** Times of day, most specific first: "4:10 am", "16 ч. 15 м.", "16:15", "16.15", "1615". */
const TIME_FORMS: readonly RegExp[] = [
  /(?<![\d.:])(\d{1,2})[:.](\d{2})\s*([ap])\.?\s?m\b\.?/iu,
  /(?<!\d)(\d{1,2})\s*ч(?:ас(?:а|ов)?)?\.?\s*(\d{1,2})\s*м(?:ин(?:ут[аы]?)?)?\.?/iu,
  /(?<![\d.:])(\d{1,2})[:.](\d{2})(?![\d.:])/u,
  /(?<![\d./№-])([01]\d|2[0-3])([0-5]\d)(?![\d./])(?!\s*(?:г\.|года|год))/u,
];

/** Whether a note gives a time of day in any of the forms {@link readWhen} reads. */
export function hasClock(text: string): boolean {
  return TIME_FORMS.some((form) => {
    const m = form.exec(text);
    return m !== null && clockOf(m) !== null;
  });
}

export interface When {
  /** ISO date or date-time, as far as the text gives it. */
  at: string | null;
  /** The time of day ("04:10") when the text gives one, with or without a date. */
  clock: string | null;
  /** The text with the date and time taken out. */
  rest: string;
}

/**
 * Finds the date and the time of day in a service note, in English or Russian, and resolves
 * them against the document's date: "on 4:10 am, 14 May 1950", "16.15 13.7.51",
 * "13.VII.51 г. 16 ч. 15 м.". Returns the ISO form and the text without them.
 *
 * @example readWhen('Received on 4:10 am, 14 May 1950', null) // { at: '1950-05-14T04:10', clock: '04:10', rest: 'Received on  ,  ' }
 */
export function readWhen(text: string, reference: ReferenceMonth | null): When {
  let rest = text;
  let day: string | null = null;
  for (const form of DATE_FORMS) {
    const valid = [...rest.matchAll(form)]
      .map((m) => ({ m, day: dayOf(m, form === MONTH_FIRST, reference) }))
      .filter((c) => c.day !== null);
    // "16.15 13.7": a time comes before the date, so the last day-and-month pair is the date.
    const found = form === NUMERIC_NO_YEAR ? valid.at(-1) : valid[0];
    if (!found) continue;
    day = found.day;
    rest = `${rest.slice(0, found.m.index)} ${rest.slice(found.m.index + found.m[0].length)}`;
    break;
  }
  let clock: string | null = null;
  for (const form of TIME_FORMS) {
    const m = form.exec(rest);
    if (!m) continue;
    clock = clockOf(m);
    if (!clock) continue;
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    break;
  }
  const at = day ? (clock ? `${day}T${clock}` : day) : null;
  return { at, clock, rest };
}

function dayOf(m: RegExpExecArray, monthFirst: boolean, reference: ReferenceMonth | null): string | null {
  const [dayText, monthText, yearText] = monthFirst ? [m[2], m[1], m[3]] : [m[1], m[2], m[3]];
  const day = Number(dayText);
  let month = Number(monthText);
  if (Number.isNaN(month)) {
    const roman = ROMAN_MONTHS.indexOf(monthText ?? '');
    month = roman >= 0 ? roman + 1 : (wordMonth(monthText ?? '') ?? Number.NaN);
  }
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  if (yearText) {
    const year = yearText.length === 2 ? century(Number(yearText), reference) : Number(yearText);
    return isoDay(year, month, day);
  }
  if (!reference) return null;
  return rollYear(isoDay(reference.year, month, day), reference);
}

function wordMonth(word: string): number | undefined {
  const parsed = parseDate(`1 ${word} 2000`);
  return parsed?.min ? Number(parsed.min.slice(5, 7)) : undefined;
}

/** "51" → 1951: the century of the document, or the twentieth when there is none. */
function century(year: number, reference: ReferenceMonth | null): number {
  const base = reference ? Math.floor(reference.year / 100) * 100 : 1900;
  return base + year;
}

function clockOf(m: RegExpExecArray): string | null {
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  }
  if (hours > 24 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function rollYear(day: string, reference: ReferenceMonth | null): string {
  if (!reference) return day;
  const month = Number(day.slice(5, 7));
  if (month - reference.month < -6) return isoDay(reference.year + 1, month, Number(day.slice(8, 10)));
  return day;
}
