import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Text } from '../record/record.types.ts';
import { type AlignBlock, alignBlocks, alignTexts } from './alignment.align.ts';

/** Blocks of the given lengths, each with its own anchors. */
const blocks = (prefix: string, specs: [number, string[]?][]): AlignBlock[] =>
  specs.map(([length, anchors = []], i) => ({ id: `${prefix}${i + 1}`, length, anchors, type: 'paragraph' }));
const shapes = (links: { source: string[]; target: string[] }[]) =>
  links.map((l) => `${l.source.join('+') || '-'}:${l.target.join('+') || '-'}`);

test('blocks of matching lengths link one to one, each with a score between 0 and 1', () => {
  const links = alignBlocks({
    source: blocks('s', [[100], [40], [220], [15]]),
    target: blocks('t', [[110], [38], [230], [17]]),
  });
  assert.deepEqual(shapes(links), ['s1:t1', 's2:t2', 's3:t3', 's4:t4']);
  for (const link of links) assert.ok(link.score > 0.5 && link.score <= 1, `${link.score}`);
});

test('two source paragraphs a translator merged link 2:1, one split links 1:2', () => {
  const links = alignBlocks({
    source: blocks('s', [[100], [120], [80], [200], [60]]),
    target: blocks('t', [[100], [200], [95], [105], [60]]),
  });
  assert.deepEqual(shapes(links), ['s1:t1', 's2+s3:t2', 's4:t3+t4', 's5:t5']);
});

test('a paragraph the translation leaves out links to nothing, guided by the anchors around it', () => {
  const links = alignBlocks({
    source: blocks('s', [
      [100, ['name:kaesong']],
      [90, ['name:li-kenong']],
      [110, ['number:2']],
      [140],
      [60, ['punct:?']],
      [180, ['date:07-13']],
      [50],
    ]),
    target: blocks('t', [
      [105, ['name:kaesong']],
      [112, ['number:2']],
      [150],
      [58, ['punct:?']],
      [170, ['date:07-13']],
      [52],
    ]),
  });
  assert.deepEqual(shapes(links), ['s1:t1', 's2:-', 's3:t2', 's4:t3', 's5:t4', 's6:t5', 's7:t6']);
  const omitted = links[1];
  assert.ok(omitted && omitted.score > 0.5, 'an omission unlike its neighbours scores high');
});

test('anchors decide where lengths cannot: a list item goes with its number', () => {
  const links = alignBlocks({
    source: blocks('s', [
      [50, ['list:1']],
      [50, ['list:2']],
      [50, ['list:3']],
    ]),
    target: blocks('t', [
      [50, ['list:1']],
      [100, ['list:2']],
      [50, ['list:3']],
    ]),
  });
  assert.deepEqual(shapes(links), ['s1:t1', 's2:t2', 's3:t3']);
});

test('empty texts align to nothing, and a text against an empty one is all omissions', () => {
  assert.deepEqual(alignBlocks({ source: [], target: [] }), []);
  assert.deepEqual(shapes(alignBlocks({ source: blocks('s', [[10], [20]]), target: [] })), ['s1:-', 's2:-']);
});

test('a draft aligns on its reading: a paragraph struck out whole has no counterpart', () => {
  const draft: Text = {
    id: 'draft',
    kind: 'draft',
    language: 'ru',
    blocks: [
      { id: 'b1', type: 'paragraph', text: 'Мы согласны с Вами, что предложение мексиканцев', marks: [] },
      { id: 'b2', type: 'paragraph', text: 'неприемлемо для нас.', marks: [] },
      {
        id: 'b3',
        type: 'paragraph',
        text: 'Далее следуют слова',
        marks: [{ type: 'deletion', text: 'Далее следуют слова', start: 0, end: 19 }],
      },
      { id: 'b4', type: 'paragraph', text: 'Желаю успеха в переговорах.', marks: [] },
    ],
  };
  const original: Text = {
    id: 'original',
    kind: 'original',
    language: 'ru',
    blocks: [
      {
        id: 'b1',
        type: 'paragraph',
        text: 'Мы согласны с Вами, что предложение мексиканцев неприемлемо.',
        marks: [],
      },
      { id: 'b2', type: 'paragraph', text: 'Желаем успеха в переговорах.', marks: [] },
    ],
  };
  const alignment = alignTexts({ source: draft, target: original, mentions: [], draft: true });
  assert.deepEqual([alignment.source, alignment.target], ['draft', 'original']);
  assert.deepEqual(shapes(alignment.links), ['b1+b2:b1', 'b3:-', 'b4:b2']);
});
