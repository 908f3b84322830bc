import { ChanceryError } from '../errors.ts';

/** The highest page number anyone may ask for; beyond it a number is a mistake, not a page. */
export const MAX_PAGE = 1_000_000;

/**
 * Reads a `page` parameter, the same way for the API, the reading room and the command line:
 * absent is page 1; anything but a whole number from 1 to 1,000,000 is refused with
 * `request.invalid_parameter` (a 400 at the HTTP edge) rather than read as page 1. A page past the
 * last is a valid page: the caller answers it empty, with the total.
 *
 * @example parsePage('3') // 3
 * @example parsePage(undefined) // 1
 * @example parsePage('abc') // throws ChanceryError('request.invalid_parameter')
 */
export function parsePage(value: string | undefined, name = 'page'): number {
  if (value === undefined) return 1;
  return parseWholeNumber(value, { name, min: 1, max: MAX_PAGE });
}

/**
 * Reads a `limit` (or `pageSize`) parameter: absent is `fallback`; a number above `max` is refused
 * rather than cut down, so that a client learns the bound.
 *
 * @example parseLimit('20', { max: 100, fallback: 10 }) // 20
 */
export function parseLimit(
  value: string | undefined,
  options: { name?: string; max: number; fallback: number; min?: number },
): number {
  if (value === undefined) return options.fallback;
  return parseWholeNumber(value, { name: options.name ?? 'limit', min: options.min ?? 1, max: options.max });
}

function parseWholeNumber(value: string, options: { name: string; min: number; max: number }): number {
  const { name, min, max } = options;
  const n = /^\d{1,9}$/u.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ChanceryError(
      'request.invalid_parameter',
      `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, not "${value.slice(0, 40)}".`,
      { field: name },
    );
  }
  return n;
}
