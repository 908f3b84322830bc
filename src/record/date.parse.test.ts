import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDate } from './date.parse.ts';

const cases: [string, { min: string; max: string; certainty: string } | null, number?][] = [
  ['July 13, 1951', { min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }],
  ['September 17, 1952', { min: '1952-09-17', max: '1952-09-17', certainty: 'exact' }],
  ['17 September 1952', { min: '1952-09-17', max: '1952-09-17', certainty: 'exact' }],
  ['Sept. 17, 1952', { min: '1952-09-17', max: '1952-09-17', certainty: 'exact' }],
  ['17 сентября 1952г.', { min: '1952-09-17', max: '1952-09-17', certainty: 'exact' }],
  ['13 июля 1951 года', { min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }],
  ['September 1952', { min: '1952-09-01', max: '1952-09-30', certainty: 'exact' }],
  ['февраль 1952', { min: '1952-02-01', max: '1952-02-29', certainty: 'exact' }],
  ['1952', { min: '1952-01-01', max: '1952-12-31', certainty: 'exact' }],
  ['1951-07-13', { min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }],
  ['13.07.1951', { min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }],
  ['July 13-14, 1951', { min: '1951-07-13', max: '1951-07-14', certainty: 'exact' }],
  ['[July 1951]', { min: '1951-07-01', max: '1951-07-31', certainty: 'inferred' }],
  ['c. 1950', { min: '1950-01-01', max: '1950-12-31', certainty: 'approximate' }],
  ['July 13, 1951 (?)', { min: '1951-07-13', max: '1951-07-13', certainty: 'approximate' }],
  ['13 July', { min: '1951-07-13', max: '1951-07-13', certainty: 'exact' }, 1951],
  ['13 July', null],
  ['31 June 1951', null],
  ['Document Information', null],
  ['Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]', null],
];

for (const [input, expected, defaultYear] of cases) {
  test(`parseDate reads "${input}"${defaultYear ? ` in ${defaultYear}` : ''}`, () => {
    const date = parseDate(input, defaultYear ? { defaultYear } : {});
    if (expected === null) {
      assert.equal(date, null);
      return;
    }
    assert.deepEqual(date, { display: input, ...expected });
  });
}
