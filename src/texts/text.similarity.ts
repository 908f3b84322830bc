import type { Text } from '../record/record.types.ts';
import { segmentWords } from './words.segment.ts';

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * How alike two texts are, from 0 to 1: the Dice coefficient of their word pairs, case and
 * punctuation aside. Two archives' copies of one telegram score near 1 though their typists
 * differed in a word or a line break; two different telegrams in one correspondence score low.
 *
 * @example textSimilarity(copyInApRf, copyInRgaspi) // 0.97
 */
export function textSimilarity(a: Text, b: Text): number {
  const left = wordPairs(a);
  const right = wordPairs(b);
  const total = size(left) + size(right);
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / total;
}

function wordPairs(text: Text): Map<string, number> {
  const words: string[] = [];
  for (const block of text.blocks) {
    for (const segment of segmentWords(WORDS, block.text.toLowerCase())) {
      if (segment.isWordLike) words.push(segment.segment);
    }
  }
  const pairs = new Map<string, number>();
  // A one-word text still has something to compare.
  if (words.length === 1) pairs.set(words[0] as string, 1);
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

function size(counts: Map<string, number>): number {
  let total = 0;
  for (const v of counts.values()) total += v;
  return total;
}
