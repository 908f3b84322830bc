import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import { parseLimit, parsePage } from '../paging/page.params.ts';
import type { Authority, AuthorityKind } from '../record/record.types.ts';
import { splitPlan } from '../search/search.plan.ts';
import { MAX_FACET_VALUES } from '../search/search.service.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import {
  AuthorityListSchema,
  AuthoritySchema,
  CollectionListSchema,
  CollectionSchema,
  errorResponses,
} from './api.schemas.ts';

const AUTHORITY_MAX_LIMIT = 500;
const AUTHORITY_DEFAULT_LIMIT = 100;

const KINDS: { path: string; kind: AuthorityKind; plural: string }[] = [
  { path: 'people', kind: 'person', plural: 'people' },
  { path: 'places', kind: 'place', plural: 'places' },
  { path: 'organizations', kind: 'organization', plural: 'organizations' },
];

const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * People, places and organizations (as reconciled across sources, A–Z, paged by `page` and
 * `limit`, filtered by `q` on any name form) and collections.
 *
 * @example registerCatalogRoutes(api, { store, authorities });
 */
export function registerCatalogRoutes(
  api: OpenAPIHono,
  deps: { store: Store; search: SearchIndex; authorities: AuthorityIndex },
): void {
  const { store } = deps;
  for (const { path, kind, plural } of KINDS) {
    const list = createRoute({
      method: 'get',
      path: `/${path}`,
      summary: `List ${plural}, A–Z`,
      request: {
        query: z.object({
          q: z.string().optional().openapi({ description: 'Only those with a name form containing this.' }),
          page: z.string().optional().openapi({ description: 'From 1; a page past the last is empty.' }),
          limit: z
            .string()
            .optional()
            .openapi({ description: `1–${AUTHORITY_MAX_LIMIT} (default ${AUTHORITY_DEFAULT_LIMIT}).` }),
        }),
      },
      responses: {
        200: {
          description: `A page of ${plural}.`,
          content: { 'application/json': { schema: AuthorityListSchema } },
        },
        ...errorResponses(400),
      },
    });
    api.openapi(list, async (c) => {
      const page = parsePage(c.req.query('page'));
      const limit = parseLimit(c.req.query('limit'), {
        max: AUTHORITY_MAX_LIMIT,
        fallback: AUTHORITY_DEFAULT_LIMIT,
      });
      const q = (c.req.query('q') ?? '').trim().slice(0, 200);
      const query = { kind, ...(q ? { contains: q } : {}) };
      const [total, found] = await Promise.all([
        store.countReconciled(query),
        store.listReconciled({ ...query, limit, offset: (page - 1) * limit }),
      ]);
      return c.json({ total, page, limit, items: found.map(summarize) }, 200);
    });
    const one = createRoute({
      method: 'get',
      path: `/${path}/{id}`,
      summary: `One of the ${plural}, with every name form`,
      request: { params: IdParam },
      responses: {
        200: { description: 'The authority.', content: { 'application/json': { schema: AuthoritySchema } } },
        ...errorResponses(404),
      },
    });
    api.openapi(one, async (c) => {
      const id = c.req.param('id');
      const authority = (await store.getReconciled(id)) ?? deps.authorities.resolveLink(id);
      if (!authority || authority.kind !== kind) {
        throw new ChanceryError(
          'names.not_found',
          `No ${kind} with id "${id.slice(0, 200)}". GET /api/${path} lists them.`,
        );
      }
      return c.json(authority as z.infer<typeof AuthoritySchema>, 200);
    });
  }

  const collections = createRoute({
    method: 'get',
    path: '/collections',
    summary: 'List collections (FRUS volumes, curated sets) with how many records each holds',
    responses: {
      200: {
        description: 'Every collection.',
        content: { 'application/json': { schema: CollectionListSchema } },
      },
      ...errorResponses(),
    },
  });
  api.openapi(collections, async (c) => {
    const [all, counted] = await Promise.all([
      store.listCollections(),
      deps.search.count(splitPlan({ kind: 'and', children: [] }), { facetLimit: MAX_FACET_VALUES }),
    ]);
    const counts = new Map(counted.facets.collection.map((v) => [v.value, v.count]));
    return c.json(
      { items: all.map((collection) => ({ ...collection, records: counts.get(collection.id) ?? 0 })) },
      200,
    );
  });
  const collection = createRoute({
    method: 'get',
    path: '/collections/{id}',
    summary: 'One collection; its records are at /records?collection={id}',
    request: { params: IdParam },
    responses: {
      200: { description: 'The collection.', content: { 'application/json': { schema: CollectionSchema } } },
      ...errorResponses(404),
    },
  });
  api.openapi(collection, async (c) => {
    const id = c.req.param('id');
    const found = await store.getCollection(id);
    if (!found)
      throw new ChanceryError(
        'record.not_found',
        `No collection with id "${id.slice(0, 200)}". GET /api/collections lists them.`,
      );
    const counted = await deps.search.count(
      splitPlan({ kind: 'filter', field: 'collection', facets: ['collection'], values: [id] }),
      { facetLimit: 1 },
    );
    return c.json({ ...found, records: counted.total }, 200);
  });
}

function summarize(authority: Authority) {
  return {
    id: authority.id,
    kind: authority.kind,
    name: authority.name,
    description: authority.description ?? authority.descriptions?.[0]?.text ?? null,
  };
}
