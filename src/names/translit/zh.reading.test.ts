import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHanName, readPalladius, readWadeGiles, readZh, segmentPinyin } from './zh.reading.ts';

const texts = (readings: readonly { text: string }[]) => readings.map((r) => r.text);

test('isHanName tells forms in Chinese characters from the rest', () => {
  assert.equal(isHanName('毛泽东'), true);
  assert.equal(isHanName('马克·吐温'), true);
  assert.equal(isHanName('Mao Zedong'), false);
  assert.equal(isHanName('毛 Zedong'), false);
  assert.equal(isHanName('김일성'), false);
});

test('Pinyin is cut into syllables with or without tone marks, numbers and apostrophes', () => {
  assert.deepEqual(segmentPinyin('Zedong'), ['ze', 'dong']);
  assert.deepEqual(segmentPinyin('Zédōng'), ['ze', 'dong']);
  assert.deepEqual(segmentPinyin("Xi'an"), ['xi', 'an']);
  assert.deepEqual(segmentPinyin('Lǚ'), ['lv']);
  assert.deepEqual(segmentPinyin('Xiaoping'), ['xiao', 'ping']);
  assert.equal(segmentPinyin('Gromyko'), undefined);
  assert.equal(segmentPinyin('Tsetung'), undefined);
});

test('a vowel-initial syllable never stands inside a word, as Pinyin writes it', () => {
  // Maotai is mao + tai, never ma + o + tai; Xian is xian, never xi + an.
  assert.deepEqual(segmentPinyin('Maotai'), ['mao', 'tai']);
  assert.deepEqual(segmentPinyin('Xian'), ['xian']);
  assert.equal(segmentPinyin('Maoa'), undefined);
});

test('a Wade–Giles syllable reads as its Pinyin, and without its marks also as its twins, lower', () => {
  assert.deepEqual(texts(readWadeGiles("ch'i", 4)), ['qi']);
  assert.deepEqual(texts(readWadeGiles('chi', 4)), ['ji', 'qi']);
  assert.deepEqual(texts(readWadeGiles('hsü', 4)), ['xu']);
  assert.deepEqual(texts(readWadeGiles('hsu', 4)), ['xu']);
  assert.deepEqual(texts(readWadeGiles('chu', 4)), ['zhu', 'chu', 'ju', 'qu']);
  assert.deepEqual(texts(readWadeGiles("tz'ŭ", 4)), ['ci']);
  assert.deepEqual(texts(readWadeGiles('tzŭ', 4)), ['zi', 'ci']);
  assert.deepEqual(texts(readWadeGiles('erh', 4)), ['er']);
  assert.deepEqual(texts(readWadeGiles('Teh', 4)), ['de', 'te']);
  assert.deepEqual(texts(readWadeGiles('Tsetung', 2)), ['zedong', 'zetong']);
  assert.deepEqual(texts(readWadeGiles('Peking', 2)), []);
});

test('Palladius reads as Pinyin, and е for э after a consonant as the older spelling, lower', () => {
  assert.deepEqual(texts(readPalladius('Цзэдун', 4)), ['zedong']);
  assert.deepEqual(texts(readPalladius('Эньлай', 4)), ['enlai']);
  assert.deepEqual(texts(readPalladius('Шаоци', 4)), ['shaoqi']);
  assert.deepEqual(texts(readPalladius('цзе', 4)), ['jie', 'ze']);
  assert.deepEqual(texts(readPalladius('Чанъань', 4)), ['changan']);
  assert.deepEqual(texts(readPalladius('Хрущёв', 4)), []);
});

test('a form is read only when every word is made of syllables', () => {
  const read = (form: string, words: string[]) => texts(readZh({ form, words, script: 'latin' }, 4));
  assert.deepEqual(read('Mao Tse-tung', ['mao', 'tse', 'tung'])[0], 'maozedong');
  assert.deepEqual(read('Chiang Kai-shek', ['chiang', 'kai', 'shek']), []);
  assert.deepEqual(texts(readZh({ form: '毛泽东', words: [], script: 'han' }, 4)), ['maozedong']);
});
