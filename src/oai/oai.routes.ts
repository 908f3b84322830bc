import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import { siteBaseUrl } from '../web/site.url.ts';
import { answerOai, type OaiFormat, type OaiOptions } from './oai.service.ts';

export interface OaiDependencies {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  baseUrl?: string;
  formats?: OaiFormat[];
  repositoryName?: string;
  adminEmail?: string;
  pageSize?: OaiOptions['pageSize'];
}

/**
 * OAI-PMH 2.0 at `/oai`, by GET (query string) or POST (form body), as the protocol allows both.
 * Arguments are read as pairs, so that a repeated one is seen and refused.
 *
 * @example app.route('/', createOaiRoutes({ store, search, authorities }));
 */
export function createOaiRoutes(deps: OaiDependencies): Hono {
  const app = new Hono();
  app.use('/oai', cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'] }));
  const answer = async (c: Context, pairs: [string, string][]) => {
    const { baseUrl: configured, ...rest } = deps;
    const xml = await answerOai(pairs, { ...rest, baseUrl: siteBaseUrl(c, configured) });
    return c.body(xml, 200, { 'content-type': 'text/xml; charset=utf-8' });
  };
  app.get('/oai', (c) => answer(c, [...new URLSearchParams(new URL(c.req.url).search)]));
  app.post('/oai', async (c) => answer(c, [...new URLSearchParams(await c.req.text())]));
  return app;
}
