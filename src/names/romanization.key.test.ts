import assert from 'node:assert/strict';
import { test } from 'node:test';
import { romanizationKey } from './romanization.key.ts';

const sameKey = (forms: string[]) => {
  const keys = forms.map(romanizationKey);
  assert.ok(keys[0], `${forms[0]} has a key`);
  for (const [i, key] of keys.entries()) assert.equal(key, keys[0], `${forms[i]} vs ${forms[0]}`);
};

test('Korean names meet across romanizations and scripts', () => {
  sameKey(['Kim Il Sung', 'Kim Il-sung', 'Ким Ир Сен', '김일성', 'KIM IL SUNG']);
  sameKey(['Nam Il', 'Нам Ир', '남일']);
  sameKey(['Kaesong', 'Kaesŏng', '개성']);
  sameKey(['Panmunjom', 'Panmunjŏm', '판문점']);
});

test('Chinese names meet across Pinyin, Wade–Giles, Russian and characters', () => {
  sameKey(['Zhou Enlai', 'Chou En-lai', 'Чжоу Эньлай', '周恩来']);
  sameKey(['Mao Zedong', 'Mao Tse-tung', 'Мао Цзэдун', 'Мао Цзе-дун', '毛泽东']);
  sameKey(['Li Kenong', 'Ли Кэнун', '李克农']);
  sameKey(['Peng Dehuai', "P'eng Te-huai", 'Пэн Дэхуай', '彭德怀']);
});

test('Russian names meet across transliteration systems', () => {
  sameKey(['Roshchin', 'Roschin', 'Рощин']);
  sameKey(['Vyshinsky', 'Vyshinskii', 'Wyschinski', 'Вышинский']);
  sameKey(['Filippov', 'Филиппов']);
});

test('different names keep different keys, and short ones have none', () => {
  assert.notEqual(romanizationKey('Kim Il Sung'), romanizationKey('Kim Jong Il'));
  assert.notEqual(romanizationKey('Zhou Enlai'), romanizationKey('Zhu De'));
  assert.notEqual(romanizationKey('Stalin'), romanizationKey('Filippov'));
  assert.equal(romanizationKey('Mao'), '');
});
