import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../src/app.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { openCorpusApp } from '../support/corpus.app.ts';

let app: App;
let web: ReturnType<typeof createWebApp>;

before(async () => {
  app = await openCorpusApp({ frus: false });
  web = createWebApp(app);
});
after(() => app.close());

test('GET /api/search returns total, hits with snippets, and facets', async () => {
  const response = await web.request('/api/search?q=Filippov');
  assert.equal(response.status, 200);
  const body = (await response.json()) as {
    total: number;
    hits: { id: string; title: string; date: string; snippet: string; score: number }[];
    facets: Record<string, { value: string; label: string; count: number }[]>;
  };
  assert.equal(body.total, 2);
  assert.deepEqual(Object.keys(body.hits[0] ?? {}).sort(), ['date', 'id', 'score', 'snippet', 'title']);
  assert.ok(body.hits.every((h) => h.snippet.includes('<mark>')));
  assert.deepEqual(body.facets.type?.map((v) => v.value).sort(), ['cable', 'letter']);
});

test('a malformed query is a 400 with the reason, on the API and on the page', async () => {
  const api = await web.request('/api/search?q=%22unclosed');
  assert.equal(api.status, 400);
  const body = (await api.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'search.invalid_query');
  assert.match(body.error.message, /quotation mark is not closed/);
  const page = await web.request('/search?q=Kaesong%20OR');
  assert.equal(page.status, 400);
  assert.match(await page.text(), /role="alert"[^>]*>Query error at character 9: OR needs a term/);
});

test('the search page shows hits, facets as links that add a clause, and keeps the query in the URL', async () => {
  const response = await web.request('/search?q=Stalin');
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /value="Stalin"/);
  assert.match(html, /2 documents/);
  assert.match(html, /href="\/documents\/da-113644"/);
  assert.match(html, /href="\/search\?q=Stalin\+type%3Acable"/, 'a facet link adds its clause');
  const narrowed = await (await web.request('/search?q=Stalin+type%3Acable')).text();
  assert.match(narrowed, /1 document</);
  assert.match(narrowed, /aria-current="true"[^>]*>✕ Cable/, 'the active facet can be removed');
});

test('query text is escaped on the search page', async () => {
  const html = await (
    await web.request(`/search?q=${encodeURIComponent('"<img src=x onerror=alert(1)>"')}`)
  ).text();
  assert.ok(!html.includes('<img src=x'), 'no markup from the query');
  // The query is shown, as text: in the title and in the search box, every character escaped.
  const shown = '&quot;&lt;img src=x onerror=alert(1)&gt;&quot;';
  assert.ok(html.includes(`<title>Search: ${shown} · Chancery</title>`), 'the title shows the query');
  assert.ok(
    html.includes(`<input id="q" name="q" type="search" value="${shown}"`),
    'the box keeps the query',
  );
});
