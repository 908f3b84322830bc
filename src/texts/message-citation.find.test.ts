import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordDate, Text } from '../record/record.types.ts';
import { findMessageCitations } from './message-citation.find.ts';

const july14: RecordDate = {
  display: '14 July 1951',
  min: '1951-07-14',
  max: '1951-07-14',
  certainty: 'exact',
};
const textOf = (language: string, ...blocks: string[]): Text => ({
  id: `t-${language}`,
  kind: 'original',
  language,
  blocks: blocks.map((text, i) => ({ id: `b${i + 1}`, type: 'paragraph', text, marks: [] })),
});
const cited = (text: Text, date: RecordDate | null = july14) =>
  findMessageCitations([text], date).map((c) => [c.kind, c.date, c.number, c.raw]);

test('English: "your telegram of 13 July", with the year of the citing document', () => {
  assert.deepEqual(cited(textOf('en', 'I have received your telegram of 13 July.')), [
    ['telegram', '1951-07-13', null, 'your telegram of 13 July'],
  ]);
  assert.deepEqual(cited(textOf('en', 'Your cable No. 3511 of July 13, 1951 is received.')), [
    ['telegram', '1951-07-13', '3511', 'Your cable No. 3511 of July 13, 1951'],
  ]);
  assert.deepEqual(cited(textOf('en', 'In reply to your letter dated 13.7.51')), [
    ['letter', '1951-07-13', null, 'your letter dated 13.7.51'],
  ]);
});

test('Russian: "Ваша телеграмма от 13 июля" in any case, and "Вашу шифртелеграмму № …"', () => {
  assert.deepEqual(cited(textOf('ru', 'Ваша телеграмма от 13 июля получена.')), [
    ['telegram', '1951-07-13', null, 'Ваша телеграмма от 13 июля'],
  ]);
  assert.deepEqual(cited(textOf('ru', 'Получил Вашу шифртелеграмму № 3511 от 13.7.51.')), [
    ['telegram', '1951-07-13', '3511', 'Вашу шифртелеграмму № 3511 от 13.7.51'],
  ]);
  assert.deepEqual(cited(textOf('ru', 'Отвечаю на Ваше письмо от 2 мая.')), [
    ['letter', '1951-05-02', null, 'Ваше письмо от 2 мая'],
  ]);
});

test('Chinese: "你7月13日电"', () => {
  assert.deepEqual(cited(textOf('zh', '你7月13日电悉。')), [['telegram', '1951-07-13', null, '你7月13日电']]);
});

test('a cited day later in the year than the citing document was in the year before', () => {
  const january: RecordDate = {
    display: '2 January 1951',
    min: '1951-01-02',
    max: '1951-01-02',
    certainty: 'exact',
  };
  assert.deepEqual(cited(textOf('en', 'your telegram of 28 December'), january), [
    ['telegram', '1950-12-28', null, 'your telegram of 28 December'],
  ]);
});

test("citations without date or number, and other people's telegrams, point at nothing", () => {
  assert.deepEqual(cited(textOf('en', 'We agree with your telegram.', 'Their telegram of 13 July')), []);
  assert.deepEqual(cited(textOf('en', 'your telegram of 13 July'), null), []);
});
