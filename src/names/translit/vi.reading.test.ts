import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadViRu } from './romanization.tables.ts';
import { foldCyrillic } from './ru.reading.ts';
import { readVietnamese, readViKeys } from './vi.reading.ts';

const texts = (word: string) => readVietnamese(word, 8).map((r) => r.text);

test('the table lists each part of a syllable once, with its Russian in Cyrillic', () => {
  const letters = loadViRu();
  const parts = letters.map((l) => `${l.part}:${l.vietnamese}`);
  assert.equal(new Set(parts).size, parts.length, 'no part twice');
  for (const l of letters) {
    assert.match(l.vietnamese, /^[a-zâăêôơưđ]+$/, l.vietnamese);
    assert.ok(
      l.russian.length > 0 && l.russian.every((r) => /^[а-яё]+$/.test(r)),
      `${l.vietnamese}: ${l.russian}`,
    );
  }
  // The 27 initial consonants of the orthography and its 8 final consonants with 4 glides.
  assert.equal(letters.filter((l) => l.part === 'initial').length, 27);
  assert.equal(letters.filter((l) => l.part === 'final').length, 12);
});

test('marked Vietnamese reads as the 1973 instruction writes it: the examples of its table', () => {
  // Russian writes a place's syllables as one word; each syllable is read here.
  for (const [vietnamese, russian] of [
    ['Bắc Cạn', 'Баккан'],
    ['Rạch Giá', 'Ратьзя'],
    ['Hải Dương', 'Хайзыонг'],
    ['Gia Lai', 'Зялай'],
    ['Điện Biên Phủ', 'Дьенбьенфу'],
    ['Khánh Hòa', 'Кханьхоа'],
    ['Quảng Nam', 'Куангнам'],
    ['Nghệ An', 'Нгеан'],
    ['Vinh', 'Винь'],
    ['Cần Thơ', 'Кантхо'],
    ['Phú Yên', 'Фуйен'],
    ['Sóc Trăng', 'Шокчанг'],
    ['Sơn La', 'Шонла'],
    ['Lạng Sơn', 'Лангшон'],
    ['Cam Ranh', 'Камрань'],
  ]) {
    let spelled = [''];
    for (const word of (vietnamese as string).split(' ')) {
      spelled = spelled.flatMap((start) => texts(word).map((reading) => start + reading));
    }
    assert.ok(spelled.includes((russian as string).toLowerCase()), `${vietnamese}: ${spelled.join(' ')}`);
  }
  // The rule's first form comes first: r is з, the р of Ратьзя and Камрань after every rule's reading.
  assert.equal(texts('Điện')[0], 'дьен');
  assert.equal(texts('Rạch')[0], 'зать');
});

test('without its marks a word reads every way its letters may be: d as з or д, u as у or ы', () => {
  assert.ok(texts('Diem').includes('зьем'), 'Diệm');
  assert.ok(texts('Dinh').includes('динь'), 'Đình');
  assert.ok(texts('Duong').includes('зыонг'), 'Dương');
  assert.ok(texts('Duc').includes('дык'), 'Đức');
  assert.ok(texts('Nguyen').includes('нгуен'));
  assert.ok(texts('Thieu').includes('тхиеу') || texts('Thieu').includes('тхьеу'));
  assert.ok(texts('Giap').includes('зиап'), 'Зиап, as usage keeps it beside Зяп');
});

test('only words of Vietnamese syllables are read, and no syllable starts between two vowels', () => {
  for (const word of ['Washington', 'Gromyko', 'Dean', 'Kissinger', 'Eisenhower']) {
    assert.deepEqual(readVietnamese(word, 8), [], word);
  }
  assert.deepEqual(readVietnamese('Sai-gon', 8), [], 'the reader is given words, not hyphenated runs');
  assert.ok(texts('Haiphong').includes('хайфонг'), 'places joined in English: one rank lower per joint');
});

test('a name read as Vietnamese has the key of its Russian form', () => {
  for (const [latin, cyrillic] of [
    ['Ngo Dinh Diem', 'Нго Динь Зьем'],
    ['Nguyen Van Thieu', 'Нгуен Ван Тхиеу'],
    ['Vo Nguyen Giap', 'Во Нгуен Зиап'],
    ['Le Duc Tho', 'Ле Дык Тхо'],
    ['Duong Van Minh', 'Зыонг Ван Минь'],
    ['Tran Van Huong', 'Чан Ван Хыонг'],
    ['Nguyen Khanh', 'Нгуен Кхань'],
  ]) {
    const keys = readViKeys((latin as string).toLowerCase().split(' '), 4).map((r) => r.text);
    assert.ok(
      keys.includes(foldCyrillic((cyrillic as string).replace(/ /g, ''))),
      `${latin}: ${keys.join(' ')}`,
    );
  }
  assert.deepEqual(readViKeys(['ngo', 'dinh', 'washington'], 4), [], 'every word must be read');
});
