import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { loadThread } from '../correspondence/thread.service.ts';
import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import { errorResponses, ThreadSchema } from './api.schemas.ts';

const query = z.object({
  a: z
    .string()
    .optional()
    .openapi({ description: 'A correspondent: authority id or any name form.', example: 'Mao' }),
  b: z.string().optional().openapi({ description: 'The other correspondent.', example: 'Filippov' }),
});

/**
 * `GET /api/threads?a=…&b=…`: the correspondence between two people, both ways, in date order
 * (`/api/thread`, the earlier address, answers the same).
 *
 * @example registerThreadRoutes(api, { search, authorities });
 */
export function registerThreadRoutes(
  api: OpenAPIHono,
  deps: { search: SearchIndex; authorities: AuthorityIndex },
): void {
  for (const path of ['/threads', '/thread']) {
    const route = createRoute({
      method: 'get',
      path,
      summary:
        path === '/threads' ? 'The correspondence between two people' : 'The earlier address of /threads',
      deprecated: path === '/thread',
      request: { query },
      responses: {
        200: { description: 'The thread.', content: { 'application/json': { schema: ThreadSchema } } },
        ...errorResponses(400, 404),
      },
    });
    api.openapi(route, async (c) => {
      const a = c.req.query('a')?.trim();
      const b = c.req.query('b')?.trim();
      if (!a || !b) {
        throw new ChanceryError(
          'request.missing_parameter',
          `Give both correspondents: ${path}?a=Mao&b=Filippov (${a ? 'b' : 'a'} is missing).`,
          { field: a ? 'b' : 'a' },
        );
      }
      return c.json(await loadThread({ ...deps, a, b }), 200);
    });
  }
}
