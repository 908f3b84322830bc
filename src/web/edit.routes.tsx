import { type Context, Hono } from 'hono';
import { formValues, recordFromForm } from '../editing/edit.form.ts';
import { compareRecords } from '../editing/record.compare.ts';
import { editRecord, keepCorrection, restoreVersion, takeHeldReading } from '../editing/record.edit.ts';
import { isChanceryError } from '../errors.ts';
import type { Store } from '../store/store.types.ts';
import { actorOf, text } from './account.routes.tsx';
import { csrfProtect, requireRole, type Viewer, viewerOf } from './auth.middleware.ts';
import { ComparePage, EditPage, HistoryPage } from './edit.pages.tsx';
import { BadRequestPage, NotFoundPage } from './error.page.tsx';
import { renderPage } from './page.render.ts';
import { readable, recordForViewer } from './record.access.ts';

/**
 * Corrections in the browser: an editor edits a record (every field, each text with its blocks
 * and marks) and says why; each save is a new version with who, when and why, audited. Anyone
 * reads a record's history and compares two versions; an editor restores one (as a new version)
 * and settles a source file that changed under a correction.
 *
 * Routes: `/documents/:id/edit` (GET, POST), `/documents/:id/history`,
 * `/documents/:id/compare?a=&b=`, `/documents/:id/restore` (POST), `/documents/:id/held` (POST).
 */
export function createEditRoutes(deps: {
  /** The primary: corrections are read from and written to it, never to a replica that may lag. */
  writer: Store;
  /** What the reading room reads through (the history of versions). */
  store: Store;
}): Hono {
  const app = new Hono();
  const editor = requireRole('editor');
  const csrf = csrfProtect();
  const { writer } = deps;

  app.get('/documents/:id/edit', editor, async (c) => {
    const saved = await writer.getSavedRecord(c.req.param('id'));
    if (!saved) return renderPage(c, <NotFoundPage documentId={c.req.param('id')} />, 404);
    return renderPage(
      c,
      <EditPage
        record={saved.record}
        version={saved.version}
        values={formValues(saved.record)}
        csrf={csrfOf(c)}
      />,
    );
  });

  app.post('/documents/:id/edit', editor, csrf, async (c) => {
    const id = c.req.param('id');
    const saved = await writer.getSavedRecord(id);
    if (!saved) return renderPage(c, <NotFoundPage documentId={id} />, 404);
    const body = await c.req.parseBody();
    const form = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, text(v)]));
    const baseVersion = Number(form.baseVersion);
    const note = form.note ?? '';
    try {
      await editRecord(
        { store: writer },
        { id, baseVersion, record: recordFromForm(saved.record, form), note },
        actorOf(c, viewerOf(c) as Viewer),
      );
      return c.redirect(`/documents/${encodeURIComponent(id)}/history`, 303);
    } catch (error) {
      if (!isChanceryError(error) || (error.code !== 'record.invalid' && error.code !== 'record.conflict'))
        throw error;
      // The form comes back as it was sent, with what is wrong and where.
      return renderPage(
        c,
        <EditPage
          record={saved.record}
          version={error.code === 'record.conflict' ? baseVersion : saved.version}
          values={{ ...formValues(saved.record), ...form }}
          csrf={csrfOf(c)}
          note={note}
          problem={{ message: error.message, field: error.location?.field }}
        />,
        error.code === 'record.conflict' ? 409 : 400,
      );
    }
  });

  app.get('/documents/:id/history', async (c) => {
    const id = c.req.param('id');
    const record = readable(await recordForViewer(c, deps.store, id));
    if (!record) return renderPage(c, <NotFoundPage documentId={id} />, 404);
    const viewer = viewerOf(c);
    const mayEdit = viewer?.via === 'session' && viewer.user.role !== 'reader';
    const [versions, held] = await Promise.all([
      deps.store.listVersions(id),
      mayEdit ? writer.getHeld(id) : Promise.resolve(null),
    ]);
    return renderPage(
      c,
      <HistoryPage
        id={id}
        title={record.title}
        versions={versions}
        held={held}
        csrf={mayEdit ? csrfOf(c) : null}
      />,
    );
  });

  app.get('/documents/:id/compare', async (c) => {
    const id = c.req.param('id');
    const a = Number(c.req.query('a'));
    const b = Number(c.req.query('b'));
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < 1) {
      return renderPage(c, <BadRequestPage message="Give two versions to compare: ?a=1&b=2." />, 400);
    }
    if (!readable(await recordForViewer(c, deps.store, id)))
      return renderPage(c, <NotFoundPage documentId={id} />, 404);
    const [before, after] = await Promise.all([
      deps.store.getSavedRecord(id, a),
      deps.store.getSavedRecord(id, b),
    ]);
    if (!before || !after) return renderPage(c, <NotFoundPage documentId={id} />, 404);
    return renderPage(
      c,
      <ComparePage
        id={id}
        title={after.record.title}
        a={a}
        b={b}
        comparison={compareRecords(before.record, after.record)}
      />,
    );
  });

  app.post('/documents/:id/restore', editor, csrf, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    await restoreVersion(
      { store: writer },
      { id, version: Number(text(body.version)), note: text(body.note) },
      actorOf(c, viewerOf(c) as Viewer),
    );
    return c.redirect(`/documents/${encodeURIComponent(id)}/history`, 303);
  });

  app.post('/documents/:id/held', editor, csrf, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const actor = actorOf(c, viewerOf(c) as Viewer);
    if (text(body.action) === 'take') {
      await takeHeldReading({ store: writer }, { id, note: text(body.note) }, actor);
    } else {
      await keepCorrection({ store: writer }, { id, note: text(body.note) }, actor);
    }
    return c.redirect(`/documents/${encodeURIComponent(id)}/history`, 303);
  });

  return app;
}

function csrfOf(c: Context): string {
  return viewerOf(c)?.csrf ?? '';
}
