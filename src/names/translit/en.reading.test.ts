import assert from 'node:assert/strict';
import { test } from 'node:test';
import { englishReadingCost } from './en.reading.ts';
import { loadEnRu } from './romanization.tables.ts';

test('the table reads every letter of the English alphabet, each spelling once, in Cyrillic', () => {
  const spellings = loadEnRu();
  const written = spellings.map(
    (s) => `${s.atStart ? '^' : ''}${s.letters}[${s.before}]${s.atEnd ? '$' : ''}`,
  );
  assert.equal(new Set(written).size, written.length, 'no spelling twice');
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
    assert.ok(
      spellings.some((s) => s.letters === letter && !s.atStart && !s.atEnd && !s.before),
      `${letter} is read anywhere`,
    );
  }
  for (const s of spellings)
    assert.ok(
      s.russian.every((r) => /^[а-яё]*$/.test(r)),
      `${s.letters}: ${s.russian}`,
    );
});

test('English names read as Russian writes them, whatever the spelling', () => {
  for (const [english, russian] of [
    ['Johnson', 'Джонсон'],
    ['Smith', 'Смит'],
    ['Williams', 'Уильямс'],
    ['Taylor', 'Тейлор'],
    ['Young', 'Янг'],
    ['White', 'Уайт'],
    ['Hughes', 'Хьюз'],
    ['Bowles', 'Боулз'],
    ['Churchill', 'Черчилль'],
    ['Lodge', 'Лодж'],
    ['Ridgway', 'Риджуэй'],
    ['Westmoreland', 'Уэстморленд'],
    ['McNamara', 'Макнамара'],
    ['Eisenhower', 'Эйзенхауэр'],
    ['Dean Acheson', 'Дин Ачесон'],
    ["O'Neill", "О'Нил"],
    // Usage that keeps older forms: в for w, г for h.
    ['Washington', 'Вашингтон'],
    ['Harriman', 'Гарриман'],
  ] as const) {
    const cost = englishReadingCost(english, russian);
    assert.equal(typeof cost, 'number', `${english} reads as ${russian}`);
  }
});

test('a name that shares only consonants with the Russian form has no reading of it', () => {
  for (const [english, russian] of [
    ['Iran', 'Аллен'],
    ['Aden', 'Иден'],
    ['Berlin', 'Болен'],
    ['Brioni', 'Браун'],
    ['House', 'Хьюз'],
    ['Notes', 'Нитце'],
    ['Lord', 'Лэрд'],
    ['Jansen', 'Джонсон'],
  ] as const) {
    assert.equal(englishReadingCost(english, russian), undefined, `${english} is not ${russian}`);
  }
});

test('the usual reading costs less than an unusual one', () => {
  // Вэнс: Vance reads a as э; Evans also drops its first e.
  assert.ok(
    (englishReadingCost('Vance', 'Вэнс') as number) < (englishReadingCost('Evans', 'Вэнс') as number),
  );
  // Хьюз: ugh is ью, es is з in Hughes; the German eu of Heuss is ой in Russian, ью in English only.
  assert.ok(
    (englishReadingCost('Hughes', 'Хьюз') as number) < (englishReadingCost('Heuss', 'Хьюз') as number),
  );
  assert.equal(englishReadingCost('Smith', 'Смит'), 0);
});

test('words are read one for one; what is not plain English letters is not read', () => {
  assert.equal(englishReadingCost('Dean Acheson', 'Ачесон'), undefined);
  assert.equal(englishReadingCost('Hammarskjöld', 'Хаммаршельд'), null);
  assert.equal(englishReadingCost('x'.repeat(10_000), 'Икс'), undefined);
  assert.equal(englishReadingCost('', ''), null);
});
