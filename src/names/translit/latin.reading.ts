import { type LatinSpelling, loadLatinRu } from './romanization.tables.ts';

/**
 * Russian letters as the comparison reads them: the transcription's usage varies between э and е
 * (Тейлор, Тэйлор), between ё and е, in the soft and hard signs, and in doubled letters (Аллен,
 * Ален); й is и, and я, ю are и + а, и + у, so that "Young" (й + а) meets Янг.
 */
function normalizeRussian(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ьъ]/g, '')
    .replace(/ё|э/g, 'е')
    .replace(/й/g, 'и')
    .replace(/я/g, 'иа')
    .replace(/ю/g, 'иу')
    .replace(/(.)\1+/g, '$1');
}

interface Spelling extends LatinSpelling {
  /** The Russian forms as compared, each with its cost (its place in the table's list). */
  readings: { russian: string; cost: number }[];
}

/** The table's spellings by their first letter. */
const BY_FIRST = new Map<string, Spelling[]>();
for (const spelling of loadLatinRu()) {
  const readings = spelling.russian.map((russian, cost) => ({ russian: normalizeRussian(russian), cost }));
  const first = spelling.letters[0] as string;
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), { ...spelling, readings }]);
}

/**
 * A doubled consonant is read as one; doubled vowels are spellings of their own (ee, oo).
 *
 * @example undoubleConsonants('mossadeq') === 'mosadeq'; undoubleConsonants('cameroon') === 'cameroon'
 */
export function undoubleConsonants(word: string): string {
  return word.replace(/([b-df-hj-np-tv-z])\1+/g, '$1');
}

/** Longer words are no name's and are not read. */
const MAX_WORD = 30;

/**
 * The least cost at which one Latin word reads as one Russian word: each spelling of the word
 * read as one of its Russian forms, costs added. Undefined when no reading writes it.
 */
function wordCost(latin: string, russian: string): number | undefined {
  if (latin.length > MAX_WORD || russian.length > MAX_WORD * 2) return undefined;
  // best[i][j]: the least cost of reading latin from i as russian from j.
  const best = new Map<number, number>();
  const width = russian.length + 1;
  const read = (i: number, j: number): number => {
    if (i === latin.length) return j === russian.length ? 0 : Number.POSITIVE_INFINITY;
    const at = i * width + j;
    const known = best.get(at);
    if (known !== undefined) return known;
    let least = Number.POSITIVE_INFINITY;
    for (const spelling of BY_FIRST.get(latin[i] as string) ?? []) {
      const end = i + spelling.letters.length;
      if (!latin.startsWith(spelling.letters, i)) continue;
      if (spelling.atStart && i !== 0) continue;
      if (spelling.atEnd && end !== latin.length) continue;
      if (spelling.before && !spelling.before.includes(latin[end] ?? '-')) continue;
      for (const { russian: form, cost } of spelling.readings) {
        if (cost >= least) break;
        // A letter the Russian doubles across two spellings is one letter, as it is compared.
        const from = form && j > 0 && russian[j - 1] === form[0] ? [j, j - 1] : [j];
        for (const k of from) {
          if (!russian.startsWith(form, k)) continue;
          least = Math.min(least, cost + read(end, k + form.length));
        }
      }
    }
    best.set(at, least);
    return least;
  };
  const cost = read(0, 0);
  return Number.isFinite(cost) ? cost : undefined;
}

const LATIN_WORDS = /^[a-z]+(?:[\s'’-]+[a-z]+)*$/;

/**
 * How far a Cyrillic form is from the Russian transcription of a Latin form ("Хьюз" of "Hughes",
 * "Джонсон" of "Johnson", "Хальштейн" of "Hallstein"): the least cost of a reading of the Latin,
 * word for word, spelling by spelling (latin-ru.tsv: English readings first, then those of the
 * other languages an English-language edition writes names of), that Russian writes as the
 * Cyrillic; 0 when each spelling is read as it most usually is. Undefined when no reading writes
 * it ("Аллен" is no reading of "Iran"), and null when the Latin is not plain letters a to z, which
 * the table cannot read ("Hammarskjöld").
 *
 * @example latinReadingCost('Hughes', 'Хьюз') // 0
 * @example latinReadingCost('Evans', 'Вэнс') // 3: a silent e (2), a as э (1)
 * @example latinReadingCost('Iran', 'Аллен') // undefined
 */
export function latinReadingCost(latin: string, cyrillic: string): number | undefined | null {
  const plain = latin.toLowerCase().trim();
  if (!LATIN_WORDS.test(plain)) return null;
  const latinWords = plain.split(/[\s-]+/).map((w) => undoubleConsonants(w.replace(/['’]/g, '')));
  // Russian keeps the apostrophe of O'Neill (О'Нил); the word is one, as in English.
  const russianWords = cyrillic
    .replace(/['’]/g, '')
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(normalizeRussian);
  if (latinWords.length !== russianWords.length) return undefined;
  let total = 0;
  for (const [i, word] of latinWords.entries()) {
    const cost = wordCost(word, russianWords[i] as string);
    if (cost === undefined) return undefined;
    total += cost;
  }
  return total;
}
