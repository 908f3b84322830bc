import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import { nameKeys } from '../src/names/translit/name.keys.ts';
import type { ChanceryRecord, Text } from '../src/record/record.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import type { Backend } from './store.contract.ts';
import { makeRecord } from './support/record.fixture.ts';

const authorities = new AuthorityIndex(loadAuthorities());

const text = (language: string, ...paragraphs: string[]): Text => ({
  id: `t-${language}`,
  kind: language === 'en' ? 'translation' : 'original',
  language,
  blocks: paragraphs.map((p, i) => ({ id: `b${i + 1}`, type: 'paragraph', text: p, marks: [] })),
});
const dated = (min: string | null) => ({
  display: min ?? 'undated',
  min,
  max: min,
  certainty: min ? ('exact' as const) : ('unknown' as const),
});
const mao = { name: 'Mao Zedong', alias: null, personId: 'mao-zedong' };
const stalin = { name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' };

/** Five small documents, each written so that every query form below has one right answer. */
const CORPUS: ChanceryRecord[] = [
  makeRecord({
    id: 'cable',
    title: 'Cable, Mao Zedong to Filippov [Stalin]',
    type: 'cable',
    date: dated('1951-07-13'),
    authors: [mao],
    recipients: [stalin],
    summary: 'Mao proposes the agenda of the armistice talks.',
    collections: [{ id: 'vol-a', position: 1 }],
    texts: [
      text('ru', 'Товарищу Филиппову. Переговоры о перемирии начнутся в Кайдзъё.'),
      text(
        'en',
        'Comrade Filippov. The armistice negotiations will begin in Kaesong. Neutral countries may observe.',
      ),
    ],
  }),
  makeRecord({
    id: 'letter',
    title: 'Letter, Stalin to Mao Zedong',
    type: 'letter',
    date: dated('1952-09-17'),
    authors: [stalin],
    recipients: [mao],
    summary: 'On prisoners of war.',
    collections: [{ id: 'vol-a', position: 2 }],
    texts: [
      text('ru', 'О репатриации военнопленных.'),
      text(
        'en',
        'On the repatriation of prisoners of war. The countries neutral in the war should supervise it.',
      ),
    ],
  }),
  makeRecord({
    id: 'memo',
    title: 'Memorandum on the talks at Panmunjom',
    type: 'memorandum',
    date: dated('1953-01-05'),
    authors: [{ name: 'Dean Acheson', alias: null, personId: null }],
    recipients: [],
    summary: null,
    originalLanguage: 'en',
    archivalLocations: [],
    texts: [text('en', 'The negotiators met at Panmunjom. Gromyko said nothing of Zanzibar.')],
  }),
  makeRecord({
    id: 'telegram',
    title: 'Telegram on the front',
    type: 'telegram',
    date: dated('1950-10-01'),
    authors: [],
    recipients: [],
    summary: null,
    originalLanguage: 'zh',
    archivalLocations: [],
    texts: [text('zh', '毛泽东同志致电前线。开城。')],
  }),
  makeRecord({
    id: 'zanzibar',
    title: 'Zanzibar',
    type: 'note',
    date: dated(null),
    authors: [],
    recipients: [],
    summary: null,
    originalLanguage: 'en',
    archivalLocations: [],
    texts: [text('en', "A note on the talks, it's \\ said, at o'clock.")],
  }),
];

/**
 * What every search backend must answer alike, on the same five documents: each query form
 * (words, phrases, prefixes, OR, NOT, names in other scripts, every field, dates), facets with
 * their counts (a facet with a filter of its own counted without it), paging, updates, deletes,
 * ranking by field and by name tier. Each test gets a fresh, empty backend.
 */
export function runSearchContract(driver: string, openEmpty: () => Promise<Backend>): void {
  const withSearch = (
    name: string,
    body: (deps: Backend & { ids: (q: string) => Promise<string[]> }) => Promise<void>,
  ) =>
    test(`${driver} search: ${name}`, async () => {
      const backend = await openEmpty();
      try {
        await backend.store.saveRecords(CORPUS.map((r) => structuredClone(r)));
        const ids = async (q: string) =>
          (await searchArchive({ q, pageSize: 100 }, { ...backend, authorities })).hits
            .map((h) => h.id)
            .sort();
        await body({ ...backend, ids });
      } finally {
        await backend.search.close();
        await backend.store.close();
      }
    });
  const search = (backend: Backend, q: string, options: { page?: number; pageSize?: number } = {}) =>
    searchArchive({ q, pageSize: 100, ...options }, { ...backend, authorities });

  withSearch('words must all occur, in any field', async ({ ids }) => {
    assert.deepEqual(await ids('armistice Kaesong'), ['cable']);
    assert.deepEqual(await ids('prisoners'), ['letter']);
    assert.deepEqual(await ids('agenda'), ['cable'], 'a word of the summary');
    assert.deepEqual(await ids('Panmunjom'), ['memo']);
    assert.deepEqual(await ids('armistice Zanzibar'), []);
  });

  withSearch('a phrase matches its words in order, and only in order', async ({ ids }) => {
    assert.deepEqual(await ids('"neutral countries"'), ['cable']);
    assert.deepEqual(await ids('"countries neutral"'), ['letter']);
    assert.deepEqual(await ids('"neutral prisoners"'), []);
  });

  withSearch('a prefix matches every word that starts so, Russian and English', async ({ ids }) => {
    assert.deepEqual(await ids('negotiat*'), ['cable', 'memo']);
    assert.deepEqual(await ids('военноплен*'), ['letter']);
    assert.deepEqual(await ids('zzyzx*'), []);
  });

  withSearch('OR widens, - excludes what it names, and only that', async ({ ids }) => {
    assert.deepEqual(await ids('Panmunjom OR armistice'), ['cable', 'memo']);
    assert.deepEqual(await ids('talks -Panmunjom'), ['cable', 'zanzibar']);
    assert.deepEqual(await ids('talks'), ['cable', 'memo', 'zanzibar']);
    assert.deepEqual(await ids('(Panmunjom OR armistice) -negotiations'), []);
    assert.deepEqual(await ids('Zanzibar -Gromyko'), ['zanzibar']);
  });

  withSearch('names are found in other scripts and romanizations', async ({ ids }) => {
    assert.deepEqual(await ids('Kaesong'), ['cable', 'telegram'], 'Кайдзъё and 开城 are Kaesong');
    assert.deepEqual(await ids('Кайдзъё'), ['cable', 'telegram']);
    assert.deepEqual(await ids('毛泽东'), ['cable', 'letter', 'telegram']);
    assert.deepEqual(await ids('Громыко'), ['memo'], 'in no authority file: by the keys of its spelling');
    assert.deepEqual(await ids('Stalin'), ['cable', 'letter'], 'Filippov is Stalin');
  });

  withSearch('fields: author, recipient, person, type, lang, collection, dates', async ({ ids }) => {
    assert.deepEqual(await ids('author:Filippov'), ['letter']);
    assert.deepEqual(await ids('recipient:Stalin'), ['cable']);
    assert.deepEqual(await ids('author:"Dean Acheson"'), ['memo'], 'a name no authority knows');
    assert.deepEqual(await ids('type:cable'), ['cable']);
    assert.deepEqual(await ids('lang:zh'), ['telegram']);
    assert.deepEqual(await ids('collection:vol-a'), ['cable', 'letter']);
    assert.deepEqual(await ids('date:1951'), ['cable']);
    assert.deepEqual(await ids('date:..1950-12'), ['telegram']);
    assert.deepEqual(await ids('date:1952-01..1953-12'), ['letter', 'memo']);
    assert.deepEqual(
      await ids('talks date:1950..1960'),
      ['cable', 'memo'],
      'an undated document is in no range',
    );
    assert.deepEqual(await ids('type:letter OR type:memorandum'), ['letter', 'memo']);
  });

  withSearch('quotes and backslashes in a query are words, never syntax', async ({ ids }) => {
    assert.deepEqual(await ids("it's"), ['zanzibar']);
    assert.deepEqual(await ids("o'clock \\"), ['zanzibar']);
    assert.deepEqual(await ids("'; DROP TABLE records; --"), []);
    await assert.rejects(ids("'); DROP TABLE records; --"), { code: 'search.invalid_query' });
    assert.deepEqual(await ids('Zanzibar'), ['memo', 'zanzibar'], 'the archive is still there');
  });

  withSearch('facets count the matches, and a filtered facet still offers the others', async (backend) => {
    const all = await search(backend, 'talks OR Kaesong OR prisoners');
    assert.equal(all.total, 5);
    const types = Object.fromEntries(all.facets.type.map((v) => [v.value, v.count]));
    assert.deepEqual(types, { cable: 1, letter: 1, memorandum: 1, note: 1, telegram: 1 });
    assert.deepEqual(
      all.facets.year.map((v) => [v.value, v.count]),
      [
        ['1950', 1],
        ['1951', 1],
        ['1952', 1],
        ['1953', 1],
      ],
    );
    const cables = await search(backend, '(talks OR Kaesong OR prisoners) type:cable');
    assert.equal(cables.total, 1);
    assert.deepEqual(Object.fromEntries(cables.facets.type.map((v) => [v.value, v.count])), types);
    assert.deepEqual(
      cables.facets.year.map((v) => v.value),
      ['1951'],
      'other facets count the filtered matches',
    );
    const authors = (await search(backend, 'collection:vol-a')).facets.author;
    assert.deepEqual(
      authors.map((v) => [v.value, v.label, v.count]),
      [
        ['stalin', 'Joseph Stalin', 1],
        ['mao-zedong', 'Mao Zedong', 1],
      ],
    );
    const limited = await searchArchive(
      { q: 'talks OR Kaesong OR prisoners', pageSize: 0, facetLimit: 2 },
      { ...backend, authorities },
    );
    assert.deepEqual(
      limited.facets.type.map((v) => v.value),
      ['cable', 'letter'],
      'the first values, ties by label',
    );
    assert.deepEqual(limited.hits, []);
  });

  withSearch('pages follow one ranking and add up to the total', async (backend) => {
    const q = 'talks OR Kaesong OR prisoners';
    const whole = await search(backend, q);
    const pages = await Promise.all([1, 2, 3].map((page) => search(backend, q, { page, pageSize: 2 })));
    assert.deepEqual(
      pages.flatMap((p) => p.hits.map((h) => h.id)),
      whole.hits.map((h) => h.id),
    );
    assert.ok(pages.every((p) => p.total === 5));
    assert.deepEqual((await search(backend, q, { page: 4, pageSize: 2 })).hits, []);
    const undated = await search(backend, 'collection:vol-a OR type:note');
    assert.deepEqual(
      undated.hits.map((h) => h.id),
      ['cable', 'letter', 'zanzibar'],
      'without words: by date, undated last',
    );
  });

  withSearch(
    'a title outranks a text, and the name as typed outranks its other spellings',
    async (backend) => {
      assert.deepEqual(
        (await search(backend, 'Zanzibar')).hits.map((h) => h.id),
        ['zanzibar', 'memo'],
      );
      const kaesong = (await search(backend, 'Kaesong')).hits;
      assert.equal(kaesong[0]?.id, 'cable', 'Kaesong as typed first');
      assert.ok((kaesong[0]?.score ?? 0) > 0);
    },
  );

  withSearch('an update re-indexes, a delete removes, and the generation moves on', async (backend) => {
    const { store, search: index, ids } = backend;
    // Counted once before the writes: the facets held in memory must follow them.
    const types = async () =>
      Object.fromEntries(
        (await search(backend, 'Panmunjom OR negotiat*')).facets.type.map((v) => [v.value, v.count]),
      );
    const counted = await types();
    assert.equal(counted.memorandum, 1);
    const before = await index.generation();
    const memo = CORPUS.find((r) => r.id === 'memo') as ChanceryRecord;
    await store.saveRecord({
      ...memo,
      type: 'note',
      texts: [text('en', 'The negotiators met at Madagascar.')],
    });
    assert.notEqual(await index.generation(), before);
    const { memorandum: _, ...others } = counted;
    assert.deepEqual(await types(), { ...others, note: (counted.note ?? 0) + 1 });
    assert.deepEqual(await ids('Panmunjom'), ['memo'], 'still in the title');
    assert.deepEqual(await ids('Madagascar'), ['memo']);
    assert.deepEqual(await ids('Gromyko'), []);
    assert.equal(await store.deleteRecord('memo'), true);
    assert.deepEqual(await ids('Madagascar'), []);
    assert.deepEqual(await ids('type:memorandum'), []);
    assert.deepEqual(await types(), others);
    assert.deepEqual(await ids('negotiat*'), ['cable']);
    assert.deepEqual(await store.checkIntegrity(), []);
  });

  withSearch(
    'reconciled people count once, in facets, threads and links',
    async ({ store, search: index }) => {
      await store.saveRecord(
        makeRecord({ id: 'frus', authors: [{ name: 'Stalin', alias: null, personId: 'frus-p-stalin' }] }),
      );
      await store.saveReconciliation({
        authorities: [
          { id: 'stalin', kind: 'person', name: 'Joseph Stalin', names: [] },
          { id: 'mao-zedong', kind: 'person', name: 'Mao Zedong', names: [] },
        ],
        groupOf: new Map([['frus-p-stalin', 'stalin']]),
        review: [],
      });
      const facets = (
        await searchArchive(
          { q: 'type:ciphered-telegram OR type:letter', pageSize: 10 },
          { store, search: index, authorities },
        )
      ).facets.author;
      assert.deepEqual(
        facets.map((v) => [v.value, v.count]),
        [['stalin', 2]],
      );
      const links = await index.countDocumentsLinking(['stalin', 'mao-zedong']);
      // Counted through the members a reconciliation gave (the sources' records of the person).
      assert.deepEqual(Object.fromEntries(links), { stalin: 1 });
      const pairs = await index.listCorrespondence({ personKey: 'stalin' });
      assert.deepEqual(
        pairs.map((p) => [p.author.key, p.recipient.key, p.count]),
        [
          ['stalin', 'mao-zedong', 1],
          ['mao-zedong', 'stalin', 1],
        ],
      );
      assert.deepEqual(
        (await index.findCorrespondence({ a: 'mao-zedong', b: 'stalin' })).map((e) => e.id),
        ['cable', 'letter'],
      );
      assert.equal((await store.getRecord('frus'))?.authors[0]?.name, 'Joseph Stalin');
    },
  );

  withSearch('names the texts write are a vocabulary, counted by documents', async ({ search: index }) => {
    const forms = await index.nameForms(['ru:gromiko', 'ru:gromyko'], { limit: 10 });
    assert.ok(
      forms.some((f) => f.form === 'Gromyko' && f.documents === 1 && f.withWord === 1),
      JSON.stringify(forms),
    );
    // "Neutral countries may observe" opens a sentence of the cable; the letter writes "neutral".
    const keys = nameKeys('Neutral').map((k) => `${k.family}:${k.key}`);
    const neutral = (await index.nameForms(keys, { limit: 10 })).find((f) => f.form === 'Neutral');
    assert.deepEqual(neutral, { form: 'Neutral', documents: 1, withWord: 2 });
  });

  withSearch(
    'a spelling of a name matches as written, not by a stem it shares with another name',
    async (backend) => {
      const note = (id: string, paragraph: string) =>
        makeRecord({ id, title: 'Note', texts: [text('en', paragraph)], authors: [], recipients: [] });
      await backend.store.saveRecords([
        note('hughes', 'Mr. Hughes said the talks would go on.'),
        note('hugh', 'Hugh Cumming said the talks would go on.'),
      ]);
      // Hughes and Hugh share the stem "hugh"; Хьюз is the Russian form of Hughes only.
      assert.deepEqual(await backend.ids('Хьюз'), ['hughes']);
      // Counted by the word as written; the stem's documents that write Hugh do not hold "Hughes".
      const keys = nameKeys('Hughes').map((k) => `${k.family}:${k.key}`);
      const hughes = (await backend.search.nameForms(keys, { limit: 10 })).find((f) => f.form === 'Hughes');
      assert.deepEqual(hughes, { form: 'Hughes', documents: 1, withWord: 1 });
    },
  );
}
