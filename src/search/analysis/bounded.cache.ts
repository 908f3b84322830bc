/** Entries a cache holds before it starts afresh. */
const CACHE_LIMIT = 200_000;

/**
 * Memoizes a function of one string. Word frequencies are Zipfian: a bounded cache keeps the
 * common words and memory flat, and is cleared, not evicted entry by entry, when it fills.
 *
 * @example const stem = boundedCache(english); stem('negotiations') // 'negoti', computed once
 */
export function boundedCache(compute: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(ownCopy(key), ownCopy(value));
    }
    return value;
  };
}

/**
 * A word sliced from a text may be a view into the whole text (V8 slices strings of 13
 * characters or more that way): a cache that outlives the text keeps a copy of the word only.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
