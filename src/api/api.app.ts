import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import { siteBaseUrl } from '../web/site.url.ts';
import { registerCatalogRoutes } from './catalog.routes.ts';
import { errorResponse } from './http.errors.ts';
import { registerRecordRoutes } from './records.routes.ts';
import { registerSearchRoutes } from './search.routes.ts';
import { registerThreadRoutes } from './thread.routes.ts';

export interface ApiDependencies {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  /** This archive's public base URL: the document's server; the request's origin when absent. */
  baseUrl?: string;
}

/** What the OpenAPI document says of the API as a whole. */
export const API_INFO = {
  title: 'Chancery API',
  version: '1',
  description:
    'Read-only JSON over the archive: records (canonical JSON, versions), search, people, places, organizations, collections and threads of correspondence. Every error is `{ error: { code, message } }`; GET is open to any origin (CORS).',
};

/**
 * The JSON API, to be mounted at `/api`: the routes with their schemas, the OpenAPI 3.1 document
 * generated from them at `/openapi.json`, CORS for GET, JSON for every error. The docs page
 * (`/api`) and the answer for unknown addresses are the mounting app's (see `apiNotFound`).
 *
 * @example app.route('/api', createApi({ store, authorities }));
 */
export function createApi(deps: ApiDependencies): OpenAPIHono {
  const api = new OpenAPIHono({
    // A request the route schemas refuse gets the one error shape, not zod's.
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'request';
      return errorResponse(
        c,
        new ChanceryError('request.invalid_parameter', `${field}: ${issue?.message ?? 'invalid'}.`, {
          field,
        }),
      );
    },
  });
  api.use(
    '*',
    cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Last-Modified'] }),
  );
  api.use('*', acceptJson);
  api.onError((error, c) => errorResponse(c, error));
  registerRecordRoutes(api, deps);
  registerSearchRoutes(api, deps);
  registerCatalogRoutes(api, deps);
  registerThreadRoutes(api, deps);
  api.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: API_INFO,
    servers: [{ url: `${siteBaseUrl(c, deps.baseUrl)}/api` }],
  }));
  return api;
}

/** The OpenAPI document of the API, as `/api/openapi.json` serves it. */
export function openApiDocument(api: OpenAPIHono, baseUrl: string) {
  return api.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO, servers: [{ url: `${baseUrl}/api` }] });
}

/**
 * The API speaks JSON only: an `Accept` header that admits neither JSON nor anything is a 406, in
 * JSON, rather than a body the client said it cannot read.
 */
const acceptJson: MiddlewareHandler = async (c, next) => {
  const accept = c.req.header('accept');
  if (accept && !acceptsJson(accept)) {
    return errorResponse(
      c,
      new ChanceryError(
        'request.not_acceptable',
        `This endpoint answers application/json only; the request accepts "${accept.slice(0, 100)}".`,
      ),
    );
  }
  await next();
};

/** True when an `Accept` header admits application/json (by type, wildcard, or `+json` suffix), with q above 0. */
export function acceptsJson(accept: string): boolean {
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    return (
      ['*/*', 'application/*', 'application/json'].includes(type.trim()) || type.trim().endsWith('+json')
    );
  });
}

/** The answer for an address under /api that names no endpoint: JSON, like every API error. */
export function apiNotFound(c: Context): Response {
  return errorResponse(
    c,
    new ChanceryError(
      'request.not_found',
      `No endpoint at ${c.req.method} ${c.req.path.slice(0, 200)}. The endpoints are listed at /api and described at /api/openapi.json.`,
    ),
  );
}
