/**
 * Offices as sources describe them: "Secretary of State, January 1949–January 1953",
 * "Ambassador to Japan to February 1957; thereafter Ambassador to Indonesia", "former Secretary
 * of State". An office held over a span of months is what lets a signature "Acheson" on a
 * telegram of 1951 from the Secretary of State be the Dean Acheson a later volume describes.
 */
export interface OfficeTerm {
  /** The office as written ("Ambassador to the United Kingdom"). */
  office: string;
  /** Normalized for comparison (see `officeKey`). */
  key: string;
  /** First month held ("1949-01"), when the description says. */
  from: string | null;
  /** Last month held, when the description says. */
  to: string | null;
  /** "former Secretary of State": held before the source's period. */
  former: boolean;
}

const MONTHS = [
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
const MONTH = `(?:${MONTHS.join('|')})`;
/** "February 14, 1957", "February 1957", "1957". */
const WHEN = `(?:${MONTH}\\s+(?:\\d{1,2},?\\s+)?)?\\d{4}`;
const SPAN = new RegExp(`\\(?(${WHEN})\\s*[-–—]\\s*(${WHEN})\\)?`, 'i');
const BOUND = new RegExp(`\\b(from|since|after|until|till|to|through)\\s+(${WHEN})`, 'gi');

/**
 * Reads a description into the offices it names, with the months they were held where given.
 *
 * @example parseOfficeTerms('Ambassador to Japan to February 1957; thereafter Ambassador to Indonesia')
 * // [{ office: 'Ambassador to Japan', to: '1957-02', … }, { office: 'Ambassador to Indonesia', from: '1957-02', … }]
 */
export function parseOfficeTerms(description: string): OfficeTerm[] {
  const terms: OfficeTerm[] = [];
  let previousEnd: string | null = null;
  for (const raw of description.split(/;|,\s*(?=thereafter\b)/i)) {
    let text = raw.trim();
    if (!text) continue;
    const thereafter = /^(?:and\s+)?(?:thereafter|then|later|subsequently)\b[,\s]*/i.exec(text);
    if (thereafter) text = text.slice(thereafter[0].length);
    const former = /^former(?:ly)?\b\s*/i.exec(text);
    if (former) text = text.slice(former[0].length);
    let from: string | null = thereafter ? previousEnd : null;
    let to: string | null = null;
    const span = SPAN.exec(text);
    if (span) {
      from = monthOf(span[1] as string, 'start');
      to = monthOf(span[2] as string, 'end');
      text = text.replace(SPAN, ' ');
    }
    for (const bound of text.matchAll(BOUND)) {
      const word = (bound[1] as string).toLowerCase();
      const month = monthOf(bound[2] as string, word === 'from' || word === 'since' ? 'start' : 'end');
      if (word === 'from' || word === 'since' || word === 'after') from = month;
      else to = month;
    }
    // "to" ends a term only before a date: "Ambassador to Japan" keeps its "to".
    const office = text
      .replace(BOUND, ' ')
      .replace(/\band again\b.*$/i, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s,.:]+|[\s,.:(]+$/g, '');
    if (!office) continue;
    terms.push({ office, key: officeKey(office), from, to, former: former !== null });
    previousEnd = to;
  }
  return terms;
}

const OFFICE_STOPWORDS = new Set(['the', 'of', 'in', 'to', 'at', 'for', 'a', 'an', 'on', 'and']);
/** One spelling for the several ways sources name one country or body. */
const SAME_AS: Record<string, string> = {
  ussr: 'soviet',
  'u s s r': 'soviet',
  'soviet union': 'soviet',
  'united kingdom': 'uk',
  'u k': 'uk',
  britain: 'uk',
  'great britain': 'uk',
  'united states': 'us',
  'u s': 'us',
  prc: 'peoples republic china',
  'people s republic': 'peoples republic',
};

/**
 * The office in which one signs for a body, as a key: a telegram "From the Department of State"
 * goes out over its Secretary's name ("Rusk"), or an acting Secretary's, and each department of
 * the United States government is headed by a Secretary. Other offices sign as themselves.
 *
 * @example signingOfficeKey('Department of State') === 'secretary state'
 */
export function signingOfficeKey(office: string): string {
  const key = officeKey(office);
  return key.startsWith('department ') ? `secretary ${key.slice('department '.length)}` : key;
}

/**
 * The key two wordings of one office share: "Ambassador in the United Kingdom" (a FRUS head) and
 * "Ambassador to the U.K." (a persons list) both give "ambassador uk". Rank words are kept:
 * "Acting Secretary of State" and "Under Secretary of State" are other offices than "Secretary of State".
 *
 * @example officeKey('the Secretary of State') === 'secretary state'
 */
export function officeKey(office: string): string {
  let text = ` ${office
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  for (const [from, to] of Object.entries(SAME_AS)) text = text.replaceAll(` ${from} `, ` ${to} `);
  return text
    .split(' ')
    .filter((w) => w && !OFFICE_STOPWORDS.has(w))
    .join(' ');
}

/**
 * Whether a term covers a date ("1951-07-13"), given the years its source covers: without dates
 * a FRUS list means the whole period of the volume; "former" means before it.
 */
export function termCovers(term: OfficeTerm, date: string, sourceYears: YearSpan | null): boolean {
  const month = date.slice(0, 7);
  if (term.from || term.to) {
    return (!term.from || month >= term.from) && (!term.to || month <= term.to);
  }
  if (!sourceYears) return !term.former;
  const year = Number(date.slice(0, 4));
  return term.former ? year < sourceYears.from : year >= sourceYears.from && year <= sourceYears.to;
}

export interface YearSpan {
  from: number;
  to: number;
}

/** "1955–1957", "1948", "1955-57" → the span; null when none can be read. */
export function parseYearSpan(text: string | undefined | null): YearSpan | null {
  const match = /(\d{4})(?:\s*[-–]\s*(\d{2,4}))?/.exec(text ?? '');
  if (!match) return null;
  const from = Number(match[1]);
  const end = match[2];
  const to = end ? (end.length === 2 ? Math.floor(from / 100) * 100 + Number(end) : Number(end)) : from;
  return to >= from ? { from, to } : { from, to: from };
}

function monthOf(when: string, edge: 'start' | 'end'): string {
  const year = /\d{4}/.exec(when)?.[0] as string;
  const name = new RegExp(MONTH, 'i').exec(when)?.[0]?.toLowerCase();
  const month = name ? MONTHS.indexOf(name) + 1 : edge === 'start' ? 1 : 12;
  return `${year}-${String(month).padStart(2, '0')}`;
}
