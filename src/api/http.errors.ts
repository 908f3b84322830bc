import type { ErrorCode } from '../errors.ts';

/** The HTTP edge is the one place where error codes become statuses. */
const STATUS: Partial<Record<ErrorCode, 400 | 404 | 422 | 503>> = {
  'search.timeout': 503,
  'search.invalid_query': 400,
  'cli.usage': 400,
  'record.not_found': 404,
  'names.not_found': 404,
  'record.invalid': 422,
};

export function httpStatusFor(code: ErrorCode): 400 | 404 | 422 | 500 | 503 {
  return STATUS[code] ?? 500;
}
