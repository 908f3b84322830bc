import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser } from '../src/accounts/users.service.ts';
import { type App, openApp } from '../src/app.ts';
import { decideAuthority } from '../src/editing/authority.decide.ts';
import { editRecord } from '../src/editing/record.edit.ts';
import { publishRecord } from '../src/editing/record.publish.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb } from '../src/web/web.listen.ts';
import { launchChromium } from './support/chromium.launch.ts';
import { CABLE_SEED } from './support/shared-paths.ts';

/**
 * Cross-site scripting, tried as an editor with bad intent (or a stolen account) would: 108
 * payloads (every vector below after every way out of the context it lands in, after the OWASP
 * XSS Filter Evasion Cheat Sheet), nine at a time through the correction path into every editable
 * field of a record at once, then every page that shows those fields opened in Chromium with a
 * listener: the payloads call a function the test exposes, and alerts are caught. Zero calls, and
 * no element a payload would have made (an inline script, an event handler, a frame, a
 * `javascript:` link) in any page. The Content-Security-Policy alone would stop inline scripts:
 * the second check is what shows the text was escaped, not merely blocked. The same payloads go in
 * as API token labels through the account page's own form, and as what editors write about
 * publication and authorities: a withdrawal's reason, a person's name, description, name forms and
 * their sources.
 */
const BREAKOUTS = ['', '">', "'>", '</textarea>', '</title>', '-->', '</script>', '`', ']]>'];
const VECTORS = [
  '<script>__xss(N)</script>',
  '<img src=x onerror=__xss(N)>',
  '<svg onload=__xss(N)>',
  '<iframe srcdoc="<script>parent.__xss(N)</script>">',
  '<a href="javascript:__xss(N)">link</a>',
  '<body onload=__xss(N)>',
  '<details open ontoggle=__xss(N)>',
  '<input autofocus onfocus=__xss(N)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(N)>',
  '<object data="javascript:__xss(N)">',
  '<svg><script>__xss(N)</script></svg>',
  '<IMG SRC=JaVaScRiPt:__xss(N)>',
];
const PAYLOADS = BREAKOUTS.flatMap((b) => VECTORS.map((v) => `${b}${v}`)).map((p, i) =>
  p.replaceAll('N', String(i)),
);
/**
 * The payloads in rounds of nine, one vector after each way out, written together into a field:
 * a field that lets markup through runs the one whose way out fits its context (a payload after
 * it is then in the page's own context, and runs too). Twelve rounds of every page rather than
 * 108: Chromium takes 0.1–0.3 s to open a page on a 2-core machine.
 */
const ROUNDS = VECTORS.map((_, v) => PAYLOADS.filter((_, i) => i % VECTORS.length === v).join(' '));
/** Elements no page of Chancery has, which an unescaped payload would make. */
const INJECTED =
  'script:not([src]), [onerror], [onload], [onfocus], [ontoggle], iframe, object, embed, a[href^="javascript:" i], img[src="x"]';
const PASSWORD = 'correct horse battery staple';

const dir = mkdtempSync(join(tmpdir(), 'chancery-xss-'));
let app: App;
let context: BrowserContext;
let base: string;
let id: string;
let close: () => Promise<void>;
const fired: string[] = [];

before(async () => {
  app = await openApp({ db: join(dir, 'archive.db') });
  await ingestPaths({ paths: [CABLE_SEED], ...app });
  id = (await app.store.listRecords())[0]?.id as string;
  await addUser(
    app,
    { name: 'root', role: 'admin', password: PASSWORD },
    { name: 'cli:test', address: 'cli' },
  );
  const server = await listenWeb(createWebApp(app), { port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  context = await browser.newContext();
  await context.exposeFunction('__xss', (n: unknown) => fired.push(`payload ${String(n)}`));
  const login = await context.newPage();
  await login.goto(`${base}/login`);
  await login.fill('input[name=name]', 'root');
  await login.fill('input[name=password]', PASSWORD);
  await Promise.all([login.waitForURL(`${base}/account`), login.click('button[type=submit]')]);
  await login.close();
  close = async () => {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  };
});
after(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

/** The record with the payload in every field an editor can write text into. */
function withPayload(record: ChanceryRecord, payload: string): ChanceryRecord {
  const r = structuredClone(record);
  r.title = `Zanzibarian ${payload}`;
  r.date.display = payload;
  r.summary = payload;
  r.rights = payload;
  r.place = payload;
  for (const agent of [...r.authors, ...r.recipients]) {
    agent.name = payload;
    agent.alias = payload;
  }
  for (const n of r.numbers) n.value = payload;
  for (const location of r.archivalLocations) location.raw = payload;
  for (const credit of r.credits) credit.name = payload;
  for (const text of r.texts) {
    const block = text.blocks[0];
    if (block) block.text = `${block.text} zanzibarian ${payload}`;
  }
  return r;
}

async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(`${base}${path}`);
  assert.equal(response?.status(), status, path);
  const injected = await page.locator(INJECTED).count();
  assert.equal(injected, 0, `${path}: ${injected} elements a payload made`);
}

/** Each path in a tab of its own, all at once: the checks of `visit`, in the time of the slowest page. */
async function visitAll(tabs: Page[], paths: string[]): Promise<void> {
  assert.ok(tabs.length >= paths.length);
  await Promise.all(paths.map((path, i) => visit(tabs[i] as Page, path)));
}

/** Tabs of a context whose dialogs (an `alert` a payload ran) are recorded as fired. */
async function openTabs(on: BrowserContext, count: number): Promise<Page[]> {
  const tabs: Page[] = [];
  for (let i = 0; i < count; i++) {
    const tab = await on.newPage();
    tab.on('dialog', (dialog) => {
      fired.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    tabs.push(tab);
  }
  return tabs;
}

test(`${PAYLOADS.length} payloads in every editable field, on every page that shows them, ${ROUNDS.length} rounds: none runs`, async () => {
  assert.ok(PAYLOADS.length >= 100);
  const paths = (version: number) => [
    `/documents/${id}`,
    `/documents/${id}/edit`,
    `/documents/${id}/history`,
    `/documents/${id}/compare?a=1&b=${version + 1}`,
    '/search?q=zanzibarian',
    '/',
    '/admin/audit',
  ];
  const tabs = await openTabs(context, paths(0).length);
  const saved = (await app.store.getSavedRecord(id))?.record as ChanceryRecord;
  const editor = { name: 'root', address: '127.0.0.1' };
  for (const [i, payload] of ROUNDS.entries()) {
    const version = i + 1;
    await editRecord(
      app,
      { id, baseVersion: version, record: withPayload(saved, payload), note: payload },
      editor,
    );
    await visitAll(tabs, paths(version));
    assert.deepEqual(fired, [], `round ${i}: ${payload}`);
  }
});

test(`${PAYLOADS.length} payloads as API token labels, typed in the account page's form: none runs`, async () => {
  const [page] = (await openTabs(context, 1)) as [Page];
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.goto(`${base}/account`);
    await page.fill('input[name=label]', payload);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/account/tokens"] button')]);
    const injected = await page.locator(INJECTED).count();
    assert.equal(injected, 0, `/account after token ${i}: ${injected} elements a payload made`);
    if (i % 12 === 0) await visit(page, '/admin/audit');
    assert.deepEqual(fired, [], `payload ${i}: ${payload}`);
  }
  await visit(page, '/account');
  assert.equal((await app.accounts.listTokens()).length, PAYLOADS.length);
});

test(`${PAYLOADS.length} payloads as publication reasons and in a person's name, description and forms, ${ROUNDS.length} rounds: none runs`, async () => {
  const tabs = await openTabs(context, 4);
  const page = tabs[0] as Page;
  // A reader without an account gets the withdrawn record's own page.
  const anonymous = await context.browser()?.newContext();
  assert.ok(anonymous);
  await anonymous.exposeFunction('__xss', (n: unknown) => fired.push(`payload ${String(n)} (anonymous)`));
  const [outside] = (await openTabs(anonymous, 1)) as [Page];
  const editor = { name: 'root', address: '127.0.0.1' };
  const person = (await app.store.getReconciled('mao-zedong'))?.members?.[0] as string;
  assert.ok(person, 'the cable names Mao Zedong');
  for (const [i, payload] of ROUNDS.entries()) {
    await publishRecord(app, { id, state: 'withdrawn', reason: payload }, editor);
    await Promise.all([
      visit(page, `/documents/${id}`, 200),
      visit(outside, `/documents/${id}`, 410),
      visit(tabs[1] as Page, '/publishing'),
    ]);
    await decideAuthority(
      app,
      { kind: 'edit', member: person, name: `Mao ${payload}`, description: payload },
      payload,
      editor,
    );
    await decideAuthority(
      app,
      { kind: 'add-name', member: person, form: `Mao ${i} ${payload}`, language: null, source: payload },
      payload,
      editor,
    );
    await visitAll(tabs, [
      '/people/mao-zedong',
      '/authorities/mao-zedong/edit',
      '/people?q=Mao',
      '/search?q=Filippov',
    ]);
    assert.deepEqual(fired, [], `round ${i}: ${payload}`);
  }
  await publishRecord(app, { id, state: 'published' }, editor);
  await visit(page, '/admin/audit');
  await anonymous.close();
  assert.deepEqual(fired, []);
});
