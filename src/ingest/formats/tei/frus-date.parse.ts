import type { RecordDate } from '../../../record/record.types.ts';

/** What a document's dateline and `div` say about its date. */
export interface FrusDateParts {
  /** The dateline's date(s) as printed ("January 8, 1955—2 p.m."), or '' when there is none. */
  display: string;
  /** `date/@when` (or the ends of `@notBefore`–`@notAfter`, `@from`–`@to`) in the dateline. */
  bounds: { min: string; max: string; exact: boolean }[];
  /** The dateline is in square brackets: the editors supplied the date. */
  supplied: boolean;
  /** `frus:doc-dateTime-min` / `-max` of the current encoding. */
  docMin?: string | undefined;
  docMax?: string | undefined;
}

const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A record date from a FRUS document. The current encoding's `frus:doc-dateTime-min/max` are the
 * range, kept as written (with their offset); the older encoding has only the dateline's
 * `date/@when`, and a dateline with several dates ("January 6 and 7, 1951. January 12 and 13,
 * 1951.") spans from the first to the last. The time zone is the one the dateline's own date
 * is written in (Seoul's "+08:30" for a telegram sent at 2 p.m. there), else the range's.
 *
 * @example
 * buildFrusDate({ display: 'January 7, 1955', bounds: [{ min: '1955-01-07', max: '1955-01-07', exact: true }], supplied: false })
 * // { display: 'January 7, 1955', min: '1955-01-07', max: '1955-01-07', certainty: 'exact', timeZone: null }
 */
export function buildFrusDate(parts: FrusDateParts): RecordDate {
  const { bounds, docMin, docMax } = parts;
  const min = docMin ?? (bounds.length ? bounds.map((b) => b.min).reduce(earlier) : null);
  const max = docMax ?? (bounds.length ? bounds.map((b) => b.max).reduce(later) : null);
  const written = bounds.map((b) => ZONE.exec(b.min)?.[0]).find(Boolean);
  const timeZone = written ?? (docMin ? (ZONE.exec(docMin)?.[0] ?? null) : null);
  let certainty: RecordDate['certainty'] = 'unknown';
  if (bounds.length > 0) {
    certainty = parts.supplied ? 'inferred' : bounds.every((b) => b.exact) ? 'exact' : 'approximate';
  } else if (min) {
    // A range with no date in the document (an editorial note): the editors placed it.
    certainty = 'inferred';
  }
  return { display: parts.display, min, max, certainty, timeZone };
}

/**
 * The range a TEI date's attributes give: `@when` of a day or a time is exact; of a month or a
 * year it is that whole month or year; `@notBefore`/`@notAfter` and `@from`/`@to` are ranges.
 */
export function dateBounds(
  attributes: Record<string, string>,
): { min: string; max: string; exact: boolean } | null {
  const when = attributes.when;
  if (when) {
    const range = expandIso(when);
    return range ? { ...range, exact: /^\d{4}-\d{2}-\d{2}/.test(when) } : null;
  }
  const from = attributes.notBefore ?? attributes.from;
  const to = attributes.notAfter ?? attributes.to;
  const low = from ? expandIso(from) : null;
  const high = to ? expandIso(to) : null;
  if (!low && !high) return null;
  return { min: (low ?? high)?.min ?? '', max: (high ?? low)?.max ?? '', exact: false };
}

function expandIso(value: string): { min: string; max: string } | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return { min: v, max: v };
  const month = /^(\d{4})-(\d{2})$/.exec(v);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return { min: `${v}-01`, max: `${v}-${String(last).padStart(2, '0')}` };
  }
  if (/^\d{4}$/.test(v)) return { min: `${v}-01-01`, max: `${v}-12-31` };
  return null;
}

function earlier(a: string, b: string): string {
  return b < a ? b : a;
}

function later(a: string, b: string): string {
  return b > a ? b : a;
}
