import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { ServerType } from '@hono/node-server';
import type { App } from '../src/app.ts';
import { REQUEST_LIMITS } from '../src/web/request.limits.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb, portOf } from '../src/web/web.listen.ts';
import { openCorpusApp } from './support/corpus.app.ts';

/**
 * Issue 16, item 7: the server as a client on the network meets it. Requests go out as raw bytes
 * (node:http with the path as written), so that `..` and percent-encodings reach the server
 * unnormalized, as an attacker would send them.
 */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let app: App;
let server: ServerType;
let port: number;
let cableId: string;

before(async () => {
  app = await openCorpusApp({ frus: false });
  cableId = (await app.store.listRecords()).find((r) => r.title.startsWith('Cable'))?.id ?? '';
  server = await listenWeb(createWebApp(app), { port: 0, hostname: '127.0.0.1' });
  port = portOf(server);
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
});

function send(
  path: string,
  options: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** What must never reach a client: a stack trace, a path of the server's files, a source file's name. */
const LEAKS =
  /\n\s+at |\bat [\w.<>]+ \(|\/work\/|\/home\/|\/tmp\/|node_modules|\.tsx?:\d+|\.js:\d+:\d+|SqliteError|TypeError|ReferenceError/;

function assertSecureHeaders(path: string, answer: Answer): void {
  const csp = String(answer.headers['content-security-policy'] ?? '');
  assert.ok(csp, `${path}: Content-Security-Policy`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path}: no inline script`);
  assert.match(csp, /frame-ancestors 'none'/, `${path}: no framing`);
  assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${path}: X-Content-Type-Options`);
  assert.ok(answer.headers['referrer-policy'], `${path}: Referrer-Policy`);
}

describe('security headers', () => {
  test('every kind of answer carries the Content-Security-Policy (no inline script, no framing), nosniff and a Referrer-Policy', async () => {
    const paths = [
      '/',
      `/documents/${cableId}`,
      `/documents/${cableId}.json`,
      `/documents/${cableId}.tei.xml`,
      `/documents/${cableId}/source`,
      '/search?q=Kaesong',
      '/search?q=%22',
      '/static/chancery.css',
      '/static/reading-room.js',
      '/api',
      '/api/records',
      `/api/records/${cableId}`,
      '/api/nothing-here',
      '/no-such-page',
      '/oai?verb=Identify',
      '/?page=x',
    ];
    for (const path of paths) {
      const answer = await send(path);
      assert.ok(answer.status < 500, `${path}: ${answer.status}`);
      assertSecureHeaders(path, answer);
      assertSecureHeaders(`HEAD ${path}`, await send(path, { method: 'HEAD' }));
    }
  });
});

describe('request limits', () => {
  test('an address past the limit is 414, on a page and in the API, with a message that says the limit', async () => {
    const long = 'x'.repeat(REQUEST_LIMITS.urlChars);
    const page = await send(`/search?q=${long}`);
    assert.equal(page.status, 414);
    assert.match(page.body, /16,000 Chancery reads/);
    assertSecureHeaders('414 page', page);
    const api = await send(`/api/search?q=${long}`);
    assert.equal(api.status, 414);
    assert.equal(JSON.parse(api.body).error.code, 'request.uri_too_long');
    // Just under the limit the address is read, and the query's own limit answers.
    const under = await send(`/api/search?q=${'x'.repeat(REQUEST_LIMITS.urlChars - 100)}`);
    assert.equal(under.status, 400);
    assert.match(JSON.parse(under.body).error.message, /at most 1000/);
  });

  test('a request body past the limit is 413, whether its length is declared or streamed', async () => {
    const body = `verb=Identify&${'x'.repeat(REQUEST_LIMITS.bodyBytes)}`;
    const declared = await send('/oai', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
      },
    });
    assert.equal(declared.status, 413);
    assert.match(declared.body, /64 KiB/);
    const chunked = await send('/oai', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
    });
    assert.equal(chunked.status, 413);
    const small = await send('/oai', {
      method: 'POST',
      body: 'verb=Identify',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(small.status, 200);
  });

  test('headers past 16 KiB are refused by the server itself', async () => {
    const answer = await send('/', { headers: { 'x-padding': 'x'.repeat(20_000) } });
    assert.equal(answer.status, 431);
  });
});

describe('path traversal', () => {
  const stylesheet = '/static/chancery.css';
  const variants = [
    '/static/../package.json',
    '/static/../../package.json',
    '/static/%2e%2e/package.json',
    '/static/%2E%2E/%2E%2E/package.json',
    '/static/..%2fpackage.json',
    '/static/..%2Fsrc%2Fapp.ts',
    '/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/static/%252e%252e%252fpackage.json',
    '/static/..%5cpackage.json',
    '/static/..\\..\\package.json',
    '/static/%c0%ae%c0%ae/package.json',
    '/static/.%2e/.%2e/etc/passwd',
    '/static/chancery.css/../../package.json',
    '/static/chancery.css%00.js',
    '/static//etc/passwd',
    '/static/web.app.tsx',
    '/static/../web.app.tsx',
    '/documents/..%2f..%2fpackage.json/source',
    '/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/source',
    '/documents/../../etc/passwd',
    '/api/records/..%2f..%2fpackage.json',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ];

  test('encoded and unencoded ways out of /static and the document routes are refused, and give away nothing', async () => {
    for (const path of variants) {
      const answer = await send(path);
      assert.ok([400, 404].includes(answer.status), `${path}: ${answer.status}`);
      assert.doesNotMatch(
        answer.body,
        /root:x?:0:0|"devDependencies"|import \{|createWebApp/,
        `${path} gives away a file`,
      );
      assert.doesNotMatch(answer.body, LEAKS, `${path}: ${answer.body.slice(0, 200)}`);
    }
    // The static files themselves are served.
    assert.equal((await send(stylesheet)).status, 200);
  });
});

describe('no internals in answers', () => {
  test('malformed requests are answered as such, never with a stack trace or a path of the server', async () => {
    const requests: [string, Parameters<typeof send>[1]?][] = [
      ['/documents/%E0%A4%A'],
      ['/documents/%'],
      ['/search?q=%E0%A4%A'],
      ['/search?q=%ZZ'],
      ['/search?q=((((((((((((a'],
      ['/search?q=*'],
      ['/search?q=date:9999-99..x'],
      ['/?page=-1'],
      ['/?page=99999999999999999999'],
      ['/api/records?limit=abc'],
      ['/api/records?cursor=%00%ff'],
      ['/api/search?q=a&page=0'],
      ['/api/records/x', { headers: { accept: 'application/x-nothing' } }],
      ['/api/records', { method: 'DELETE' }],
      ['/api/records', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }],
      ['/oai?verb=ListRecords&metadataPrefix=%00'],
      ['/oai?verb=GetRecord&identifier=../../etc/passwd&metadataPrefix=oai_dc'],
      [
        '/oai',
        { method: 'POST', body: '%%%', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ],
      [`/documents/${'\u00e9'.repeat(10)}`],
      ['/timeline?from=x&to=y'],
      ['/people/%00'],
    ];
    for (const [path, options] of requests) {
      const answer = await send(
        encodeURI(path) === path ? path : path.replace(/[^\x21-\x7e]/g, encodeURIComponent),
        options,
      );
      assert.ok(
        answer.status < 500,
        `${options?.method ?? 'GET'} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`,
      );
      assert.doesNotMatch(answer.body, LEAKS, `${path}: ${answer.body.slice(0, 300)}`);
    }
  });

  test('a fault of the server (its database gone) is a 500 that says nothing of the fault, on a page and in the API', async () => {
    const broken = await openCorpusApp({ frus: false });
    const web = createWebApp(broken);
    await broken.store.close();
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      for (const path of [`/documents/${cableId}`, `/api/records/${cableId}`, '/']) {
        const answer = await web.request(path);
        const body = await answer.text();
        assert.equal(answer.status, 500, path);
        assert.doesNotMatch(body, LEAKS, `${path}: ${body.slice(0, 300)}`);
        assert.doesNotMatch(body, /database|not open|sqlite/i, `${path} names the fault`);
        assertSecureHeaders(path, {
          status: answer.status,
          headers: Object.fromEntries(answer.headers),
          body,
        });
      }
      // The fault itself goes to the server's log.
      assert.ok(errors.length > 0);
    } finally {
      console.error = log;
      await broken.search.close().catch(() => {});
    }
  });
});
