import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServerType } from '@hono/node-server';
import fc from 'fast-check';
import { type App, openApp } from '../src/app.ts';
import { isChanceryError } from '../src/errors.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { QUERY_LIMITS } from '../src/search/query/query.parse.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb, portOf } from '../src/web/web.listen.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.db.ts';
import { FRUS_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * One search must never stall the archive or answer 500: queries past the documented limits are
 * refused with the limit they broke, a search past its time budget answers 503, and every method
 * carries the headers GET does. Served for real (a file archive, search workers, HTTP).
 */
const dir = mkdtempSync(join(tmpdir(), 'chancery-limits-'));
const path = join(dir, 'archive.db');
let app: App;
let server: ServerType;
let base: string;
/** The same archive on PostgreSQL, served with a budget, as `chancery serve` does. */
let postgres: App;
let database: TestDatabase;
/** The same archive with a budget no search can keep. */
let hurried: App;
let hurriedServer: ServerType;
let hurriedBase: string;

before(async () => {
  const ingest = await openApp({ db: path });
  const report = await ingestPaths({
    paths: [SEEDS_DIR, FRUS_DIR],
    store: ingest.store,
    search: ingest.search,
    authorities: ingest.authorities,
    readers: ingest.readers,
  });
  assert.equal(report.failed, 0);
  await ingest.close();
  database = await createTestDatabase('limits');
  const copied = await openApp({ db: database.url() });
  await ingestPaths({
    paths: [SEEDS_DIR, FRUS_DIR],
    store: copied.store,
    search: copied.search,
    authorities: copied.authorities,
    readers: copied.readers,
  });
  await copied.close();
  postgres = await openApp({ db: database.url(), searchThreads: 2 });
  app = await openApp({ db: path, searchThreads: 2 });
  await app.search.warm();
  server = await listenWeb(createWebApp(app), { port: 0, hostname: '127.0.0.1' });
  base = `http://127.0.0.1:${portOf(server)}`;
  hurried = await openApp({ db: path, searchThreads: 1, searchBudgetMs: 1 });
  await hurried.search.warm().catch(() => {});
  hurriedServer = await listenWeb(createWebApp(hurried), { port: 0, hostname: '127.0.0.1' });
  hurriedBase = `http://127.0.0.1:${portOf(hurriedServer)}`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => hurriedServer.close(resolve));
  await app.close();
  await hurried.close();
  await postgres.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const api = (q: string, at = base) => fetch(`${at}/api/search?q=${encodeURIComponent(q)}`);
const page = (q: string, at = base) => fetch(`${at}/search?q=${encodeURIComponent(q)}`);

describe('the four requests that stalled or failed the archive', () => {
  const cases: [string, string, RegExp][] = [
    ['"*"', '"*"', /holds no word/],
    ['" *"', '" *"', /holds no word/],
    ['5,000 "("', '('.repeat(5000), new RegExp(`at most ${QUERY_LIMITS.length}`)],
    ['1,000 × "type:cable "', 'type:cable '.repeat(1000), /at most 1000\b/],
    ['1,000 × "date:1951 "', 'date:1951 '.repeat(1000), /at most 1000\b/],
    ['"NOT " × 2,500', `${'NOT '.repeat(2500)}x`, /at most 1000/],
  ];
  for (const [name, q, message] of cases) {
    test(`${name}: a 400 that says why, from the API and from the page, at once`, async () => {
      const started = performance.now();
      const fromApi = await api(q);
      assert.equal(fromApi.status, 400);
      const body = (await fromApi.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'search.invalid_query');
      assert.match(body.error.message, message);
      const fromPage = await page(q);
      assert.equal(fromPage.status, 400);
      assert.match(await fromPage.text(), message);
      assert.ok(performance.now() - started < 1000, 'refused without running');
    });
  }
});

describe('the limits', () => {
  test('each limit is named when broken, and a query within all of them is answered', async () => {
    const refused = async (q: string) => {
      const response = await api(q);
      assert.equal(response.status, 400, q.slice(0, 60));
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    assert.match(await refused('a'.repeat(QUERY_LIMITS.length + 1)), /1001 characters long/);
    assert.match(await refused(Array.from({ length: 51 }, (_, i) => `w${i}`).join(' ')), /51 words/);
    assert.match(await refused(`${'('.repeat(11)}Kaesong${')'.repeat(11)}`), /levels of parentheses/);
    assert.match(await refused('Kaesong ka*'), /at least 3 letters/);
    assert.match(await refused('kae* pan* arm* neg* tru* con*'), /6 prefixes/);
    const within = [
      Array.from({ length: 50 }, (_, i) => (i % 2 ? 'armistice' : 'Kaesong')).join(' OR '),
      `${'('.repeat(10)}Kaesong OR Panmunjom${')'.repeat(10)}`,
      'kae* OR pan* OR arm* OR neg* OR tru*',
    ];
    for (const q of within) {
      const response = await api(q);
      assert.equal(response.status, 200, q.slice(0, 60));
      assert.ok(((await response.json()) as { total: number }).total > 0, q.slice(0, 60));
    }
  });

  test('a search past its time budget answers 503 with Retry-After, and the archive goes on serving', async () => {
    const heavy = 'the OR of OR and OR to OR in OR that OR for OR with OR was OR government';
    const fromApi = await api(heavy, hurriedBase);
    assert.equal(fromApi.status, 503);
    assert.equal(fromApi.headers.get('retry-after'), '5');
    assert.equal(((await fromApi.json()) as { error: { code: string } }).error.code, 'search.timeout');
    const fromPage = await page(heavy, hurriedBase);
    assert.equal(fromPage.status, 503);
    assert.equal(fromPage.headers.get('retry-after'), '5');
    // Stopped, or turned away while the workers stopped a moment ago still finish: said either way.
    assert.match(await fromPage.text(), /longer than 0\.001 s|finishing searches that ran too long/);
    // A page made of searches says so; the server that stopped them still serves documents, and
    // the patient one the search.
    const home = await fetch(`${hurriedBase}/`);
    assert.equal(home.status, 503);
    assert.equal(home.headers.get('retry-after'), '5');
    const [record] = await app.store.listRecords({ limit: 1 });
    assert.equal((await fetch(`${hurriedBase}/documents/${record?.id}`)).status, 200);
    assert.equal((await api(heavy)).status, 200);
  });

  test('on PostgreSQL, a search past its budget is cancelled by the statement timeout: search.timeout', async () => {
    const heavy = 'the OR of OR and OR to OR in OR that OR for OR with OR was OR government';
    const strict = await openApp({ db: database.url(), searchBudgetMs: 1 });
    try {
      await assert.rejects(searchArchive({ q: heavy }, strict), (error) => {
        assert.ok(isChanceryError(error));
        assert.equal(error.code, 'search.timeout');
        return true;
      });
      // The connection that was cancelled serves the next search.
      assert.ok((await searchArchive({ q: 'Kaesong' }, postgres)).total > 0);
    } finally {
      await strict.close();
    }
  });
});

describe('every method gets the headers GET gets', () => {
  test('HEAD, OPTIONS, a 404, a 400 and a POST carry the security headers', async () => {
    const [cable] = await app.store.listRecords({ limit: 1 });
    const requests: [string, string][] = [
      ['GET', '/'],
      ['HEAD', '/'],
      ['HEAD', `/documents/${cable?.id}`],
      ['HEAD', '/documents/no-such-record'],
      ['OPTIONS', '/'],
      ['GET', '/no-such-page'],
      ['GET', '/search?q=%22*%22'],
      ['POST', '/'],
      ['HEAD', '/api/search?q=Kaesong'],
    ];
    for (const [method, url] of requests) {
      const response = await fetch(`${base}${url}`, { method, redirect: 'manual' });
      for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy']) {
        assert.ok(response.headers.get(header), `${method} ${url}: ${header}`);
      }
      assert.ok(!/unsafe-inline/.test(response.headers.get('content-security-policy') ?? ''));
    }
  });
});

describe('queries from the grammar and from noise', () => {
  /** Pieces of the query language, real words of the archive in several scripts, and noise. */
  const piece = fc.oneof(
    fc.constantFrom('Kaesong', 'Кайдзъё', '周恩来', 'Stalin', 'Filippov', 'armistice', 'the', 'Panmunjom'),
    fc.constantFrom('OR', '|', '-', '*', '(', ')', '"', '“', '”', ':', '..', 'NOT', 'AND'),
    fc.constantFrom('author:', 'recipient:', 'person:', 'place:', 'type:', 'lang:', 'archive:', 'date:'),
    fc.constantFrom('type:cable', 'lang:ru', 'date:1951', 'date:1951-07..1951-09', 'author:"Mao Zedong"'),
    fc.constantFrom('negotiat*', 'ka*', '"neutral nations"', '-Tibet', '(Kaesong OR Panmunjom)'),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  const query = fc.oneof(
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' ')),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.tuple(piece, fc.integer({ min: 1, max: 3000 })).map(([part, times]) => `${part} `.repeat(times)),
  );

  /** 400 queries against an archive: each a result, a refusal or a timeout, within 5 s. */
  const holds = (archive: () => App) =>
    fc.assert(
      fc.asyncProperty(query, async (q) => {
        const started = performance.now();
        try {
          const result = await searchArchive({ q }, archive());
          assert.ok(result.total >= 0);
        } catch (error) {
          assert.ok(isChanceryError(error), `${JSON.stringify(q.slice(0, 80))}: ${String(error)}`);
          assert.ok(['search.invalid_query', 'search.timeout'].includes(error.code), error.code);
        }
        assert.ok(performance.now() - started < 5000, `${JSON.stringify(q.slice(0, 80))} took too long`);
      }),
      { numRuns: 400, seed: 17 },
    );

  test('each is answered or refused with a reason, never a fault, in bounded time (SQLite)', () =>
    holds(() => app));
  test('each is answered or refused with a reason, never a fault, in bounded time (PostgreSQL)', () =>
    holds(() => postgres));
});

test('a search still asked of an archive the server is closing answers 503 with Retry-After, not a fault', async () => {
  const closing = await openApp({ db: path, searchThreads: 1 });
  const web = createWebApp(closing);
  await closing.search.close();
  const html = await web.request('/search?q=Stalin');
  assert.equal(html.status, 503);
  assert.ok(html.headers.get('retry-after'));
  const json = await web.request('/api/search?q=Stalin');
  assert.equal(json.status, 503);
  assert.equal(((await json.json()) as { error: { code: string } }).error.code, 'server.stopping');
  await closing.close();
});
