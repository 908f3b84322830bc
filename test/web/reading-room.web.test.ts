import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../../src/app.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { CABLE_SEED, LETTER_SEED } from '../support/shared-paths.ts';

/**
 * The side-by-side view, the draft comparison, relations and thread as the server renders them,
 * without any script; and the thread API. The seeds are ingested by the batch.
 */
let app: App;
let web: ReturnType<typeof createWebApp>;
const CABLE = 'da-726b9b4bc6e2';
const LETTER = 'da-113644';

before(async () => {
  app = await openApp({ db: ':memory:' });
  const report = await ingestPaths({
    paths: [CABLE_SEED, LETTER_SEED],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  assert.equal(report.failed, 0);
  web = createWebApp(app);
});
after(() => app?.close());

async function page(path: string): Promise<string> {
  const response = await web.request(path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
}

/** The markup of one `<section id="…">`, up to the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  assert.ok(start >= 0, `section #${id} is on the page`);
  const next = html.indexOf('<section id="', start + 1);
  return html.slice(start, next < 0 ? undefined : next);
}

test('the cable reads side by side without a script: one table row per link, Russian left, English right', async () => {
  const html = await page(`/documents/${CABLE}`);
  const view = section(html, 'parallel-original-translation-en');
  const rows = view.match(/<tr class="parallel-row[^"]*"[^>]*>[\s\S]*?<\/tr>/g) ?? [];
  assert.equal(rows.length, 19);
  for (const [index, row] of rows.entries()) {
    const blocks = [...row.matchAll(/<p id="([^"]+)"[^>]*data-link="(\d+)" data-side="(\w+)"/g)];
    assert.deepEqual(
      blocks.map((m) => [m[1], m[2], m[3]]),
      [
        [`parallel-original-translation-en-original-b${index + 1}`, String(index), 'source'],
        [`parallel-original-translation-en-translation-en-b${index + 1}`, String(index), 'target'],
      ],
    );
    assert.equal((row.match(/tabindex="0"/g) ?? []).length, 2, 'each block can take the keyboard focus');
  }
  assert.match(rows[0] ?? '', /<td class="parallel-cell" lang="ru"[^>]*><p[^>]*>Товарищ Филиппов!/);
  assert.match(rows[0] ?? '', /<td class="parallel-cell" lang="en"[^>]*><p[^>]*>Cde\. Filippov!/);
  assert.match(html, /<script src="\/static\/reading-room\.js" defer=""><\/script>/);
  assert.equal(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), null, 'no inline script: the CSP allows none');
  assert.match(html, /<a href="#parallel-original-translation-en">Side by side<\/a>/);
});

test('the script and its stylesheet are served from our origin, under the page policy', async () => {
  const script = await web.request('/static/reading-room.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await script.text(), /data-parallel/);
  const css = await web.request('/static/reading-room.css');
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
  const policy = (await web.request(`/documents/${CABLE}`)).headers.get('content-security-policy') ?? '';
  assert.match(policy, /script-src 'self'(;|$)/);
});

test("the letter: the signature and the editor's note of the English stand alone, and the draft is set against the typed text", async () => {
  const html = await page(`/documents/${LETTER}`);
  const view = section(html, 'parallel-original-translation-en');
  assert.equal((view.match(/Not in the original \(Russian\)\./g) ?? []).length, 2);
  const comparison = section(html, 'comparison-draft-original');
  assert.match(comparison, /<h2[^>]*>Draft \(Russian\) against the original \(Russian\)<\/h2>/);
  assert.match(
    comparison,
    /<td class="comparison-draft" lang="ru"[^>]*><p lang="ru">Семенов <del>Семин<\/del><\/p>/,
  );
  assert.match(comparison, /<del class="diff-delete">[\s\S]*?думаю что/);
  assert.match(comparison, /<ins class="diff-insert">[\s\S]*?делегация СССР/);
  assert.match(comparison, /Not in the draft\./, "the typed letter's date has no line in the draft");

  const relations = section(html, 'relations');
  assert.match(
    relations,
    /Draft of \(the draft\): <a href="\/documents\/da-113644#text-original">the original of this document<\/a>/,
  );
  const thread = section(html, 'thread');
  assert.match(thread, /2 documents between Joseph Stalin and Mao Zedong/);
  assert.match(thread, /<a href="\/documents\/da-726b9b4bc6e2">Cable No\. 21756/);
  assert.match(thread, /<li aria-current="page">[\s\S]*?\(this document\)/);
});

test('GET /api/thread lists a thread in date order, with people named in any form', async () => {
  const response = await web.request('/api/thread?a=Mao&b=Filippov');
  assert.equal(response.status, 200);
  const thread = (await response.json()) as {
    a: { id: string; name: string };
    b: { id: string };
    records: { id: string; dateMin: string; authorIds: string[]; recipientIds: string[] }[];
  };
  assert.deepEqual(thread.a, { id: 'mao-zedong', name: 'Mao Zedong' });
  assert.equal(thread.b.id, 'stalin');
  assert.deepEqual(
    thread.records.map((r) => [r.id, r.dateMin, r.authorIds, r.recipientIds]),
    [
      [CABLE, '1951-07-13', ['mao-zedong'], ['stalin']],
      [LETTER, '1952-09-17', ['stalin'], ['mao-zedong']],
    ],
  );
  const missing = await web.request('/api/thread?a=Mao');
  assert.equal(missing.status, 400);
  const unknown = await web.request('/api/thread?a=Mao&b=Nobody');
  assert.equal(unknown.status, 404);
  assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'names.not_found');
});
