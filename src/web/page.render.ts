import type { Context } from 'hono';
import type { Child } from 'hono/jsx';

/**
 * Sends a page: Hono's JSX renders the markup, and the doctype is the one string it cannot produce.
 *
 * @example return renderPage(c, <NotFoundPage />, 404);
 */
export async function renderPage(
  c: Context,
  page: Child,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 414 | 429 | 500 | 503 = 200,
): Promise<Response> {
  const markup = await Promise.resolve(page?.toString() ?? '');
  return c.html(`<!DOCTYPE html>${markup}`, status);
}
