import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldTerm } from './term.fold.ts';
import { analyzeText, analyzeToTerms } from './text.analyze.ts';

const terms = (text: string, language: string) => analyzeText(text, language).map((t) => t.term);

test('Russian words are folded and stemmed so that inflected forms meet', () => {
  assert.deepEqual(terms('военнопленных', 'ru'), terms('военнопленные', 'ru'));
  assert.deepEqual(terms('Всё', 'ru'), terms('все', 'ru'), 'ё is е');
  assert.deepEqual(terms('ВЫВОДЕ', 'ru'), terms('вывод', 'ru'));
});

test('English words are stemmed by the English Snowball stemmer', () => {
  assert.deepEqual(terms('negotiations countries', 'en'), ['negoti', 'countri']);
});

test('Latin diacritics fold, other scripts keep their letters', () => {
  assert.deepEqual(terms('Kaesŏng Kaijō', 'en'), terms('Kaesong Kaijo', 'en'));
  assert.deepEqual(terms('Кайдзъё', 'ru'), ['кайдзъ'], 'й, ъ stay letters; ё folds to е before stemming');
  assert.deepEqual(terms('Пхеньян', 'ru'), ['пхенья']);
});

test('folding keeps й as a letter of its own', () => {
  assert.equal(foldTerm('ЙОД'), 'йод');
  assert.equal(foldTerm('Ёлка'), 'елка');
});

test('typographic dashes and quotes fold as NFKC and case folding fold them, beside any letter', () => {
  const nfkc = (text: string) => text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
  for (const mark of ['–', '—', '‘', '’', '“', '”']) {
    for (const letters of ['Korea', 'ЁЛКА', 'Kaesŏng', '1951']) {
      const text = `${mark}${letters}${mark} ${letters}${mark}s`;
      assert.equal(foldTerm(text), nfkc(text).replace(/ŏ/g, 'o'), text);
    }
  }
  assert.equal(foldTerm('“Ты—КТО?” he asked'), '“ты—кто?” he asked');
});

test('a word in another script is stemmed by its script, not the text language', () => {
  assert.deepEqual(terms('Филиппову', 'en'), terms('Филиппову', 'ru'));
  assert.deepEqual(terms('armistice', 'ru'), ['armistic']);
});

test('Chinese is segmented into words, with offsets into the original text', () => {
  const text = '毛泽东同志致电菲利波夫';
  const tokens = analyzeText(text, 'zh');
  assert.ok(tokens.length >= 3, JSON.stringify(tokens));
  assert.ok(tokens.some((t) => t.term === '毛泽东'));
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.term);
});

test('offsets point at the original characters, whatever the folding', () => {
  const slices = (text: string, language: string) =>
    analyzeText(text, language).map((t) => [text.slice(t.start, t.end), t.term]);
  assert.deepEqual(slices('Тов. НАМ ИР — «Кайдзъё»', 'ru'), [
    ['Тов', 'тов'],
    ['НАМ', 'нам'],
    ['ИР', 'ир'],
    ['Кайдзъё', 'кайдзъ'],
  ]);
  // NFKC and diacritics change a word's length: the offsets still hold the word as written.
  assert.deepEqual(slices('the ﬁnal, Kaesŏng; Ёлка', 'en'), [
    ['the', 'the'],
    ['ﬁnal', 'final'],
    ['Kaesŏng', 'kaesong'],
    ['Ёлка', 'елк'],
  ]);
  assert.equal(analyzeToTerms('Cde. Filippov!', 'en'), 'cde filippov');
});
