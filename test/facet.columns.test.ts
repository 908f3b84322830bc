import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FacetColumns, type FacetRow } from '../src/search/facet.columns.ts';

/** Columns from facet rows, in document order, as a backend's loader gives them. */
function columnsOf(rows: FacetRow[]): FacetColumns {
  const builder = FacetColumns.builder(1, Math.max(...rows.map(([doc]) => doc)), rows.length);
  for (const row of rows) builder.add(row);
  return builder.done();
}

test('values of one count and one label are listed in the order of their values, whatever order they were loaded in', () => {
  // Two places written "Washington" (an authority's id and a name as written), each in both documents.
  const a: FacetRow[] = [
    [1, 'place', 'place:washington', 'Washington'],
    [1, 'place', 'n:washington', 'Washington'],
    [2, 'place', 'place:washington', 'Washington'],
    [2, 'place', 'n:washington', 'Washington'],
  ];
  const b = [...a].reverse().sort((x, y) => x[0] - y[0]);
  for (const rows of [a, b]) {
    assert.deepEqual(
      columnsOf(rows)
        .count([1, 2], ['place'])
        .place.map((v) => [v.value, v.count]),
      [
        ['n:washington', 2],
        ['place:washington', 2],
      ],
    );
  }
});

test('a state with changes laid over it counts them, and the state it came from still counts as before', () => {
  const first = columnsOf([
    [1, 'type', 'memorandum', 'Memorandum'],
    [2, 'type', 'telegram', 'Telegram'],
  ]);
  const next = first.withChanges({
    seq: 2,
    removed: [2],
    changed: new Map([[1, [['type', 'note', 'Note']]]]),
  });
  const types = (columns: FacetColumns) =>
    columns.count([1, 2], ['type']).type.map((v) => [v.value, v.count]);
  assert.deepEqual(types(next), [['note', 1]]);
  assert.deepEqual(types(first), [
    ['memorandum', 1],
    ['telegram', 1],
  ]);
  assert.equal(next.seq, 2);
});
