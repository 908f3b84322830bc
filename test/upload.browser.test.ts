import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addUser } from '../src/accounts/users.service.ts';
import { type App, openApp } from '../src/app.ts';
import { jobHandlers } from '../src/jobs/job.handlers.ts';
import type { JobWorker } from '../src/jobs/job-queue.types.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb } from '../src/web/web.listen.ts';
import { launchChromium } from './support/chromium.launch.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';

/**
 * Upload as an editor does it in Chromium: log in, drop two files on the page (a real drop event
 * with the files in its DataTransfer), send, and follow the job's page, which reloads itself
 * until both documents are in. The page's script is the site's own (no inline script: the
 * Content-Security-Policy would stop it), and it runs with no error.
 */
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'chancery-upload-browser-'));
let app: App;
let browser: Browser;
let base: string;
let worker: JobWorker;
let close: () => Promise<void>;

before(async () => {
  app = await openApp({ db: join(dir, 'archive.db'), jobs: { pollMs: 100 } });
  await addUser(
    app,
    { name: 'ed', role: 'editor', password: PASSWORD },
    { name: 'cli:test', address: 'cli' },
  );
  const server = await listenWeb(createWebApp({ ...app, uploadsDir: join(dir, 'uploads') }), {
    port: 0,
    hostname: '127.0.0.1',
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worker = await app.jobs.work(jobHandlers({ ...app, jobs: app.jobs }));
  browser = await launchChromium();
  close = async () => {
    await browser.close();
    await worker.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  };
});
after(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

test('an editor drops two files on the upload page and watches them ingested', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Every answer the page asked for came (the browser's own favicon request aside).
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      errors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}/login?next=/upload`);
  await page.fill('input[name=name]', 'ed');
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/upload`), page.click('button[type=submit]')]);

  const files = [
    { name: 'cable.txt', text: readFileSync(CABLE_SEED, 'utf8') },
    { name: 'letter.txt', text: readFileSync(LETTER_SEED, 'utf8') },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    // In the page: the browser's DataTransfer, which Node's types do not know.
    const { DataTransfer: Transfer } = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: File): void } };
    };
    const transfer = new Transfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return transfer;
  }, files);
  await page.dispatchEvent('#upload-drop', 'drop', { dataTransfer });
  assert.deepEqual(
    await page.locator('#upload-list li').allTextContents(),
    files.map((f) => `${f.name} (${Math.ceil(Buffer.byteLength(f.text) / 1024)} KB)`),
  );
  await Promise.all([page.waitForURL(/\/upload\/[\w-]+$/), page.click('#upload-form button[type=submit]')]);
  await page.waitForSelector('h1:text("Upload: completed")', { timeout: 60_000 });
  assert.deepEqual(await page.locator('tbody td:first-child').allTextContents(), ['cable.txt', 'letter.txt']);
  assert.equal(await app.store.countRecords(), 2);
  assert.deepEqual(errors, []);
});
