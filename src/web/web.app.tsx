import { Hono } from 'hono';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Store } from '../store/store.types.ts';

export interface WebDependencies {
  store: Store;
  authorities: AuthorityIndex;
}

/** Placeholder until the reading room lands. */
export function createWebApp(_deps: WebDependencies): Hono {
  const app = new Hono();
  app.get('/', (c) => c.text('Chancery'));
  return app;
}
