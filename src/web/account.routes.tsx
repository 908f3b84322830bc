import { type Context, Hono } from 'hono';
import type { AccountDeps, Actor } from '../accounts/accounts.types.ts';
import { verifyPassword } from '../accounts/password.hash.ts';
import {
  completeSetup,
  login,
  logout,
  logoutEverywhere,
  setupTokenValid,
} from '../accounts/sessions.service.ts';
import { addToken, revokeToken } from '../accounts/tokens.service.ts';
import { setPassword } from '../accounts/users.service.ts';
import { httpStatusFor } from '../api/http.errors.ts';
import { type ErrorCode, isChanceryError } from '../errors.ts';
import { AccountPage, LoginPage, SetupPage } from './account.pages.tsx';
import {
  clearSessionCookie,
  clientAddress,
  csrfProtect,
  formToken,
  requireRole,
  safeNext,
  setSessionCookie,
  type Viewer,
  viewerOf,
} from './auth.middleware.ts';
import { AccessPage } from './error.page.tsx';
import { renderPage } from './page.render.ts';

/**
 * Logging in and out, one's own account (password, API tokens), and the first admin's setup.
 * Every form carries a CSRF token (auth.middleware.ts); every change goes to the audit log.
 *
 * Routes: `/login`, `/logout`, `/logout/everywhere`, `/account`, `/account/password`,
 * `/account/tokens`, `/account/tokens/:id/revoke`, `/setup?token=…`.
 */
export function createAccountRoutes(deps: AccountDeps): Hono {
  const app = new Hono();
  const csrf = csrfProtect();
  const member = requireRole('reader');

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'));
    if (viewerOf(c)) return c.redirect(next, 303);
    return renderPage(c, <LoginPage csrf={formToken(c)} next={next} />);
  });

  app.post('/login', csrf, async (c) => {
    const body = await c.req.parseBody();
    const name = text(body.name);
    const next = safeNext(text(body.next));
    try {
      const started = await login(deps, { name, password: text(body.password), address: clientAddress(c) });
      setSessionCookie(c, started.secret);
      return c.redirect(next, 303);
    } catch (error) {
      const status = formFailure(error, ['auth.failed', 'auth.throttled']);
      if (status === 429) c.header('Retry-After', '900');
      return renderPage(
        c,
        <LoginPage csrf={formToken(c)} next={next} name={name} problem={(error as Error).message} />,
        status,
      );
    }
  });

  app.post('/logout', csrf, async (c) => {
    const viewer = viewerOf(c);
    if (viewer?.via === 'session') await logout(deps, viewer.secret, actorOf(c, viewer));
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  app.post('/logout/everywhere', member, csrf, async (c) => {
    const viewer = viewerOf(c) as Viewer;
    await logoutEverywhere(deps, viewer.user, actorOf(c, viewer));
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });

  app.get('/account', member, async (c) => renderAccount(c));

  app.post('/account/password', member, csrf, async (c) => {
    const viewer = viewerOf(c) as Viewer;
    const body = await c.req.parseBody();
    if (!(await verifyPassword(text(body.current), viewer.user.passwordHash))) {
      return renderAccount(c, { problem: 'The current password is wrong; nothing was changed.' }, 400);
    }
    try {
      await setPassword(deps, viewer.user.name, text(body.password), actorOf(c, viewer));
    } catch (error) {
      return renderAccount(c, { problem: (error as Error).message }, formFailure(error, ['account.invalid']));
    }
    // A new password ends every session, this one too: log in with it.
    clearSessionCookie(c);
    return c.redirect('/login?next=/account', 303);
  });

  app.post('/account/tokens', member, csrf, async (c) => {
    const viewer = viewerOf(c) as Viewer;
    const body = await c.req.parseBody();
    try {
      const made = await addToken(
        deps,
        { user: viewer.user.name, scope: text(body.scope) || 'read', label: text(body.label) },
        actorOf(c, viewer),
      );
      return renderAccount(c, { newToken: made });
    } catch (error) {
      return renderAccount(c, { problem: (error as Error).message }, formFailure(error, ['account.invalid']));
    }
  });

  app.post('/account/tokens/:id/revoke', member, csrf, async (c) => {
    const viewer = viewerOf(c) as Viewer;
    try {
      await revokeToken(deps, c.req.param('id'), actorOf(c, viewer), viewer.user);
    } catch (error) {
      return renderAccount(
        c,
        { problem: (error as Error).message },
        formFailure(error, ['account.not_found']),
      );
    }
    return c.redirect('/account', 303);
  });

  app.get('/setup', async (c) => {
    const secret = c.req.query('token') ?? '';
    if (!(await setupTokenValid(deps, secret))) return setupRefused(c);
    return renderPage(c, <SetupPage csrf={formToken(c)} secret={secret} />);
  });

  app.post('/setup', csrf, async (c) => {
    const body = await c.req.parseBody();
    const secret = text(body.token);
    try {
      const started = await completeSetup(deps, {
        secret,
        name: text(body.name),
        password: text(body.password),
        address: clientAddress(c),
      });
      setSessionCookie(c, started.secret);
      return c.redirect('/admin/users', 303);
    } catch (error) {
      if (isChanceryError(error) && error.code === 'auth.forbidden') return setupRefused(c);
      return renderPage(
        c,
        <SetupPage csrf={formToken(c)} secret={secret} problem={(error as Error).message} />,
        formFailure(error, ['account.invalid']),
      );
    }
  });

  async function renderAccount(
    c: Context,
    extra: Omit<Parameters<typeof AccountPage>[0], 'user' | 'csrf' | 'tokens'> = {},
    status: FormStatus = 200,
  ): Promise<Response> {
    const viewer = viewerOf(c) as Viewer;
    const tokens = await deps.accounts.listTokens(viewer.user.id);
    return renderPage(
      c,
      <AccountPage user={viewer.user} csrf={viewer.csrf ?? ''} tokens={tokens} {...extra} />,
      status,
    );
  }

  return app;
}

function setupRefused(c: Context): Promise<Response> {
  return renderPage(
    c,
    <AccessPage
      title="This setup link does not work"
      message="It has been used, has expired, or the archive has accounts already. An admin adds accounts at /admin/users, or on the server: chancery user add NAME --role admin."
    />,
    403,
  );
}

/** Who does what from where, for the audit log. */
export function actorOf(c: Context, viewer: Viewer): Actor {
  return { name: viewer.user.name, address: clientAddress(c) };
}

/** A form field as text (a file sent instead is no text). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The status of a form sent back with its problem; any other error goes on to the error handler. */
/** The statuses of a page with a form on it. */
export type FormStatus = 200 | 400 | 401 | 404 | 409 | 429;

export function formFailure(error: unknown, expected: ErrorCode[]): Exclude<FormStatus, 200> {
  if (!isChanceryError(error) || !expected.includes(error.code)) throw error;
  return httpStatusFor(error.code) as Exclude<FormStatus, 200>;
}
