import type { DateCertainty, RecordDate } from './record.types.ts';

/**
 * Month names as the archive's pages and the documents write them: English (full and
 * abbreviated) and Russian (nominative, genitive as in "17 сентября", and abbreviated).
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan', 'январь', 'января', 'янв'],
    ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр'],
    ['march', 'mar', 'март', 'марта', 'мар'],
    ['april', 'apr', 'апрель', 'апреля', 'апр'],
    ['may', 'май', 'мая'],
    ['june', 'jun', 'июнь', 'июня', 'июн'],
    ['july', 'jul', 'июль', 'июля', 'июл'],
    ['august', 'aug', 'август', 'августа', 'авг'],
    ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент'],
    ['october', 'oct', 'октябрь', 'октября', 'окт'],
    ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб'],
    ['december', 'dec', 'декабрь', 'декабря', 'дек'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

export interface ParseDateOptions {
  /** Year to assume when the text gives day and month only ("13 July" in a cable's footer). */
  defaultYear?: number;
}

interface DateParts {
  year: number;
  month?: number;
  day?: number;
  /** Last day of a range written "July 13-14, 1951". */
  dayTo?: number;
}

/**
 * Reads a date as a page or a document writes it, in English or Russian, into its display form,
 * the ISO range it covers and how certain it is. A month or a year is a range; square brackets
 * mean an editor supplied the date; "c.", "circa", "около" or "?" make it approximate.
 * Returns null when the text is not a date.
 *
 * @example parseDate('July 13, 1951') // { display: 'July 13, 1951', min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }
 * @example parseDate('17 сентября 1952г.') // min and max '1952-09-17'
 * @example parseDate('September 1952') // min '1952-09-01', max '1952-09-30'
 * @example parseDate('13 July', { defaultYear: 1951 }) // min '1951-07-13'
 */
export function parseDate(text: string, options: ParseDateOptions = {}): RecordDate | null {
  const display = text.trim().replace(/\s+/g, ' ');
  let core = display;
  let certainty: DateCertainty = 'exact';
  const bracketed = /^\[(.+)\]$/.exec(core);
  if (bracketed?.[1]) {
    core = bracketed[1];
    certainty = 'inferred';
  }
  const approximate = /^(?:c\.|ca\.|circa|около|ок\.|примерно)\s*/iu;
  if (approximate.test(core) || /\?\s*\)?$/.test(core)) {
    core = core.replace(approximate, '').replace(/\s*\(?\?\)?$/, '');
    certainty = 'approximate';
  }
  // "1952г.", "1952 г.", "1952 года": the Russian year word is not part of the date.
  core = core
    .replace(/\s*(?:г\.?|года?)$/u, '')
    .replace(/[.,]$/, '')
    .trim();
  const parts = matchParts(core, options.defaultYear);
  if (!parts || !isValid(parts)) return null;
  const [min, max] = rangeOf(parts);
  return { display, min, max, certainty };
}

/** The ISO day ("1951-07-13") of a year, month and day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function matchParts(core: string, defaultYear: number | undefined): DateParts | null {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(core);
  if (iso)
    return { year: Number(iso[1]), ...optionalNumber('month', iso[2]), ...optionalNumber('day', iso[3]) };

  const numeric = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(core);
  if (numeric) return { year: Number(numeric[3]), month: Number(numeric[2]), day: Number(numeric[1]) };

  // "July 13, 1951", "July 13-14, 1951", "Sept. 17 1952", "July 13" (with a default year)
  const monthFirst = /^(\p{L}+)\.?\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?(?:,?\s+(\d{4}))?$/u.exec(core);
  if (monthFirst) return withMonth(monthFirst[1], monthFirst[4], defaultYear, monthFirst[2], monthFirst[3]);

  // "13 July 1951", "17 сентября 1952", "13-14 July 1951", "13 July"
  const dayFirst = /^(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(\p{L}+)\.?(?:,?\s+(\d{4}))?$/u.exec(core);
  if (dayFirst) return withMonth(dayFirst[3], dayFirst[4], defaultYear, dayFirst[1], dayFirst[2]);

  // "September 1952", "сентябрь 1952"
  const monthYear = /^(\p{L}+)\.?,?\s+(\d{4})$/u.exec(core);
  if (monthYear) return withMonth(monthYear[1], monthYear[2], defaultYear);

  return null;
}

function withMonth(
  name: string | undefined,
  year: string | undefined,
  defaultYear: number | undefined,
  day?: string,
  dayTo?: string,
): DateParts | null {
  const month = MONTHS.get((name ?? '').toLowerCase());
  const resolvedYear = year ? Number(year) : defaultYear;
  if (month === undefined || resolvedYear === undefined) return null;
  return {
    year: resolvedYear,
    month,
    ...optionalNumber('day', day),
    ...optionalNumber('dayTo', dayTo),
  };
}

function optionalNumber<K extends string>(key: K, value: string | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: Number(value) } as Record<K, number>);
}

function isValid(parts: DateParts): boolean {
  if (parts.month === undefined) return parts.day === undefined;
  if (parts.month < 1 || parts.month > 12) return false;
  const last = daysInMonth(parts.year, parts.month);
  if (parts.day !== undefined && (parts.day < 1 || parts.day > last)) return false;
  if (
    parts.dayTo !== undefined &&
    (parts.day === undefined || parts.dayTo < parts.day || parts.dayTo > last)
  ) {
    return false;
  }
  return true;
}

function rangeOf(parts: DateParts): [string, string] {
  const { year, month, day, dayTo } = parts;
  if (month === undefined) return [isoDay(year, 1, 1), isoDay(year, 12, 31)];
  if (day === undefined) return [isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month))];
  return [isoDay(year, month, day), isoDay(year, month, dayTo ?? day)];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
