import assert from 'node:assert/strict';
import { test } from 'node:test';
import { likeness, SOUND_LIKENESS, soundLikeness, soundOf, spelledLikeness } from './sound.likeness.ts';

test('the Russian form of an English or French name sounds as the name does', () => {
  assert.equal(soundOf('Даллес'), soundOf('Dulles'));
  assert.equal(soundOf('Эйзенхауэр'), soundOf('Eisenhower'));
  // A final e after a consonant is silent.
  assert.equal(soundOf('Голль'), soundOf('Gaulle'));
});

test('names that sound alike are told apart by their letters', () => {
  assert.equal(soundOf('Kissinger'), soundOf('Kiesinger'));
  assert.ok(spelledLikeness('Киссинджер', 'Kissinger') > spelledLikeness('Киссинджер', 'Kiesinger'));
});

test('likeness is 1 for the same letters and falls with each edit', () => {
  assert.equal(likeness('dalas', 'dalas'), 1);
  assert.equal(likeness('dalas', 'dales'), 0.8);
  assert.equal(likeness('', 'dalas'), 0);
});

test('a Russian form and an English spelling are alike as far as the transcription reads one as the other', () => {
  // House shares Хьюз's skeleton; no reading of its letters writes Хьюз.
  assert.equal(soundLikeness('Хьюз', 'House'), 0);
  assert.ok(soundLikeness('Хьюз', 'Hughes') >= SOUND_LIKENESS);
  assert.equal(soundLikeness('Смит', 'Smith'), 1);
  assert.equal(soundLikeness('Иден', 'Aden'), 0);
  // Letters the table cannot read are compared by sound.
  assert.equal(
    soundLikeness('Хаммаршельд', 'Hammarskjöld'),
    likeness(soundOf('Хаммаршельд'), soundOf('Hammarskjöld')),
  );
});
