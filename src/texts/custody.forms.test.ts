import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HandlingEvent, RecordDate } from '../record/record.types.ts';
import { readWhen } from './custody.clock.ts';
import { isHandlingNote } from './custody.forms.ts';
import { parseCustody } from './custody.parse.ts';

const may14: RecordDate = {
  display: 'May 14, 1950',
  min: '1950-05-14',
  max: '1950-05-14',
  certainty: 'exact',
};
const read = (lines: string[], documentDate: RecordDate | null = may14) =>
  parseCustody({ lines, documentDate });
const brief = (events: HandlingEvent[]) =>
  events.map((e) => [e.event, e.at, e.agent, e.number ?? null, e.copies ?? null]);

test('"Received on 4:10 am, 14 May 1950": received, with a 12-hour time and a full date', () => {
  const { events } = read(['Received on 4:10 am, 14 May 1950']);
  assert.deepEqual(brief(events), [['received', '1950-05-14T04:10', null, null, null]]);
  assert.equal(events[0]?.raw, 'Received on 4:10 am, 14 May 1950');
  assert.equal(read(['Received at 11:45 p.m. on May 13']).events[0]?.at, '1950-05-13T23:45');
});

test('"Sent on 5:30 am": a time with no date is a time on the day the document is dated', () => {
  assert.deepEqual(brief(read(['Sent on 5:30 am']).events), [['sent', '1950-05-14T05:30', null, null, null]]);
  assert.deepEqual(brief(read(['Sent on 5:30 am'], null).events), [['sent', null, null, null, null]]);
});

test('"Issuing No." gives the outgoing number and completes the sending it belongs to', () => {
  const custody = read(['Sent on 5:30 am', 'Issuing No. 812']);
  assert.deepEqual(brief(custody.events), [['sent', '1950-05-14T05:30', null, '812', null]]);
  assert.equal(custody.events[0]?.raw, 'Sent on 5:30 am\nIssuing No. 812');
  assert.deepEqual(custody.numbers, [{ kind: 'outgoing', value: '812' }]);
});

test('"5 copies" alone, and "Printed in 3 copies", are copies made', () => {
  assert.deepEqual(brief(read(['5 copies']).events), [['copied', null, null, null, '5']]);
  assert.deepEqual(brief(read(['Five copies.']).events), [['copied', null, null, null, '5']]);
  assert.deepEqual(brief(read(['Printed by Ivanova at 17:05 in 3 copies']).events), [
    ['printed', '1950-05-14T17:05', 'Ivanova', null, null],
    ['copied', null, null, null, '3'],
  ]);
});

test('"Copies: 1. Comr. Stalin 2. Comr. Molotov": one distribution per copy, on one line or under the heading', () => {
  const oneLine = read(['Copies: 1. Comr. Stalin 2. Comr. Molotov']).events;
  assert.deepEqual(
    oneLine.map((e) => [e.event, e.copyNumbers, e.destination]),
    [
      ['distributed', [1], 'Comr. Stalin'],
      ['distributed', [2], 'Comr. Molotov'],
    ],
  );
  const listed = read(['Copies:', '1. Comr. Stalin', '2. Comr. Molotov', '3. to file']).events;
  assert.deepEqual(
    listed.map((e) => [e.event, e.destination ?? null]),
    [
      ['distributed', 'Comr. Stalin'],
      ['distributed', 'Comr. Molotov'],
      ['distributed', 'to file'],
    ],
  );
});

test('"Deciphered by Ivanov at 16:15 on 13 May" and "Ciphered by …": the agent after "by"', () => {
  assert.deepEqual(brief(read(['Deciphered by Ivanov at 16:15 on 13 May']).events), [
    ['deciphered', '1950-05-13T16:15', 'Ivanov', null, null],
  ]);
  assert.deepEqual(brief(read(['Ciphered by Petrova 0930 14.5.50']).events), [
    ['ciphered', '1950-05-14T09:30', 'Petrova', null, null],
  ]);
});

test('"Расшифровал Судев 16.15 13.7.51" and "Зашифровал": Russian verbs, the agent after the verb', () => {
  assert.deepEqual(brief(read(['Расшифровал Судев 16.15 13.7.51']).events), [
    ['deciphered', '1951-07-13T16:15', 'Судев', null, null],
  ]);
  assert.deepEqual(brief(read(['Расшифровал: Судев 13.VII.51 г. 16 ч. 15 м.']).events), [
    ['deciphered', '1951-07-13T16:15', 'Судев', null, null],
  ]);
  assert.deepEqual(brief(read(['Зашифровала Петрова 9.30 14 мая']).events), [
    ['ciphered', '1950-05-14T09:30', 'Петрова', null, null],
  ]);
});

test('"Отпечатано … экз.": copies made; "Отпечатала Корнюшина 16.45 13.7 № 1675": printed, with its number', () => {
  assert.deepEqual(brief(read(['Отпечатано 4 экз.']).events), [['copied', null, null, null, '4']]);
  assert.deepEqual(brief(read(['Отпечатано в 4 экз.']).events), [['copied', null, null, null, '4']]);
  const printed = read(['Отпечатала Корнюшина 16.45 13.7 № 1675 4 экз.']);
  assert.deepEqual(brief(printed.events), [
    ['printed', '1950-07-13T16:45', 'Корнюшина', '1675', null],
    ['copied', null, null, null, '4'],
  ]);
  assert.deepEqual(printed.numbers, [{ kind: 'printing', value: '1675' }]);
});

test('Russian reception, sending, registration numbers, distribution and filing', () => {
  const custody = read([
    'Поступила 13.5.50 в 15.00',
    'Вх. № 545',
    'Исх. № 3511',
    'Отправлено 5.30 14.5.50',
    'Экз. № 2',
    'Разослать: 1 – т. Сталину 2 – т. Молотову',
    'Экз. № 3, 4 – в дело',
  ]);
  assert.deepEqual(brief(custody.events), [
    ['received', '1950-05-13T15:00', null, null, null],
    ['registered', null, null, '545', null],
    ['sent', '1950-05-14T05:30', null, '3511', null],
    ['distributed', null, null, null, 'Nº 1 to т. Сталину'],
    ['distributed', null, null, null, 'Nº 2 to т. Молотову'],
    ['filed', null, null, null, 'Nº 3, 4'],
  ]);
  assert.deepEqual(custody.events.at(-1)?.copyNumbers, [3, 4]);
  assert.deepEqual(custody.numbers, [
    { kind: 'incoming', value: '545' },
    { kind: 'outgoing', value: '3511' },
  ]);
  assert.deepEqual(custody.unread, []);
});

test('copies filed in English carry their numbers', () => {
  const [copied, filed] = read(['Four copies printed. Copies Nº 3 and 4 to file']).events;
  assert.equal(copied?.copies, '4');
  assert.deepEqual(filed?.copyNumbers, [3, 4]);
  assert.deepEqual(
    read(['No. 3 to file']).events.map((e) => e.event),
    ['distributed'],
  );
  assert.deepEqual(
    read(['To file']).events.map((e) => e.event),
    ['filed'],
  );
});

test('dates and times are found wherever the note puts them, and a year is no time', () => {
  const reference = { year: 1951, month: 7 };
  assert.equal(readWhen('1615 13 July', reference).at, '1951-07-13T16:15');
  assert.equal(readWhen('13 июля 1951 г.', reference).at, '1951-07-13');
  assert.equal(readWhen('July 13, 1951 at 4:10 p.m.', reference).at, '1951-07-13T16:10');
  assert.equal(readWhen('14 May 1950', null).at, '1950-05-14');
  assert.equal(readWhen('at 4:10 am', null).clock, '04:10');
  assert.equal(readWhen('no date here', reference).at, null);
});

test('a note is told from a sentence of the document that opens with the same verb', () => {
  for (const note of [
    'Received on 4:10 am, 14 May 1950',
    'Sent on 5:30 am',
    'Issuing No. 812',
    '5 copies',
    'Copies: 1. Comr. Stalin 2. Comr. Molotov',
    'Расшифровал Судев 16.15 13.7.51',
    'Отпечатано 4 экз.',
    'Экз. № 3, 4 – в дело',
    'Deciphered by Ivanov',
  ]) {
    assert.ok(isHandlingNote(note), note);
  }
  for (const sentence of [
    'Received your telegram of 13 July.',
    'Sent troops will arrive in Kaesong.',
    'Получена Ваша телеграмма от 13 июля.',
    'Мы согласны с Вами.',
  ]) {
    assert.ok(!isHandlingNote(sentence), sentence);
  }
});
