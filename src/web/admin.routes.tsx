import { type Context, Hono } from 'hono';
import type { AccountDeps } from '../accounts/accounts.types.ts';
import { addUser, setDisabled, setRole } from '../accounts/users.service.ts';
import { actorOf, type FormStatus, formFailure, text } from './account.routes.tsx';
import { AuditPage, UsersPage } from './admin.pages.tsx';
import { csrfProtect, requireRole, type Viewer, viewerOf } from './auth.middleware.ts';
import { renderPage } from './page.render.ts';

/** Audit entries per page. */
const AUDIT_PAGE = 100;

/**
 * What admins keep: the accounts (add, role, disable, enable) and the audit log.
 *
 * Routes: `/admin/users` (GET, POST), `/admin/users/:name/role|disable|enable` (POST),
 * `/admin/audit?actor=&action=&target=&before=`.
 */
export function createAdminRoutes(deps: AccountDeps): Hono {
  const app = new Hono();
  const admin = requireRole('admin');
  const csrf = csrfProtect();

  app.get('/admin/users', admin, (c) => renderUsers(c));

  app.post('/admin/users', admin, csrf, async (c) => {
    const body = await c.req.parseBody();
    try {
      const user = await addUser(
        deps,
        { name: text(body.name), role: text(body.role), password: text(body.password) },
        actorOf(c, viewerOf(c) as Viewer),
      );
      return renderUsers(c, { notice: `Added ${user.role} "${user.name}".` });
    } catch (error) {
      return renderUsers(
        c,
        { problem: (error as Error).message },
        formFailure(error, ['account.invalid', 'account.exists']),
      );
    }
  });

  for (const change of ['role', 'disable', 'enable'] as const) {
    app.post(`/admin/users/:name/${change}`, admin, csrf, async (c) => {
      const name = c.req.param('name');
      const actor = actorOf(c, viewerOf(c) as Viewer);
      try {
        if (change === 'role') await setRole(deps, name, text((await c.req.parseBody()).role), actor);
        else await setDisabled(deps, name, change === 'disable', actor);
      } catch (error) {
        return renderUsers(
          c,
          { problem: (error as Error).message },
          formFailure(error, ['account.invalid', 'account.not_found']),
        );
      }
      return c.redirect('/admin/users', 303);
    });
  }

  app.get('/admin/audit', admin, async (c) => {
    const filters = {
      actor: c.req.query('actor'),
      action: c.req.query('action'),
      target: c.req.query('target'),
    };
    const before = Number(c.req.query('before'));
    const entries = await deps.audit.list({
      limit: AUDIT_PAGE,
      ...(Number.isInteger(before) && before > 0 ? { before } : {}),
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    });
    const query = Object.entries(filters)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}&`)
      .join('');
    const next = entries.length === AUDIT_PAGE ? String(entries.at(-1)?.seq) : null;
    return renderPage(c, <AuditPage entries={entries} query={query} next={next} />);
  });

  async function renderUsers(
    c: Context,
    extra: { problem?: string; notice?: string } = {},
    status: FormStatus = 200,
  ): Promise<Response> {
    const viewer = viewerOf(c) as Viewer;
    return renderPage(
      c,
      <UsersPage users={await deps.accounts.listUsers()} csrf={viewer.csrf ?? ''} {...extra} />,
      status,
    );
  }

  return app;
}
