import { type KoJamo, loadKoJamo } from './romanization.tables.ts';
import { foldLatin } from './script.text.ts';
import { combineReadings, type Reading, readWord, SyllableTable } from './syllable.lattice.ts';
import { memoizeWord, WORD_MEMORY } from './word.memo.ts';

const JAMO = loadKoJamo();
const INITIALS = JAMO.filter((j) => j.position === 'initial');
const VOWELS = JAMO.filter((j) => j.position === 'vowel');
const FINALS = JAMO.filter((j) => j.position === 'final');
if (INITIALS.length !== 19 || VOWELS.length !== 21 || FINALS.length !== 27) {
  throw new Error('ko-jamo.tsv: expected 19 initials, 21 vowels and 27 finals in Unicode order.');
}

/** Hangul syllables are composed arithmetically (Unicode §3.12): 0xAC00 + (i·21 + v)·28 + f. */
const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/**
 * Revised Romanization of Hangul, syllable by syllable (each syllable's final consonant as RR
 * writes it at a syllable's end), words run together; undefined when the text holds anything
 * but Hangul syllables and spaces. Sound changes across syllables (독립 → Dongnip) are not made.
 *
 * @example romanizeHangul('김일성') // 'gimilseong'
 * @example romanizeHangul('판문점') // 'panmunjeom'
 */
export function romanizeHangul(text: string): string | undefined {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) {
      if (/^[\s\p{P}]$/u.test(char)) continue;
      return undefined;
    }
    const index = code - SYLLABLE_BASE;
    const initial = INITIALS[Math.floor(index / 588)];
    const vowel = VOWELS[Math.floor((index % 588) / 28)];
    const final = index % 28 === 0 ? undefined : FINALS[(index % 28) - 1];
    out += (initial?.rr ?? '') + (vowel?.rr ?? '') + (final?.rr ?? '');
  }
  return out === '' ? undefined : out;
}

/**
 * The loose key of Hangul: each jamo folded as `looseOf` says.
 *
 * @example looseHangul('김일성') // 'kimilson'
 */
export function looseHangul(text: string): string | undefined {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) continue;
    const index = code - SYLLABLE_BASE;
    const initial = INITIALS[Math.floor(index / 588)];
    const vowel = VOWELS[Math.floor((index % 588) / 28)];
    const final = index % 28 === 0 ? undefined : FINALS[(index % 28) - 1];
    for (const jamo of [initial, vowel, final]) if (jamo) out += looseOf(jamo);
  }
  return out === '' ? undefined : out;
}

/** A spelling of one jamo in some system, with the RR it stands for and its loose key. */
interface Spelling {
  surface: string;
  rr: string;
  rank: number;
  loose: string;
}

/**
 * The loose key of a jamo folds what McCune–Reischauer without its marks, and Kontsevich, do not
 * tell apart: ㅓ/ㅗ (o), ㅕ/ㅛ (yo), ㅡ/ㅜ (u), plain, aspirated and tense stops (k t p c), ㄹ (l),
 * and final ㄴ/ㅇ (n).
 */
function looseOf(jamo: KoJamo): string {
  const rr = jamo.rr;
  if (jamo.position === 'vowel') return rr.replace('eo', 'o').replace('eu', 'u');
  if (jamo.position === 'final') return rr === 'ng' ? 'n' : rr;
  const folded: Record<string, string> = { g: 'k', kk: 'k', d: 't', tt: 't', b: 'p', pp: 'p' };
  const affricates: Record<string, string> = { j: 'c', jj: 'c', ch: 'c', ss: 's', r: 'l' };
  return folded[rr] ?? affricates[rr] ?? rr;
}

/**
 * McCune–Reischauer as printed and as the press prints it: without the apostrophe of aspiration
 * (k' → k, so "Kaesong"'s k may be ㅋ) and without breves (ŏ → o, ŭ → u), each dropped mark
 * ranking a reading one lower.
 */
function latinSpellings(jamo: KoJamo): Spelling[] {
  const loose = looseOf(jamo);
  const spellings: Spelling[] = [{ surface: jamo.rr, rr: jamo.rr, rank: 0, loose }];
  for (const form of jamo.mr) {
    spellings.push({ surface: form, rr: jamo.rr, rank: 0, loose });
    const unmarked = form.replace(/'/g, '').replace(/ŏ/g, 'o').replace(/ŭ/g, 'u');
    if (unmarked !== form) spellings.push({ surface: unmarked, rr: jamo.rr, rank: 1, loose });
  }
  return spellings;
}

function cyrillicSpellings(jamo: KoJamo): Spelling[] {
  const loose = looseOf(jamo);
  return [
    ...jamo.kontsevich.map((surface) => ({ surface, rr: jamo.rr, rank: 0, loose })),
    ...jamo.russianOlder.map((surface) => ({ surface, rr: jamo.rr, rank: 1, loose })),
  ];
}

/**
 * Every spelled syllable (initial + vowel + optional final) of a system, with the RR syllables
 * it may stand for: about 6,000 surfaces for each script, built once.
 */
function syllableTable(spell: (jamo: KoJamo) => Spelling[]): SyllableTable {
  const table = new SyllableTable();
  const finals: Spelling[] = [{ surface: '', rr: '', rank: 0, loose: '' }, ...FINALS.flatMap(spell)];
  const vowels = VOWELS.flatMap(spell);
  for (const initial of INITIALS.flatMap(spell)) {
    for (const vowel of vowels) {
      for (const final of finals) {
        table.add(
          initial.surface + vowel.surface + final.surface,
          initial.rr + vowel.rr + final.rr,
          initial.rank + vowel.rank + final.rank,
          initial.loose + vowel.loose + final.loose,
        );
      }
    }
  }
  return table;
}

const LATIN = syllableTable(latinSpellings);
const CYRILLIC = syllableTable(cyrillicSpellings);
// The surname 李 (이, 리 in the North) is romanized Yi "no matter how it is written" (ALA-LC Korean
// Romanization, 2009, personal names, exception 1), and Russian writes it Ли (Ли Сын Ман).
LATIN.add('yi', 'i', 0, 'i');
LATIN.add('yi', 'ri', 1, 'li');
CYRILLIC.add('ли', 'i', 0, 'i');

/**
 * A syllable starting with a vowel after one ending in a vowel ranks one lower: Seoul is seo + ul,
 * but reading "Kaesong" as ka + e + song or "Seong" as se + ong mostly crowds out better readings.
 */
const LATIN_CUTS = {
  skip: "'",
  insideCost: (previous: string, next: string) =>
    'aeiouŏŭ'.includes(previous) && 'aeiouŏŭ'.includes(next) ? 1 : 0,
};
const CYRILLIC_CUTS = {
  skip: 'ъ',
  insideCost: (previous: string, next: string) =>
    'аэяеёоуюыи'.includes(previous) && 'аэоуыи'.includes(next) ? 1 : 0,
};

const MR_MARKS = {
  'o\u0306': 'ŏ',
  'o\u030c': 'ŏ',
  'o\u0308': 'ŏ',
  'u\u0306': 'ŭ',
  'u\u030c': 'ŭ',
  'u\u0308': 'ŭ',
} as const;

/**
 * RR readings of one word in Revised Romanization or McCune–Reischauer (marked or not), best
 * first. An apostrophe after n separates syllables (Han'guk).
 *
 * @example readKoreanLatin('Kaesong', 4).map((r) => r.text) // ['gaesong', 'kaesong', 'gaeseong', 'kaeseong']
 */
export function readKoreanLatin(word: string, limit: number): Reading[] {
  const folded = foldLatin(word.toLowerCase(), MR_MARKS);
  if (folded === undefined) return [];
  return readWord(folded, LATIN, { ...LATIN_CUTS, limit });
}

/**
 * RR readings of one word in Kontsevich's Cyrillic (or the older Soviet spellings), best first.
 *
 * @example readKontsevich('Кэсон', 4).map((r) => r.text) // ['gaeson', 'gaeseon', 'gaesong', …]
 */
export function readKontsevich(word: string, limit: number): Reading[] {
  return readWord(word.toLowerCase(), CYRILLIC, { ...CYRILLIC_CUTS, limit });
}

/** Readings kept for each word, more than a form asks for, so a form may cut them its own way. */
const WORD_LIMIT = 8;
const latinWordReadings = memoizeWord((word) => readKoreanLatin(word, WORD_LIMIT), WORD_MEMORY);
const cyrillicWordReadings = memoizeWord((word) => readKontsevich(word, WORD_LIMIT), WORD_MEMORY);

/**
 * The RR readings (the ko keys) of a Korean name form in Hangul, Latin (RR, MR) or Cyrillic
 * (Kontsevich), best first, at most `limit`. Every word must be made of Korean syllables.
 *
 * @example readKo({ form: 'Kim Il-sŏng', words: ['kim', 'il', 'sŏng'], script: 'latin' }, 4)[0] // { text: 'gimilseong', rank: 0 }
 */
export function readKo(
  name: { form: string; words: readonly string[]; script: 'latin' | 'cyrillic' | 'hangul' },
  limit: number,
): Reading[] {
  if (name.script === 'hangul') {
    const rr = romanizeHangul(name.form);
    return rr === undefined ? [] : [{ text: rr, rank: 0, loose: looseHangul(name.form) ?? rr }];
  }
  const read = name.script === 'latin' ? latinWordReadings : cyrillicWordReadings;
  const lists: (readonly Reading[])[] = [];
  for (const word of name.words) {
    const readings = read(word);
    if (readings.length === 0) return [];
    lists.push(readings);
  }
  return combineReadings(lists, limit);
}
