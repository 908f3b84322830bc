import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBlocks, classifyBlock, isFolioLine } from './block.build.ts';

test('numbers blocks and turns folio lines into point marks at the start of the next block', () => {
  const blocks = buildBlocks([
    { text: 'Семенов Семин', marks: [] },
    { text: '98', marks: [], folio: true },
    { text: 'непрерывно, как', marks: [{ type: 'deletion', text: 'непрерывно', start: 0, end: 10 }] },
    { text: '103', marks: [], folio: true },
    { text: '6', marks: [], folio: true },
    { text: 'Современная демократия', marks: [] },
  ]);
  assert.deepEqual(
    blocks.map((b) => b.id),
    ['b1', 'b2', 'b3'],
  );
  assert.deepEqual(
    blocks[1]?.marks.map((m) => [m.type, m.text, m.start, m.end]),
    [
      ['folio', '98', 0, 0],
      ['deletion', 'непрерывно', 0, 10],
    ],
  );
  assert.deepEqual(
    blocks[2]?.marks.map((m) => m.text),
    ['103', '6'],
  );
});

test('marks folios after the last block at its end', () => {
  const [block] = buildBlocks([
    { text: 'конец', marks: [] },
    { text: '104', marks: [], folio: true },
  ]);
  assert.deepEqual(block?.marks, [{ type: 'folio', text: '104', start: 5, end: 5 }]);
});

test('knows folio lines from years and text', () => {
  for (const line of ['98', '100 3', '101 X', '5', '0043']) assert.equal(isFolioLine(line), true, line);
  for (const line of ['1952', '13 July', 'Nº 3511', '1. Adoption'])
    assert.equal(isFolioLine(line), false, line);
});

test('types blocks by their text and place', () => {
  const place = { index: 4, count: 11 };
  assert.equal(classifyBlock('ДЛЯ тов. МАО ЦЗЕ-ДУНА', { index: 0, count: 9 }), 'address');
  assert.equal(classifyBlock('1. Принятие повестки дня.', place), 'list-item');
  assert.equal(classifyBlock('“1. Immediate cessation of military operations', place), 'list-item');
  assert.equal(classifyBlock('17 сентября 1952г.', place), 'dateline');
  assert.equal(classifyBlock('FILIPPOV [Stalin]', { index: 8, count: 11 }), 'signature');
  assert.equal(classifyBlock('FILIPPOV [Stalin]', { index: 1, count: 11 }), 'paragraph');
  assert.equal(classifyBlock('Cde. Filippov!', { index: 0, count: 19 }), 'paragraph');
});
