import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { App } from '../src/app.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { openCorpusApp } from './support/corpus.app.ts';
import { makeRecord } from './support/record.fixture.ts';

const CABLE = 'da-726b9b4bc6e2';
const LETTER = 'da-113644';
let app: App;

before(async () => {
  app = await openCorpusApp({ frus: true });
});
after(() => app.close());

const search = (q: string, page = 1) => searchArchive({ q, page, pageSize: 100 }, app);
const ids = async (q: string) => (await search(q)).hits.map((h) => h.id);

describe('names across scripts, romanizations and pseudonyms', () => {
  test('Stalin finds the documents that say only Filippov or Филиппов', async () => {
    const found = await ids('Stalin');
    assert.ok(found.includes(CABLE) && found.includes(LETTER), found.join());
    // The cable's texts never say "Stalin" except in the title's bracket; the Russian says Филиппов.
    const filippov = await search('Филиппов');
    assert.ok(
      filippov.hits.some((h) => h.id === LETTER),
      'Филиппов finds the letter signed Филиппов',
    );
  });

  test('Kaesong finds Кайдзъё, and the snippet shows the Cyrillic the document wrote', async () => {
    const result = await search('Kaesong');
    const cable = result.hits.find((h) => h.id === CABLE);
    assert.ok(cable, 'the cable, which says Кайдзъё in Russian and Kaesong in English');
    assert.match(cable.snippet, /<mark>(Кайдзъё|Kaesong)<\/mark>/);
    assert.ok(result.total > 5, 'and the FRUS documents about Kaesong');
  });

  test('a romanization the authority file does not list still finds the person', async () => {
    // None of these forms is in data/authorities: they meet the person by the sound of the name.
    for (const form of ['Kim Il-song', 'Gim Il-seong', 'Roshin', 'Chou Enlai', 'Tchou En-laï']) {
      assert.ok(app.authorities.findByRomanization(form), `${form} is found by romanization`);
      assert.equal(app.authorities.find(form), undefined, `${form} is not a listed form`);
    }
    assert.ok((await ids('Kim Il-song')).includes(CABLE));
    assert.deepEqual((await ids('Chou Enlai')).sort(), (await ids('Zhou Enlai')).sort());
    assert.ok((await ids('김일성')).includes(CABLE));
    assert.ok((await ids('Ким Ир Сен')).includes(CABLE));
    assert.ok((await ids('Mao Tse-tung')).includes(LETTER));
    assert.ok((await ids('毛泽东')).includes(LETTER));
  });

  test('Chou En-lai and Zhou Enlai find the same FRUS documents', async () => {
    const wade = await ids('Chou En-lai');
    const pinyin = await ids('Zhou Enlai');
    assert.ok(wade.length > 3);
    assert.deepEqual([...pinyin].sort(), [...wade].sort());
  });
});

describe('words, phrases and operators', () => {
  test('Russian inflections meet: военнопленных finds военнопленные and военнопленных', async () => {
    assert.deepEqual(await ids('военнопленные'), [LETTER]);
    const result = await search('военнопленных');
    assert.match(result.hits[0]?.snippet ?? '', /<mark>военнопленных<\/mark>/);
  });

  test('a phrase matches the words in order only', async () => {
    assert.deepEqual(await ids('"neutral countries"'), [CABLE]);
    assert.deepEqual(await ids('"countries neutral"'), []);
  });

  test('OR widens, - excludes, * matches prefixes', async () => {
    const kaesong = new Set(await ids('Kaesong'));
    const panmunjom = new Set(await ids('Panmunjom'));
    const either = new Set(await ids('Kaesong OR Panmunjom'));
    assert.equal(either.size, new Set([...kaesong, ...panmunjom]).size);
    // Ridgway is named in one of the Kaesong documents: the exclusion must take that one, and only it.
    const ridgway = new Set(await ids('Ridgway'));
    const without = await ids('Kaesong -Ridgway');
    const expected = [...kaesong].filter((id) => !ridgway.has(id));
    assert.ok(
      expected.length > 0 && expected.length < kaesong.size,
      'some Kaesong documents name Ridgway, some not',
    );
    assert.deepEqual([...without].sort(), expected.sort(), 'exactly the Kaesong documents without Ridgway');
    const prefixed = await search('negotiat*');
    assert.ok(prefixed.total > 0 && prefixed.total >= (await search('negotiate')).total);
    assert.match(prefixed.hits[0]?.snippet ?? '', /<mark>negotiat/i);
    assert.deepEqual(await ids('военноплен*'), [LETTER]);
    assert.deepEqual(await ids('zzyzx*'), []);
  });
});

describe('fields, dates and facets', () => {
  test('author:, recipient: and person: resolve pseudonyms', async () => {
    assert.deepEqual(await ids('author:Filippov'), [LETTER]);
    assert.deepEqual(await ids('recipient:Stalin'), [CABLE]);
    assert.deepEqual((await ids('person:"Mao Zedong" lang:ru')).sort(), [CABLE, LETTER].sort());
  });

  test('type:, lang:, archive:, collection: and date: filter, and combine', async () => {
    assert.deepEqual(await ids('type:cable'), [CABLE]);
    assert.deepEqual((await ids('lang:ru')).sort(), [CABLE, LETTER].sort());
    assert.deepEqual(
      (await ids('archive:РГАСПИ')).sort(),
      [CABLE, LETTER].sort(),
      'archive names in any script',
    );
    assert.deepEqual(await ids('archive:"AVP RF"'), [LETTER]);
    const volume = await search('collection:frus1951v07p2');
    assert.ok(volume.total > 300);
    const summer = await ids('Kaesong date:1951-07..1951-09');
    assert.ok(summer.includes(CABLE));
    for (const id of summer) {
      const record = await app.store.getRecord(id);
      assert.ok(
        record?.date.min && record.date.min <= '1951-09-30\uffff' && (record.date.max ?? '') >= '1951-07-01',
      );
    }
  });

  test('facet counts honour the other filters and list the alternatives to their own', async () => {
    const all = await search('Kaesong');
    const types = Object.fromEntries(all.facets.type.map((v) => [v.value, v.count]));
    assert.equal(
      all.facets.type.reduce((n, v) => n + v.count, 0),
      all.total,
    );
    const telegrams = await search('Kaesong type:telegram');
    assert.equal(telegrams.total, types.telegram);
    // The type facet still offers the other types, with the counts they would give.
    assert.deepEqual(Object.fromEntries(telegrams.facets.type.map((v) => [v.value, v.count])), types);
    // Other facets are counted over the telegrams only.
    assert.equal(
      telegrams.facets.year.reduce((n, v) => n + v.count, 0),
      telegrams.total,
    );
  });

  test('results page, and the pages add up to the total', async () => {
    const first = await searchArchive({ q: 'Korea', page: 1, pageSize: 10 }, app);
    const second = await searchArchive({ q: 'Korea', page: 2, pageSize: 10 }, app);
    assert.equal(first.hits.length, 10);
    assert.equal(second.page, 2);
    assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.id)).size, 20);
    assert.ok(first.hits[0] && second.hits[0] && first.hits[0].score >= second.hits[0].score);
  });

  test('pages of a filtered search, and of a search without words, follow one ranking', async () => {
    for (const q of ['Korea type:telegram', 'Korea date:1951', 'type:telegram']) {
      const long = await searchArchive({ q, page: 1, pageSize: 30 }, app);
      const pages = await Promise.all([1, 2, 3].map((page) => searchArchive({ q, page, pageSize: 10 }, app)));
      assert.ok(long.total > 30, `${q}: ${long.total} hits`);
      assert.deepEqual(
        pages.flatMap((p) => p.hits.map((h) => h.id)),
        long.hits.map((h) => h.id),
        q,
      );
      assert.ok(pages.every((p) => p.total === long.total));
    }
  });
});

describe('the index stays in step with the records', () => {
  test('an update re-indexes, a delete removes, and snippets escape the text', async () => {
    const record = makeRecord({
      id: 'index-test',
      texts: [
        {
          id: 'original',
          kind: 'original',
          language: 'en',
          blocks: [
            { id: 'b1', type: 'paragraph', text: 'Zanzibar <script>alert(1)</script> memo', marks: [] },
          ],
        },
      ],
    });
    await app.store.saveRecord(record);
    const hit = (await search('Zanzibar')).hits[0];
    assert.equal(hit?.id, 'index-test');
    assert.ok(!hit.snippet.includes('<script>'), hit.snippet);
    assert.match(hit.snippet, /&#60;script&#62;/);

    await app.store.saveRecord({
      ...record,
      texts: [
        {
          ...(record.texts[0] as (typeof record.texts)[0]),
          blocks: [{ id: 'b1', type: 'paragraph', text: 'Madagascar', marks: [] }],
        },
      ],
    });
    assert.deepEqual(await ids('Zanzibar'), []);
    assert.deepEqual(await ids('Madagascar'), ['index-test']);
    assert.equal(await app.store.deleteRecord('index-test'), true);
    assert.deepEqual(await ids('Madagascar'), []);
    assert.deepEqual(await app.store.checkIntegrity(), []);
  });

  test('a malformed query is an error with a message, not a crash', async () => {
    await assert.rejects(search('"unclosed'), { code: 'search.invalid_query' });
  });
});
