import { loadViRu, type ViLetters } from './romanization.tables.ts';
import { foldCyrillic } from './ru.reading.ts';
import { combineReadings, type Reading, readWord, SyllableTable } from './syllable.lattice.ts';
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
  return russian
    .replace(/^ь/, 'й')
    .replace(/ь(ь|и)/g, '$1')
    .replace(/ьа/g, 'я')
    .replace(/ьо/g, 'ё')
    .replace(/ьу/g, 'ю')
    .replace(/ьэ/g, 'е');
}

/** Every Vietnamese syllable (initial, vowel, final, each but the vowel optional) with its Russian readings. */
function syllableTable(): SyllableTable {
  const table = new SyllableTable();
  const none: Spelling = { surface: '', russian: '', rank: 0 };
  const initials = [none, ...INITIALS.flatMap(spellings)];
  const vowels = VOWELS.flatMap(spellings);
  const finals = [none, ...FINALS.flatMap(spellings)];
  for (const initial of initials) {
    for (const vowel of vowels) {
      // Vietnamese writes g, c and ng as gh, k and ngh before i, e and ê: "gia" is gi + a, never g + ia.
      if (/^(g|c|ng)$/.test(initial.surface) && /^[ieêy]/.test(vowel.surface)) continue;
      for (const final of finals) {
        const russian = compose(initial.russian + vowel.russian + final.russian);
        table.add(
          initial.surface + vowel.surface + final.surface,
          russian,
          initial.rank + vowel.rank + final.rank,
        );
      }
    }
  }
  return table;
}

const TABLE = syllableTable();
const VOWEL = /[aeiouyâăêôơư]/;
/**
 * Vietnamese writes each syllable apart; English joins those of places (Saigon, Hanoi, Haiphong):
 * each joint ranks one lower, and none falls between two vowels ("Dean" is no de + an).
 */
const CUTS = {
  insideCost: (previous: string, next: string) =>
    VOWEL.test(previous) && VOWEL.test(next) ? Number.POSITIVE_INFINITY : 1,
};
/** Readings kept for each word. */
const WORD_LIMIT = 4;

/**
 * The Russian readings of one Latin word as Vietnamese (with or without its vowel marks and
 * tones), best first: the Russian practical transcription (vi-ru.tsv). Empty when the word is not
 * made of Vietnamese syllables.
 *
 * @example readVietnamese('Diem', 4).map((r) => r.text) // ['зием', 'зьем', 'дием', 'дьем'] in some order
 */
export function readVietnamese(word: string, limit: number): Reading[] {
  const lower = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');
  if (!/^[a-zâăêôơưđ]+$/.test(lower)) return [];
  return readWord(lower, TABLE, { ...CUTS, limit });
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
