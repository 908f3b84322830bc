import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUser } from '../../src/accounts/users.service.ts';
import { type App, openApp } from '../../src/app.ts';
import { safeFileName } from '../../src/ingest/upload.files.ts';
import { jobHandlers } from '../../src/jobs/job.handlers.ts';
import { REQUEST_LIMITS } from '../../src/web/request.limits.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { bothBackends } from '../support/backends.ts';
import { CABLE_SEED, LETTER_SEED } from '../support/shared-paths.ts';
import { type WebSession, webSession } from '../support/web.session.ts';

/**
 * Upload by editors, in-process: many files in one form, written to a folder of their own and
 * ingested by a background job through the code path of `chancery ingest`; the job's page with
 * its progress and each file's outcome; who may upload; the size limit; names that try to leave
 * the folder.
 */
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'chancery-upload-'));
let app: App;
let web: ReturnType<typeof createWebApp>;

const { backends } = bothBackends('upload_web');
after(() => rmSync(dir, { recursive: true, force: true }));

for (const [backend, dbFor] of backends) {
  describe(`upload on ${backend}`, () => {
    const uploads = join(dir, backend, 'uploads');
    before(async () => {
      app = await openApp({
        db: dbFor('upload'),
        jobs: { retry: { retries: 0, delaySeconds: 1 }, pollMs: 50 },
      });
      web = createWebApp({ ...app, uploadsDir: uploads });
      const cli = { name: 'cli:test', address: 'cli' };
      await addUser(app, { name: 'ed', role: 'editor', password: PASSWORD }, cli);
      await addUser(app, { name: 'rea', role: 'reader', password: PASSWORD }, cli);
    });
    after(() => app?.close());

    function session(name: string): Promise<WebSession> {
      return webSession(web, name, PASSWORD);
    }

    /** A multipart form as a browser sends it: its bytes, its type with the boundary, its length. */
    async function upload(who: { cookie: string; csrf: string } | null, files: [string, Uint8Array][]) {
      const form = new FormData();
      if (who) form.set('_csrf', who.csrf);
      for (const [name, bytes] of files) form.append('files', new File([bytes], name));
      const encoded = new Response(form);
      const body = new Uint8Array(await encoded.arrayBuffer());
      return web.request('/upload', {
        method: 'POST',
        body,
        headers: {
          'content-type': encoded.headers.get('content-type') as string,
          'content-length': String(body.length),
          ...(who ? { cookie: who.cookie } : {}),
        },
      });
    }

    async function runJobs(): Promise<void> {
      const worker = await app.jobs.work(jobHandlers({ ...app, jobs: app.jobs }));
      const until = Date.now() + 60_000;
      while ((await app.jobs.countPending()) > 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
      await worker.stop();
    }

    test('an editor uploads several files; a job ingests them as chancery ingest does, and its page tells each outcome', async () => {
      const editor = await session('ed');
      const page = await web.request('/upload', { headers: { cookie: editor.cookie } });
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /enctype="multipart\/form-data"/);
      assert.match(html, /<script src="\/static\/upload\.js" defer/);
      assert.equal((await web.request('/static/upload.js')).status, 200);

      const sent = await upload(editor, [
        ['cable.txt', readFileSync(CABLE_SEED)],
        ['letter.txt', readFileSync(LETTER_SEED)],
        [
          'photo.jpg',
          new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0, 0, 0, 9]),
        ],
      ]);
      assert.equal(sent.status, 303);
      const jobPage = sent.headers.get('location') as string;
      assert.match(jobPage, /^\/upload\/[\w-]+$/);
      const waiting = await (await web.request(jobPage, { headers: { cookie: editor.cookie } })).text();
      assert.match(waiting, /http-equiv="refresh"/, 'the page reloads itself while the job waits');
      await runJobs();
      const done = await (await web.request(jobPage, { headers: { cookie: editor.cookie } })).text();
      assert.doesNotMatch(done, /http-equiv="refresh"/);
      assert.match(done, /<td>cable\.txt<\/td><td>ok<\/td>/);
      assert.match(done, /<td>letter\.txt<\/td><td>ok<\/td>/);
      assert.match(done, /<td>photo\.jpg<\/td><td>(skipped|failed)<\/td>/);
      assert.match(done, /<progress max="3" value="3"/);
      assert.equal(await app.store.countRecords(), 2, 'both documents are in the archive');
      const [entry] = await app.audit.list({ action: 'upload.add' });
      assert.deepEqual(entry?.detail.files, ['cable.txt', 'letter.txt', 'photo.jpg']);
      assert.equal(entry?.actor, 'ed');
    });

    test('an upload whose every file is read leaves no folder behind; its sources are in the archive', async () => {
      const editor = await session('ed');
      const before = new Set(existsSync(uploads) ? readdirSync(uploads) : []);
      const sent = await upload(editor, [['again.txt', readFileSync(CABLE_SEED)]]);
      assert.equal(sent.status, 303);
      await runJobs();
      const added = readdirSync(uploads).filter((d) => !before.has(d));
      assert.deepEqual(added, [], 'the folder of a whole upload is removed');
      const done = await (
        await web.request(sent.headers.get('location') as string, { headers: { cookie: editor.cookie } })
      ).text();
      assert.match(done, /Upload: completed/);
      // The same document under another file name: a new version, whose source names the new file.
      assert.match(done, /<td>again\.txt<\/td><td>ok<\/td><td>archive-page-text<\/td><td>1 updated<\/td>/);
    });

    test('only editors upload; the form needs its token and a file; the size is limited before anything is read', async () => {
      const reader = await session('rea');
      assert.equal((await web.request('/upload', { headers: { cookie: reader.cookie } })).status, 403);
      assert.equal((await upload(reader, [['a.txt', new Uint8Array([65])]])).status, 403);
      assert.equal((await upload(null, [['a.txt', new Uint8Array([65])]])).status, 401);
      const editor = await session('ed');
      assert.equal(
        (await upload({ ...editor, csrf: 'csrf_forged' }, [['a.txt', new Uint8Array([65])]])).status,
        403,
      );
      const empty = await upload(editor, []);
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /No file came with the form/);
      const huge = await web.request('/upload', {
        method: 'POST',
        body: 'x',
        headers: {
          cookie: editor.cookie,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(REQUEST_LIMITS.uploadBytes + 1),
        },
      });
      assert.equal(huge.status, 413);
      assert.match(await huge.text(), /more than 100 MB/);
    });

    test('a name a browser sends never leaves the upload folder', () => {
      assert.equal(safeFileName('../../etc/passwd', 0), 'passwd');
      assert.equal(safeFileName('..\\..\\boot.ini', 0), 'boot.ini');
      assert.equal(safeFileName('..', 2), 'file-3');
      assert.equal(safeFileName('.hidden', 0), 'hidden');
      assert.equal(safeFileName('a\u0000b\nc.txt', 0), 'a_b_c.txt');
      assert.equal(safeFileName('Телеграмма № 21756.txt', 0), 'Телеграмма № 21756.txt');
    });
  });
}
