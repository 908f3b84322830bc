import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { translate } from 'iuliia';
import { foldRussianLatin, nominativeOf, RUSSIAN_SCHEMAS, readRu } from './ru.reading.ts';

test('the Latin spellings of one Russian name fold to one key', () => {
  const groups = [
    ['Khrushchev', 'Khrushchëv', 'Khrushchyov', 'Khrushchov', 'Hrushchev', 'Khruščëv'],
    ['Vyshinsky', 'Vyshinskii', 'Vyshinskiy', 'Vishinsky', 'Vyshinskiĭ', 'Vyshinskij'],
    ['Yezhov', 'Ezhov', 'Ežov'],
    ['Kovalev', 'Kovalyov', "Koval'ëv"],
    ['Beria', 'Beriya', 'Beriia', 'Berija'],
    ['Filippov', 'Filipov'],
    ['Aleksei', 'Alexei', 'Alexey', 'Aleksey', 'Alekseĭ'],
    ['Kuznetsov', 'Kuznetzov'],
    ['Tsarapkin', 'Tzarapkin'],
  ];
  for (const group of groups) {
    const keys = new Set(group.map(foldRussianLatin));
    assert.equal(keys.size, 1, `${group.join(', ')} → ${[...keys].join(', ')}`);
  }
  assert.equal(foldRussianLatin('Khrushchev'), 'khrushchev');
});

test('different names keep different folds', () => {
  assert.notEqual(foldRussianLatin('Molotov'), foldRussianLatin('Malenkov'));
  assert.notEqual(foldRussianLatin('Gromyko'), foldRussianLatin('Gromov'));
  assert.notEqual(foldRussianLatin('Zhukov'), foldRussianLatin('Shukov'));
});

test('the renderings of BGN/PCGN, ALA-LC and Wikipedia fold to the key of the Latin forms', () => {
  for (const [cyrillic, latin] of [
    ['Хрущёв', 'Khrushchev'],
    ['Вышинский', 'Vyshinsky'],
    ['Соловьёв', 'Soloviev'],
    ['Дзержинский', 'Dzerzhinsky'],
    ['Щербаков', 'Shcherbakov'],
    ['Юрий', 'Yuri'],
    ['Пётр', 'Pyotr'],
  ] as const) {
    const keys = readRu({ words: [cyrillic.toLowerCase()], script: 'cyrillic' }, 3).map((r) => r.text);
    assert.deepEqual(keys, [foldRussianLatin(latin)], cyrillic);
  }
});

test('BGN/PCGN, ALA-LC and Wikipedia renderings of every Russian word of the seeds fold to one key', () => {
  const seeds = ['000_1a6ead44c4c0e4a5.txt', '004_4e4ece4df42afde7.txt']
    .map((file) => readFileSync(new URL(`../../../data/sample/${file}`, import.meta.url), 'utf8'))
    .join(' ');
  const words = new Set(seeds.toLowerCase().match(/[а-яё]+/g) ?? []);
  for (const name of 'хрущёв вышинский соловьёв ковалёв горбачёв подъячев юрий ильич щербаков'.split(' '))
    words.add(name);
  assert.ok(words.size > 400, `${words.size} words`);
  for (const word of words) {
    const keys = new Set(RUSSIAN_SCHEMAS.map((schema) => foldRussianLatin(translate(word, schema))));
    assert.equal(keys.size, 1, `${word}: ${[...keys].join(' | ')}`);
  }
});

test('declined names give their nominative as a second key', () => {
  assert.equal(nominativeOf('Молотову'), 'Молотов');
  assert.equal(nominativeOf('Хрущева'), 'Хрущев');
  assert.equal(nominativeOf('Вышинским'), 'Вышинский');
  assert.equal(nominativeOf('Даллесом'), 'Даллес');
  assert.equal(nominativeOf('Берии'), 'Берия');
  assert.equal(nominativeOf('Андрея'), 'Андрей');
  assert.equal(nominativeOf('Черчилля'), 'Черчилль');
  assert.equal(nominativeOf('Громыко'), undefined);
  assert.equal(nominativeOf('Ежов'), undefined);
  const keys = readRu({ words: ['хрущева'], script: 'cyrillic' }, 3).map((r) => r.text);
  assert.deepEqual(keys, ['khrushcheva', 'khrushchev']);
});

test('a Latin form with sch also reads it as ш, lower', () => {
  assert.deepEqual(
    readRu({ words: ['wyschinski'], script: 'latin' }, 3).map((r) => r.text),
    ['vishchinski', 'vishinski'],
  );
});
