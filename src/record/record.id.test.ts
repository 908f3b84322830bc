import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeRecordId } from './record.id.ts';

const date = { display: 'July 13, 1951', min: '1951-07-13' };

test('uses the archive record id when the page gives one', () => {
  assert.equal(makeRecordId({ recordId: '113644', title: 'Anything', date }), 'da-113644');
});

test('hashes the normalized title and the date otherwise', () => {
  const id = makeRecordId({
    recordId: null,
    title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
    date,
  });
  assert.match(id, /^da-[0-9a-f]{12}$/);
  // Case, punctuation and spacing of the title do not change the id; the date does.
  assert.equal(
    makeRecordId({ recordId: '', title: 'CABLE NO 21756  MAO ZEDONG TO CDE FILIPPOV STALIN', date }),
    id,
  );
  assert.notEqual(
    makeRecordId({
      recordId: null,
      title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
      date: { display: '1951', min: '1951-01-01' },
    }),
    id,
  );
});

test('falls back to the display date when the date has no ISO form', () => {
  const a = makeRecordId({ recordId: null, title: 'Note', date: { display: 'undated', min: null } });
  const b = makeRecordId({ recordId: null, title: 'Note', date: { display: 'n.d.', min: null } });
  assert.notEqual(a, b);
});
