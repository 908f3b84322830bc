import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { addUser } from '../../src/accounts/users.service.ts';
import { type App, openApp } from '../../src/app.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { CABLE_SEED } from '../support/shared-paths.ts';
import { type WebSession, webSession } from '../support/web.session.ts';

/**
 * The authorization matrix: every route of the web app (read from the app itself, so that a new
 * route without a rule here fails this test) × anonymous, reader, editor and admin. Public routes
 * answer all four alike; the others let in their role and above, send an anonymous browser to the
 * login page (GET) or answer 401 (POST), and answer 403 to a lesser role. Every POST carries the
 * sender's own form token: what is tested is the role, not CSRF.
 */
type Who = 'anonymous' | 'reader' | 'editor' | 'admin';
type Rule = 'public' | 'reader' | 'editor' | 'admin' | 'anonymous-only' | 'setup-link' | 'login';
const WHO: Who[] = ['anonymous', 'reader', 'editor', 'admin'];
const RANK: Record<Who, number> = { anonymous: -1, reader: 0, editor: 1, admin: 2 };
const PASSWORD = 'correct horse battery staple';

/** Who may use each route; `/documents/:id` stands for every route under a document. */
const RULES: Record<string, Rule> = {
  'GET /login': 'anonymous-only',
  'POST /login': 'login',
  'GET /setup': 'setup-link',
  'POST /setup': 'setup-link',
  'POST /logout': 'public',
  'POST /logout/everywhere': 'reader',
  'GET /account': 'reader',
  'POST /account/password': 'reader',
  'POST /account/tokens': 'reader',
  'POST /account/tokens/:id/revoke': 'reader',
  'GET /admin/users': 'admin',
  'POST /admin/users': 'admin',
  'POST /admin/users/:name/role': 'admin',
  'POST /admin/users/:name/disable': 'admin',
  'POST /admin/users/:name/enable': 'admin',
  'GET /admin/audit': 'admin',
  'GET /documents/:id/edit': 'editor',
  'POST /documents/:id/edit': 'editor',
  'POST /documents/:id/restore': 'editor',
  'POST /documents/:id/held': 'editor',
  'POST /documents/:id/publish': 'editor',
  'GET /publishing': 'editor',
  'GET /restricted': 'reader',
  'GET /authorities/review': 'editor',
  'POST /authorities/review': 'editor',
  'GET /authorities/:id/edit': 'editor',
  'POST /authorities/:id/edit': 'editor',
  'GET /upload': 'editor',
  'POST /upload': 'editor',
  'GET /upload/:job': 'editor',
};

let app: App;
let web: ReturnType<typeof createWebApp>;
let id: string;
const dir = mkdtempSync(join(tmpdir(), 'chancery-authz-'));

before(async () => {
  app = await openApp({ db: ':memory:' });
  await ingestPaths({ paths: [CABLE_SEED], ...app });
  id = (await app.store.listRecords())[0]?.id as string;
  web = createWebApp({ ...app, uploadsDir: join(dir, 'uploads') });
  const cli = { name: 'cli:test', address: 'cli' };
  for (const role of ['reader', 'editor', 'admin'] as const) {
    await addUser(app, { name: role, role, password: PASSWORD }, cli);
  }
  await addUser(app, { name: 'spare', role: 'reader', password: PASSWORD }, cli);
});
after(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh session of a role (a POST may end the one it came with), or an anonymous browser. */
function browserOf(who: Who): Promise<WebSession> {
  return webSession(web, who === 'anonymous' ? null : who, PASSWORD);
}

function concrete(path: string): string {
  return path
    .replace(':id/revoke', 'no-such-token/revoke')
    .replace(':id', id)
    .replace(':name', 'spare')
    .replace(':job', 'no-such-job')
    .replace(':facet', 'type')
    .replace(':file', 'sitemap-1.xml')
    .replace(':version', '1');
}

function expected(rule: Rule, method: string, who: Who): (status: number) => boolean {
  const allowed = (s: number) => s !== 401 && s !== 403 && s < 500;
  switch (rule) {
    case 'public':
      return allowed;
    case 'anonymous-only':
      return who === 'anonymous' ? (s) => s === 200 : (s) => s === 303;
    case 'login':
      // The form sent without a name or password: a failed login, for everyone alike.
      return (s) => s === 401;
    case 'setup-link':
      // No setup link was printed: the page refuses everyone alike.
      return (s) => s === 403;
    default:
      if (RANK[who] >= RANK[rule]) return allowed;
      if (who === 'anonymous') return method === 'GET' ? (s) => s === 303 : (s) => s === 401;
      return (s) => s === 403;
  }
}

test('every route of the web app × anonymous, reader, editor, admin', async () => {
  const routes = [
    ...new Set(
      web.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST')
        .filter((r) => !r.path.startsWith('/api/') && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
  assert.ok(routes.length > 60, `${routes.length} routes`);
  const sessions = Object.fromEntries(
    await Promise.all(WHO.map(async (w) => [w, await browserOf(w)] as const)),
  );
  const failures: string[] = [];
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const rule = RULES[route] ?? (method === 'GET' || route === 'POST /oai' ? 'public' : null);
    assert.ok(rule, `${route} has no rule: say who may use it`);
    const statuses: number[] = [];
    for (const who of WHO) {
      // A fresh session where the route is not public: a POST before it may have ended the last one.
      const session = rule === 'public' ? (sessions[who] as WebSession) : await browserOf(who);
      const body =
        method === 'POST'
          ? new URLSearchParams({
              _csrf: session.csrf,
              verb: 'Identify',
              note: 'matrix',
              version: '1',
            }).toString()
          : undefined;
      const response = await web.request(concrete(path), {
        method,
        headers: {
          cookie: session.cookie,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) }),
        },
        ...(body === undefined ? {} : { body }),
      });
      statuses.push(response.status);
      if (!expected(rule, method, who)(response.status))
        failures.push(`${route} as ${who}: ${response.status} (${rule})`);
    }
    // A public route answers everyone alike: no role sees more or less of it.
    if (rule === 'public' && method === 'GET' && new Set(statuses).size > 1) {
      failures.push(`${route}: ${statuses.join(', ')} for ${WHO.join(', ')}`);
    }
  }
  assert.deepEqual(failures, []);
});
