import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, isChanceryError } from '../errors.ts';

/** The HTTP edge is the one place where error codes become statuses. */
const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  'search.invalid_query': 400,
  'search.timeout': 503,
  'server.stopping': 503,
  'cli.usage': 400,
  'request.invalid_parameter': 400,
  'request.missing_parameter': 400,
  'request.invalid_cursor': 400,
  'record.not_found': 404,
  'names.not_found': 404,
  'request.not_found': 404,
  'request.method_not_allowed': 405,
  'request.not_acceptable': 406,
  'request.too_large': 413,
  'request.uri_too_long': 414,
  'record.invalid': 422,
  'record.withdrawn': 410,
  'auth.failed': 401,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.scope': 403,
  'auth.throttled': 429,
  'account.invalid': 400,
  'account.not_found': 404,
  'account.exists': 409,
  'record.conflict': 409,
};

export function httpStatusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

/** Seconds after which a request refused for the moment may be tried again (503s). */
const RETRY_AFTER_SECONDS: Partial<Record<ErrorCode, number>> = {
  'search.timeout': 5,
  'server.stopping': 5,
  'auth.throttled': 900,
};

/** Sets `Retry-After` on the answer to an error that may pass: a search stopped past its budget. */
export function setRetryAfter(c: Context, code: ErrorCode): void {
  const seconds = RETRY_AFTER_SECONDS[code];
  if (seconds !== undefined) c.header('Retry-After', String(seconds));
}

/** The one error shape of the API: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * The JSON answer for an error: a ChanceryError with its own status and message, anything else a
 * 500 that says nothing of the fault (the log gets it), never a stack trace.
 *
 * @example return errorResponse(c, new ChanceryError('record.not_found', 'No record "x".'));
 */
export function errorResponse(c: Context, error: unknown): Response {
  if (isChanceryError(error)) {
    setRetryAfter(c, error.code);
    return c.json<ErrorBody>(
      { error: { code: error.code, message: error.message } },
      httpStatusFor(error.code),
    );
  }
  console.error(`api: ${c.req.method} ${c.req.path}:`, error);
  return c.json<ErrorBody>(
    {
      error: {
        code: 'server.internal',
        message:
          'Chancery could not answer this request; the error is in the server log. Try again, and report the address if it recurs.',
      },
    },
    500,
  );
}
