import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockAnchors } from './alignment.anchors.ts';

const sorted = (anchors: string[]) => [...anchors].sort();

test('a Russian and an English date give the same anchor, and their day is no loose number', () => {
  assert.deepEqual(blockAnchors('Ваша телеграмма от 13 июля получена.'), ['date:07-13']);
  assert.deepEqual(blockAnchors('Your telegram of July 13 has been received.'), ['date:07-13']);
  assert.deepEqual(sorted(blockAnchors('14 мая 1950 года')), ['date:05-14', 'number:1950']);
});

test('Chinese and Korean dates, and numeric dates, read as dates with the year kept as a number', () => {
  assert.deepEqual(sorted(blockAnchors('1951年7月13日')), ['date:07-13', 'number:1951']);
  assert.deepEqual(sorted(blockAnchors('1950년 4월 2일')), ['date:04-02', 'number:1950']);
  assert.deepEqual(sorted(blockAnchors('получено 13.7.51')), ['date:07-13', 'number:51']);
  assert.deepEqual(blockAnchors('저는 4월 중에'), ['month:04']);
  assert.deepEqual(blockAnchors('в течение августа'), ['month:08']);
});

test('list markers in any numbering are list anchors, not numbers', () => {
  assert.deepEqual(blockAnchors('„1. Немедленное прекращение'), ['list:1']);
  assert.deepEqual(blockAnchors('二、撤军应在4个月内完成。'), ['list:2', 'number:4']);
  assert.deepEqual(blockAnchors('(3) Adopt a decision'), ['list:3']);
});

test('names come from the mentions, once each; ! and ? and a closing colon are anchors', () => {
  assert.deepEqual(blockAnchors('Товарищ Филиппов!', { names: ['stalin', 'stalin'] }), [
    'name:stalin',
    'punct:!',
  ]);
  assert.deepEqual(blockAnchors('以上意见是否妥当？'), ['punct:?']);
  assert.deepEqual(blockAnchors('the following points:'), ['punct::end']);
});

test('word stems are anchors only when asked for, for versions in one language', () => {
  assert.deepEqual(blockAnchors('Мексиканцы являются агентами США.'), []);
  assert.deepEqual(sorted(blockAnchors('Мексиканцы являются агентами США.', { words: true })), [
    'word:агент',
    'word:мекси',
    'word:являю',
  ]);
});
