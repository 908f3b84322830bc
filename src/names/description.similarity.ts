/**
 * How much two descriptions of a person agree ("Soviet Foreign Minister", "Foreign Minister of
 * the U.S.S.R."), weighing each word by how rare it is among all descriptions: two people can
 * both be "Assistant Secretary of State", few are "Soviet" and "Foreign Minister". The overlap is
 * measured against the shorter description, which often says less rather than something else.
 *
 * @example
 * const similarity = new DescriptionSimilarity(allDescriptions);
 * similarity.compare('Soviet Foreign Minister', 'Foreign Minister of the U.S.S.R.') // about 0.7
 */
export class DescriptionSimilarity {
  private readonly documentFrequency = new Map<string, number>();
  private readonly total: number;
  /** Each description's words, read once: the same descriptions are compared many times. */
  private readonly words = new Map<string, Set<string>>();

  constructor(descriptions: Iterable<string>) {
    let total = 0;
    for (const description of descriptions) {
      total++;
      for (const word of new Set(contentWords(description))) {
        this.documentFrequency.set(word, (this.documentFrequency.get(word) ?? 0) + 1);
      }
    }
    this.total = Math.max(1, total);
  }

  /** 0 (nothing rare in common) to 1 (the shorter says nothing the longer does not). */
  compare(a: string, b: string): number {
    const wordsA = this.wordsOf(a);
    const wordsB = this.wordsOf(b);
    if (wordsA.size === 0 || wordsB.size === 0) return 0;
    const weight = (w: string) => Math.log(1 + this.total / (this.documentFrequency.get(w) ?? 1));
    let shared = 0;
    let sumA = 0;
    let sumB = 0;
    for (const w of wordsA) {
      sumA += weight(w);
      if (wordsB.has(w)) shared += weight(w);
    }
    for (const w of wordsB) sumB += weight(w);
    return shared / Math.min(sumA, sumB);
  }

  private wordsOf(text: string): Set<string> {
    let words = this.words.get(text);
    if (!words) {
      words = new Set(contentWords(text));
      this.words.set(text, words);
    }
    return words;
  }

  /** The best agreement between any description of one and any of the other. */
  best(a: readonly string[], b: readonly string[]): number {
    let best = 0;
    for (const x of a) for (const y of b) best = Math.max(best, this.compare(x, y));
    return best;
  }
}

const STOPWORDS = new Set(
  `the and of for to from until till through since after before with in on at by as an a also
   thereafter then later former formerly member until again acting during his her its their
   january february march april may june july august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

/** One word for the names sources give one country ("U.S.S.R.", "Soviet Union", "Soviet"). */
const SYNONYMS: Record<string, string> = {
  ussr: 'soviet',
  russia: 'soviet',
  russian: 'soviet',
  american: 'us',
};

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\bu\.?\s?s\.?\s?s\.?\s?r\.?/g, ' ussr ')
    .replace(/\bu\.\s?s\.|\bunited states\b/g, ' us ')
    .replace(/\bsoviet union\b/g, ' soviet ')
    .replace(/[^\p{L}]+/gu, ' ')
    .split(' ')
    .map((w) => SYNONYMS[w] ?? w)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}
