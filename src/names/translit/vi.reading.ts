import { loadViRu, type ViLetters } from './romanization.tables.ts';
import { foldCyrillic } from './ru.reading.ts';
import { bestReadings, combineReadings, type Reading, SyllableTable } from './syllable.lattice.ts';
import { memoizeWord, WORD_MEMORY } from './word.memo.ts';

const LETTERS = loadViRu();
const INITIALS = LETTERS.filter((l) => l.part === 'initial');
const VOWELS = LETTERS.filter((l) => l.part === 'vowel');
const FINALS = LETTERS.filter((l) => l.part === 'final');

/** The vowel marks of Vietnamese letters, as English-language texts drop them: Diệm is Diem, Đồng Dong. */
const UNMARKED: Readonly<Record<string, string>> = { â: 'a', ă: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' };

/** A spelling of one part, the Russian it stands for, and its rank. */
interface Spelling {
  surface: string;
  russian: string;
  rank: number;
}

/**
 * The rank of a Russian form the rule gives in another position or that usage keeps (the р of
 * Ратьзя, the э of Эде): read, and listed after every reading by the rule, but never a key, since
 * with them "Dam" (â as э) would be Зьем.
 */
const ALTERNATE = 100;

/**
 * The Russian forms of one part, as written with its marks and without them: the rule's form
 * ranks 0 and the alternates `ALTERNATE`; spelled without marks it ranks as with them, since the
 * texts drop them throughout ("Dinh" is Đình, Динь, as often as "Diem" is Diệm, Зьем).
 */
function spellings(letters: ViLetters): Spelling[] {
  const unmarked = [...letters.vietnamese].map((c) => UNMARKED[c] ?? c).join('');
  return letters.russian.flatMap((russian, i) => {
    const rank = i === 0 ? 0 : ALTERNATE;
    const marked = { surface: letters.vietnamese, russian, rank };
    return unmarked === letters.vietnamese ? [marked] : [marked, { ...marked, surface: unmarked }];
  });
}

/**
 * Russian orthography joins a soft consonant to the vowel after it: нь + а is ня (Nha Trang,
 * Нячанг), ть + и is ти (Chinh, Тинь), зь + ье is зье (Diệm, Зьем); with no consonant before it,
 * the softness is й (Yên, Йен).
 */
function compose(russian: string): string {
  if (!russian.includes('ь')) return russian;
  return russian
    .replace(/^ь/, 'й')
    .replace(/ь(ь|и)/g, '$1')
    .replace(/ьа/g, 'я')
    .replace(/ьо/g, 'ё')
    .replace(/ьу/g, 'ю')
    .replace(/ьэ/g, 'е');
}

/**
 * The spellings of each part of a syllable, with the Russian they stand for: a word is parsed
 * part by part. (A table of every whole syllable, as the Chinese and Korean readers keep, took
 * 7 MB of heap in each process that keys names.)
 */
function partTable(letters: readonly ViLetters[]): SyllableTable {
  const table = new SyllableTable();
  for (const { surface, russian, rank } of letters.flatMap(spellings)) table.add(surface, russian, rank);
  return table;
}

const NONE: [number, readonly Reading[]] = [0, [{ text: '', rank: 0 }]];
const INITIAL_PARTS = partTable(INITIALS);
const VOWEL_PARTS = partTable(VOWELS);
const FINAL_PARTS = partTable(FINALS);
/** Vietnamese writes g, c and ng as gh, k and ngh before i, e and ê: "gia" is gi + a, never g + ia. */
const SPELLED_OTHERWISE_BEFORE_FRONT = /^(g|c|ng)$/;
const FRONT = /[ieêy]/;

/** The syllables (initial, vowel, final, each but the vowel optional) written at `start`, with their Russian. */
function syllablesAt(word: string, start: number): { end: number; reading: Reading }[] {
  const found: { end: number; reading: Reading }[] = [];
  for (const [initialLength, initials] of [NONE, ...INITIAL_PARTS.syllablesAt(word, start)]) {
    const vowelAt = start + initialLength;
    const initial = word.slice(start, vowelAt);
    if (SPELLED_OTHERWISE_BEFORE_FRONT.test(initial) && FRONT.test(word[vowelAt] ?? '')) continue;
    for (const [vowelLength, vowels] of VOWEL_PARTS.syllablesAt(word, vowelAt)) {
      const finalAt = vowelAt + vowelLength;
      for (const [finalLength, finals] of [NONE, ...FINAL_PARTS.syllablesAt(word, finalAt)]) {
        for (const i of initials)
          for (const v of vowels)
            for (const f of finals)
              found.push({
                end: finalAt + finalLength,
                reading: { text: compose(i.text + v.text + f.text), rank: i.rank + v.rank + f.rank },
              });
      }
    }
  }
  return found;
}

const VOWEL = /[aeiouyâăêôơư]/;
/** The letters of Vietnamese's alphabet, which has no f, j, w or z. */
const VIETNAMESE_LETTERS = /^[a-eg-ik-vxyâăêôơưđ]+$/;
/** Words longer than this are no run of syllables of a name, and are not read. */
const MAX_WORD = 40;

/**
 * The best readings of a word as syllables. Vietnamese writes each syllable apart; English joins
 * those of places (Saigon, Hanoi, Haiphong): each joint ranks one lower, and none falls between
 * two vowels ("Dean" is no de + an). The best readings of each ending are kept, from the last
 * letter back: a best reading of the word has a best reading of its ending, since ranks add up.
 */
function readSyllables(word: string, limit: number): Reading[] {
  const from: Reading[][] = [];
  from[word.length] = [{ text: '', rank: 0 }];
  for (let start = word.length - 1; start >= 0; start--) {
    const here: Reading[] = [];
    for (const { end, reading } of syllablesAt(word, start)) {
      const rest = from[end] ?? [];
      if (end < word.length && VOWEL.test(word[end - 1] ?? '') && VOWEL.test(word[end] ?? '')) continue;
      const joint = end < word.length ? 1 : 0;
      for (const r of rest) here.push({ text: reading.text + r.text, rank: reading.rank + joint + r.rank });
    }
    from[start] = bestReadings(here, limit);
  }
  return from[0] ?? [];
}

/** Readings kept for each word. */
const WORD_LIMIT = 4;

/**
 * The Russian readings of one Latin word as Vietnamese (with or without its vowel marks and
 * tones), best first: the Russian practical transcription (vi-ru.tsv). Empty when the word is not
 * made of Vietnamese syllables.
 *
 * @example readVietnamese('Diem', 4).map((r) => r.text) // ['зьем', 'дьем', 'зием', 'дием']
 */
export function readVietnamese(word: string, limit: number): Reading[] {
  const lower = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');
  if (lower.length > MAX_WORD || !VIETNAMESE_LETTERS.test(lower)) return [];
  return readSyllables(lower, limit);
}

const wordKeys = memoizeWord(
  (word: string): Reading[] =>
    readVietnamese(word, WORD_LIMIT)
      .filter((r) => r.rank < ALTERNATE)
      .map((r) => ({ text: foldCyrillic(r.text), rank: r.rank })),
  WORD_MEMORY,
);

/**
 * The keys of a Latin name read as Vietnamese: its Russian transcription folded as the ru keys
 * fold Cyrillic, words run together, best first, at most `limit`; none unless every word is made
 * of Vietnamese syllables. "Ngo Dinh Diem" has the key of Нго Динь Зьем, "Nguyen Van Thieu" that
 * of Нгуен Ван Тхиеу.
 *
 * @example readViKeys(['ngo', 'dinh', 'diem'], 4).some((r) => r.text === 'ngodinzem') // true
 */
export function readViKeys(words: readonly string[], limit: number): Reading[] {
  const lists: Reading[][] = [];
  for (const word of words) {
    const keys = wordKeys(word);
    if (keys.length === 0) return [];
    lists.push(keys);
  }
  return combineReadings(lists, limit);
}
