import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';

/**
 * Serves the reading room over HTTP on Node. The adapter's own lighter `Response` is left out
 * (`overrideGlobalObjects: false`): Hono answers HEAD with `new Response(null, response)`, and
 * the lighter one copies only the headers a response was created with, so HEAD lost every header
 * the middleware adds (the security headers among them).
 *
 * @example const server = await listenWeb(web, { port: 3000, hostname: 'localhost' });
 */
export function listenWeb(web: Hono, options: { port: number; hostname: string }): Promise<ServerType> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: web.fetch, port: options.port, hostname: options.hostname, overrideGlobalObjects: false },
      () => resolve(server),
    );
  });
}

/** The port a server listens on (a server started on port 0 is given one). */
export function portOf(server: ServerType): number {
  return (server.address() as AddressInfo).port;
}
