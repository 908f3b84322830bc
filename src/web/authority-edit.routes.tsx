import { type Context, Hono } from 'hono';
import { decideAuthority } from '../editing/authority.decide.ts';
import { ChanceryError, isChanceryError } from '../errors.ts';
import type { AuthorityDecision } from '../names/authority.decisions.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Authority } from '../record/record.types.ts';
import type { Store } from '../store/store.types.ts';
import { actorOf, text } from './account.routes.tsx';
import { csrfProtect, requireRole, type Viewer, viewerOf } from './auth.middleware.ts';
import { AuthorityEditPage, authorityHref, ReviewPage } from './authority-edit.pages.tsx';
import { NotFoundPage } from './error.page.tsx';
import { renderPage } from './page.render.ts';

/**
 * Editors keep the people, places and organizations: `/authorities/:id/edit` (rename, describe,
 * add or remove a name form with its source, merge another into it, split sources off), and
 * `/authorities/review`, the matches reconciliation left to them. Every change is one decision
 * (src/names/authority.decisions.ts), kept and audited, and the archive is reconciled with it.
 */
export function createAuthorityEditRoutes(deps: {
  /** The primary: decisions are written to it and read back from it, never from a lagging replica. */
  writer: Store;
  authorities: AuthorityIndex;
}): Hono {
  const app = new Hono();
  const editor = requireRole('editor');
  const csrf = csrfProtect();
  const decide = (c: Context, decision: AuthorityDecision, note: string) =>
    decideAuthority(
      { store: deps.writer, authorities: deps.authorities },
      decision,
      note,
      actorOf(c, viewerOf(c) as Viewer),
    );

  app.get('/authorities/review', editor, async (c) => renderReview(c));

  app.post('/authorities/review', editor, csrf, async (c) => {
    const body = await c.req.parseBody();
    const member = text(body.member);
    const candidate = text(body.candidate);
    try {
      if (text(body.action) === 'same') {
        const into = candidate ? (await deps.writer.getReconciled(candidate))?.members?.[0] : undefined;
        if (!into)
          throw new ChanceryError('request.invalid_parameter', 'candidate: choose whom it is the same as.', {
            field: 'candidate',
          });
        await decide(c, { kind: 'merge', into, from: member }, text(body.note));
      } else if (text(body.action) === 'distinct') {
        await decide(c, { kind: 'distinct', member }, text(body.note));
      } else {
        throw new ChanceryError('request.invalid_parameter', 'action: say "same" or "distinct".', {
          field: 'action',
        });
      }
    } catch (error) {
      return renderReview(c, problemOf(error));
    }
    return c.redirect('/authorities/review', 303);
  });

  app.get('/authorities/:id/edit', editor, async (c) => renderEdit(c, c.req.param('id')));

  app.post('/authorities/:id/edit', editor, csrf, async (c) => {
    const id = c.req.param('id');
    const authority = await deps.writer.getReconciled(id);
    if (!authority) return renderPage(c, <NotFoundPage />, 404);
    const body = await c.req.parseBody({ all: true });
    const field = (name: string) =>
      text(Array.isArray(body[name]) ? (body[name] as unknown[])[0] : body[name]);
    const member = field('member') || authority.members?.[0] || authority.id;
    let after = member;
    try {
      const decision = await decisionOf(field('action'));
      if (decision.kind === 'split') after = decision.members[0] as string;
      await decide(c, decision, field('note'));
    } catch (error) {
      return renderEdit(c, id, problemOf(error));
    }
    const now = await deps.writer.getReconciled(after);
    return c.redirect(now ? authorityHref(now) : '/', 303);

    async function decisionOf(action: string): Promise<AuthorityDecision> {
      switch (action) {
        case 'edit':
          return {
            kind: 'edit',
            member,
            name: field('name').trim(),
            description: field('description').trim() || null,
          };
        case 'add-name':
          return {
            kind: 'add-name',
            member,
            form: field('form').trim(),
            language: field('language').trim() || null,
            source: field('source').trim(),
          };
        case 'remove-name':
          return { kind: 'remove-name', member, form: field('form') };
        case 'merge': {
          const other = await deps.writer.getReconciled(field('other').trim());
          const from = other?.members?.[0] ?? other?.id;
          if (!from)
            throw new ChanceryError(
              'request.invalid_parameter',
              `other: no ${authority?.kind} has the id "${field('other').trim()}".`,
              {
                field: 'other',
              },
            );
          return { kind: 'merge', into: member, from };
        }
        case 'split': {
          const chosen = body.members;
          return {
            kind: 'split',
            members: (Array.isArray(chosen) ? chosen : [chosen]).map(text).filter(Boolean),
          };
        }
        default:
          throw new ChanceryError(
            'request.invalid_parameter',
            `action: "${action}" is no change this page makes.`,
            {
              field: 'action',
            },
          );
      }
    }
  });

  async function renderEdit(c: Context, id: string, problem?: string): Promise<Response> {
    const authority = await deps.writer.getReconciled(id);
    if (!authority) return renderPage(c, <NotFoundPage />, 404);
    const members = (
      await Promise.all(
        (authority.members ?? []).map(
          async (m) =>
            (await deps.writer.getAuthority(m)) ?? deps.authorities.base.find((a) => a.id === m) ?? null,
        ),
      )
    ).filter((a): a is Authority => a !== null);
    return renderPage(
      c,
      <AuthorityEditPage
        authority={authority}
        members={members}
        csrf={viewerOf(c)?.csrf ?? ''}
        problem={problem}
      />,
      problem ? 400 : 200,
    );
  }

  async function renderReview(c: Context, problem?: string): Promise<Response> {
    const items = await deps.writer.listReview();
    const ids = [...new Set(items.flatMap((i) => i.candidates))];
    const names = new Map(
      (await Promise.all(ids.map((id) => deps.writer.getReconciled(id))))
        .filter((a): a is Authority => a !== null)
        .map((a) => [a.id, a]),
    );
    return renderPage(
      c,
      <ReviewPage items={items} names={names} csrf={viewerOf(c)?.csrf ?? ''} problem={problem} />,
      problem ? 400 : 200,
    );
  }

  return app;
}

/** What is wrong with a decision, to show on the form; any other error goes on to the error handler. */
function problemOf(error: unknown): string {
  if (
    isChanceryError(error) &&
    (error.code === 'request.invalid_parameter' || error.code === 'record.invalid')
  )
    return error.message;
  throw error;
}
