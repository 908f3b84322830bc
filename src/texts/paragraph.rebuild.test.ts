import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  continuesAcrossPage,
  continuesAfterGap,
  dividesWord,
  joinLines,
  vocabulary,
} from './paragraph.rebuild.ts';

test('joins lines with one space and trims them', () => {
  assert.equal(
    joinLines(['  as it reflects  ', ' the position of the USA'], 'keep-hyphen'),
    'as it reflects the position of the USA',
  );
});

test('joins a word divided at a line end when the hand divided it', () => {
  assert.equal(
    joinLines(['Если мексиканцы высту-', 'пят со своим предложе-', 'нием в ООН'], 'join-word'),
    'Если мексиканцы выступят со своим предложением в ООН',
  );
});

test('keeps a real hyphen at a line end of text that software wrapped', () => {
  assert.equal(joinLines(['a non-', 'aggression pact'], 'keep-hyphen'), 'a non-aggression pact');
});

test('leaves ranges and dashes at a line end alone', () => {
  assert.equal(joinLines(['in the course of 2-', '3 months'], 'join-word'), 'in the course of 2- 3 months');
  assert.equal(joinLines(['word -', 'next'], 'join-word'), 'word - next');
});

test('continues a paragraph over a gap when it stopped mid-sentence and goes on in lower case', () => {
  assert.equal(
    continuesAfterGap('…until discussion of specific issues about', 'the agenda. At the same time'),
    true,
  );
  assert.equal(continuesAfterGap('1. Adoption of the agenda.', '2. First of all, adopt'), false);
  assert.equal(continuesAfterGap('Copy Nº 1 to Cde. Stalin', 'Nº 2 to Cde. Stalin'), false);
});

test('continues a paragraph over a page end unless it closed on a short line', () => {
  assert.equal(
    continuesAcrossPage({ previous: 'meetings the', next: 'Americans deliberately', previousFull: false }),
    true,
  );
  assert.equal(
    continuesAcrossPage({ previous: 'a result of study Cde.', next: 'Kim Il Sung came', previousFull: true }),
    true,
  );
  assert.equal(
    continuesAcrossPage({
      previous: 'останется у Вас в резерве.',
      next: 'По вопросу о',
      previousFull: false,
    }),
    false,
  );
  assert.equal(
    continuesAcrossPage({ previous: 'the following', next: '1. Adoption', previousFull: true }),
    false,
  );
});

test('by the document’s own words, a hyphen at a line end joins a word only where the word is written whole elsewhere', () => {
  const words = vocabulary([
    'the communist parties of Asia',
    'Chiang Kai-shek agreed',
    'anti-American sentiments',
  ]);
  const by = { words };
  assert.equal(joinLines(['the com-', 'munist party'], by), 'the communist party');
  assert.equal(joinLines(['Chiang Kai-', 'shek said'], by), 'Chiang Kai-shek said');
  assert.equal(
    joinLines(['a long-', 'awaited reply'], by),
    'a long-awaited reply',
    'unknown: the hyphen stays',
  );
  assert.ok(dividesWord('com', 'munist', words));
  assert.ok(!dividesWord('Kai', 'shek', words));
});

test('a lettered point after a blank line starts a paragraph of its own', () => {
  assert.equal(continuesAfterGap('a) To wipe out the lackeys;', 'b) to create the defense'), false);
  assert.equal(continuesAfterGap('so as not to be dependent on a possible economic', 'blockade.'), true);
});

test('a line-end hyphen after a run of letters longer than any word is read near the break only', () => {
  const run = '字'.repeat(300_000);
  // The halves as far as a word reaches: the run's last letters and the next line's first.
  assert.equal(dividesWord(`${run}com`, 'munist party', new Set(['communist'])), false);
  assert.equal(dividesWord('the com', 'munist party', new Set(['communist'])), true);
  assert.equal(joinLines([`${run}-`, 'and so on'], { words: new Set() }), `${run}-and so on`);
});
