import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestReadings, combineReadings, readWord, SyllableTable, segmentWord } from './syllable.lattice.ts';

const table = new SyllableTable();
for (const syllable of ['xi', 'an', 'xian', 'a', 'n']) table.add(syllable, syllable.toUpperCase(), 0);
table.add('an', 'AN2', 1);

test('a word is cut every way its syllables allow, longest syllable first', () => {
  assert.deepEqual(
    segmentWord('xian', table).map((cut) => cut.syllables),
    [['xian'], ['xi', 'an'], ['xi', 'a', 'n']],
  );
  assert.deepEqual(segmentWord('xiq', table), []);
  assert.deepEqual(segmentWord('', table), []);
});

test('the number of cuts is bounded, and a skipped separator stands only between syllables', () => {
  assert.equal(segmentWord('an'.repeat(15), table, { maxCuts: 3 }).length, 3);
  assert.deepEqual(
    segmentWord("xi'an", table, { skip: "'" }).map((cut) => cut.syllables),
    [
      ['xi', 'an'],
      ['xi', 'a', 'n'],
    ],
  );
  assert.deepEqual(segmentWord("x'ian", table, { skip: "'" }), []);
});

test('a join the system never writes is no cut, and a costly one ranks lower', () => {
  const never = (_: string, syllable: string) => (syllable.startsWith('a') ? Number.POSITIVE_INFINITY : 0);
  assert.deepEqual(
    segmentWord('xian', table, { insideCost: never }).map((cut) => cut.syllables),
    [['xian']],
  );
  const costly = (_: string, syllable: string) => (syllable.startsWith('a') ? 1 : 0);
  assert.deepEqual(
    readWord('xian', table, { limit: 5, insideCost: costly }).map((r) => [r.text, r.rank]),
    [
      ['XIAN', 0],
      ['XIAN2', 2],
    ],
  );
});

test('readings combine best first by the sum of their ranks, without duplicates', () => {
  const lists = [
    [
      { text: 'a', rank: 0 },
      { text: 'b', rank: 1 },
    ],
    [
      { text: 'x', rank: 0 },
      { text: 'y', rank: 2 },
    ],
  ];
  assert.deepEqual(
    combineReadings(lists, 3).map((r) => r.text),
    ['ax', 'bx', 'ay'],
  );
  assert.deepEqual(combineReadings([[], lists[0] ?? []], 3), []);
  assert.deepEqual(
    bestReadings(
      [
        { text: 'a', rank: 2 },
        { text: 'a', rank: 0 },
      ],
      5,
    ),
    [{ text: 'a', rank: 0 }],
  );
});

test('the table keeps the lowest rank of a reading and serves readings best first', () => {
  const t = new SyllableTable();
  t.add('chi', 'qi', 1);
  t.add('chi', 'ji', 0);
  t.add('chi', 'qi', 2);
  assert.deepEqual(t.get('chi'), [
    { text: 'ji', rank: 0 },
    { text: 'qi', rank: 1 },
  ]);
  assert.equal(t.maxLength, 3);
});
