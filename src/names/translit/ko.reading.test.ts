import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readKo, readKontsevich, readKoreanLatin, romanizeHangul } from './ko.reading.ts';

const texts = (readings: readonly { text: string }[]) => readings.map((r) => r.text);

test('Hangul romanizes syllable by syllable in RR, words run together', () => {
  assert.equal(romanizeHangul('김일성'), 'gimilseong');
  assert.equal(romanizeHangul('판문점'), 'panmunjeom');
  assert.equal(romanizeHangul('박 헌영'), 'bakheonyeong');
  assert.equal(romanizeHangul('김일성 Kim'), undefined);
});

test('marked McCune–Reischauer reads exactly; unmarked o and u and apostrophe-less stops read both ways', () => {
  assert.deepEqual(texts(readKoreanLatin("P'yŏngyang", 8)), ['pyeongyang']);
  assert.deepEqual(texts(readKoreanLatin('Kaesŏng', 8)), ['gaeseong', 'kaeseong']);
  assert.deepEqual(texts(readKoreanLatin('Kaesong', 8)), ['gaesong', 'kaesong', 'gaeseong', 'kaeseong']);
  assert.ok(texts(readKoreanLatin('Kaesǒng', 8)).includes('gaeseong'), 'a caron stands for the breve');
  assert.deepEqual(texts(readKoreanLatin("Han'guk", 8)).slice(0, 1), ['hanguk']);
});

test('Revised Romanization reads as itself', () => {
  assert.equal(readKoreanLatin('Gaeseong', 8)[0]?.text, 'gaeseong');
  assert.equal(readKoreanLatin('Panmunjeom', 8)[0]?.text, 'banmunjeom');
  assert.ok(texts(readKoreanLatin('Panmunjeom', 8)).includes('panmunjeom'));
  assert.ok(texts(readKoreanLatin('Seoul', 8)).includes('seoul'));
});

test('Kontsevich reads н as ㄴ or ㅇ, нъ as ㅇ, and о as ㅓ or ㅗ', () => {
  assert.deepEqual(texts(readKontsevich('Пхёнъян', 8)).slice(0, 2), ['pyeongyan', 'pyeongyang']);
  assert.ok(texts(readKontsevich('Кэсон', 8)).includes('gaeseong'));
  assert.ok(texts(readKontsevich('Ильсон', 8)).includes('ilseong'));
  assert.deepEqual(readKontsevich('Громыко', 8), []);
});

test('a form of several words is read word by word and run together', () => {
  const read = readKo({ form: 'Pak Hŏn-yŏng', words: ['pak', 'hŏn', 'yŏng'], script: 'latin' }, 4);
  assert.deepEqual(texts(read), ['bakheonyeong', 'pakheonyeong']);
  assert.deepEqual(readKo({ form: 'Kim Gromyko', words: ['kim', 'gromyko'], script: 'latin' }, 4), []);
});
