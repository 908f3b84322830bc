import { Hono } from 'hono';
import { publishRecord } from '../editing/record.publish.ts';
import { isChanceryError } from '../errors.ts';
import type { PublicationState } from '../store/record.publication.ts';
import type { Store } from '../store/store.types.ts';
import { actorOf, text } from './account.routes.tsx';
import { csrfProtect, requireRole, type Viewer, viewerOf } from './auth.middleware.ts';
import { BadRequestPage, NotFoundPage } from './error.page.tsx';
import { renderPage } from './page.render.ts';
import { RestrictedPage, UnpublishedPage } from './publication.pages.tsx';

/**
 * Publishing, for editors: set a record's state from its page (`POST /documents/:id/publish`,
 * the same service as `chancery publish`), and list what readers do not see (`/publishing`);
 * anyone with an account lists the records restricted to readers (`/restricted`).
 */
export function createPublicationRoutes(deps: {
  /** The primary: publication is written to and read from it, never from a replica that may lag. */
  writer: Store;
}): Hono {
  const app = new Hono();
  const editor = requireRole('editor');

  app.post('/documents/:id/publish', editor, csrfProtect(), async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const state = text(body.state) as PublicationState;
    // The form keeps the date of an embargo it shows: it counts only when the state chosen is one.
    const until = state === 'embargoed' ? text(body.until).trim() : '';
    try {
      await publishRecord(
        { store: deps.writer },
        {
          id,
          state,
          until: until || null,
          reason: text(body.reason),
        },
        actorOf(c, viewerOf(c) as Viewer),
      );
    } catch (error) {
      if (!isChanceryError(error)) throw error;
      if (error.code === 'record.not_found') return renderPage(c, <NotFoundPage documentId={id} />, 404);
      if (error.code === 'request.invalid_parameter')
        return renderPage(c, <BadRequestPage message={error.message} />, 400);
      throw error;
    }
    return c.redirect(`/documents/${encodeURIComponent(id)}`, 303);
  });

  app.get('/publishing', editor, async (c) =>
    renderPage(c, <UnpublishedPage records={await deps.writer.listUnpublished()} />),
  );

  app.get('/restricted', requireRole('reader'), async (c) => {
    const records = (await deps.writer.listUnpublished()).filter((r) => r.state === 'restricted');
    return renderPage(c, <RestrictedPage records={records} />);
  });

  return app;
}
