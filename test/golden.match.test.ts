import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type GoldenFile, matchGolden, matchValue } from './golden.match.ts';

const record = {
  title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
  recipients: [
    { name: 'Joseph Stalin', alias: 'Filippov' },
    { name: 'Kim Il Sung', alias: null },
  ],
  summary: null,
  source: { file: 'seed.txt', url: null },
  texts: [
    {
      kind: 'draft',
      blocks: [
        { id: 'b1', text: 'Семенов  Семин', marks: [{ type: 'deletion' }, { type: 'folio' }] },
        { id: 'b2', text: 'непрерывно,\nкак', marks: [{ type: 'deletion' }, { type: 'insertion' }] },
      ],
    },
  ],
};

const paths = (expected: unknown) => matchValue(record, expected, 'record').map((m) => m.path);

describe('golden matcher', () => {
  test('matches an object on the keys it names and leaves the others free', () => {
    assert.deepEqual(paths({ title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]' }), []);
  });

  test('fails on a string that differs', () => {
    assert.deepEqual(paths({ title: 'Cable No. 21757, Mao Zedong to Cde. Filippov [Stalin]' }), [
      'record.title',
    ]);
  });

  test('matches an array when each expected element matches some element, in any order', () => {
    assert.deepEqual(paths({ recipients: [{ alias: null }, { name: 'Joseph Stalin' }] }), []);
  });

  test('fails on an array element that matches no element', () => {
    assert.deepEqual(paths({ recipients: [{ name: 'Joseph Stalin', alias: 'Feng Xi' }] }), [
      'record.recipients[expected 0]',
    ]);
  });

  test('fails when an expected array element has only part of its keys matched by one element and the rest by another', () => {
    assert.equal(paths({ recipients: [{ name: 'Kim Il Sung', alias: 'Filippov' }] }).length, 1);
  });

  test('reads ~ as contains, ^ as starts with, $ as ends with', () => {
    assert.deepEqual(paths({ 'title~': 'Mao Zedong', 'title^': 'Cable No.', title$: '[Stalin]' }), []);
    assert.deepEqual(paths({ 'title~': 'Zhou Enlai' }), ['record.title~']);
    assert.deepEqual(paths({ 'title^': 'Mao Zedong' }), ['record.title^']);
    assert.deepEqual(paths({ title$: 'Cable' }), ['record.title$']);
  });

  test('fails a ~ key when the field is no string', () => {
    assert.deepEqual(paths({ 'recipients~': 'Stalin' }), ['record.recipients~']);
  });

  test('reads null as absent or null, and fails it on a value', () => {
    assert.deepEqual(paths({ summary: null, place: null, source: { url: null } }), []);
    assert.deepEqual(paths({ title: null }), ['record.title']);
  });

  test('normalizes runs of white space in both strings', () => {
    assert.deepEqual(
      paths({ texts: [{ blocks: [{ text: 'Семенов Семин' }, { 'text^': 'непрерывно, как' }] }] }),
      [],
    );
  });

  test('counts blocks and marks of a type exactly', () => {
    assert.deepEqual(paths({ texts: [{ '#blocks': 2, '#marks.deletion': 2, '#marks.insertion': 1 }] }), []);
    assert.equal(paths({ texts: [{ '#blocks': 3 }] }).length, 1);
    assert.equal(paths({ texts: [{ '#marks.deletion': 3 }] }).length, 1);
    assert.equal(paths({ texts: [{ '#marks.signature': 1 }] }).length, 1);
  });

  test('fails when an absentFromBlocks string stands in a block, and checks the source file', () => {
    const golden: GoldenFile = {
      'source.file': 'seed.txt',
      record: {},
      absentFromBlocks: ['Document Information'],
    };
    assert.deepEqual(matchGolden(record, golden), []);
    const found = matchGolden(record, { ...golden, absentFromBlocks: ['Семин'] });
    assert.deepEqual(
      found.map((m) => m.path),
      ['record.texts[0].blocks[0].text'],
    );
    assert.deepEqual(
      matchGolden(record, { ...golden, 'source.file': 'other.txt' }).map((m) => m.path),
      ['source.file'],
    );
  });

  test('fails on a missing field and on a wrong type', () => {
    assert.deepEqual(paths({ date: { min: '1951-07-13' } }), ['record.date']);
    assert.deepEqual(paths({ recipients: { name: 'Joseph Stalin' } }), ['record.recipients']);
    assert.deepEqual(paths({ texts: [{ blocks: [{ marks: [{ type: 'signature' }] }] }] }), [
      'record.texts[expected 0]',
    ]);
  });
});
