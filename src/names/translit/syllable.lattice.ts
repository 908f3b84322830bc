/**
 * A reading of a piece of text in a target system, with a rank: 0 for a form the system's table
 * writes, more for each mark the writer may have dropped (an apostrophe of aspiration, a breve,
 * an umlaut). Lower ranks come first when readings must be cut.
 */
export interface Reading {
  text: string;
  rank: number;
  /**
   * The reading with the distinctions folded that a writer who drops marks loses (Wade–Giles
   * without apostrophes, McCune–Reischauer without breves), where the system has such a key:
   * every reading of one spelling shares it, so it stands for all of them when they are too many
   * to list.
   */
  loose?: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  readings?: Reading[];
  sorted?: boolean;
}

/**
 * Surface forms of syllables, each with the readings it can stand for, in a trie: the syllables
 * that start at a place in a word are found in one walk, without cutting strings.
 */
export class SyllableTable {
  readonly #root: TrieNode = { next: new Map() };
  #maxLength = 0;
  #size = 0;

  /**
   * Records that `surface` can be read as `text` at `rank`; a lower rank for the same reading wins.
   *
   * @example table.add("ch'i", 'qi', 0); table.add('chi', 'qi', 1);
   */
  add(surface: string, text: string, rank: number, loose?: string): void {
    let node = this.#root;
    for (const char of surface) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    if (!node.readings) {
      node.readings = [];
      this.#size++;
      this.#maxLength = Math.max(this.#maxLength, surface.length);
    }
    const known = node.readings.find((r) => r.text === text);
    if (known) known.rank = Math.min(known.rank, rank);
    else node.readings.push(loose === undefined ? { text, rank } : { text, rank, loose });
    // Sorted on first use rather than on every add: the Korean tables take ~40,000 adds.
    node.sorted = false;
  }

  /** @example table.get('chou') // [{ text: 'zhou', rank: 0 }, { text: 'chou', rank: 1 }] */
  get(surface: string): readonly Reading[] | undefined {
    let node: TrieNode | undefined = this.#root;
    for (let i = 0; i < surface.length && node; i++) node = node.next.get(surface[i] ?? '');
    return node ? readingsOf(node) : undefined;
  }

  has(surface: string): boolean {
    return this.get(surface) !== undefined;
  }

  /**
   * The syllables of the table that start at `start` in `word`, as [length, readings], longest
   * first.
   *
   * @example table.syllablesAt('xian', 0).map(([length]) => length) // [4, 2]
   */
  syllablesAt(word: string, start: number): [number, readonly Reading[]][] {
    const found: [number, readonly Reading[]][] = [];
    let node: TrieNode | undefined = this.#root;
    for (let i = start; i < word.length; i++) {
      node = node.next.get(word[i] ?? '');
      if (!node) break;
      const readings = readingsOf(node);
      if (readings) found.unshift([i + 1 - start, readings]);
    }
    return found;
  }

  get maxLength(): number {
    return this.#maxLength;
  }

  get size(): number {
    return this.#size;
  }
}

function readingsOf(node: TrieNode): readonly Reading[] | undefined {
  if (node.readings && !node.sorted) {
    node.readings.sort((a, b) => a.rank - b.rank);
    node.sorted = true;
  }
  return node.readings;
}

/**
 * Keeps the first reading of each text, ordered by rank (stable, so the order readings were made
 * in breaks ties, which keeps the output deterministic), at most `limit` of them.
 *
 * @example bestReadings([{ text: 'a', rank: 1 }, { text: 'b', rank: 0 }, { text: 'a', rank: 0 }], 5)
 * // [{ text: 'b', rank: 0 }, { text: 'a', rank: 0 }]
 */
export function bestReadings(readings: readonly Reading[], limit: number): Reading[] {
  // The lists are short (a few dozen at most): a scan costs less than a Map.
  const best: Reading[] = [];
  for (const reading of readings) {
    const known = best.findIndex((r) => r.text === reading.text);
    if (known < 0) best.push(reading);
    else if (reading.rank < (best[known]?.rank ?? 0)) best[known] = reading;
  }
  return best.sort((a, b) => a.rank - b.rank).slice(0, limit);
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
  let acc: Reading[] = [{ text: '', rank: 0, loose: '' }];
  for (const list of lists) {
    const only = list.length === 1 ? list[0] : undefined;
    if (only) {
      // One reading: every text grows by the same suffix, so order and distinctness hold.
      acc = acc.map((a) => join(a, only));
      continue;
    }
    const next: Reading[] = [];
    for (const a of acc) for (const b of list) next.push(join(a, b));
    acc = bestReadings(next, limit);
    if (acc.length === 0) return [];
  }
  return acc;
}

function join(a: Reading, b: Reading): Reading {
  const text = a.text + b.text;
  const rank = a.rank + b.rank;
  return a.loose === undefined || b.loose === undefined
    ? { text, rank }
    : { text, rank, loose: a.loose + b.loose };
}

/** Words longer than this are no syllable string of a name, and are not read. */
const MAX_WORD = 40;
const NEVER = Number.POSITIVE_INFINITY;

/** How a word may be cut into syllables. */
export interface SegmentOptions {
  /** At most this many ways to cut (8). */
  maxCuts?: number;
  /** Characters that may stand between syllables and are read as nothing (an apostrophe, ъ). */
  skip?: string;
  /**
   * What it costs (in rank) for a syllable starting with `next` to follow, without a separator,
   * one ending in `previous`; Infinity where a system never writes that: Pinyin writes Xi'an,
   * never Xian, for xi + an, so "Maotai" is never ma + o + tai.
   */
  insideCost?: (previous: string, next: string) => number;
}

/** One way to cut a word: its syllables (with their readings) and what the joins cost. */
export interface Cut {
  syllables: string[];
  readings: (readonly Reading[])[];
  cost: number;
}

/**
 * Ways to cut `word` into syllables of `table`, longest syllable first, at most `maxCuts` of them.
 * A pass from the start finds where syllables can begin, and gives up as soon as none can (most
 * words of a text are no Chinese or Korean); a pass from the end keeps the places from which the
 * rest can be cut, so the search never walks into a dead end and its work stays linear.
 *
 * @example segmentWord('xian', pinyinTable).map((c) => c.syllables) // [['xian'], ['xi', 'an']]
 */
export function segmentWord(word: string, table: SyllableTable, options: SegmentOptions = {}): Cut[] {
  const { maxCuts = 8, skip = '', insideCost } = options;
  const n = word.length;
  if (n === 0 || n > MAX_WORD) return [];
  const isSkip = (i: number): boolean => skip !== '' && skip.includes(word[i] ?? '\u0000');
  const joinCost = (i: number): number =>
    i === 0 || !insideCost || isSkip(i - 1) ? 0 : insideCost(word[i - 1] ?? '', word[i] ?? '');
  const starts: ([number, readonly Reading[]][] | undefined)[] = new Array(n);
  const fromStart = new Uint8Array(n + 1);
  fromStart[0] = 1;
  let frontier = 0;
  for (let i = 0; i < n; i++) {
    if (!fromStart[i]) {
      if (i > frontier) return [];
      continue;
    }
    if (isSkip(i)) {
      fromStart[i + 1] = 1;
      frontier = Math.max(frontier, i + 1);
      continue;
    }
    const here = table.syllablesAt(word, i);
    if (here.length === 0 || joinCost(i) === NEVER) continue;
    starts[i] = here;
    for (const [length] of here) fromStart[i + length] = 1;
    frontier = Math.max(frontier, i + (here[0]?.[0] ?? 0));
  }
  if (!fromStart[n]) return [];
  const toEnd = new Uint8Array(n + 1);
  toEnd[n] = 1;
  for (let i = n - 1; i >= 0; i--) {
    if (!fromStart[i]) continue;
    if (isSkip(i)) toEnd[i] = toEnd[i + 1] ?? 0;
    else if (starts[i]?.some(([length]) => toEnd[i + length])) toEnd[i] = 1;
  }
  const cuts: Cut[] = [];
  const syllables: string[] = [];
  const readings: (readonly Reading[])[] = [];
  const walk = (i: number, cost: number): void => {
    if (i === n) {
      // A word of separators alone ("ъ") is no syllables.
      if (syllables.length > 0) cuts.push({ syllables: [...syllables], readings: [...readings], cost });
      return;
    }
    if (isSkip(i)) {
      walk(i + 1, cost);
      return;
    }
    const join = joinCost(i);
    for (const [length, read] of starts[i] ?? []) {
      if (cuts.length >= maxCuts) return;
      if (!toEnd[i + length]) continue;
      syllables.push(word.slice(i, i + length));
      readings.push(read);
      walk(i + length, cost + join);
      syllables.pop();
      readings.pop();
    }
  };
  if (toEnd[0]) walk(0, 0);
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
  const cuts = segmentWord(word, table, options);
  if (cuts.length === 1 && cuts[0]?.cost === 0) return combineReadings(cuts[0].readings, options.limit);
  const all: Reading[] = [];
  for (const cut of cuts) {
    for (const reading of combineReadings(cut.readings, options.limit)) {
      all.push({ ...reading, rank: reading.rank + cut.cost });
    }
  }
  return bestReadings(all, options.limit);
}
