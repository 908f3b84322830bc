import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { type App, openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';
import { makeRecord } from './support/record.fixture.ts';

/**
 * Bulk and discovery on the seeds and the FRUS volumes: the JSON Lines export imports into an
 * empty archive and exports again byte for byte; sitemaps list every document once, as an index
 * when the archive is larger than one sitemap; a search's hits download as CSV (safe for
 * spreadsheets), RIS and BibTeX.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'chancery-bulk-'));
let app: App;
let web: ReturnType<typeof createWebApp>;

before(async () => {
  app = await openCorpusApp({ frus: true });
  web = createWebApp({ ...app, baseUrl: 'https://chancery.example', sitemapSize: 250 });
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('JSON Lines: export → empty archive → import → export is byte-identical', async () => {
  const response = await web.request('/export/records.jsonl');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
  const first = await response.text();
  assert.equal(first.trim().split('\n').length, 600);
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, first);
  const empty = await openApp({ db: ':memory:' });
  try {
    const report = await ingestPaths({
      paths: [file],
      store: empty.store,
      search: empty.search,
      authorities: empty.authorities,
      readers: empty.readers,
    });
    assert.equal(report.files[0]?.format, 'chancery-json');
    assert.equal(report.ingested, 600);
    const again = await createWebApp({ ...empty, baseUrl: 'https://chancery.example' }).request(
      '/export/records.jsonl',
    );
    const second = await again.text();
    assert.equal(second.length, first.length);
    assert.ok(second === first, 'byte-identical');
  } finally {
    await empty.close();
  }
});

test('sitemaps: an index over sitemaps of 250, every document once with the time of its last change', async () => {
  const index = await (await web.request('/sitemap.xml')).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1] as string);
  assert.deepEqual(
    maps,
    [1, 2, 3].map((n) => `https://chancery.example/sitemaps/documents-${n}.xml`),
  );
  const locs: string[] = [];
  const files: string[] = [index];
  for (const map of maps) {
    const body = await (await web.request(new URL(map).pathname)).text();
    files.push(body);
    assert.match(body, /<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
    locs.push(...[...body.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1] as string));
  }
  assert.equal(locs.length, 600);
  assert.equal(new Set(locs).size, 600);
  assert.ok(locs.includes('https://chancery.example/documents/da-113644'));
  assert.equal((await web.request('/sitemaps/documents-4.xml')).status, 404);
  assert.equal((await web.request('/sitemaps/nonsense.xml')).status, 404);
  for (const [i, body] of files.entries()) writeFileSync(join(dir, `sitemap-${i}.xml`), body);
  await run('xmllint', ['--noout', ...files.map((_, i) => join(dir, `sitemap-${i}.xml`))]);
  assert.match(
    await (await web.request('/robots.txt')).text(),
    /^Sitemap: https:\/\/chancery\.example\/sitemap\.xml$/mu,
  );
  // A small archive has one sitemap, not an index.
  const small = await (await createWebApp(app).request('/sitemap.xml')).text();
  assert.match(small, /^<\?xml[^>]*>\n<urlset /u);
});

test('search results download as CSV, RIS and BibTeX; RIS and BibTeX read back with citation-js', async () => {
  const csv = await web.request('/search.csv?q=Filippov');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const rows = (await csv.text()).trim().split('\r\n');
  assert.equal(rows[0], '"id","title","date","type","authors","recipients","archival_locations","url"');
  assert.equal(rows.length, 3);
  assert.ok(
    rows.some((r) =>
      r.startsWith('"da-726b9b4bc6e2","Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]"'),
    ),
  );
  const ris = await (await web.request('/search.ris?q=Filippov')).text();
  assert.equal(new Cite(ris).data.length, 2);
  const bib = await (await web.request('/search.bib?q=Korea%20armistice')).text();
  const entries = new Cite(bib).data;
  assert.ok(entries.length > 10, `${entries.length} entries`);
  const page = await (await web.request('/search?q=Filippov')).text();
  assert.match(page, /Download the first 2 as <a href="\/search\.csv\?q=Filippov">CSV<\/a>/);
  const missing = await web.request('/search.ris');
  assert.equal(missing.status, 400);
  const bad = await web.request('/search.csv?q=%22unclosed');
  assert.equal(bad.status, 400);
});

test('a CSV cell that a spreadsheet would run as a formula is written as text', async () => {
  const archive = await openApp({ db: ':memory:' });
  try {
    await archive.store.saveRecord(
      makeRecord({ id: 'formula', title: '=HYPERLINK("http://evil.example","Mao")', summary: 'zanzibarian' }),
    );
    await archive.store.saveRecord(makeRecord({ id: 'at', title: '@SUM(1+1) "quoted" zanzibarian' }));
    const body = await (await createWebApp(archive).request('/search.csv?q=zanzibarian')).text();
    assert.match(body, /"'=HYPERLINK\(""http:\/\/evil\.example"",""Mao""\)"/);
    assert.match(body, /"'@SUM\(1\+1\) ""quoted"" zanzibarian"/);
  } finally {
    await archive.close();
  }
});
