import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { ServerType } from '@hono/node-server';
import { type App, openApp } from '../src/app.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb, portOf } from '../src/web/web.listen.ts';
import { openCorpusApp } from './support/corpus.app.ts';
import { validateOaiResponses } from './support/xml.validate.ts';

/**
 * OAI-PMH 2.0 on the seeds and the FRUS volumes, in a SQLite file: every verb and every error
 * the protocol names, each response validated against the official XSDs (xmllint), a whole
 * harvest by Debian's harvester (libhttp-oai-perl's `oai_pmh`) across resumption tokens, a token
 * that outlives the server, and a deleted record that stays deleted.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'chancery-oai-'));
const db = join(dir, 'archive.db');
const PAGE = { records: 50, identifiers: 120 };
let app: App;
let server: ServerType;
let base: string;
let web: ReturnType<typeof createWebApp>;
const responses: string[] = [];

before(async () => {
  app = await openCorpusApp({ frus: true, db });
  ({ web, server, base } = await startServer(app));
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startServer(archive: App) {
  const site = createWebApp({ ...archive, oai: { pageSize: PAGE } });
  const started = await listenWeb(site, { port: 0, hostname: '127.0.0.1' });
  return { web: site, server: started, base: `http://127.0.0.1:${portOf(started)}` };
}

/** A response, kept for the schema check at the end. */
async function oai(query: string, via: 'GET' | 'POST' = 'GET'): Promise<string> {
  const response =
    via === 'GET'
      ? await fetch(`${base}/oai?${query}`)
      : await fetch(`${base}/oai`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: query,
        });
  assert.equal(response.status, 200, query);
  assert.match(response.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8/);
  const xml = await response.text();
  responses.push(xml);
  return xml;
}

const errorCodes = (xml: string) => [...xml.matchAll(/<error code="(\w+)">/gu)].map((m) => m[1]);
const identifiers = (xml: string) =>
  [...xml.matchAll(/<identifier>oai:127\.0\.0\.1:([^<]+)<\/identifier>/gu)].map((m) => m[1]);
const token = (xml: string) => /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/u.exec(xml)?.[1];

test('Debian’s harvester gets every record of the archive across resumption tokens, none missing or repeated', async () => {
  const ids: string[] = [];
  for await (const record of app.store.streamRecords()) ids.push(record.id);
  assert.equal(ids.length, 600, 'the seeds and both FRUS volumes');
  const harvest = async (...args: string[]) => {
    const { stdout } = await run('oai_pmh', [...args, `${base}/oai`], { maxBuffer: 256 * 1024 * 1024 });
    // Records are separated by form feeds; each starts with its header lines.
    return [...stdout.matchAll(/identifier: oai:127\.0\.0\.1:(\S+)/gu)].map((m) => m[1] as string);
  };
  const all = await harvest('--metadataPrefix', 'oai_dc');
  assert.equal(all.length, ids.length, 'as many as the archive holds');
  assert.equal(new Set(all).size, all.length, 'none repeated');
  assert.deepEqual([...all].sort(), [...ids].sort(), 'every one');
  assert.ok(ids.length / PAGE.records > 10, 'across more than ten resumption tokens');
  const volume = await harvest(
    '-X',
    'ListIdentifiers',
    '--metadataPrefix',
    'oai_dc',
    '--set',
    'collection:frus1951v07p2',
  );
  assert.equal(volume.length, 333);
  assert.equal(new Set(volume).size, 333);
});

test('every verb answers, and every response validates against the OAI-PMH and oai_dc schemas', async () => {
  const identify = await oai('verb=Identify');
  assert.match(identify, /<baseURL>http:\/\/127\.0\.0\.1:\d+\/oai<\/baseURL>/);
  assert.match(
    identify,
    /<deletedRecord>persistent<\/deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ<\/granularity>/,
  );
  const formats = await oai('verb=ListMetadataFormats');
  assert.match(formats, /<metadataPrefix>oai_dc<\/metadataPrefix>/);
  assert.match(formats, /<metadataPrefix>tei<\/metadataPrefix>/);
  assert.match(
    await oai('verb=ListMetadataFormats&identifier=oai:127.0.0.1:da-113644'),
    /<metadataPrefix>oai_dc/,
  );
  const sets = await oai('verb=ListSets');
  for (const spec of ['collection', 'collection:frus1951v07p2', 'type', 'type:cable', 'type:letter']) {
    assert.ok(sets.includes(`<setSpec>${spec}</setSpec>`), spec);
  }
  const record = await oai('verb=GetRecord&identifier=oai:127.0.0.1:da-726b9b4bc6e2&metadataPrefix=oai_dc');
  assert.match(record, /<dc:title>Cable No\. 21756, Mao Zedong to Cde\. Filippov \[Stalin\]<\/dc:title>/);
  assert.match(
    record,
    /<dc:identifier>http:\/\/127\.0\.0\.1:\d+\/documents\/da-726b9b4bc6e2<\/dc:identifier>/,
  );
  assert.match(record, /<setSpec>type:cable<\/setSpec>/);
  const frus = await oai('verb=GetRecord&identifier=oai:127.0.0.1:frus1951v07p2-d2&metadataPrefix=oai_dc');
  assert.match(frus, /<setSpec>collection:frus1951v07p2<\/setSpec>/);
  assert.match(frus, /<dc:publisher>United States Government Printing Office<\/dc:publisher>/);
  await oai('verb=GetRecord&identifier=oai:127.0.0.1:da-113644&metadataPrefix=tei');
  const first = await oai('verb=ListRecords&metadataPrefix=oai_dc&set=type:letter');
  assert.ok(identifiers(first).includes('da-113644'));
  const page1 = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
  assert.equal(identifiers(page1).length, PAGE.identifiers);
  assert.match(page1, /<resumptionToken completeListSize="\d+" cursor="0">/);
  const page2 = await oai(`verb=ListIdentifiers&resumptionToken=${token(page1)}`);
  assert.match(page2, new RegExp(`cursor="${PAGE.identifiers}"`));
  // By POST as by GET.
  assert.match(await oai('verb=Identify', 'POST'), /<Identify>/);
  const everything = await oai(
    'verb=ListRecords&metadataPrefix=oai_dc&set=collection:frus1955-57v23p2&from=2000-01-01',
  );
  assert.equal(errorCodes(everything).length, 0);
  const result = await validateOaiResponses(responses);
  assert.ok(result.ok, result.output.slice(0, 3000));
  assert.equal((result.output.match(/ validates$/gmu) ?? []).length, responses.length);
});

test('every error condition of the protocol is answered with its code, and validates', async () => {
  const cases: [string, string][] = [
    ['', 'badVerb'],
    ['verb=Launch', 'badVerb'],
    ['verb=Identify&verb=Identify', 'badVerb'],
    ['verb=Identify&extra=1', 'badArgument'],
    ['verb=ListRecords', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=yesterday', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-30', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-02&until=2020-01-01', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2021-01-01T00:00:00Z', 'badArgument'],
    ['verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
    ['verb=GetRecord&identifier=oai:127.0.0.1:da-113644', 'badArgument'],
    ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
    ['verb=ListRecords&resumptionToken=%3Cx%3E', 'badResumptionToken'],
    ['verb=ListSets&resumptionToken=abc', 'badResumptionToken'],
    ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:127.0.0.1:da-113644&metadataPrefix=mods', 'cannotDisseminateFormat'],
    ['verb=GetRecord&identifier=oai:127.0.0.1:no-such-record&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=GetRecord&identifier=oai:elsewhere.example:da-113644&metadataPrefix=oai_dc', 'idDoesNotExist'],
    ['verb=ListMetadataFormats&identifier=nonsense', 'idDoesNotExist'],
    ['verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:poem', 'noRecordsMatch'],
    ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=nonsense', 'noRecordsMatch'],
  ];
  const answered: string[] = [];
  for (const [query, code] of cases) {
    const xml = await oai(query);
    assert.deepEqual(errorCodes(xml).slice(0, 1), [code], `${query}: ${xml.slice(0, 600)}`);
    if (code === 'badVerb' || code === 'badArgument')
      assert.match(xml, /<request>http:/, 'no attributes echoed');
    answered.push(xml);
  }
  // A token handed out for ListIdentifiers is refused by ListRecords.
  const listed = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
  assert.deepEqual(errorCodes(await oai(`verb=ListRecords&resumptionToken=${token(listed)}`)), [
    'badResumptionToken',
  ]);
  const result = await validateOaiResponses(answered);
  assert.ok(result.ok, result.output.slice(0, 3000));
});

test('a resumption token outlives the server; a deleted record answers as deleted for ever', async () => {
  const page1 = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:frus1951v07p2');
  const resume = token(page1);
  assert.ok(resume);
  // Stop the server and close the archive; open the file again in a new server.
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  app = await openApp({ db });
  ({ web, server, base } = await startServer(app));
  const page2 = await oai(`verb=ListIdentifiers&resumptionToken=${resume}`);
  const page3 = await oai(`verb=ListIdentifiers&resumptionToken=${token(page2)}`);
  const walked = [...identifiers(page1), ...identifiers(page2), ...identifiers(page3)];
  assert.equal(walked.length, 333);
  assert.equal(new Set(walked).size, 333);
  assert.match(
    page3,
    /<resumptionToken completeListSize="333" cursor="240"\/>/,
    'the last page ends with an empty token',
  );

  assert.equal(await app.store.deleteRecord('da-113644'), true);
  const gone = await oai('verb=GetRecord&identifier=oai:127.0.0.1:da-113644&metadataPrefix=oai_dc');
  assert.match(gone, /<header status="deleted"><identifier>oai:127\.0\.0\.1:da-113644<\/identifier>/);
  assert.doesNotMatch(gone, /<metadata>/);
  const letters = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:letter');
  assert.match(letters, /<header status="deleted"><identifier>oai:127\.0\.0\.1:da-113644/);
  // Still deleted after another restart.
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  app = await openApp({ db });
  ({ web, server, base } = await startServer(app));
  const stillGone = await oai('verb=GetRecord&identifier=oai:127.0.0.1:da-113644&metadataPrefix=oai_dc');
  assert.match(stillGone, /status="deleted"/);
  const result = await validateOaiResponses([page2, page3, gone, letters, stillGone]);
  assert.ok(result.ok, result.output.slice(0, 3000));
  void web;
});
