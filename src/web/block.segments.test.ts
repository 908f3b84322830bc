import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, Mark } from '../record/record.types.ts';
import { segmentBlock } from './block.segments.ts';

function block(text: string, marks: Mark[]): Block {
  return { id: 'b1', type: 'paragraph', text, marks };
}

/** Segments as compact strings: text runs with their mark types, point marks as `<type:text>`. */
function describe(b: Block): string[] {
  return segmentBlock(b).map((s) =>
    s.kind === 'point'
      ? `<${s.mark.type}:${s.mark.text}>`
      : `${s.marks.map((m) => `${m.type}:`).join('')}${s.text}`,
  );
}

test('a block without marks is one run of plain text', () => {
  assert.deepEqual(describe(block('Товарищ Филиппов!', [])), ['Товарищ Филиппов!']);
});

test('a deletion and an insertion cut the text into runs that carry their mark', () => {
  const text = 'Мы сошлись с Ким, еще';
  const marks: Mark[] = [
    { type: 'insertion', text: 'Ким', start: 13, end: 16 },
    { type: 'deletion', text: 'еще', start: 18, end: 21 },
  ];
  assert.deepEqual(describe(block(text, marks)), ['Мы сошлись с ', 'insertion:Ким', ', ', 'deletion:еще']);
});

test('point marks stand before the text at their offset, in their order', () => {
  const marks: Mark[] = [
    { type: 'folio', text: '98', start: 0, end: 0 },
    { type: 'deletion', text: 'Самостоятельно', start: 0, end: 14 },
    { type: 'insertion', text: 'совсем', start: 15, end: 15 },
  ];
  assert.deepEqual(describe(block('Самостоятельно непрерывно', marks)), [
    '<folio:98>',
    'deletion:Самостоятельно',
    ' ',
    '<insertion:совсем>',
    'непрерывно',
  ]);
});

test('a point mark at the end of the text is kept', () => {
  assert.deepEqual(describe(block('Филиппов.', [{ type: 'folio', text: '104', start: 9, end: 9 }])), [
    'Филиппов.',
    '<folio:104>',
  ]);
});

test('overlapping marks: each run carries every mark covering it, the longer one outermost', () => {
  const marks: Mark[] = [
    { type: 'insertion', text: 'b', start: 2, end: 3 },
    { type: 'deletion', text: 'a b c', start: 0, end: 5 },
  ];
  assert.deepEqual(describe(block('a b c d', marks)), [
    'deletion:a ',
    'deletion:insertion:b',
    'deletion: c',
    ' d',
  ]);
});

test('offsets outside the text are clamped instead of throwing or losing text', () => {
  const marks: Mark[] = [
    { type: 'deletion', text: 'xyz', start: 4, end: 99 },
    { type: 'folio', text: '7', start: -3, end: -3 },
  ];
  assert.deepEqual(describe(block('abcdef', marks)), ['<folio:7>', 'abcd', 'deletion:ef']);
});

test('an empty block with a folio mark yields just the marker', () => {
  assert.deepEqual(describe(block('', [{ type: 'folio', text: '99', start: 0, end: 0 }])), ['<folio:99>']);
});
