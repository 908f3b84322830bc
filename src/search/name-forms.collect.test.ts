import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeToTerms } from './analysis/text.analyze.ts';
import { NameFormCollector } from './name-forms.collect.ts';

/** The forms and the column of names as written that one text gives. */
function collect(text: string): { forms: string[]; terms: string[] } {
  const names = new NameFormCollector();
  analyzeToTerms(text, 'en', names);
  return { forms: [...names.forms].sort(), terms: names.terms };
}

test('names are runs of capitalized words, joined across a hyphen or an apostrophe in lower case', () => {
  const { forms } = collect("Chou En-lai met Liu Shao-ch'i and Nikita S. Khrushchev.");
  for (const form of ['Chou En-lai', "Liu Shao-ch'i", 'Khrushchev', 'Nikita'])
    assert.ok(forms.includes(form), form);
  // Three words of syllables are one name; a Western name is found word by word.
  assert.ok(!forms.includes('Nikita S. Khrushchev'));
});

test('the column of names holds each word folded, not stemmed', () => {
  // Hughes and Hugh share the stem "hugh", Roberts and Robert "robert".
  assert.deepEqual(collect('Mr. Hughes and Hugh Cumming met Roberts.').terms, [
    'mr',
    'hughes',
    'hugh',
    'cumming',
    'roberts',
  ]);
});

test('a word with a figure is no part of a name', () => {
  // "I-14222" and "I960", numbers of documents and files, read as names sounded like Ли, Yi and Lee.
  const { forms } = collect('See document I-14222, file I960 and the Dulles’s letter.');
  assert.ok(!forms.some((f) => /\d/.test(f)), forms.join(', '));
  assert.ok(forms.includes('Dulles'));
});

test('a word in capitals throughout is in the column of names as written, and no form of a name', () => {
  // A cable printed in capitals names people so; a heading or an acronym is no form of a name.
  const { forms, terms } = collect('MEMORANDUM. PRC PERMREP HUANG HUA MET PRESIDENT SADAT ON 12 MAY.');
  for (const word of ['huang', 'hua', 'sadat', 'prc']) assert.ok(terms.includes(word), word);
  assert.ok(!terms.includes('12'));
  assert.deepEqual(forms, []);
  // A name as written is collected as before beside them.
  assert.ok(collect('SADAT met Chou En-lai.').forms.includes('Chou En-lai'));
});
