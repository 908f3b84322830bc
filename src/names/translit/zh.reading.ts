import { createRequire } from 'node:module';
import { loadZhSyllables } from './romanization.tables.ts';
import { foldLatin, scriptOf } from './script.text.ts';
import { combineReadings, type Reading, readWord, SyllableTable, segmentWord } from './syllable.lattice.ts';
import { memoizeWord, WORD_MEMORY } from './word.memo.ts';

/** Pinyin as keys write it: toneless, ü as v (the input-method spelling: lü → lv). */
const pinyinKey = (syllable: string): string => syllable.replace(/ü/g, 'v');

/**
 * The Wade–Giles spellings a writer may have meant by a table form: the form itself, and the
 * form with its marks dropped. Dropping ê's circumflex or ŭ's breve loses nothing (rank 0);
 * dropping an apostrophe or an umlaut makes the syllable ambiguous with its twin, so that
 * reading ranks lower ("Liu Shao-chi" is ch'i = qi, but chi alone is ji).
 */
function wadeGilesSpellings(form: string): [string, number][] {
  const spellings = new Map<string, number>([
    [form, 0],
    [form.replace(/ê/g, 'e').replace(/ŭ/g, 'u'), 0],
  ]);
  const drops: [(spelling: string) => string, number][] = [
    [(spelling) => spelling.replace(/'/g, ''), 1],
    [(spelling) => spelling.replace(/ü/g, 'u'), 1],
  ];
  for (const [drop, cost] of drops) {
    for (const [spelling, rank] of [...spellings]) {
      const dropped = drop(spelling);
      if (!spellings.has(dropped)) spellings.set(dropped, rank + cost);
    }
  }
  return [...spellings];
}

/**
 * Palladius spellings of a table form: the form, and (rank 1) the older and press spelling with
 * е for э after a consonant ("Мао Цзе-дун" for Цзэдун; "Хубей" for Хубэй).
 */
function palladiusSpellings(form: string): [string, number][] {
  const older = form.replace(/([бвгджзклмнпрстфхцчшщ])э/g, '$1е');
  return older === form
    ? [[form, 0]]
    : [
        [form, 0],
        [older, 1],
      ];
}

const PINYIN = new SyllableTable();
const WADE_GILES = new SyllableTable();
const PALLADIUS = new SyllableTable();
/**
 * The loose key of a syllable is its Wade–Giles form as the press prints it, without marks: the
 * one spelling that every reading of "Chu" or "Shao-chi" shares with the characters it stands for.
 */
const LOOSE = new Map<string, string>();
for (const syllable of loadZhSyllables()) {
  const key = pinyinKey(syllable.pinyin);
  const loose = (syllable.wadeGiles[0] ?? '').replace(/'/g, '').replace(/ê/g, 'e').replace(/[ŭü]/g, 'u');
  LOOSE.set(key, loose);
  PINYIN.add(key, key, 0, loose);
  for (const form of syllable.wadeGiles) {
    for (const [spelling, rank] of wadeGilesSpellings(form)) WADE_GILES.add(spelling, key, rank, loose);
  }
  for (const form of syllable.palladius) {
    for (const [spelling, rank] of palladiusSpellings(form)) PALLADIUS.add(spelling, key, rank, loose);
  }
}

/** Syllables that start with a vowel letter stand only at a word's start or after a separator. */
const NEVER = Number.POSITIVE_INFINITY;
const latinVowelStart = (_: string, next: string): number => ('aeioêuü'.includes(next) ? NEVER : 0);
const cyrillicVowelStart = (_: string, next: string): number => ('аоуэыи'.includes(next) ? NEVER : 0);
const PINYIN_CUTS = { skip: "'", insideCost: latinVowelStart };
const WADE_GILES_CUTS = { skip: "'", insideCost: latinVowelStart };
const PALLADIUS_CUTS = { skip: 'ъ', insideCost: cyrillicVowelStart };

const PINYIN_MARKS = { 'u\u0308': 'v' } as const;
const WADE_GILES_MARKS = { 'e\u0302': 'ê', 'u\u0306': 'ŭ', 'u\u0308': 'ü' } as const;

/**
 * True when the form is written in Chinese characters only (spaces and the middle dot of
 * transcribed foreign names aside).
 *
 * @example isHanName('毛泽东') // true
 * @example isHanName('Mao Zedong') // false
 */
export function isHanName(form: string): boolean {
  return scriptOf(form) === 'han';
}

/**
 * The syllables of a Pinyin word (tone marks and numbers allowed, ü or v), longest syllables
 * first; undefined when the word is not Pinyin.
 *
 * @example segmentPinyin('Zédōng') // ['ze', 'dong']
 * @example segmentPinyin("Xi'an") // ['xi', 'an']
 */
export function segmentPinyin(word: string): string[] | undefined {
  const folded = foldLatin(word.toLowerCase(), PINYIN_MARKS);
  if (folded === undefined) return undefined;
  return segmentWord(folded, PINYIN, { ...PINYIN_CUTS, maxCuts: 1 })[0]?.syllables;
}

/**
 * Pinyin readings of one Wade–Giles word ("Tse-tung" is two words), best first.
 *
 * @example readWadeGiles("Shao-ch'i".split('-')[1], 3) // [{ text: 'qi', rank: 0 }]
 * @example readWadeGiles('chi', 3) // [{ text: 'ji', rank: 0 }, { text: 'qi', rank: 1 }]
 */
export function readWadeGiles(word: string, limit: number): Reading[] {
  const folded = foldLatin(word.toLowerCase(), WADE_GILES_MARKS);
  if (folded === undefined) return [];
  return readWord(folded, WADE_GILES, { ...WADE_GILES_CUTS, limit });
}

/**
 * Pinyin readings of one Palladius word.
 *
 * @example readPalladius('Цзэдун', 3) // [{ text: 'zedong', rank: 0 }]
 */
export function readPalladius(word: string, limit: number): Reading[] {
  return readWord(word.toLowerCase(), PALLADIUS, { ...PALLADIUS_CUTS, limit });
}

/** Pinyin readings of a Latin word: as Pinyin (rank 0) and as Wade–Giles. */
function readLatinWord(word: string, limit: number): Reading[] {
  const folded = foldLatin(word, PINYIN_MARKS);
  const readings =
    folded === undefined ? [] : readWord(folded, PINYIN, { ...PINYIN_CUTS, maxCuts: 1, limit: 1 });
  for (const reading of readWadeGiles(word, limit)) {
    if (!readings.some((r) => r.text === reading.text)) readings.push(reading);
  }
  return readings;
}

/** Readings kept for each word, more than a form asks for, so a form may cut them its own way. */
const WORD_LIMIT = 8;
const latinWordReadings = memoizeWord((word) => readLatinWord(word, WORD_LIMIT), WORD_MEMORY);
const palladiusWordReadings = memoizeWord((word) => readPalladius(word, WORD_LIMIT), WORD_MEMORY);

let pinyinOf: typeof import('pinyin-pro').pinyin | undefined;

/**
 * pinyin-pro, loaded the first time characters are read: its dictionary takes 13 MB in every
 * thread that loads it, and an archive in Latin and Cyrillic (the 45 FRUS volumes) never needs it.
 */
function pinyin(): typeof import('pinyin-pro').pinyin {
  pinyinOf ??= (createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
  return pinyinOf;
}

/** Pinyin readings of characters: as a personal name (surname readings of its head) and as text. */
function readHan(form: string): Reading[] {
  const han = [...form].filter((char) => scriptOf(char) === 'han').join('');
  const readings: Reading[] = [];
  for (const surname of ['head', 'off'] as const) {
    const syllables = pinyin()(han, { toneType: 'none', type: 'array', v: true, surname });
    if (!syllables.every((s) => /^[a-z]+$/.test(s))) continue;
    const text = syllables.join('');
    const loose = syllables.map((s) => LOOSE.get(s) ?? s).join('');
    if (!readings.some((r) => r.text === text)) readings.push({ text, rank: 0, loose });
  }
  return readings;
}

/**
 * The toneless Pinyin readings (the zh keys) of a name form in characters, Pinyin, Wade–Giles
 * or Palladius Cyrillic, best first, at most `limit`. A Latin or Cyrillic form is read only when
 * every word of it is made of the system's syllables.
 *
 * @example readZh({ words: ['mao', 'tse', 'tung'], script: 'latin', form: 'Mao Tse-tung' }, 4)
 * // [{ text: 'maozedong', rank: 0 }, …]
 */
export function readZh(
  name: { form: string; words: readonly string[]; script: 'latin' | 'cyrillic' | 'han' },
  limit: number,
): Reading[] {
  if (name.script === 'han') return readHan(name.form);
  const read = name.script === 'latin' ? latinWordReadings : palladiusWordReadings;
  const lists: (readonly Reading[])[] = [];
  for (const word of name.words) {
    const readings = read(word);
    if (readings.length === 0) return [];
    lists.push(readings);
  }
  return combineReadings(lists, limit);
}
