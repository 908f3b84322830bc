import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Text } from '../record/record.types.ts';
import { AuthorityIndex } from './authority.index.ts';
import { loadAuthorities } from './authority.loader.ts';
import { findMentions, outermost } from './mention.find.ts';

const index = new AuthorityIndex(loadAuthorities());
const text = (id: string, ...blocks: string[]): Text => ({
  id,
  kind: 'original',
  language: 'und',
  blocks: blocks.map((t, i) => ({ id: `b${i + 1}`, type: 'paragraph', text: t, marks: [] })),
});
const found = (...blocks: string[]) =>
  findMentions([text('t', ...blocks)], index).map((m) => [m.authorityId, m.form, m.blockId]);

test('finds people and places by any name form, in any script, with the form the text used', () => {
  assert.deepEqual(found('в районе Кайдзъё', 'Cde. Kim Il Sung let Cde. Le Kenong know'), [
    ['kaesong', 'Кайдзъё', 'b1'],
    ['kim-il-sung', 'Kim Il Sung', 'b2'],
    ['li-kenong', 'Le Kenong', 'b2'],
  ]);
});

test('finds Russian names in their case forms', () => {
  assert.deepEqual(found('пакта ненападения с Индией и Бирмой'), [
    ['india', 'Индией', 'b1'],
    ['burma', 'Бирмой', 'b1'],
  ]);
  assert.deepEqual(found('ДЛЯ тов. МАО ЦЗЕ-ДУНА'), [['mao-zedong', 'МАО ЦЗЕ-ДУНА', 'b1']]);
  assert.deepEqual(found('на 38 параллели'), [['38th-parallel', '38 параллели', 'b1']]);
});

test('does not take other words for names', () => {
  assert.deepEqual(found('предложение мексиканцев неприемлемо', 'un homme', 'Koreans themselves'), []);
});

test('counts a name inside a longer one once, for the longer one', () => {
  assert.deepEqual(found('disadvantageous for North Korea'), [['north-korea', 'North Korea', 'b1']]);
});

test('keeps exactly the hits that no longer hit contains, in their order, as comparing every pair would', () => {
  const span = fc
    .tuple(fc.nat(40), fc.integer({ min: 1, max: 12 }))
    .map(([start, length]) => ({ start, end: start + length }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 30 }), (hits) => {
      const longerAround = (outer: (typeof hits)[0], inner: (typeof hits)[0]) =>
        outer.end - outer.start > inner.end - inner.start &&
        outer.start <= inner.start &&
        outer.end >= inner.end;
      const expected = hits.filter((hit) => !hits.some((other) => longerAround(other, hit)));
      assert.deepEqual(outermost(hits), expected);
    }),
  );
});

test('matches acronyms in capitals only, and possessives by their name', () => {
  assert.deepEqual(found('in the UN', "Stalin's handwritten draft"), [
    ['united-nations', 'UN', 'b1'],
    ['stalin', 'Stalin', 'b2'],
  ]);
});

test('finds Chinese and Korean forms inside unspaced text', () => {
  assert.deepEqual(found('毛泽东同志和金日成'), [
    ['mao-zedong', '毛泽东', 'b1'],
    ['kim-il-sung', '金日成', 'b1'],
  ]);
});

test('records the text and block of each mention', () => {
  const [mention] = findMentions([text('translation-en', 'nothing', 'Cde. Filippov!')], index);
  assert.deepEqual(mention, {
    kind: 'person',
    authorityId: 'stalin',
    name: 'Joseph Stalin',
    form: 'Filippov',
    textId: 'translation-en',
    blockId: 'b2',
  });
});
