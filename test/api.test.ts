import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { RECORDS_MAX_LIMIT } from '../src/api/records.routes.ts';
import type { App } from '../src/app.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';

/**
 * The JSON API on the seeds and the FRUS volumes: the OpenAPI document is valid (swagger-parser),
 * every operation it describes is called and its answers checked against the schema it declares
 * (Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses), and bad requests get the one error shape.
 */
let app: App;
let web: ReturnType<typeof createWebApp>;
// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked by path.
let doc: any;
const ajv = new Ajv2020({ strict: false, allErrors: true });

before(async () => {
  app = await openCorpusApp({ frus: true });
  web = createWebApp(app);
  doc = await (await web.request('/api/openapi.json')).json();
  ajv.addSchema(doc, 'openapi');
});
after(async () => app.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await web.request(path, { headers });
  const text = await response.text();
  return { response, status: response.status, text, json: text ? JSON.parse(text) : null };
}

/** Checks a body against the schema the document declares for that path, method and status. */
function assertDeclared(pathTemplate: string, status: number, body: unknown): void {
  const pointer = `openapi#/paths/${pathTemplate.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
  const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
  assert.ok(validate(body), `${pathTemplate} ${status}: ${ajv.errorsText(validate.errors)}`);
}

test('the OpenAPI 3.1 document validates with swagger-parser and describes every endpoint', async () => {
  assert.equal(doc.openapi, '3.1.0');
  await SwaggerParser.validate(structuredClone(doc));
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    '/collections',
    '/collections/{id}',
    '/organizations',
    '/organizations/{id}',
    '/people',
    '/people/{id}',
    '/places',
    '/places/{id}',
    '/records',
    '/records/{id}',
    '/records/{id}/versions',
    '/records/{id}/versions/{version}',
    '/search',
    '/thread',
    '/threads',
  ]);
  const page = await web.request('/api');
  assert.equal(page.status, 200);
  const html = await page.text();
  for (const path of Object.keys(doc.paths)) assert.ok(html.includes(`GET /api${path}`), path);
});

test('every endpoint answers with what its schema declares, errors included', async () => {
  const person = (await get('/api/people?q=Stalin')).json.items[0].id as string;
  const place = (await get('/api/places?limit=1')).json.items[0].id as string;
  const organization = (await get('/api/organizations?limit=1')).json.items[0].id as string;
  const calls: [string, string, number][] = [
    ['/records', '/api/records?limit=5', 200],
    [
      '/records',
      '/api/records?collection=frus1951v07p2&type=memorandum&from=1951-01&to=1951-06&limit=3',
      200,
    ],
    ['/records', '/api/records?limit=abc', 400],
    ['/records/{id}', '/api/records/da-726b9b4bc6e2', 200],
    ['/records/{id}', '/api/records/frus1951v07p2-d2', 200],
    ['/records/{id}', '/api/records/nothing-here', 404],
    ['/records/{id}/versions', '/api/records/da-113644/versions', 200],
    ['/records/{id}/versions', '/api/records/nothing-here/versions', 404],
    ['/records/{id}/versions/{version}', '/api/records/da-113644/versions/1', 200],
    ['/records/{id}/versions/{version}', '/api/records/da-113644/versions/9', 404],
    ['/records/{id}/versions/{version}', '/api/records/da-113644/versions/x', 400],
    ['/search', '/api/search?q=Filippov', 200],
    ['/search', '/api/search?q=%22unclosed', 400],
    ['/people', '/api/people', 200],
    ['/people/{id}', `/api/people/${encodeURIComponent(person)}`, 200],
    ['/people/{id}', '/api/people/nobody-at-all', 404],
    ['/places', '/api/places?page=2&limit=10', 200],
    ['/places/{id}', `/api/places/${encodeURIComponent(place)}`, 200],
    ['/organizations', '/api/organizations?q=State', 200],
    ['/organizations/{id}', `/api/organizations/${encodeURIComponent(organization)}`, 200],
    ['/collections', '/api/collections', 200],
    ['/collections/{id}', '/api/collections/frus1951v07p2', 200],
    ['/collections/{id}', '/api/collections/none', 404],
    ['/threads', '/api/threads?a=Mao&b=Filippov', 200],
    ['/threads', '/api/threads?a=Mao', 400],
    ['/threads', '/api/threads?a=Mao&b=Nobody', 404],
    ['/thread', '/api/thread?a=Mao&b=Filippov', 200],
  ];
  const covered = new Set<string>();
  for (const [template, path, status] of calls) {
    const answer = await get(path);
    assert.equal(answer.status, status, `${path}: ${answer.text.slice(0, 300)}`);
    assert.match(answer.response.headers.get('content-type') ?? '', /^application\/json/);
    assertDeclared(template, status, answer.json);
    covered.add(template);
  }
  assert.deepEqual([...covered].sort(), Object.keys(doc.paths).sort(), 'every endpoint called');
  const collection = (await get('/api/collections/frus1951v07p2')).json;
  assert.equal(collection.editors[0], 'John P. Glennon');
  assert.equal(collection.records, 333);
});

test('cursor pagination walks every record of a filter once, in date order', async () => {
  const seen: string[] = [];
  let cursor: string | null = null;
  let total = 0;
  let pages = 0;
  do {
    const answer = await get(
      `/api/records?collection=frus1951v07p2&limit=40${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(answer.status, 200);
    total = answer.json.total;
    seen.push(...answer.json.items.map((r: { id: string }) => r.id));
    cursor = answer.json.next;
    pages++;
  } while (cursor && pages < 100);
  assert.equal(total, 333);
  assert.equal(seen.length, 333);
  assert.equal(new Set(seen).size, 333, 'none repeated');
  const everything = (await get(`/api/records?limit=${RECORDS_MAX_LIMIT}`)).json;
  assert.equal(everything.total, await app.store.countRecords());
  const dates = everything.items.map((r: { dateMin: string | null }) => r.dateMin).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort());
  const byPerson = (await get('/api/records?person=Filippov')).json;
  assert.deepEqual(byPerson.items.map((r: { id: string }) => r.id).sort(), ['da-113644', 'da-726b9b4bc6e2']);
  const cables = (await get('/api/records?type=cable&from=1951&to=1951')).json;
  assert.ok(cables.items.every((r: { type: string }) => r.type === 'cable'));
  assert.ok(cables.items.some((r: { id: string }) => r.id === 'da-726b9b4bc6e2'));
});

test('bad input is a 4xx in the one error shape, never a 500 or a stack trace', async () => {
  const cases: [string, number, string, Record<string, string>?][] = [
    ['/api/nothing', 404, 'request.not_found'],
    ['/api/records/da-113644/nothing', 404, 'request.not_found'],
    ['/api/search?q=Stalin&page=abc', 400, 'request.invalid_parameter'],
    ['/api/search?q=Stalin&page=-1', 400, 'request.invalid_parameter'],
    ['/api/search?q=Stalin&page=0', 400, 'request.invalid_parameter'],
    ['/api/search?q=Stalin&page=99999999999999999999', 400, 'request.invalid_parameter'],
    ['/api/search?q=Stalin&pageSize=1000000', 400, 'request.invalid_parameter'],
    ['/api/records?limit=100000000', 400, 'request.invalid_parameter'],
    ['/api/records?cursor=bm9uc2Vuc2U', 400, 'request.invalid_cursor'],
    ['/api/records?cursor=%00%ff', 400, 'request.invalid_cursor'],
    ['/api/records?type=poem', 400, 'request.invalid_parameter'],
    ['/api/records?from=1951-13', 400, 'request.invalid_parameter'],
    ['/api/records/da-113644', 406, 'request.not_acceptable', { accept: 'application/xml' }],
    ['/api/search?q=x', 406, 'request.not_acceptable', { accept: 'text/html;q=1, application/json;q=0' }],
    ['/api/people?page=0', 400, 'request.invalid_parameter'],
  ];
  for (const [path, status, code, headers] of cases) {
    const answer = await get(path, headers);
    assert.equal(answer.status, status, `${path}: ${answer.text.slice(0, 200)}`);
    assert.match(answer.response.headers.get('content-type') ?? '', /^application\/json/, path);
    assert.deepEqual(Object.keys(answer.json), ['error'], path);
    assert.equal(answer.json.error.code, code, path);
    assert.doesNotMatch(answer.json.error.message, /\n\s+at /u, 'no stack trace');
  }
  // A cursor from one listing is refused by another.
  const next = (await get('/api/records?collection=frus1951v07p2&limit=5')).json.next;
  assert.equal((await get(`/api/records?collection=frus1955-57v23p2&limit=5&cursor=${next}`)).status, 400);
  // A page past the end is an empty page with the total.
  const past = await get('/api/search?q=Stalin&page=1000000');
  assert.equal(past.status, 200);
  assert.deepEqual(past.json.hits, []);
  assert.ok(past.json.total > 0);
  assert.equal(past.json.page, 1000000);
  // The reading room reads the page the same way: 400 for a malformed page.
  assert.equal((await web.request('/search?q=Stalin&page=abc')).status, 400);
  assert.equal((await web.request('/search?q=Stalin&page=1000000')).status, 200);
});

test('records carry ETag and Last-Modified, answer 304 when unchanged, and GET is open to other origins', async () => {
  const first = await get('/api/records/da-726b9b4bc6e2', { origin: 'https://elsewhere.example' });
  const etag = first.response.headers.get('etag');
  const modified = first.response.headers.get('last-modified');
  assert.match(etag ?? '', /^"[\w-]+"$/);
  assert.ok(modified && !Number.isNaN(Date.parse(modified)));
  assert.equal(first.response.headers.get('access-control-allow-origin'), '*');
  assert.equal(first.json.id, 'da-726b9b4bc6e2');
  assert.deepEqual(first.json, await app.store.getRecord('da-726b9b4bc6e2'));
  assert.equal((await get('/api/records/da-726b9b4bc6e2', { 'if-none-match': etag ?? '' })).status, 304);
  assert.equal(
    (await get('/api/records/da-726b9b4bc6e2', { 'if-modified-since': modified ?? '' })).status,
    304,
  );
  assert.equal(
    (await get('/api/records/da-726b9b4bc6e2', { 'if-modified-since': 'Mon, 01 Jan 1990 00:00:00 GMT' }))
      .status,
    200,
  );
  const preflight = await web.request('/api/records', {
    method: 'OPTIONS',
    headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
  });
  assert.ok(preflight.status < 300);
  assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
});
