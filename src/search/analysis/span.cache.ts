import { detach } from '../../texts/string.detach.ts';

/** Entries a cache holds before it starts afresh. */
const CACHE_LIMIT = 200_000;
/** Slots at first; the table doubles whenever it would be more than half full. */
const FIRST_SLOTS = 1 << 10;

/** `compute` of the word at [start, end) of `text`, remembered. */
export type SpanFunction<T> = (text: string, start: number, end: number) => T;

/**
 * Memoizes a function of a word, looked up by the word's stretch of the text it stands in, in
 * place: a hit makes no string. The analyzer looks up every word of every text (25.6 million on
 * the 45 FRUS volumes, 99.7 % of them seen before); as a Map keyed by a slice cut out per word, the
 * lookups (slicing, V8 hashing each new slice, collecting the slices) were 9–10 % of the ingest
 * worker's time in profiles. Word frequencies are Zipfian: a bounded cache keeps the common words and
 * memory flat, and is cleared, not evicted entry by entry, when it fills.
 *
 * Open addressing with linear probing; each slot keeps its key's hash, so a probe compares the
 * characters of a key only where the 32-bit hashes are equal. The cache keeps its own copy of each
 * word (the text it was read from may be a whole chunk of a file); `compute` returns values that
 * hold nothing of the word it is given (`detach`).
 *
 * @example const term = spanCache((word) => detach(stem(foldTerm(word)))); term(text, 4, 16) // 'negoti'
 */
export function spanCache<T>(compute: (word: string) => T, limit = CACHE_LIMIT): SpanFunction<T> {
  let slots = FIRST_SLOTS;
  // Packed arrays of strings: an empty key marks a free slot (no word is empty).
  let keys: string[] = new Array<string>(slots).fill('');
  let values: (T | null)[] = new Array<T | null>(slots).fill(null);
  let hashes = new Int32Array(slots);
  let size = 0;

  const insert = (hash: number, key: string, value: T) => {
    const mask = slots - 1;
    let slot = hash & mask;
    while (keys[slot] !== '') slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = value;
    hashes[slot] = hash;
    size++;
  };
  /** A new table of `to` slots, holding the entries of the old one if `keep`. */
  const renew = (to: number, keep: boolean) => {
    const [oldKeys, oldValues, oldHashes] = [keys, values, hashes];
    slots = to;
    keys = new Array<string>(slots).fill('');
    values = new Array<T | null>(slots).fill(null);
    hashes = new Int32Array(slots);
    size = 0;
    if (!keep) return;
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] !== '') insert(oldHashes[i] as number, oldKeys[i] as string, oldValues[i] as T);
    }
  };

  return (text, start, end) => {
    const hash = hashSpan(text, start, end);
    const length = end - start;
    const mask = slots - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = keys[slot] as string;
      if (key === '') break;
      if (hashes[slot] === hash && key.length === length && sameChars(key, text, start)) {
        return values[slot] as T;
      }
    }
    const word = text.slice(start, end);
    const value = compute(word);
    if (size >= limit) renew(FIRST_SLOTS, false);
    else if (2 * (size + 1) > slots) renew(slots * 2, true);
    // The key may be a slice of the text it came from, which the cache outlives.
    insert(hash, detach(word), value);
    return value;
  };
}

/**
 * Where each process's hashes start: words made to share one hash (a file built so that every
 * lookup walks the whole table) cannot be made without knowing it. V8 seeds its own string hashes
 * for the same reason.
 */
const SEED = crypto.getRandomValues(new Int32Array(1))[0] as number;

/**
 * FNV-1a over the UTF-16 code units of text[start, end), from `SEED`, its high bits folded into the
 * low. Exported for the test that finds two words of one hash.
 */
export function hashSpan(text: string, start: number, end: number): number {
  let hash = SEED;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash ^ (hash >>> 15);
}

/** Whether `key` is written at text[start, start + key.length). */
function sameChars(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  }
  return true;
}
