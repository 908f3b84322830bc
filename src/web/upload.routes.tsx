import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import type { AuditLog } from '../accounts/audit.types.ts';
import { saveUploads, type UploadedFile } from '../ingest/upload.files.ts';
import type { JobQueue } from '../jobs/job-queue.types.ts';
import { actorOf } from './account.routes.tsx';
import { csrfProtect, requireRole, type Viewer, viewerOf } from './auth.middleware.ts';
import { NotFoundPage } from './error.page.tsx';
import { renderPage } from './page.render.ts';
import { REQUEST_LIMITS } from './request.limits.ts';
import { UPLOAD_SCRIPT_PATH, UploadJobPage, UploadPage } from './upload.pages.tsx';

// Read once at start-up: it is part of the program, not of the archive.
const SCRIPT = readFileSync(new URL('./static/upload.js', import.meta.url), 'utf8');

/**
 * Upload by editors: many files at once (dropped on the page, or chosen), written byte for byte to
 * a folder of their own under `uploadsDir`, then ingested by an `ingest` job, the code path of
 * `chancery ingest`. The job's page shows its progress and, when it ends, each file's outcome.
 *
 * Routes: `/upload` (GET, POST), `/upload/:job`, `/static/upload.js`.
 */
export function createUploadRoutes(deps: { jobs: JobQueue; audit: AuditLog; uploadsDir: string }): Hono {
  const app = new Hono();
  const editor = requireRole('editor');
  const csrf = csrfProtect();
  const limitMb = REQUEST_LIMITS.uploadBytes / 1024 / 1024;

  app.get(UPLOAD_SCRIPT_PATH, (c) =>
    c.body(SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

  /** The upload form, with the latest uploads, and what was wrong with the last one sent. */
  const renderUpload = async (c: Context, problem?: string) => {
    const recent = (await deps.jobs.list({ limit: 20 })).filter((j) => j.kind === 'ingest').slice(0, 10);
    return renderPage(
      c,
      <UploadPage csrf={viewerOf(c)?.csrf ?? ''} recent={recent} limitMb={limitMb} problem={problem} />,
      problem ? 400 : 200,
    );
  };

  app.get('/upload', editor, (c) => renderUpload(c));

  app.post('/upload', editor, csrf, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const sent = body.files;
    const files = (Array.isArray(sent) ? sent : [sent]).filter(
      (f): f is File => f instanceof File && f.size > 0,
    );
    if (files.length === 0)
      return renderUpload(
        c,
        'No file came with the form (or only empty ones): choose or drop the files to ingest.',
      );
    const uploaded: UploadedFile[] = [];
    for (const file of files)
      uploaded.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    const folder = await saveUploads(deps.uploadsDir, uploaded);
    const job = await deps.jobs.add('ingest', { paths: [folder], removeAfter: true });
    const actor = actorOf(c, viewerOf(c) as Viewer);
    await deps.audit.append({
      at: new Date().toISOString(),
      actor: actor.name,
      action: 'upload.add',
      target: job,
      detail: { files: uploaded.map((f) => f.name), bytes: uploaded.reduce((n, f) => n + f.bytes.length, 0) },
      reason: '',
      address: actor.address,
    });
    return c.redirect(`/upload/${encodeURIComponent(job)}`, 303);
  });

  app.get('/upload/:job', editor, async (c) => {
    const job = await deps.jobs.get(c.req.param('job'));
    if (job?.kind !== 'ingest') return renderPage(c, <NotFoundPage />, 404);
    return renderPage(c, <UploadJobPage job={job} />);
  });

  return app;
}
