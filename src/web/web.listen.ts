import type { AddressInfo } from 'node:net';
import { type Http2Bindings, type HttpBindings, type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { FairGate } from './fair.gate.ts';

/** Requests of one process worked on at once (fair.gate.ts): enough that requests waiting on a search thread leave others room (bench/load: 479 requests/s at 16, 349 at 8). */
const CONCURRENT_REQUESTS = 16;

/**
 * Serves the reading room over HTTP on Node, a connection's first request ahead of the requests
 * of connections already served (fair.gate.ts). The adapter's own lighter `Response` is left out
 * (`overrideGlobalObjects: false`): Hono answers HEAD with `new Response(null, response)`, and
 * the lighter one copies only the headers a response was created with, so HEAD lost every header
 * the middleware adds (the security headers among them).
 *
 * @example const server = await listenWeb(web, { port: 3000, hostname: 'localhost' });
 */
export function listenWeb(web: Hono, options: { port: number; hostname: string }): Promise<ServerType> {
  const gate = new FairGate(CONCURRENT_REQUESTS);
  const fetch = (request: Request, env: HttpBindings | Http2Bindings) =>
    gate.run(env.incoming?.socket, async () => web.fetch(request, env));
  return new Promise((resolve) => {
    const server = serve(
      { fetch, port: options.port, hostname: options.hostname, overrideGlobalObjects: false },
      () => resolve(server),
    );
  });
}

/** The port a server listens on (a server started on port 0 is given one). */
export function portOf(server: ServerType): number {
  return (server.address() as AddressInfo).port;
}
