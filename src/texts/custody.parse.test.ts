import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordDate } from '../record/record.types.ts';
import { parseCustody } from './custody.parse.ts';

const july13: RecordDate = {
  display: 'July 13, 1951',
  min: '1951-07-13',
  max: '1951-07-13',
  certainty: 'exact',
};
const events = (lines: string[], documentDate: RecordDate | null = july13) =>
  parseCustody({ lines, documentDate }).events.map(({ event, at, agent }) => ({ event, at, agent }));

test('reads the reception of a cable with its time, date and place', () => {
  const { events: read } = parseCustody({
    lines: ['from [BEIJING] received 1500 13 July 1951'],
    documentDate: july13,
  });
  assert.deepEqual(read, [
    {
      event: 'received',
      at: '1951-07-13T15:00',
      agent: null,
      place: 'Beijing',
      raw: 'from [BEIJING] received 1500 13 July 1951',
    },
  ]);
});

test('takes the year the notes leave out from the document date', () => {
  assert.deepEqual(events(['Deciphered by Sudev 1615 13 July']), [
    { event: 'deciphered', at: '1951-07-13T16:15', agent: 'Sudev' },
  ]);
});

test('reads a note dated in January on a December document as of the next year', () => {
  const december: RecordDate = {
    display: 'December 31, 1950',
    min: '1950-12-31',
    max: '1950-12-31',
    certainty: 'exact',
  };
  assert.deepEqual(events(['Deciphered by Sudev 0105 1 January'], december), [
    { event: 'deciphered', at: '1951-01-01T01:05', agent: 'Sudev' },
  ]);
});

test('reads the printing with its number', () => {
  const custody = parseCustody({
    lines: ['Printed by Kornyushina 1645 13 July Nº 1675'],
    documentDate: july13,
  });
  assert.deepEqual(
    custody.events.map((e) => [e.event, e.at, e.agent, e.number]),
    [['printed', '1951-07-13T16:45', 'Kornyushina', '1675']],
  );
  assert.deepEqual(custody.numbers, [{ kind: 'printing', value: '1675' }]);
});

test('reads copies printed and copies filed', () => {
  const custody = parseCustody({
    lines: ['Four copies printed. Copies Nº 3 and 4 to file'],
    documentDate: july13,
  });
  assert.deepEqual(
    custody.events.map((e) => [e.event, e.copies]),
    [
      ['copied', '4'],
      ['filed', 'Nº 3 and 4'],
    ],
  );
});

test('reads the whole header and footer of the Mao cable', () => {
  const custody = parseCustody({
    lines: [
      'CABLE Nº 21756',
      'Copy Nº 1 to Cde. Stalin',
      'Nº 2 to Cde. Stalin',
      'from [BEIJING] received 1500 13 July 1951',
      'Copy Nº 2',
      'to the IV Unit OS VKP(b) CC',
      'Incoming Nº 545/2384/shs 13 July 1951]',
      'to Cde. FILIPPOV',
      'Nº 3511',
      '13 July',
      'Deciphered by Sudev 1615 13 July',
      'Printed by Kornyushina 1645 13 July Nº 1675',
      'Four copies printed. Copies Nº 3 and 4 to file',
      'COLONEL [signature] (Makarov)',
    ],
    documentDate: july13,
  });
  assert.deepEqual(
    custody.events.map((e) => [e.event, e.at, e.agent]),
    [
      ['distributed', null, null],
      ['distributed', null, null],
      ['received', '1951-07-13T15:00', null],
      ['registered', '1951-07-13', null],
      ['sent', '1951-07-13', null],
      ['deciphered', '1951-07-13T16:15', 'Sudev'],
      ['printed', '1951-07-13T16:45', 'Kornyushina'],
      ['copied', null, null],
      ['filed', null, 'Makarov'],
    ],
  );
  assert.equal(custody.events[3]?.place, 'IV Unit OS VKP(b) CC');
  assert.deepEqual(custody.numbers, [
    { kind: 'cable', value: '21756' },
    { kind: 'incoming', value: '545/2384/shs' },
    { kind: 'outgoing', value: '3511' },
    { kind: 'printing', value: '1675' },
  ]);
  assert.deepEqual(custody.unread, ['to Cde. FILIPPOV']);
});

test('leaves a time without a date undated, and keeps lines it cannot read', () => {
  const custody = parseCustody({
    lines: ['Deciphered by Sudev 1615 13 July', 'Hello world'],
    documentDate: null,
  });
  assert.deepEqual(
    custody.events.map((e) => e.at),
    [null],
  );
  assert.deepEqual(custody.unread, ['Hello world']);
});
