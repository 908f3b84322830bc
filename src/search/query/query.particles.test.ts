import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from './query.parse.ts';
import { withLatinParticles } from './query.particles.ts';

test('a Russian particle before a name is the Latin particle it renders', () => {
  assert.deepEqual(withLatinParticles(parseQuery('фон Брентано')), {
    kind: 'and',
    children: [
      { kind: 'word', text: 'von' },
      { kind: 'word', text: 'Брентано' },
    ],
  });
  assert.deepEqual(withLatinParticles(parseQuery('аль Бакр')), {
    kind: 'and',
    children: [
      {
        kind: 'or',
        children: [
          { kind: 'word', text: 'al' },
          { kind: 'word', text: 'el' },
        ],
      },
      { kind: 'word', text: 'Бакр' },
    ],
  });
});

test('a particle alone, last or before a word in lower case is a word like any other', () => {
  assert.deepEqual(withLatinParticles(parseQuery('де')), { kind: 'word', text: 'де' });
  assert.deepEqual(withLatinParticles(parseQuery('Голль де')), parseQuery('Голль де'));
  assert.deepEqual(withLatinParticles(parseQuery('да здравствует')), parseQuery('да здравствует'));
});
