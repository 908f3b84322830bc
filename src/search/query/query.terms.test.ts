import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeWrittenForms, splitNameForms } from './query.terms.ts';

const terms = (sequences: { term: string; prefix: boolean }[][]) =>
  sequences.map((s) => s.map((t) => t.term + (t.prefix ? '*' : '')).join(' '));

test('spellings as written are folded, not stemmed; Cyrillic by its stem as a prefix', () => {
  assert.deepEqual(terms(analyzeWrittenForms(['Hughes', 'Hughes', 'Хрущева', 'Mao Tse-tung'])), [
    'hughes',
    'хрущев*',
    'mao tse tung',
  ]);
});

test("an authority's one-word form that stemming joins to another name matches as written", () => {
  const { anywhere, asWritten } = splitNameForms('Робертс', [
    { form: 'Робертс', language: 'und' },
    { form: 'E. B. Roberts', language: 'und' },
    { form: 'Roberts', language: 'und' },
    { form: 'Acheson', language: 'und' },
  ]);
  // "Roberts" has the stem of Robert; "Acheson" is its own stem; the form typed is the reader's.
  assert.deepEqual(terms(asWritten), ['roberts']);
  assert.deepEqual(terms(anywhere), ['робертс*', 'e b robert', 'acheson']);
});
