import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinReadingCost } from './latin.reading.ts';
import { loadLatinRu } from './romanization.tables.ts';

test('the table reads every letter of the English alphabet, each spelling once, in Cyrillic', () => {
  const spellings = loadLatinRu();
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

/** Each Latin form has a reading that Russian writes as its Cyrillic form. */
function assertReadable(pairs: readonly (readonly [string, string])[]): void {
  for (const [latin, russian] of pairs) {
    assert.equal(typeof latinReadingCost(latin, russian), 'number', `${latin} reads as ${russian}`);
  }
}

test('English names read as Russian writes them, whatever the spelling', () => {
  assertReadable([
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
  ]);
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
    assert.equal(latinReadingCost(english, russian), undefined, `${english} is not ${russian}`);
  }
});

test('names of other languages read as Russian transcribes those languages, after the English readings', () => {
  assertReadable([
    // German, Polish, Italian, Serbo-Croatian, African and Persian names.
    ['Strauss', 'Штраус'],
    ['Hallstein', 'Хальштейн'],
    ['Gomulka', 'Гомулка'],
    ['Cyrankiewicz', 'Циранкевич'],
    ['Szczecin', 'Щецин'],
    ['Segni', 'Сеньи'],
    ['Kardelj', 'Кардель'],
    ['Tshombe', 'Чомбе'],
    ['Mosadeq', 'Моссадык'],
  ]);
  // A spelling another language reads otherwise costs more than its English reading: Stein is
  // Стейн before Штейн, Jack Джек before Йек.
  assert.ok((latinReadingCost('Stein', 'Стейн') as number) < (latinReadingCost('Stein', 'Штейн') as number));
  assert.ok((latinReadingCost('Jack', 'Джек') as number) < (latinReadingCost('Jack', 'Йек') as number));
});

test('the usual reading costs less than an unusual one', () => {
  // Вэнс: Vance reads a as э; Evans also drops its first e.
  assert.ok((latinReadingCost('Vance', 'Вэнс') as number) < (latinReadingCost('Evans', 'Вэнс') as number));
  // Хьюз: ugh is ью, es is з in Hughes; the German eu of Heuss is ой in Russian, ью in English only.
  assert.ok((latinReadingCost('Hughes', 'Хьюз') as number) < (latinReadingCost('Heuss', 'Хьюз') as number));
  assert.equal(latinReadingCost('Smith', 'Смит'), 0);
});

test('words are read one for one; what is not plain letters a to z is not read', () => {
  assert.equal(latinReadingCost('Dean Acheson', 'Ачесон'), undefined);
  assert.equal(latinReadingCost('Hammarskjöld', 'Хаммаршельд'), null);
  assert.equal(latinReadingCost('x'.repeat(10_000), 'Икс'), undefined);
  assert.equal(latinReadingCost('', ''), null);
});
