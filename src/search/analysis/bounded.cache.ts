import { detach } from '../../texts/string.detach.ts';

/** Entries a cache holds before it starts afresh. */
const CACHE_LIMIT = 200_000;

/**
 * Memoizes a function of one string. Word frequencies are Zipfian: a bounded cache keeps the
 * common words and memory flat, and is cleared, not evicted entry by entry, when it fills.
 *
 * @example const term = boundedCache((word) => stem(foldTerm(word))); term('Negotiations') // computed once
 */
export function boundedCache(compute: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      // Keys and values may be slices of the text they came from, which the cache outlives.
      cache.set(detach(key), detach(value));
    }
    return value;
  };
}
