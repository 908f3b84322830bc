import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateRange, parseQuery } from './query.parse.ts';

test('words are all required, phrases keep their words, OR and - and * work', () => {
  assert.deepEqual(parseQuery('armistice Kaesong'), {
    kind: 'and',
    children: [
      { kind: 'word', text: 'armistice' },
      { kind: 'word', text: 'Kaesong' },
    ],
  });
  assert.deepEqual(parseQuery('"neutral countries"'), { kind: 'phrase', text: 'neutral countries' });
  assert.deepEqual(parseQuery('Kaesong OR Panmunjom'), {
    kind: 'or',
    children: [
      { kind: 'word', text: 'Kaesong' },
      { kind: 'word', text: 'Panmunjom' },
    ],
  });
  assert.deepEqual(parseQuery('armistice -India'), {
    kind: 'and',
    children: [
      { kind: 'word', text: 'armistice' },
      { kind: 'not', child: { kind: 'word', text: 'India' } },
    ],
  });
  assert.deepEqual(parseQuery('negotiat*'), { kind: 'prefix', text: 'negotiat' });
  assert.deepEqual(parseQuery('Kim Il-sung'), {
    kind: 'and',
    children: [
      { kind: 'word', text: 'Kim' },
      { kind: 'word', text: 'Il-sung' },
    ],
  });
});

test('fields take words or quoted values, and combine with text and groups', () => {
  assert.deepEqual(parseQuery('author:"Mao Zedong" (Kaesong OR Panmunjom) type:cable'), {
    kind: 'and',
    children: [
      { kind: 'field', field: 'author', value: 'Mao Zedong' },
      {
        kind: 'or',
        children: [
          { kind: 'word', text: 'Kaesong' },
          { kind: 'word', text: 'Panmunjom' },
        ],
      },
      { kind: 'field', field: 'type', value: 'cable' },
    ],
  });
  assert.deepEqual(parseQuery('date:1951-07..1951-09'), {
    kind: 'date',
    from: '1951-07-01',
    to: '1951-09-30',
  });
  assert.deepEqual(parseQuery('DATE:1952'), { kind: 'date', from: '1952-01-01', to: '1952-12-31' });
});

test('date ranges: days, months, years, open ends, leap years', () => {
  assert.deepEqual(parseDateRange('1951-07-13'), { from: '1951-07-13', to: '1951-07-13' });
  assert.deepEqual(parseDateRange('1952-02'), { from: '1952-02-01', to: '1952-02-29' });
  assert.deepEqual(parseDateRange('..1950-06'), { from: null, to: '1950-06-30' });
  assert.deepEqual(parseDateRange('1953..'), { from: '1953-01-01', to: null });
  assert.equal(parseDateRange('1951-13'), null);
  assert.equal(parseDateRange('1951-02-30'), null);
  assert.equal(parseDateRange('1952..1951'), null);
  assert.equal(parseDateRange('July 1951'), null);
});

test('malformed queries get a message that says where and how to fix it', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['"neutral countries', /quotation mark is not closed/],
    ['Kaesong OR', /OR needs a term on both sides/],
    ['(Kaesong OR Panmunjom', /"\(" is not closed/],
    ['Kaesong)', /no "\(" to close/],
    ['-India', /exclusions only/],
    ['writer:Stalin', /unknown field "writer:".*author:/],
    ['date:July', /not a date or a range/],
    ['author:', /needs a value/],
    ['""', /quotes hold nothing/],
  ];
  for (const [query, message] of cases) {
    assert.throws(() => parseQuery(query), { code: 'search.invalid_query', message }, query);
  }
});
