import { Hono } from 'hono';
import { isChanceryError } from '../errors.ts';
import { type SearchDependencies, searchArchive } from '../search/search.service.ts';
import { httpStatusFor } from './http.errors.ts';

/**
 * `GET /api/search?q=…&page=…&pageSize=…` → `{ total, page, pageSize, hits: [{ id, title, date,
 * snippet, score }], facets }`. A malformed query is a 400 with `{ error: { code, message } }`.
 */
export function createSearchApi(deps: SearchDependencies): Hono {
  const api = new Hono();
  api.get('/search', async (c) => {
    const q = c.req.query('q') ?? '';
    try {
      const result = await searchArchive(
        {
          q,
          page: positiveInt(c.req.query('page')) ?? 1,
          pageSize: positiveInt(c.req.query('pageSize')) ?? 10,
        },
        deps,
      );
      return c.json(result);
    } catch (error) {
      if (!isChanceryError(error)) throw error;
      return c.json({ error: { code: error.code, message: error.message } }, httpStatusFor(error.code));
    }
  });
  return api;
}

/** Query parameters are user input: anything but a positive integer falls back to the default. */
export function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^[1-9]\d{0,5}$/.test(value)) return undefined;
  return Number(value);
}
