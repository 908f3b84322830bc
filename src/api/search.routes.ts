import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { parseLimit, parsePage } from '../paging/page.params.ts';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type SearchDependencies,
  searchArchive,
} from '../search/search.service.ts';
import { errorResponses, SearchResponseSchema } from './api.schemas.ts';

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  summary: 'Search across languages, scripts and name forms',
  description:
    'The query syntax of the reading room: words, "phrases", OR, -not, prefix*, and fields (author:, recipient:, person:, place:, archive:, collection:, type:, lang:, date:FROM..TO). A page past the last has no hits and the total.',
  request: {
    query: z.object({
      q: z.string().optional().openapi({ example: 'Filippov armistice' }),
      page: z.string().optional().openapi({ description: 'From 1 (to 1,000,000).' }),
      pageSize: z
        .string()
        .optional()
        .openapi({ description: `1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
    }),
  },
  responses: {
    200: {
      description: 'Hits, total and facets.',
      content: { 'application/json': { schema: SearchResponseSchema } },
    },
    ...errorResponses(400, 503),
  },
});

/**
 * `GET /api/search?q=…&page=…&pageSize=…` → `{ total, page, pageSize, hits, facets }`.
 *
 * @example registerSearchRoutes(api, { store, authorities });
 */
export function registerSearchRoutes(api: OpenAPIHono, deps: SearchDependencies): void {
  api.openapi(searchRoute, async (c) => {
    const page = parsePage(c.req.query('page'));
    const pageSize = parseLimit(c.req.query('pageSize'), {
      name: 'pageSize',
      max: MAX_PAGE_SIZE,
      fallback: DEFAULT_PAGE_SIZE,
    });
    return c.json(await searchArchive({ q: c.req.query('q') ?? '', page, pageSize }, deps), 200);
  });
}
