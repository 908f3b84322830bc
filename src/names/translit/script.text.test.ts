import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldLatin, nameWords, scriptOf } from './script.text.ts';
import { memoizeWord } from './word.memo.ts';

test('a form is in one script, or in none that keys are made for', () => {
  assert.equal(scriptOf('Kim Il-sŏng'), 'latin');
  assert.equal(scriptOf('Хрущёв'), 'cyrillic');
  assert.equal(scriptOf('毛泽东'), 'han');
  assert.equal(scriptOf('김일성'), 'hangul');
  assert.equal(scriptOf('Mao 泽东'), undefined);
  assert.equal(scriptOf('1951, —'), undefined);
  assert.equal(scriptOf('Ελλάς'), undefined);
});

test('words are lower-cased, split at spaces, hyphens and punctuation, apostrophes kept and unified', () => {
  assert.deepEqual(nameWords('Liu Shao-ch’i'), ['liu', 'shao', "ch'i"]);
  assert.deepEqual(nameWords('Gromyko, Andrei A.'), ['gromyko', 'andrei', 'a']);
  assert.deepEqual(nameWords("'Mao'"), ['mao']);
  assert.deepEqual(nameWords('Mao2 Ze2dong1'), ['mao', 'ze', 'dong']);
});

test('diacritics are dropped except the ones a system asks to keep', () => {
  assert.equal(foldLatin('zhōu', {}), 'zhou');
  assert.equal(foldLatin('kaesŏng', { 'o\u0306': 'ŏ' }), 'kaesŏng');
  assert.equal(foldLatin('lǚ', { 'u\u0308': 'v' }), 'lv');
  assert.equal(foldLatin('straße', {}), undefined);
});

test('a memoized reader answers from memory and forgets the oldest word first', () => {
  let calls = 0;
  const read = memoizeWord((word) => {
    calls++;
    return word.length;
  }, 2);
  read('a');
  read('a');
  assert.equal(calls, 1);
  read('bb');
  read('ccc');
  read('a');
  assert.equal(calls, 4);
});
