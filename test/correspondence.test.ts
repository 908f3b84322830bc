import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveRelations } from '../src/correspondence/relations.resolve.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import type { ChanceryRecord, Relation } from '../src/record/record.types.ts';
import type { SearchIndex } from '../src/search/search-index.types.ts';
import { openSqliteArchive } from '../src/store/sqlite/sqlite.store.ts';
import type { Store } from '../src/store/store.types.ts';
import { type CliResult, runChancery } from './support/cli.run.ts';
import { makeRecord } from './support/record.fixture.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';

/**
 * Correspondence across records: Stalin's reply of 14 July 1951 to the seed cable, in two
 * archives' copies (APRF and AVP RF), with its attachment (test/fixtures/correspondence/), and the
 * seeds. Through the command line as a user runs it, and through the resolver on a store.
 */
const FIXTURES = fileURLToPath(new URL('./fixtures/correspondence/', import.meta.url));
const authorities = new AuthorityIndex(loadAuthorities());
let dir: string;
let db: string;

function chancery(...args: string[]): Promise<CliResult> {
  return runChancery(db, ...args);
}

async function show(id: string): Promise<ChanceryRecord> {
  const shown = await chancery('show', id, '--json');
  assert.equal(shown.code, 0, shown.stderr);
  return JSON.parse(shown.stdout) as ChanceryRecord;
}

const types = (relations: Relation[]) => relations.map((r) => `${r.type} ${r.target}`).sort();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-correspondence-'));
  db = join(dir, 'archive.db');
  // The replies first: the telegram they answer arrives in a later file, and they find it still.
  const ingest = await chancery('ingest', '--quiet', FIXTURES, CABLE_SEED, LETTER_SEED);
  assert.equal(ingest.code, 0, ingest.stdout + ingest.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('show --json lists relations[]: reply-to, same-as, attachment-of and has-attachment, each with its reason', async () => {
  const aprf = await show('da-900001');
  assert.deepEqual(types(aprf.relations), [
    'has-attachment da-900003',
    'reply-to da-726b9b4bc6e2',
    'same-as da-900002',
  ]);
  assert.match(aprf.relations.find((r) => r.type === 'reply-to')?.basis ?? '', /Ваша телеграмма от 13 июля/);
  assert.match(aprf.relations.find((r) => r.type === 'same-as')?.basis ?? '', /texts 9\d% alike/);
  assert.deepEqual(types((await show('da-900002')).relations), [
    'has-attachment da-900003',
    'reply-to da-726b9b4bc6e2',
    'same-as da-900001',
  ]);
  assert.deepEqual(types((await show('da-900003')).relations), [
    'attachment-of da-900001',
    'attachment-of da-900002',
  ]);
  assert.deepEqual((await show('da-726b9b4bc6e2')).relations, [], 'the cable cites nothing');
});

test('the letter: its draft is a draft of its original, and both are aligned and compared', async () => {
  const letter = await show('da-113644');
  assert.deepEqual(letter.relations, [{ type: 'draft-of', source: 'draft', target: 'da-113644#original' }]);
  assert.deepEqual(
    letter.alignments.map((a) => `${a.source}→${a.target}`),
    ['original→translation-en', 'draft→original'],
  );
  const [comparison] = letter.comparisons ?? [];
  assert.equal(comparison?.draft, 'draft');
  assert.equal(comparison?.final, 'original');
  const changes = comparison?.blocks.flatMap((b) => b.changes) ?? [];
  assert.ok(changes.some((c) => c.op === 'delete' && c.text.includes('думаю что')));
  assert.ok(changes.some((c) => c.op === 'insert' && c.text.includes('делегация СССР')));
});

test("the reply's service notes, in Russian and English, are its chain of custody", async () => {
  const reply = await show('da-900001');
  assert.deepEqual(
    reply.handling.map((h) => [h.event, h.at, h.agent, h.number ?? null, h.destination ?? null]),
    [
      ['deciphered', '1951-07-14T16:15', 'Судев', null, null],
      ['copied', null, null, null, null],
      ['received', '1951-07-15T04:10', null, null, null],
      ['sent', null, null, '3640', null],
      ['distributed', null, null, null, 'Comr. Stalin'],
      ['distributed', null, null, null, 'Comr. Molotov'],
    ],
  );
  assert.ok(
    reply.texts.every((t) => t.blocks.every((b) => !/Расшифровал|Issuing|Copies:/.test(b.text))),
    'the notes are not part of the texts',
  );
});

test('chancery thread Mao Filippov lists the correspondence in date order, by any name form', async () => {
  const thread = await chancery('thread', 'Mao', 'Filippov');
  assert.equal(thread.code, 0, thread.stderr);
  const rows = thread.stdout
    .trim()
    .split('\n')
    .map((row) => row.split('\t'));
  assert.deepEqual(
    rows.map(([id, date, direction]) => [id, date, direction]),
    [
      ['da-726b9b4bc6e2', '1951-07-13', 'Mao Zedong → Joseph Stalin'],
      ['da-900001', '1951-07-14', 'Joseph Stalin → Mao Zedong'],
      ['da-900002', '1951-07-14', 'Joseph Stalin → Mao Zedong'],
      ['da-900003', '1951-07-14', 'Joseph Stalin → Mao Zedong'],
      ['da-113644', '1952-09-17', 'Joseph Stalin → Mao Zedong'],
    ],
  );
  assert.match(thread.stderr, /5 documents between Mao Zedong and Joseph Stalin/);
  const json = await chancery('thread', 'stalin', 'Мао Цзэдун', '--json');
  const parsed = JSON.parse(json.stdout) as { a: { id: string }; records: { id: string }[] };
  assert.equal(parsed.a.id, 'stalin');
  assert.equal(parsed.records.length, 5);

  const help = await chancery('thread', '--help');
  assert.match(help.stdout, /Usage: chancery thread \[options\] <a> <b>/);
  const text = await chancery('show', 'da-900001');
  assert.match(text.stdout, /Reply to:\s+da-726b9b4bc6e2: cites “Ваша телеграмма от 13 июля”/);

  const unknown = await chancery('thread', 'Mao', 'Nobody');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No person called "Nobody"/);
});

test('ingesting again changes nothing, and an export imports again unchanged', async () => {
  const again = await chancery('ingest', '--quiet', FIXTURES, CABLE_SEED, LETTER_SEED);
  assert.match(
    again.stdout,
    /5 files: 5 ok \(0 with warnings\), 0 skipped, 0 failed; records: 0 ingested, 0 updated, 5 unchanged/,
  );
  const exported = await chancery('export', '--format', 'json');
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, exported.stdout);
  const imported = await chancery('ingest', '--quiet', file);
  assert.match(imported.stdout, /0 ingested, 0 updated, 5 unchanged/);
  const reexported = await chancery('export', '--format', 'json');
  assert.equal(reexported.stdout, exported.stdout);
});

/** A telegram between two people, saved as a reader would give it. */
function telegram(
  id: string,
  options: { from: string; to: string; day: string; text: string; number?: string },
) {
  const person = (personId: string) => ({
    name: authorities.get(personId)?.name ?? personId,
    alias: null,
    personId,
  });
  return makeRecord({
    id,
    type: 'ciphered-telegram',
    title: `Ciphered telegram ${id}`,
    date: { display: options.day, min: options.day, max: options.day, certainty: 'exact' },
    authors: [person(options.from)],
    recipients: [person(options.to)],
    numbers: options.number ? [{ kind: 'outgoing', value: options.number }] : [],
    texts: [
      {
        id: 'original',
        kind: 'original',
        language: 'ru',
        blocks: [{ id: 'b1', type: 'paragraph', text: options.text, marks: [] }],
      },
    ],
  });
}

async function withStore(body: (store: Store, search: SearchIndex) => Promise<void>): Promise<void> {
  const { store, search } = openSqliteArchive(':memory:');
  try {
    await body(store, search);
  } finally {
    await search.close();
    await store.close();
  }
}

test('a reply links to the telegram it cites only when the correspondents are reversed and the day (and number) fit', async () => {
  await withStore(async (store, search) => {
    await store.saveRecords([
      telegram('mao-13a', {
        from: 'mao-zedong',
        to: 'stalin',
        day: '1951-07-13',
        text: 'О повестке дня.',
        number: '3511',
      }),
      telegram('mao-13b', {
        from: 'mao-zedong',
        to: 'stalin',
        day: '1951-07-13',
        text: 'О пленных.',
        number: '3512',
      }),
      telegram('mao-12', { from: 'mao-zedong', to: 'stalin', day: '1951-07-12', text: 'О корреспондентах.' }),
      telegram('kim-13', { from: 'kim-il-sung', to: 'stalin', day: '1951-07-13', text: 'О переговорах.' }),
      telegram('reply', {
        from: 'stalin',
        to: 'mao-zedong',
        day: '1951-07-14',
        text: 'Вашу шифртелеграмму № 3512 от 13 июля получил. Ваша телеграмма от 12 июля тоже.',
      }),
      telegram('own', {
        from: 'stalin',
        to: 'mao-zedong',
        day: '1951-07-15',
        text: 'Наша телеграмма от 13 июля.',
      }),
    ]);
    await resolveRelations({ store, search, ids: ['reply', 'own', 'kim-13'] });
    assert.deepEqual(types((await store.getRecord('reply'))?.relations ?? []), [
      'reply-to mao-12',
      'reply-to mao-13b',
    ]);
    assert.deepEqual((await store.getRecord('own'))?.relations, [], 'not a citation of the recipient');
    assert.deepEqual((await store.getRecord('kim-13'))?.relations, []);
    assert.deepEqual(
      (await store.getRecord('mao-13a'))?.relations,
      [],
      'two telegrams of one day are not copies',
    );
  });
});

test('a copy saved later is found by the records already in the archive', async () => {
  await withStore(async (store, search) => {
    const text =
      'Мы согласны с Вашей оценкой положения на переговорах в Кэсоне и предлагаем настаивать на своём.';
    await store.saveRecord(telegram('aprf', { from: 'stalin', to: 'mao-zedong', day: '1951-07-14', text }));
    await resolveRelations({ store, search, ids: ['aprf'] });
    assert.deepEqual((await store.getRecord('aprf'))?.relations, []);
    await store.saveRecord(
      telegram('rgaspi', {
        from: 'stalin',
        to: 'mao-zedong',
        day: '1951-07-14',
        text: text.replace('своём', 'своем'),
      }),
    );
    await resolveRelations({ store, search, ids: ['rgaspi'] });
    assert.deepEqual(types((await store.getRecord('aprf'))?.relations ?? []), ['same-as rgaspi']);
    assert.deepEqual(types((await store.getRecord('rgaspi'))?.relations ?? []), ['same-as aprf']);
  });
});
