import type { MiddlewareHandler } from 'hono';
import { ChanceryError } from '../errors.ts';

/**
 * How big a request may be (README, "Limits"). Every page and API answer is addressed by a short
 * URL (a search query holds at most 1,000 characters, `QUERY_LIMITS`), and the one body Chancery
 * reads is an OAI-PMH form of a few parameters: anything far larger is refused before it is read.
 */
export const REQUEST_LIMITS = {
  /** Characters of the request target (path and query string): past it, 414. */
  urlChars: 16_000,
  /** Bytes of a request body: past it, 413. */
  bodyBytes: 64 * 1024,
  /** Bytes of the files of one upload (`POST /upload`, editors only): past it, 413. */
  uploadBytes: 100 * 1024 * 1024,
} as const;

/**
 * Refuses a request whose URL or body is past `REQUEST_LIMITS`, as a ChanceryError the app's error
 * handler answers (JSON under /api, a page elsewhere). Node itself answers 431 to headers past
 * 16 KiB, before any of this runs.
 *
 * @example app.use('*', ...requestLimits());
 */
export function requestLimits(): MiddlewareHandler[] {
  const urlLimit: MiddlewareHandler = async (c, next) => {
    const url = c.req.url;
    // The target as the client sent it: the URL less its scheme and host.
    const target = url.length - url.indexOf('/', url.indexOf('//') + 2);
    if (target > REQUEST_LIMITS.urlChars) {
      throw new ChanceryError(
        'request.uri_too_long',
        `The address is ${target.toLocaleString('en-US')} characters long, more than the ${REQUEST_LIMITS.urlChars.toLocaleString('en-US')} Chancery reads; a search query holds at most 1,000 characters.`,
      );
    }
    await next();
  };
  const tooLarge = (limit: number) =>
    new ChanceryError(
      'request.too_large',
      limit === REQUEST_LIMITS.uploadBytes
        ? `The upload is more than ${limit / 1024 / 1024} MB, the most Chancery takes at once; upload the files in several parts, or ingest them on the server with chancery ingest.`
        : `The request body is more than ${limit / 1024} KiB, the most Chancery reads; an OAI-PMH request by POST holds a few parameters.`,
    );
  const sizeLimit: MiddlewareHandler = async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    if (c.req.path === '/upload') {
      // An upload is read by its route once the account is known to be an editor's, never
      // buffered here for anyone; its declared length bounds it (Node reads no further).
      const length = c.req.header('content-length');
      if (length === undefined) {
        throw new ChanceryError(
          'request.invalid_parameter',
          'An upload needs a Content-Length header (a browser sends one).',
        );
      }
      if (Number(length) > REQUEST_LIMITS.uploadBytes) throw tooLarge(REQUEST_LIMITS.uploadBytes);
      return next();
    }
    const limit = REQUEST_LIMITS.bodyBytes;
    if (Number(c.req.header('content-length') ?? 0) > limit) throw tooLarge(limit);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
    // Hono keeps promises of bodies in this cache, whatever its declared type says.
    (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(
      new Uint8Array(Buffer.concat(chunks)).buffer,
    );
    await next();
  };
  return [urlLimit, sizeLimit];
}
