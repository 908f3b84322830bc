import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../src/app.ts';
import { REQUEST_LIMITS } from '../src/web/request.limits.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';

/**
 * Hostile and malformed requests across every interface: none is a 500, none shows a stack trace;
 * under /api the answer is the one JSON error shape, at /oai the protocol's own error.
 */
let app: App;
let web: ReturnType<typeof createWebApp>;

before(async () => {
  app = await openCorpusApp({ frus: false });
  web = createWebApp(app);
});
after(async () => app.close());

const NASTY = [
  '',
  '%00',
  '%FF%FE',
  '..%2F..%2Fetc%2Fpasswd',
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '%22%3E%3C',
  '-1',
  '1e309',
  '99999999999999999999999',
  '%F0%9F%92%A9',
  '%D8%00',
];

test('no request answers 500 or shows a stack trace, whatever its parameters', async () => {
  const templates = [
    '/api/records?limit=$&cursor=$&type=$&from=$&to=$&person=$&collection=$',
    '/api/records/$',
    '/api/records/$/versions/$',
    '/api/search?q=$&page=$&pageSize=$',
    '/api/people?q=$&page=$&limit=$',
    '/api/people/$',
    '/api/collections/$',
    '/api/threads?a=$&b=$',
    '/api/$',
    '/oai?verb=$&metadataPrefix=$&identifier=$&set=$&from=$&until=$',
    '/oai?verb=ListRecords&resumptionToken=$',
    '/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=$',
    '/documents/$',
    '/documents/$.tei.xml',
    '/documents/$.json',
    '/documents/$/cite.ris',
    '/search?q=$&page=$',
    '/search.csv?q=$',
    '/sitemaps/$',
    '/timeline?year=$&month=$&person=$&page=$',
    '/people?page=$&q=$',
  ];
  let requests = 0;
  for (const template of templates) {
    for (const value of NASTY) {
      const path = template.replaceAll('$', value);
      let response: Response;
      try {
        response = await web.request(path);
      } catch {
        // A path the URL parser refuses never reaches the app.
        continue;
      }
      requests++;
      const body = await response.text();
      assert.ok(response.status < 500, `${path.slice(0, 120)} → ${response.status}`);
      assert.doesNotMatch(body, /\n\s+at [\w.<>]+ \(/u, `${path.slice(0, 120)}: a stack trace`);
      // JSON and XML carry text escaped or as data; a page must never carry it as markup.
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
        assert.doesNotMatch(body, /<script>alert\(1\)<\/script>/u, `${path.slice(0, 120)}: markup echoed`);
      }
      if (path.startsWith('/api/')) {
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/u, path.slice(0, 120));
        if (response.status >= 400)
          assert.deepEqual(Object.keys(JSON.parse(body)), ['error'], path.slice(0, 120));
      }
      // An address past REQUEST_LIMITS.urlChars is refused as HTTP (414) before OAI-PMH reads it.
      if (path.length > REQUEST_LIMITS.urlChars) assert.equal(response.status, 414, path.slice(0, 120));
      else if (path.startsWith('/oai')) {
        assert.equal(response.status, 200, path.slice(0, 120));
        assert.match(
          body,
          /<error code="(badVerb|badArgument|badResumptionToken|cannotDisseminateFormat|idDoesNotExist|noRecordsMatch)">/u,
        );
      }
    }
  }
  assert.ok(requests > 200, `${requests} requests`);
});

test('Accept headers that ask for what does not exist get a 406 in the error shape', async () => {
  for (const accept of ['application/xml', 'text/csv', 'image/png', 'application/json;q=0']) {
    const response = await web.request('/api/records', { headers: { accept } });
    assert.equal(response.status, 406, accept);
    assert.equal(
      ((await response.json()) as { error: { code: string } }).error.code,
      'request.not_acceptable',
    );
  }
  for (const accept of [
    'application/json',
    '*/*',
    'application/*',
    'application/problem+json, text/html;q=0.5',
  ]) {
    assert.equal((await web.request('/api/records', { headers: { accept } })).status, 200, accept);
  }
});
