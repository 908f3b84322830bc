/**
 * A one-argument function with a bounded memory of its recent answers, the oldest forgotten first.
 * Name forms are n-grams of a text's words, and the same words come back in many of them: the
 * readers keep what they made of each word, so a form of known words costs only the joining.
 * The answers are shared, so they must not be changed.
 *
 * @example const fold = memoizeWord((word) => word.toLowerCase(), 1000); fold('Gromyko')
 */
export function memoizeWord<T>(read: (word: string) => T, size: number): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    const hit = known.get(word);
    if (hit !== undefined) return hit;
    const answer = read(word);
    if (known.size >= size) known.delete(known.keys().next().value as string);
    known.set(word, answer);
    return answer;
  };
}

/** How many words each reader remembers. */
export const WORD_MEMORY = 10_000;
