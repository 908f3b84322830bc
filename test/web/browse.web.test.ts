import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { App } from '../../src/app.ts';
import { searchArchive } from '../../src/search/search.service.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { openCorpusApp } from '../support/corpus.app.ts';

/**
 * The browsing pages over the seeds and the FRUS volumes, in-process: people, places, archives,
 * collections, the timeline, the correspondence, and the document page's neighbours and citations.
 */

let app: App;
let web: ReturnType<typeof createWebApp>;
let cableId: string;
let letterId: string;

before(async () => {
  app = await openCorpusApp({ frus: true });
  web = createWebApp(app);
  const summaries = await app.store.listRecords();
  cableId = summaries.find((s) => s.title.startsWith('Cable No. 21756'))?.id ?? '';
  letterId = summaries.find((s) => s.title.startsWith('Hand-delivered letter'))?.id ?? '';
  assert.ok(cableId && letterId, 'both seeds are in the corpus');
});

after(() => app?.close());

async function getHtml(path: string, status = 200): Promise<string> {
  const response = await web.request(path);
  assert.equal(response.status, status, `GET ${path}`);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const html = await response.text();
  assert.equal(html.match(/<h1[ >]/g)?.length ?? 0, 1, `${path} has one h1`);
  return html;
}

/** The text of the markup, tags dropped and entities of quotes undone: enough to match phrases. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function sectionOfNav(html: string): string {
  const start = html.indexOf('<nav class="neighbours"');
  assert.ok(start >= 0, 'the previous and next documents are on the page');
  return html.slice(start, html.indexOf('</nav>', start));
}

function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `#${id} is on the page`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

test('a person page gives every name form with years and source, and the documents under any of them', async () => {
  const html = await getHtml('/people/stalin');
  assert.match(html, /<h1>Joseph Stalin<\/h1>/);
  const names = textOf(sectionOf(html, 'names-heading'));
  assert.match(names, /Filippov Pseudonym English 1950–1953 Signature/);
  assert.match(html, /<td lang="ru" class="name-form">Иосиф Виссарионович Сталин<\/td>/);
  assert.match(html, /<td lang="zh-Hans" class="name-form">斯大林<\/td>/);
  assert.match(
    textOf(sectionOf(html, 'wrote')),
    /Wrote \(1\) .*Hand-delivered letter, Filippov \(Stalin\) to Mao Zedong/,
  );
  assert.match(textOf(sectionOf(html, 'received')), /Received \(1\) .*Cable No\. 21756/);
  const correspondents = textOf(sectionOf(html, 'correspondents-heading'));
  assert.match(correspondents, /Mao Zedong 1 1 Read the thread/);
  assert.match(html, /href="\/correspondence\?a=stalin&amp;b=mao-zedong"/);
});

test('a person or place nobody knows is a 404; an embassy is an organization, with who wrote as it', async () => {
  await getHtml('/people/nobody-at-all', 404);
  await getHtml('/places/nowhere-at-all', 404);
  await getHtml(`/organizations/${encodeURIComponent('org:embassy-korea')}`);
  const html = await getHtml(`/organizations/${encodeURIComponent('org:embassy-korea')}`);
  assert.match(html, /<h1>Embassy in Korea<\/h1>/);
  const wrote = /Wrote \((\d+)\)/.exec(textOf(html));
  assert.ok(Number(wrote?.[1]) > 10, 'the Embassy wrote telegrams');
  // The Ambassador signed the Embassy's telegrams: the person behind the office.
  assert.match(textOf(sectionOf(html, 'holders')), /Ellis O\. Briggs/);
  // An office is no person.
  assert.doesNotMatch(textOf(await getHtml('/people?letter=E')), /Embassy in Korea/);
});

test('a body the texts name is counted and listed for every document that names it', async () => {
  const named = (await app.search.countDocumentsLinking(['united-nations'])).get('united-nations') ?? 0;
  const found = (await searchArchive({ q: '"United Nations"', pageSize: 0 }, app)).total;
  assert.ok(named > 5 && named <= found, `${named} documents name the United Nations, ${found} write it`);
  assert.match(textOf(await getHtml('/organizations?letter=U')), new RegExp(`United Nations ${named}\\b`));
  const html = await getHtml('/organizations/united-nations');
  assert.match(textOf(html), new RegExp(`Named in \\(${named}\\)`));
});

test('the people are listed A–Z with the documents that name them, filtered by any name form in any script', async () => {
  const all = textOf(await getHtml('/people'));
  assert.match(all, /\d+ entries\./);
  const m = textOf(await getHtml('/people?letter=M'));
  assert.match(m, /Mao Zedong \d+/);
  assert.doesNotMatch(m, /Joseph Stalin/);
  assert.match(textOf(await getHtml('/people?letter=S')), /Joseph Stalin \d+/);
  // The filter finds Stalin by his Russian form.
  const filtered = textOf(await getHtml(`/people?q=${encodeURIComponent('Сталин')}`));
  assert.match(filtered, /Joseph Stalin/);
  assert.doesNotMatch(filtered, /Mao Zedong/);
  await getHtml('/people?page=999', 404);
});

test('a place page lists its names in every script and the documents that name it', async () => {
  const html = await getHtml('/places/kaesong');
  assert.match(html, /<h1>Kaesong<\/h1>/);
  assert.match(html, /<td lang="ru" class="name-form">Кайдзъё<\/td>/);
  assert.match(textOf(sectionOf(html, 'documents')), /Cable No\. 21756/);
});

test('an archive page groups its documents by fond, with the location of each', async () => {
  const html = await getHtml('/archives/RGASPI');
  const text = textOf(html);
  assert.match(text, /Fond 558, opis 11/);
  assert.match(text, /RGASPI, f\. 558, op\. 11, d\. 340, ll\. 0043-0045/);
  assert.match(text, /RGASPI, f\. 558, op\. 11, d\. 343, ll\. 0097-0104/);
  const state = textOf(await getHtml(`/archives/${encodeURIComponent('Department of State')}`));
  assert.match(state, /Central Files, 795\.00/);
  await getHtml('/archives/No%20Such%20Archive', 404);
});

test('a collection lists a FRUS volume in its own order, a page at a time', async () => {
  const first = await getHtml('/collections/frus1951v07p2');
  assert.match(first, /333 documents, in the order of the volume/);
  assert.match(first, /<ol class="document-list" start="1">/);
  const volume = await app.store.listRecords({ collectionId: 'frus1951v07p2', limit: 51 });
  const order = [...first.matchAll(/<a class="document-title" href="\/documents\/([^"]+)"/g)].map((m) =>
    decodeURIComponent(m[1] ?? ''),
  );
  assert.deepEqual(
    order,
    volume.slice(0, 50).map((r) => r.id),
  );
  const second = await getHtml('/collections/frus1951v07p2?page=2');
  assert.match(second, /<ol class="document-list" start="51">/);
  assert.ok(second.includes(`href="/documents/${encodeURIComponent(volume[50]?.id ?? '')}"`));
  await getHtml('/collections/frus1951v07p2?page=99', 404);
  await getHtml('/collections/none', 404);
  assert.match(await getHtml('/collections'), /frus1951v07p2/);
});

test('the timeline goes from years to the months of a year to the days of a month, and filters', async () => {
  const years = await getHtml('/timeline');
  assert.match(years, /<svg[^>]*class="bar-chart"/);
  assert.match(years, /href="\/timeline\?year=1951"/);
  assert.match(years, /href="\/timeline\?year=1952"/);
  const months = await getHtml('/timeline?year=1952');
  assert.match(months, /aria-label="Sep: 1 document"/);
  const days = await getHtml('/timeline?year=1951&month=07&type=cable');
  assert.match(days, /<section class="timeline-day" id="d-1951-07-13"/);
  assert.match(textOf(sectionOf(days, 'd-1951-07-13')), /Cable No\. 21756/);
  const letters = await getHtml('/timeline?year=1951&month=07&type=letter');
  assert.doesNotMatch(letters, /Cable No\. 21756/);
  // Filippov is Stalin: the person filter reads any name form.
  const stalin = await getHtml('/timeline?person=Filippov');
  assert.match(stalin, /2 documents\./);
  assert.doesNotMatch(stalin, /No person in the authority file/);
});

test('the correspondence counts who wrote to whom and threads a pair both ways in date order', async () => {
  const pairs = textOf(await getHtml('/correspondence'));
  assert.match(pairs, /Mao Zedong Joseph Stalin 1/);
  assert.match(pairs, /Joseph Stalin Mao Zedong 1/);
  const thread = await getHtml('/correspondence?a=stalin&b=mao-zedong');
  assert.match(thread, /2 documents between Joseph Stalin and Mao Zedong, in date order/);
  assert.match(thread, /Mao Zedong to Joseph Stalin/);
  assert.ok(
    thread.indexOf('Cable No. 21756') < thread.indexOf('Hand-delivered letter'),
    'the 1951 cable first',
  );
  await getHtml('/correspondence?a=stalin&b=nobody', 404);
});

test('the home page draws documents per year, and lists recent additions and collections', async () => {
  const html = await getHtml('/');
  assert.match(sectionOf(html, 'years-heading'), /<svg[^>]*class="bar-chart"/);
  assert.match(sectionOf(html, 'recent-heading'), /document-title/);
  assert.match(sectionOf(html, 'collections-heading'), /href="\/collections\/frus1951v07p2"/);
  assert.match(html, /href="\/archives\/RGASPI"/);
  for (const href of ['/people', '/places', '/timeline', '/correspondence', '/collections']) {
    assert.match(html, new RegExp(`<nav aria-label="Site">.*href="${href}"`, 's'));
  }
});

test('the document page links names, steps to neighbours, and carries Zotero metadata and a cite panel', async () => {
  const html = await getHtml(`/documents/${encodeURIComponent(cableId)}`);
  assert.match(html, /<a class="agent" href="\/people\/stalin"/);
  assert.match(html, /<a href="\/places\/kaesong">Kaesong<\/a>/);
  // In date order among the FRUS documents of July 1951, on either side.
  assert.match(
    sectionOfNav(html),
    /Previous: <a href="\/documents\/[^"]+" rel="prev">.*Next: <a href="\/documents\/[^"]+" rel="next">/s,
  );
  for (const [name, content] of [
    ['citation_title', 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]'],
    ['citation_author', 'Mao, Zedong'],
    ['citation_date', '1951/07/13'],
    ['citation_language', 'ru'],
    ['z.itemType', 'manuscript'],
    ['z.archive', 'RGASPI'],
    ['DC.coverage', 'f. 558, op. 11, d. 340, ll. 0043-0045'],
    ['DC.type', 'Cable'],
    ['DC.language', 'ru'],
    ['DC.contributor', 'Goldberg, Gary'],
  ]) {
    assert.ok(html.includes(`<meta name="${name}" content="${content}"/>`), `${name} = ${content}`);
  }
  assert.match(html, /<script src="\/static\/permalink\.js" defer=""><\/script>/);
  const cite = textOf(sectionOf(html, 'citation'));
  assert.match(cite, /Chicago, note Mao Zedong, “Cable No\. 21756.*,” July 13, 1951, RGASPI, f\. 558/);
  assert.match(
    cite,
    /Chicago, bibliography Mao Zedong\. “Cable No\. 21756, Mao Zedong to Cde\. Filippov \[Stalin\]\.” July 13, 1951\. RGASPI, f\. 558, op\. 11, d\. 340, ll\. 0043-0045\. Translated by Gary Goldberg\. Wilson Center Digital Archive\./,
  );
  assert.match(html, /href="\/documents\/[^"]+\/cite\.ris" download/);

  const frus = (await app.store.listRecords({ collectionId: 'frus1951v07p2', limit: 2 }))[1];
  const inVolume = await getHtml(`/documents/${encodeURIComponent(frus?.id ?? '')}`);
  assert.match(inVolume, /In Foreign Relations[^<]*, no\. 2/);
  assert.match(inVolume, /Previous: <a href="\/documents\/[^"]+" rel="prev">/);
});

test('the RIS download, read back by citation-js, gives the title, date, author, archive and location', async () => {
  const response = await web.request(`/documents/${encodeURIComponent(letterId)}/cite.ris`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/x-research-info-systems/);
  assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.ris"$/);
  const [item] = new Cite(await response.text()).data;
  assert.ok(item);
  // A letter is a personal communication in RIS (Zotero's `letter`), its archive in `DB`.
  assert.equal(item.type, 'personal_communication');
  assert.equal(item.title, 'Hand-delivered letter, Filippov (Stalin) to Mao Zedong');
  assert.deepEqual(item.issued, { 'date-parts': [[1952, 9, 17]] });
  assert.deepEqual(item.author, [{ family: 'Stalin', given: 'Joseph' }]);
  assert.deepEqual(item.recipient, [{ family: 'Mao', given: 'Zedong' }]);
  assert.equal(item.language, 'ru');
  assert.equal(item.source, 'APRF');
  assert.equal(item.archive_location, 'f. 45, op. 1, d. 343, ll. 97-103');

  const bib = await (await web.request(`/documents/${encodeURIComponent(letterId)}/cite.bib`)).text();
  assert.match(bib, /^@\w+\{/);
  assert.match(bib, /Mao/);
  const csl = JSON.parse(
    await (await web.request(`/documents/${encodeURIComponent(cableId)}/cite.json`)).text(),
  );
  assert.equal(csl[0].archive, 'RGASPI');
  assert.deepEqual(csl[0].translator, [{ family: 'Goldberg', given: 'Gary' }]);
  assert.equal((await web.request('/documents/nothing/cite.ris')).status, 404);
});

test('the enhancement script and stylesheet are served from /static/, and the page policy allows only them', async () => {
  const script = await web.request('/static/permalink.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match(await script.text(), /block-permalink/);
  assert.equal((await web.request('/static/browse.css')).status, 200);
  const page = await web.request('/people/stalin');
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
});

test('a person page leads to the timeline filtered by that person, read by authority id', async () => {
  const person = await getHtml('/people/stalin');
  assert.match(person, /href="\/timeline\?person=stalin"/);
  const timeline = await getHtml('/timeline?person=stalin');
  assert.match(timeline, /2 documents\./);
  assert.doesNotMatch(timeline, /No person in the authority file/);
});

test('the timeline of a person reconciled across volumes counts the documents of every source', async () => {
  const key = encodeURIComponent('walter-s-robertson');
  assert.match(await getHtml(`/people/${key}`), new RegExp(`href="/timeline\\?person=${key}"`));
  const timeline = await getHtml(`/timeline?person=${key}`);
  assert.doesNotMatch(timeline, /<p>0 documents\./);
  assert.doesNotMatch(timeline, /No person in the authority file/);
});
