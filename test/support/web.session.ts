import type { Hono } from 'hono';

/** A browser's cookie and the form token its pages carry. */
export interface WebSession {
  cookie: string;
  csrf: string;
}

/**
 * A browser of the web app, in-process: with a name, logged in through the login form (a fresh
 * session each time), its form token read from its account page; without, an anonymous browser
 * with the login form's token.
 *
 * @example const editor = await webSession(web, 'ed', PASSWORD);
 */
export async function webSession(web: Hono, name: string | null, password = ''): Promise<WebSession> {
  const page = await web.request('/login');
  const formCookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  const formToken = tokenIn(await page.text());
  if (name === null) return { cookie: formCookie, csrf: formToken };
  const login = await web.request('/login', {
    method: 'POST',
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: formToken, name, password }).toString(),
  });
  const session = login.headers.getSetCookie().find((c) => c.startsWith('chancery_session='));
  if (!session) throw new Error(`${name} could not log in (${login.status})`);
  const cookie = session.split(';')[0] as string;
  const account = await (await web.request('/account', { headers: { cookie } })).text();
  return { cookie, csrf: tokenIn(account) };
}

function tokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no form token');
  return token;
}
