import { Hono } from 'hono';
import { loadThread } from '../correspondence/thread.service.ts';
import { isChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import { httpStatusFor } from './http.errors.ts';

/**
 * `GET /api/thread?a=…&b=…` → `{ a: { id, name }, b: { id, name }, records: [{ id, title, type,
 * dateDisplay, dateMin, authorIds, recipientIds, … }] }`: the correspondence between two people in
 * date order. `a` and `b` are authority ids or any name form ("Mao", "Filippov"). A missing
 * parameter is a 400, a person the authority file cannot tell a 404, each as `{ error: { code, message } }`.
 */
export function createThreadApi(deps: { search: SearchIndex; authorities: AuthorityIndex }): Hono {
  const api = new Hono();
  api.get('/thread', async (c) => {
    const a = c.req.query('a')?.trim();
    const b = c.req.query('b')?.trim();
    if (!a || !b) {
      return c.json(
        { error: { code: 'cli.usage', message: 'Give both correspondents: /api/thread?a=Mao&b=Filippov.' } },
        400,
      );
    }
    try {
      return c.json(await loadThread({ ...deps, a, b }));
    } catch (error) {
      if (!isChanceryError(error)) throw error;
      return c.json({ error: { code: error.code, message: error.message } }, httpStatusFor(error.code));
    }
  });
  return api;
}
