import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldTerm } from './analysis/term.fold.ts';
import { wordStartsIn } from './word-start.find.ts';

const LETTER_OR_DIGIT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hangul}\p{Nd}]/u;

/** The definition, position by position: the folded text holds the term where a word starts. */
function reference(text: string, term: string): boolean {
  if (term === '') return false;
  const folded = foldTerm(text);
  const spaced = LETTER_OR_DIGIT.test(term[0] as string);
  for (let at = 0; at + term.length <= folded.length; at++) {
    if (!folded.startsWith(term, at)) continue;
    if (!spaced || at === 0 || !LETTER_OR_DIGIT.test(folded[at - 1] as string)) return true;
  }
  return false;
}

// Plain pieces (ASCII, Cyrillic with Ё, typographic quotes and dashes, characters a pattern
// would read as syntax) and pieces that folding changes (marks, a ligature, Chinese).
const PIECES = [
  'Khrushchev',
  'KHRUSHCHEV',
  'Khru',
  'Shchev',
  'Хрущёв',
  'ХРУЩЁВ',
  'хрущев',
  'Ёлка',
  'елка',
  'U.S.',
  'c++',
  '(a)',
  '[b]',
  'x*y',
  'a|b',
  '$1',
  'a^b',
  '\\',
  '?',
  '{2}',
  '–',
  '—',
  '“',
  '”',
  '’',
  '1951',
  ' ',
  ' ',
  '. ',
  '-',
  'Kaesŏng',
  'Kaesong',
  'ﬁnland',
  'Finland',
  'ÉTAT',
  'état',
  '周恩来',
  '同志',
];

test('a term starts a word of a text exactly where it starts a word of the folded text', () => {
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));
  // Terms as queries bring them: folded pieces, parts of pieces, and anything short.
  const term = fc.oneof(
    fc.constantFrom(...PIECES).map(foldTerm),
    fc
      .tuple(fc.constantFrom(...PIECES), fc.nat(6), fc.nat(6))
      .map(([p, from, length]) => foldTerm(p).slice(from, from + 1 + length)),
    fc.string({ maxLength: 3 }).map(foldTerm),
  );
  fc.assert(
    fc.property(text, fc.array(term, { minLength: 1, maxLength: 4 }), (t, terms) => {
      const startsWord = wordStartsIn(t);
      for (const candidate of terms) assert.equal(startsWord(candidate), reference(t, candidate), candidate);
    }),
    { numRuns: 3000 },
  );
});

test('case, ё, word starts and marks, as folding reads them', () => {
  assert.equal(wordStartsIn('ПИСЬМО ХРУЩЁВА')('хрущев'), true);
  assert.equal(wordStartsIn('Khrushchev spoke.')('shchev'), false, 'inside a word is no start');
  assert.equal(wordStartsIn('Khru Shchev spoke.')('shchev'), true);
  assert.equal(wordStartsIn('the U.S. position')('u.s'), true, 'a dot is no pattern');
  assert.equal(wordStartsIn('At Kaesŏng today')('kaesong'), true);
  assert.equal(wordStartsIn('毛泽东同志致电周恩来同志')('周恩来'), true, 'no spaces, any position');
});
