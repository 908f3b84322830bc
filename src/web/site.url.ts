import type { Context } from 'hono';

/**
 * The archive's base URL: the one configured (`--base-url`, `CHANCERY_BASE_URL`) when there is
 * one, else the origin the request came to. Citations, canonical links, OAI-PMH identifiers and
 * sitemaps are built on it, never on a host a source page was scraped from.
 *
 * @example siteBaseUrl(c, 'https://chancery.example/') // 'https://chancery.example'
 */
export function siteBaseUrl(c: Context, configured?: string): string {
  return (configured ?? new URL(c.req.url).origin).replace(/\/+$/u, '');
}
