import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSetup } from '../../src/accounts/sessions.service.ts';
import { addToken } from '../../src/accounts/tokens.service.ts';
import { addUser } from '../../src/accounts/users.service.ts';
import { type App, openApp } from '../../src/app.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { bothBackends } from '../support/backends.ts';
import { CABLE_SEED } from '../support/shared-paths.ts';

/**
 * Accounts in the reading room, in-process through `app.request` with a cookie jar per browser:
 * the first admin's setup link, login and its limits, session fixation, open redirects, CSRF on
 * every form, logout everywhere, API tokens and their scopes, and the authorization matrix of
 * every account route for anonymous visitors, readers, editors and admins.
 */
const PASSWORD = 'correct horse battery staple';
const CLI = { name: 'cli:test', address: 'cli' };

let app: App;
let web: ReturnType<typeof createWebApp>;

const { backends } = bothBackends('accounts_web');

/** A browser: its cookies, kept between requests as a browser keeps them. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly address = '192.0.2.1') {}

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const response = await web.request(
      path,
      {
        ...init,
        headers,
        ...(body !== undefined ? { body } : {}),
        method: init.method ?? (init.form ? 'POST' : 'GET'),
      },
      { incoming: { socket: { remoteAddress: this.address } } },
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0/i.test(line) || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The CSRF token of the form on a page. */
  async csrfOf(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(token, `a form with a CSRF token on ${path}`);
    return token;
  }

  async login(name: string, password = PASSWORD, next = ''): Promise<Response> {
    const csrf = await this.csrfOf('/login');
    return this.request('/login', { form: { _csrf: csrf, name, password, next } });
  }
}

async function browserOf(name: string): Promise<Browser> {
  const browser = new Browser();
  const response = await browser.login(name);
  assert.equal(response.status, 303, `${name} logs in`);
  return browser;
}

for (const [backend, dbFor] of backends) describeAccounts(backend, dbFor);

function describeAccounts(backend: string, dbFor: (name: string) => string): void {
  describe(`accounts in the reading room on ${backend}`, () => {
    before(async () => {
      app = await openApp({ db: dbFor('accounts') });
      const { ingestPaths } = await import('../../src/ingest/ingest.batch.ts');
      await ingestPaths({ paths: [CABLE_SEED], ...app });
      web = createWebApp(app);
    });
    after(() => app?.close());

    test('the first admin: the setup link works once, with its form token, and logs the admin in', async () => {
      const secret = (await startSetup(app)) as string;
      const browser = new Browser();
      assert.equal((await browser.request('/setup?token=setup_nope')).status, 403);
      const page = await browser.request(`/setup?token=${secret}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string;
      // Without the form token (a form posted from another site) nothing is made.
      const forged = await new Browser().request('/setup', {
        form: { token: secret, name: 'root', password: PASSWORD },
      });
      assert.equal(forged.status, 403);
      assert.equal(await app.accounts.countUsers(), 0);
      const made = await browser.request('/setup', {
        form: { _csrf: csrf, token: secret, name: 'root', password: PASSWORD },
      });
      assert.equal(made.status, 303);
      assert.equal(made.headers.get('location'), '/admin/users');
      const cookie = made.headers.getSetCookie().find((c) => c.startsWith('chancery_session='));
      assert.match(cookie ?? '', /HttpOnly/);
      assert.match(cookie ?? '', /SameSite=Lax/);
      assert.doesNotMatch(cookie ?? '', /Secure/, 'plain HTTP: a Secure cookie would never come back');
      assert.equal((await browser.request('/admin/users')).status, 200);
      const again = await new Browser().request(`/setup?token=${secret}`);
      assert.equal(again.status, 403, 'used once');
      await addUser(app, { name: 'reader1', role: 'reader', password: PASSWORD }, CLI);
      await addUser(app, { name: 'editor1', role: 'editor', password: PASSWORD }, CLI);
    });

    test('behind TLS the session cookie is Secure', async () => {
      const browser = new Browser();
      const csrf = await browser.csrfOf('/login');
      const response = await browser.request('/login', {
        form: { _csrf: csrf, name: 'editor1', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.match(
        response.headers.getSetCookie().find((c) => c.startsWith('chancery_session=')) ?? '',
        /; Secure/,
      );
    });

    test('a wrong password is one message; a session planted before the login is never the one after it', async () => {
      const browser = new Browser();
      const wrong = await browser.login('editor1', 'not the password at all');
      assert.equal(wrong.status, 401);
      assert.match(await wrong.text(), /The name or the password is wrong/);
      const unknown = await browser.login('nobody', PASSWORD);
      assert.equal(unknown.status, 401);
      // Session fixation: an attacker sets the victim's cookie to a value of their choosing.
      browser.cookies.set('chancery_session', 'session_planted-by-an-attacker');
      assert.equal((await browser.request('/account')).status, 303, 'the planted value opens nothing');
      const ok = await browser.login('editor1');
      assert.equal(ok.status, 303);
      const after = browser.cookies.get('chancery_session') ?? '';
      assert.notEqual(after, 'session_planted-by-an-attacker');
      assert.match(after, /^session_/);
      const page = await browser.request('/account');
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'private, no-store');
    });

    test('after a login only a path of this site is followed: no open redirect', async () => {
      const cases: [string, string][] = [
        ['/search?q=Kaesong', '/search?q=Kaesong'],
        ['//evil.example/', '/account'],
        ['/\\evil.example', '/account'],
        ['https://evil.example/', '/account'],
        ['javascript:alert(1)', '/account'],
        ['/%0d%0aLocation: https://evil.example', '/%0d%0aLocation: https://evil.example'],
      ];
      for (const [next, location] of cases) {
        const response = await new Browser().login('editor1', PASSWORD, next);
        assert.equal(response.headers.get('location'), location, `next=${next}`);
      }
      // The login page itself, asked with ?next=, keeps only a safe one in its form.
      const html = await (await new Browser().request('/login?next=//evil.example')).text();
      assert.match(html, /name="next" value="\/account"/);
    });

    test('every form refuses a request without its token, with a wrong one, or from another origin', async () => {
      const browser = await browserOf('editor1');
      const csrf = await browser.csrfOf('/account');
      const forms: [string, Record<string, string>][] = [
        ['/account/tokens', { label: 'x', scope: 'read' }],
        ['/account/password', { current: PASSWORD, password: `${PASSWORD} new` }],
        ['/logout/everywhere', {}],
        ['/logout', {}],
      ];
      for (const [path, form] of forms) {
        assert.equal((await browser.request(path, { form })).status, 403, `${path} without a token`);
        assert.equal(
          (await browser.request(path, { form: { ...form, _csrf: `${csrf}x` } })).status,
          403,
          `${path} with a wrong one`,
        );
        const crossSite = await browser.request(path, {
          form: { ...form, _csrf: csrf },
          headers: { origin: 'https://evil.example' },
        });
        assert.equal(crossSite.status, 403, `${path} from another origin`);
      }
      assert.equal((await browser.request('/account')).status, 200, 'still logged in: nothing went through');
      // A browser under the pages' no-referrer policy sends `Origin: null`: the token decides.
      const withNull = await browser.request('/account/tokens', {
        form: { _csrf: csrf, label: 'origin null', scope: 'read' },
        headers: { origin: 'null' },
      });
      assert.equal(withNull.status, 200);
      const made = await browser.request('/account/tokens', {
        form: { _csrf: csrf, label: 'with its token', scope: 'read' },
      });
      assert.equal(made.status, 200);
      // The login form of an anonymous browser is protected by its own token.
      assert.equal(
        (await new Browser().request('/login', { form: { name: 'editor1', password: PASSWORD } })).status,
        403,
      );
    });

    test('logout everywhere ends the sessions of every browser', async () => {
      const first = await browserOf('editor1');
      const second = await browserOf('editor1');
      assert.equal((await second.request('/account')).status, 200);
      const csrf = await first.csrfOf('/account');
      assert.equal((await first.request('/logout/everywhere', { form: { _csrf: csrf } })).status, 303);
      assert.equal((await first.request('/account')).status, 303);
      const other = await second.request('/account');
      assert.equal(other.status, 303);
      assert.match(other.headers.get('location') ?? '', /^\/login\?next=%2Faccount/);
    });

    test('logins are limited per account: the sixth try within 15 minutes is refused, right password or not', async () => {
      await addUser(app, { name: 'target', role: 'editor', password: PASSWORD }, CLI);
      for (let i = 0; i < 5; i++) {
        assert.equal((await new Browser(`198.51.100.${i}`).login('target', 'a wrong password')).status, 401);
      }
      const refused = await new Browser('198.51.100.99').login('target');
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '900');
      assert.match(await refused.text(), /Too many failed logins/);
    });

    test('API tokens: a read token reads and changes nothing, a write token passes, a revoked one is refused', async () => {
      const read = await addToken(app, { user: 'reader1', scope: 'read', label: 'harvest' }, CLI);
      const write = await addToken(app, { user: 'editor1', scope: 'write', label: 'uploads' }, CLI);
      const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
      const reading = await web.request('/api/records', { headers: bearer(read.secret) });
      assert.equal(reading.status, 200);
      assert.equal(reading.headers.get('cache-control'), 'private, no-store', 'no shared cache keeps it');
      const change = await web.request('/api/records', {
        method: 'POST',
        headers: bearer(read.secret),
        body: '{}',
      });
      assert.equal(change.status, 403);
      assert.equal(((await change.json()) as { error: { code: string } }).error.code, 'auth.scope');
      const written = await web.request('/api/records', {
        method: 'POST',
        headers: bearer(write.secret),
        body: '{}',
      });
      assert.notEqual(written.status, 403, 'a write token is let through (to whatever the API answers)');
      assert.notEqual(written.status, 401);
      const unknown = await web.request('/api/records', { headers: bearer('chancery_not-a-token') });
      assert.equal(unknown.status, 401);
      // A token carries no cookie a forger could use: it needs no CSRF token for a change.
      const page = await web.request('/account', { headers: bearer(write.secret) });
      assert.equal(page.status, 200);
    });

    test('what an account enters is escaped on every page that shows it', async () => {
      const browser = await browserOf('editor1');
      const csrf = await browser.csrfOf('/account');
      const label = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      await browser.request('/account/tokens', { form: { _csrf: csrf, label, scope: 'read' } });
      const admin = await browserOf('root');
      for (const [who, path] of [
        [browser, '/account'],
        [admin, '/admin/audit'],
      ] as const) {
        const html = await (await who.request(path)).text();
        assert.ok(!html.includes('<script>alert(1)'), `${path} escapes the label`);
        assert.ok(!html.includes('<img src=x'), `${path} escapes the label`);
        assert.ok(
          html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') || html.includes('\\u003cscript'),
          `${path} shows it as text`,
        );
      }
    });

    test('the authorization matrix: every account route for anonymous visitors, readers, editors and admins', async () => {
      const browsers = {
        anonymous: new Browser(),
        reader: await browserOf('reader1'),
        editor: await browserOf('editor1'),
        admin: await browserOf('root'),
      };
      await addUser(app, { name: 'spare', role: 'reader', password: PASSWORD }, CLI);
      type Who = keyof typeof browsers;
      // GET: 200 allowed, 303 to the login page, 403 a lesser role.
      const pages: [string, Record<Who, number>][] = [
        ['/', { anonymous: 200, reader: 200, editor: 200, admin: 200 }],
        ['/search?q=Kaesong', { anonymous: 200, reader: 200, editor: 200, admin: 200 }],
        ['/login', { anonymous: 200, reader: 303, editor: 303, admin: 303 }],
        ['/account', { anonymous: 303, reader: 200, editor: 200, admin: 200 }],
        ['/admin/users', { anonymous: 303, reader: 403, editor: 403, admin: 200 }],
        ['/admin/audit', { anonymous: 303, reader: 403, editor: 403, admin: 200 }],
      ];
      for (const [path, expected] of pages) {
        for (const [who, browser] of Object.entries(browsers) as [Who, Browser][]) {
          assert.equal((await browser.request(path)).status, expected[who], `GET ${path} as ${who}`);
        }
      }
      // POST with each browser's own form token: 401 without an account, 403 a lesser role.
      const forms: [string, Record<string, string>, Record<Who, number>][] = [
        [
          '/account/tokens',
          { label: 'm', scope: 'read' },
          { anonymous: 401, reader: 200, editor: 200, admin: 200 },
        ],
        [
          '/admin/users',
          { name: 'made', role: 'reader', password: PASSWORD },
          { anonymous: 401, reader: 403, editor: 403, admin: 200 },
        ],
        [
          '/admin/users/spare/role',
          { role: 'editor' },
          { anonymous: 401, reader: 403, editor: 403, admin: 303 },
        ],
        ['/admin/users/spare/disable', {}, { anonymous: 401, reader: 403, editor: 403, admin: 303 }],
        ['/admin/users/spare/enable', {}, { anonymous: 401, reader: 403, editor: 403, admin: 303 }],
      ];
      for (const [path, form, expected] of forms) {
        for (const [who, browser] of Object.entries(browsers) as [Who, Browser][]) {
          const csrf =
            who === 'anonymous' ? await browser.csrfOf('/login') : await browser.csrfOf('/account');
          const response = await browser.request(path, { form: { ...form, _csrf: csrf } });
          assert.equal(response.status, expected[who], `POST ${path} as ${who}`);
        }
      }
      assert.equal(
        (await app.accounts.getUserByName('spare'))?.role,
        'editor',
        "the admin's change, and only it, was made",
      );
    });

    test('the audit log in the browser lists logins, failures and changes with their address', async () => {
      const admin = await browserOf('root');
      const html = await (await admin.request('/admin/audit?action=session.login_failed')).text();
      assert.match(html, /session\.login_failed/);
      assert.match(html, /198\.51\.100\.\d/);
      assert.doesNotMatch(html, /<td>session\.login<\/td>/);
      const all = await (await admin.request('/admin/audit')).text();
      for (const action of [
        'user.add',
        'user.role',
        'user.disable',
        'token.add',
        'session.logout_everywhere',
      ]) {
        assert.ok(all.includes(`<td>${action}</td>`), `${action} listed`);
      }
    });
  });
}
