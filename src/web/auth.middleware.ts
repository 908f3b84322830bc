import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AccountDeps, Role, TokenScope, User } from '../accounts/accounts.types.ts';
import { newSecret } from '../accounts/secret.token.ts';
import { SESSION_DAYS, sessionOf } from '../accounts/sessions.service.ts';
import { tokenOf } from '../accounts/tokens.service.ts';
import { ChanceryError } from '../errors.ts';

/** The cookie of a logged-in browser: the session's secret. */
export const SESSION_COOKIE = 'chancery_session';
/** The cookie of an anonymous form's token (login, setup): double-submitted with the form. */
export const FORM_COOKIE = 'chancery_form';
/** The field every form of Chancery carries its CSRF token in. */
export const CSRF_FIELD = '_csrf';

/** Who is asking: an account by its session cookie or by an API token. */
export interface Viewer {
  user: User;
  via: 'session' | 'token';
  /** A token's scope; a session may do whatever its role allows. */
  scope: TokenScope | null;
  /** The session's form token (CSRF); null for a token. */
  csrf: string | null;
  /** The cookie's or the token's secret: logout ends this session. */
  secret: string;
}

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The viewer of a request, once `identify` has run. */
export function viewerOf(c: Context): Viewer | null {
  return (c.get('viewer' as never) as Viewer | undefined) ?? null;
}

/** The client's address, as the socket gives it (an address a client writes in a header is not believed). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Finds who is asking: `Authorization: Bearer <token>` (scripts) or the session cookie
 * (browsers). A token of `read` scope never changes anything: an unsafe method with it is refused
 * here, whatever route it is for.
 */
export function identify(deps: AccountDeps): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      const found = await tokenOf(deps, bearer);
      if (!found)
        throw new ChanceryError(
          'auth.required',
          'The API token is unknown, revoked, or of a disabled account.',
        );
      if (UNSAFE.has(c.req.method) && found.token.scope !== 'write') {
        throw new ChanceryError(
          'auth.scope',
          'This token may only read; a change needs a token of write scope.',
        );
      }
      c.set(
        'viewer' as never,
        { user: found.user, via: 'token', scope: found.token.scope, csrf: null, secret: bearer } as never,
      );
      // A token may read what the public does not (drafts for an editor, restricted records).
      await next();
      c.res.headers.set('cache-control', 'private, no-store');
      return;
    }
    const secret = getCookie(c, SESSION_COOKIE);
    const found = secret ? await sessionOf(deps, secret) : null;
    if (found && secret) {
      c.set(
        'viewer' as never,
        { user: found.user, via: 'session', scope: null, csrf: found.session.csrf, secret } as never,
      );
      // Pages of a logged-in reader may hold what the public does not see: never kept by a shared cache.
      await next();
      c.res.headers.set('cache-control', 'private, no-store');
      return;
    }
    await next();
  };
}

/**
 * Lets through an account of at least `role`: a browser without a session goes to the login page
 * (and comes back after), a script gets 401; a lesser role gets 403.
 */
export function requireRole(role: Role): MiddlewareHandler {
  return async (c, next) => {
    const viewer = viewerOf(c);
    if (!viewer) {
      if (c.req.method === 'GET' && !c.req.path.startsWith('/api/')) {
        return c.redirect(`/login?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`, 303);
      }
      throw new ChanceryError(
        'auth.required',
        'This needs an account: log in at /login, or send an API token.',
      );
    }
    if (RANK[viewer.user.role] < RANK[role]) {
      throw new ChanceryError(
        'auth.forbidden',
        `This needs the role ${role}; "${viewer.user.name}" is ${viewer.user.role}.`,
      );
    }
    await next();
  };
}

/**
 * Refuses a form sent from anywhere but this archive's own pages (cross-site request forgery):
 * every unsafe request by a browser carries the session's token in `_csrf` (or the anonymous
 * form's, double-submitted in a cookie), and a browser's `Origin`, when sent, is this site's.
 * Requests with an API token carry no cookie a forger could use, and are not asked.
 */
export function csrfProtect(): MiddlewareHandler {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method) || viewerOf(c)?.via === 'token') return next();
    // "null" is what a browser sends under the pages' `Referrer-Policy: no-referrer`: it names no
    // site, and the token below decides.
    const origin = c.req.header('origin');
    if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin) {
      throw new ChanceryError('auth.csrf', `A form of ${origin.slice(0, 100)} cannot change this archive.`);
    }
    const expected = viewerOf(c)?.csrf ?? getCookie(c, FORM_COOKIE) ?? '';
    const body = await c.req.parseBody();
    const sent =
      typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : (c.req.header('x-csrf-token') ?? '');
    if (!expected || !sameSecret(sent, expected)) {
      throw new ChanceryError(
        'auth.csrf',
        'This form is out of date or did not come from this archive; load the page again and resend it.',
      );
    }
    await next();
  };
}

/** The anonymous form token of this browser, set in its cookie when it has none. */
export function formToken(c: Context): string {
  const existing = getCookie(c, FORM_COOKIE);
  if (existing?.startsWith('form_')) return existing;
  const token = newSecret('form');
  setCookie(c, FORM_COOKIE, token, cookieOptions(c, 3600));
  return token;
}

/** Sets the session cookie after a login. */
export function setSessionCookie(c: Context, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, cookieOptions(c, SESSION_DAYS * 86_400));
}

export function clearSessionCookie(c: Context): void {
  setCookie(c, SESSION_COOKIE, '', cookieOptions(c, 0));
}

/** HttpOnly, SameSite=Lax, and Secure when the request came over TLS (itself or through a proxy that says so). */
function cookieOptions(c: Context, maxAge: number) {
  const secure =
    new URL(c.req.url).protocol === 'https:' ||
    c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  return { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure, maxAge };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Where to go after a login: a path of this site only (`/account`), never another site
 * (`//evil.example`, `/\evil.example`, `https://…`): no open redirect.
 */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/account';
  // A control character or a backslash: browsers read some of them as a way to another host.
  for (const ch of next) if (ch.charCodeAt(0) < 0x20 || ch === '\\') return '/account';
  return next;
}
