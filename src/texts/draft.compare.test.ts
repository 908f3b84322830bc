import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Text } from '../record/record.types.ts';
import { readingText } from './block.reading.ts';
import { compareDraft, diffText } from './draft.compare.ts';

const ru = new Intl.Segmenter('ru', { granularity: 'word' });

test('the reading of a draft block leaves out what the author struck out and keeps what he added', () => {
  const text = 'наряду с всех совсем корпусов';
  assert.equal(
    readingText({
      text,
      marks: [
        { type: 'deletion', text: 'всех', start: 9, end: 13 },
        { type: 'insertion', text: 'совсем', start: 14, end: 20 },
      ],
    }),
    'наряду с совсем корпусов',
  );
});

test('a word-level diff of Russian finds whole words, not letters', () => {
  assert.deepEqual(diffText('и будут добиваться следующего:', 'и будет добиваться следующего:', ru), [
    { op: 'equal', text: 'и ' },
    { op: 'delete', text: 'будут' },
    { op: 'insert', text: 'будет' },
    { op: 'equal', text: ' добиваться следующего:' },
  ]);
});

test('a draft is compared with the final text link by link; unmatched blocks are all deleted or inserted', () => {
  const draft: Text = {
    id: 'draft',
    kind: 'draft',
    language: 'ru',
    blocks: [
      {
        id: 'b1',
        type: 'paragraph',
        text: 'Мексика кажется является агентом США.',
        marks: [{ type: 'deletion', text: 'кажется', start: 8, end: 15 }],
      },
      { id: 'b2', type: 'paragraph', text: 'Лишняя строка.', marks: [] },
    ],
  };
  const final: Text = {
    id: 'original',
    kind: 'original',
    language: 'ru',
    blocks: [
      { id: 'b1', type: 'paragraph', text: 'Мексиканцы являются агентами США.', marks: [] },
      { id: 'b2', type: 'dateline', text: '17 сентября 1952г.', marks: [] },
    ],
  };
  const comparison = compareDraft({
    draft,
    final,
    links: [
      { source: ['b1'], target: ['b1'], score: 0.8 },
      { source: ['b2'], target: [], score: 1 },
      { source: [], target: ['b2'], score: 1 },
    ],
  });
  assert.equal(comparison.draft, 'draft');
  assert.equal(comparison.final, 'original');
  const [first, second, third] = comparison.blocks;
  assert.deepEqual(first?.changes, [
    { op: 'delete', text: 'Мексика является агентом' },
    { op: 'insert', text: 'Мексиканцы являются агентами' },
    { op: 'equal', text: ' США.' },
  ]);
  assert.deepEqual(second?.changes, [{ op: 'delete', text: 'Лишняя строка.' }]);
  assert.deepEqual(third, {
    draft: [],
    final: ['b2'],
    changes: [{ op: 'insert', text: '17 сентября 1952г.' }],
  });
});
