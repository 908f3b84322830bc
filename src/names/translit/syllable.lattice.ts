/**
 * A reading of a piece of text in a target system, with a rank: 0 for a form the system's table
 * writes, more for each mark the writer may have dropped (an apostrophe of aspiration, a breve,
 * an umlaut). Lower ranks come first when readings must be cut.
 */
export interface Reading {
  text: string;
  rank: number;
}

/** Surface forms of syllables, each with the readings it can stand for. */
export class SyllableTable {
  readonly #readings = new Map<string, Reading[]>();
  #maxLength = 0;
  readonly #unsorted = new Set<Reading[]>();

  /**
   * Records that `surface` can be read as `text` at `rank`; a lower rank for the same reading wins.
   *
   * @example table.add("ch'i", 'qi', 0); table.add('chi', 'qi', 1);
   */
  add(surface: string, text: string, rank: number): void {
    const readings = this.#readings.get(surface);
    if (!readings) {
      this.#readings.set(surface, [{ text, rank }]);
      this.#maxLength = Math.max(this.#maxLength, surface.length);
      return;
    }
    const known = readings.find((r) => r.text === text);
    if (known) known.rank = Math.min(known.rank, rank);
    else readings.push({ text, rank });
    this.#unsorted.add(readings);
  }

  /** @example table.get('chou') // [{ text: 'zhou', rank: 0 }, { text: 'chou', rank: 1 }] */
  get(surface: string): readonly Reading[] | undefined {
    const readings = this.#readings.get(surface);
    // Sorted on first use rather than on every add: the Korean tables take ~40,000 adds.
    if (readings && this.#unsorted.delete(readings)) readings.sort((a, b) => a.rank - b.rank);
    return readings;
  }

  has(surface: string): boolean {
    return this.#readings.has(surface);
  }

  get maxLength(): number {
    return this.#maxLength;
  }

  get size(): number {
    return this.#readings.size;
  }
}

/**
 * Keeps the first reading of each text, ordered by rank (stable, so the order readings were made
 * in breaks ties, which keeps the output deterministic), at most `limit` of them.
 *
 * @example bestReadings([{ text: 'a', rank: 1 }, { text: 'b', rank: 0 }, { text: 'a', rank: 0 }], 5)
 * // [{ text: 'b', rank: 0 }, { text: 'a', rank: 0 }]
 */
export function bestReadings(readings: readonly Reading[], limit: number): Reading[] {
  const best = new Map<string, Reading>();
  for (const reading of readings) {
    const known = best.get(reading.text);
    if (!known || reading.rank < known.rank) best.set(reading.text, reading);
  }
  return [...best.values()].sort((a, b) => a.rank - b.rank).slice(0, limit);
}

/**
 * The `limit` best concatenations of one reading from each list, best by the sum of ranks.
 * Cutting to `limit` after each list loses nothing: a concatenation among the best of the whole
 * has its prefix among the best of the prefixes, since ranks only add up.
 *
 * @example combineReadings([[{ text: 'mao', rank: 0 }], [{ text: 'ze', rank: 0 }, { text: 'ce', rank: 1 }]], 4)
 * // [{ text: 'maoze', rank: 0 }, { text: 'maoce', rank: 1 }]
 */
export function combineReadings(lists: readonly (readonly Reading[])[], limit: number): Reading[] {
  let acc: Reading[] = [{ text: '', rank: 0 }];
  for (const list of lists) {
    const next: Reading[] = [];
    for (const a of acc) for (const b of list) next.push({ text: a.text + b.text, rank: a.rank + b.rank });
    acc = bestReadings(next, limit);
    if (acc.length === 0) return [];
  }
  return acc;
}

/** Words longer than this are no syllable string of a name, and are not read. */
const MAX_WORD = 40;

/** How a word may be cut into syllables. */
export interface SegmentOptions {
  /** At most this many ways to cut (8). */
  maxCuts?: number;
  /** Characters that may stand between syllables and are read as nothing (an apostrophe, ъ). */
  skip?: string;
  /**
   * What it costs (in rank) for `syllable` to follow, without a separator, a syllable ending in
   * `previous`; Infinity where a system never writes that: Pinyin writes Xi'an, never Xian, for
   * xi + an, so "Maotai" is never ma + o + tai.
   */
  insideCost?: (previous: string, syllable: string) => number;
}

/** One way to cut a word: its syllables and what the joins cost. */
export interface Cut {
  syllables: string[];
  cost: number;
}

/**
 * Ways to cut `word` into syllables of `table`, longest syllable first, at most `maxCuts` of them.
 * A first pass marks the positions from which the rest of the word can be cut, so the search
 * never walks into a dead end and its work stays linear in the word's length.
 *
 * @example segmentWord('xian', pinyinTable).map((c) => c.syllables) // [['xian']]
 */
export function segmentWord(word: string, table: SyllableTable, options: SegmentOptions = {}): Cut[] {
  const { maxCuts = 8, skip = '', insideCost } = options;
  const n = word.length;
  if (n === 0 || n > MAX_WORD) return [];
  const costAt = (syllable: string, i: number): number =>
    i === 0 || !insideCost || skip.includes(word[i - 1] ?? '') ? 0 : insideCost(word[i - 1] ?? '', syllable);
  const fits = (i: number, len: number): boolean => {
    if (!reach[i + len]) return false;
    const syllable = word.slice(i, i + len);
    return table.has(syllable) && costAt(syllable, i) !== Number.POSITIVE_INFINITY;
  };
  const reach = new Array<boolean>(n + 1).fill(false);
  reach[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    if (skip.includes(word[i] ?? '') && reach[i + 1]) {
      reach[i] = true;
      continue;
    }
    for (let len = Math.min(table.maxLength, n - i); len >= 1 && !reach[i]; len--) reach[i] = fits(i, len);
  }
  if (!reach[0]) return [];
  const cuts: Cut[] = [];
  const path: string[] = [];
  const walk = (i: number, cost: number): void => {
    if (i === n) {
      // A word of separators alone ("ъ") is no syllables.
      if (path.length > 0) cuts.push({ syllables: [...path], cost });
      return;
    }
    if (skip.includes(word[i] ?? '') && reach[i + 1]) {
      walk(i + 1, cost);
      return;
    }
    for (let len = Math.min(table.maxLength, n - i); len >= 1 && cuts.length < maxCuts; len--) {
      if (!fits(i, len)) continue;
      const syllable = word.slice(i, i + len);
      path.push(syllable);
      walk(i + len, cost + costAt(syllable, i));
      path.pop();
    }
  };
  walk(0, 0);
  return cuts;
}

/**
 * The best readings of a whole word: every way to cut it into syllables, each syllable read
 * through `table`, best first, at most `limit`. Empty when the word is not made of the table's
 * syllables.
 *
 * @example readWord('tsetung', wadeGilesTable, { limit: 2 }) // [{ text: 'zedong', rank: 0 }, { text: 'zetong', rank: 1 }]
 */
export function readWord(
  word: string,
  table: SyllableTable,
  options: SegmentOptions & { limit: number },
): Reading[] {
  const readings: Reading[] = [];
  for (const cut of segmentWord(word, table, options)) {
    const lists = cut.syllables.map((syllable) => table.get(syllable) ?? []);
    for (const reading of combineReadings(lists, options.limit)) {
      readings.push({ text: reading.text, rank: reading.rank + cut.cost });
    }
  }
  return bestReadings(readings, options.limit);
}
