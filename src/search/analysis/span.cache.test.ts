import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hashSpan, spanCache } from './span.cache.ts';

// Words that share prefixes, lengths and letters, in several scripts, and a surrogate pair: where
// a probe that compared too little (hash, length, first characters) would answer for another word.
const WORDS = ['Khrushchev', 'Khrushchov', 'Khru', 'Хрущёв', 'Хрущев', '毛泽东', '𠀀x', 'ab', 'ba', 'a'];

test('a cached span answers what the function answers for the word written there, however the cache fills and clears', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 8 })), {
        minLength: 1,
        maxLength: 60,
      }),
      fc.integer({ min: 1, max: 40 }),
      (words, limit) => {
        const compute = (word: string) => `<${word.toLowerCase()}:${word.length}>`;
        const cached = spanCache(compute, limit);
        // One text holding every word, each looked up in place, twice over.
        const text = words.join(' ');
        for (let pass = 0; pass < 2; pass++) {
          let start = 0;
          for (const word of words) {
            assert.equal(cached(text, start, start + word.length), compute(word));
            start += word.length + 1;
          }
        }
      },
    ),
  );
});

test('a word is computed once while the cache holds it, and again after the cache has cleared', () => {
  const seen: string[] = [];
  const cached = spanCache((word) => {
    seen.push(word);
    return word.toUpperCase();
  }, 3);
  const text = 'one two one three two four one';
  const at = (word: string, from = 0) => text.indexOf(word, from);
  for (const [word, from] of [
    ['one', 0],
    ['two', 0],
    ['one', 5],
    ['three', 0],
    ['two', 10],
  ] as const) {
    const start = at(word, from);
    assert.equal(cached(text, start, start + word.length), word.toUpperCase());
  }
  assert.deepEqual(seen, ['one', 'two', 'three']);
  // The cache holds three: a fourth word clears it, and 'one' is computed again.
  cached(text, at('four'), at('four') + 4);
  cached(text, at('one', 20), at('one', 20) + 3);
  assert.deepEqual(seen, ['one', 'two', 'three', 'four', 'one']);
});

test('a word is found by its characters, whichever text it is read from', () => {
  let computed = 0;
  const cached = spanCache((word) => {
    computed++;
    return word;
  });
  const text = `${'x'.repeat(100)} Panmunjomprotocol ${'y'.repeat(100)}`;
  const start = text.indexOf('Panmunjomprotocol');
  assert.equal(cached(text, start, start + 17), 'Panmunjomprotocol');
  assert.equal(cached('Panmunjomprotocol', 0, 17), 'Panmunjomprotocol');
  assert.equal(computed, 1);
});

test('two words of one hash are told apart by their characters', () => {
  // Words of six characters until two share this process's hash (a birthday search: about 10^5).
  const byHash = new Map<number, string>();
  let pair: [string, string] | null = null;
  for (let i = 0; !pair && i < 3_000_000; i++) {
    const word = i.toString(36).padStart(6, '0');
    const hash = hashSpan(word, 0, word.length);
    const other = byHash.get(hash);
    if (other === undefined) byHash.set(hash, word);
    else pair = [other, word];
  }
  assert.ok(pair, 'no two words of one hash found');
  const [first, second] = pair;
  const cached = spanCache((word) => word.toUpperCase());
  const text = `${first} ${second}`;
  assert.equal(cached(text, 0, 6), first.toUpperCase());
  assert.equal(cached(text, 7, 13), second.toUpperCase());
  assert.equal(cached(text, 0, 6), first.toUpperCase());
});
