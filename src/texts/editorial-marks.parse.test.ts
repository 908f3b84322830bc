import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBracketMarks, parseMarkdownMarks } from './editorial-marks.parse.ts';

test('reads a strike-through as a deletion that keeps its words in the text', () => {
  assert.deepEqual(parseMarkdownMarks('Семенов ~~Семин~~'), {
    text: 'Семенов Семин',
    marks: [{ type: 'deletion', text: 'Семин', start: 8, end: 13 }],
  });
});

test('reads <sup> as an insertion and gives UTF-16 offsets into the plain text', () => {
  const { text, marks } = parseMarkdownMarks('Мы сошлись с <sup>Диланом, Магом</sup> Ким, ~~еще~~');
  assert.equal(text, 'Мы сошлись с Диланом, Магом Ким, еще');
  assert.deepEqual(
    marks.map((m) => [m.type, m.text, text.slice(m.start, m.end)]),
    [
      ['insertion', 'Диланом, Магом', 'Диланом, Магом'],
      ['deletion', 'еще', 'еще'],
    ],
  );
});

test('reads a line break as a space and adjacent deletions one by one', () => {
  const { text, marks } = parseMarkdownMarks('напере-  \n~~ны~~ ~~ны~~ теперь');
  assert.equal(text, 'напере- ны ны теперь');
  assert.deepEqual(
    marks.map((m) => [m.start, m.end]),
    [
      [8, 10],
      [11, 13],
    ],
  );
});

test('drops emphasis and link markup, keeping the words', () => {
  assert.deepEqual(parseMarkdownMarks('*very* [important](https://example.org) <https://a.b/c>'), {
    text: 'very important https://a.b/c',
    marks: [],
  });
});

test('reads square-bracketed interpolations as editorial notes and [signature] as a signature', () => {
  assert.deepEqual(parseBracketMarks('COLONEL [signature] (Makarov)').marks, [
    { type: 'signature', text: 'signature', start: 8, end: 19 },
  ]);
  assert.deepEqual(parseBracketMarks("[Stalin's handwritten draft is attached.]").marks, [
    { type: 'editorial-note', text: "Stalin's handwritten draft is attached.", start: 0, end: 41 },
  ]);
  assert.deepEqual(parseBracketMarks('no notes here').marks, []);
});
