import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPdfLayout } from './pdf-layout.clean.ts';

const texts = (text: string) => cleanPdfLayout(text).map((l) => l.text);

test('removes running heads and page numbers and joins a paragraph broken by a form feed', () => {
  const pdf = [
    'Digital Archive                 digitalarchive.wilsoncenter.org',
    '',
    '    The agreement of the Americans to discuss the point about the',
    '    withdrawal of foreign troops is left until discussion of specific issues about',
    '',
    '',
    '                         Page 1 of 2',
    '\fDigital Archive                 digitalarchive.wilsoncenter.org',
    '',
    '    the agenda. At the same time as this.',
    '',
    '    Is all the above correct?',
    '                         Page 2 of 2',
  ].join('\n');
  assert.deepEqual(texts(pdf), [
    'The agreement of the Americans to discuss the point about the',
    'withdrawal of foreign troops is left until discussion of specific issues about',
    'the agenda. At the same time as this.',
    '',
    'Is all the above correct?',
  ]);
});

test('finds pages without form feeds where the running head comes again, and bare page numbers', () => {
  const pdf = [
    'Digital Archive',
    '    Regarding the negotiations, during two meetings the',
    '',
    '                1',
    'Digital Archive',
    '    Americans raised the issue.',
    '',
    '    Please send your instructions.',
    '',
    '                2',
  ].join('\n');
  assert.deepEqual(texts(pdf), [
    'Regarding the negotiations, during two meetings the',
    'Americans raised the issue.',
    '',
    'Please send your instructions.',
  ]);
});

test('starts a new paragraph on a new page when the last one closed on a short line', () => {
  const pdf = ['Head', 'одна строка.', '- 1 -', '\fHead', 'Новый абзац.', '- 2 -'].join('\n');
  assert.deepEqual(texts(pdf), ['одна строка.', '', 'Новый абзац.']);
});

test('keeps a folio number of a transcription that is not the page number', () => {
  const pdf = [
    'Head',
    'первая строка',
    '',
    '98',
    'Page 1 of 2',
    '\fHead',
    '99',
    '',
    'вторая',
    'Page 2 of 2',
  ].join('\n');
  assert.deepEqual(texts(pdf), ['первая строка', '', '98', '', '99', '', 'вторая']);
});

test('leaves a single page as it is, but for indentation', () => {
  assert.deepEqual(texts('   Citation:\n     "Cable", July 13, 1951\n\n   3\n'), [
    'Citation:',
    '"Cable", July 13, 1951',
    '',
    '3',
  ]);
});

test('keeps line numbers of the extracted file', () => {
  const lines = cleanPdfLayout('Head\nFirst.\n1\n\fHead\nSecond.\n2');
  assert.deepEqual(
    lines.map((l) => [l.text, l.line]),
    [
      ['First.', 2],
      ['', 5],
      ['Second.', 5],
    ],
  );
});

test('a page that starts with an indented line starts a paragraph, though the page before ran to its width', () => {
  const one = 'and the text of the first paragraph runs on to the very end of the line';
  const two = 'while the second of its lines runs on just as far as the first one did';
  const three = 'and the new paragraph goes on over a line as long as those of the page';
  const pdf = ['Head one', one, two, '\f        Comrade Stalin: It should be established, and', three].join(
    '\n',
  );
  assert.deepEqual(texts(pdf), [
    'Head one',
    one,
    two,
    '',
    'Comrade Stalin: It should be established, and',
    three,
  ]);
});

test('a line that opens two pages of many is text, not a running head', () => {
  const page = (first: string, n: number) => [first, 'a line of the text on this page.', `${n}`].join('\n');
  const pdf = [
    page('Comrade Stalin: Yes.', 1),
    page('Comrade Mao Zedong: No.', 2),
    page('Comrade Stalin: Yes.', 3),
    page('Comrade Mao Zedong: Perhaps.', 4),
    page('Comrade Molotov: Indeed.', 5),
  ].join('\f');
  assert.equal(texts(pdf).filter((t) => t === 'Comrade Stalin: Yes.').length, 2);
  assert.ok(!texts(pdf).includes('3'), 'page numbers are removed');
});
