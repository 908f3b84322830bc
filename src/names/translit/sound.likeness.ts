import anyAscii from 'any-ascii';
import { latinReadingCost } from './latin.reading.ts';
import { scriptOf } from './script.text.ts';

/** How alike a spelling found by sound must be to the one looked for (0 to 1, see `soundOf`). */
export const SOUND_LIKENESS = 0.7;

/**
 * A spelling reduced to what the Russian rendering of an English name keeps: consonants by
 * class, every vowel (and w, y, h between them) one mark: "Eisenhower" and "Эйзенхауэр" both
 * "asanhar", "Dulles" and "Даллес" both "dalas".
 *
 * @example soundOf('Даллес') === soundOf('Dulles') // true
 */
export function soundOf(text: string): string {
  return (
    anyAscii(text)
      .toLowerCase()
      // A final e after a consonant is silent in English and French: "Gaulle" sounds "Голль".
      .replace(/(?<=[b-df-hj-np-tv-z])e\b/g, '')
      .replace(/[^a-z]/g, '')
      .replace(/kh/g, 'h')
      .replace(/shch|sch|sh|zh|ch|tch/g, 's')
      .replace(/ph/g, 'f')
      .replace(/ts|tz|z|c(?=[eiy])/g, 's')
      .replace(/c|q/g, 'k')
      .replace(/x/g, 'ks')
      .replace(/(?<=[aeiouyw])h(?=[aeiouyw]|$)/g, '')
      .replace(/[aeiouyw]+/g, 'a')
      .replace(/([b-df-hj-np-tv-z])\1+/g, '$1')
  );
}

/**
 * How alike two forms sound, 0 to 1. A Cyrillic form and a Latin one of plain letters a to z are
 * as alike as the Russian transcription of the Latin spelling makes them (latin.reading.ts):
 * 1 less a hundredth for each reading less usual than the most usual ("Vance" is Вэнс at 0.99,
 * "Evans" at 0.97, a silent e and an э), and 0 when no reading writes the Cyrillic, however
 * alike their skeletons ("Аллен" and "Iran", "Хьюз" and "House"). Other forms by `soundOf`.
 *
 * @example soundLikeness('Хьюз', 'Hughes') // 1
 * @example soundLikeness('Хьюз', 'House') // 0
 */
export function soundLikeness(a: string, b: string): number {
  const scripts = [scriptOf(a), scriptOf(b)];
  const latin = scripts[0] === 'latin' ? a : b;
  const cyrillic = scripts[0] === 'latin' ? b : a;
  if (scripts.includes('latin') && scripts.includes('cyrillic')) {
    const cost = latinReadingCost(latin, cyrillic);
    if (cost === undefined) return 0;
    if (cost !== null) return Math.max(SOUND_LIKENESS, 1 - cost / 100);
  }
  return likeness(soundOf(a), soundOf(b));
}

/**
 * How alike two spellings are in their Latin letters, nothing reduced: what tells apart names
 * that sound alike ("Kissindzher" is nearer "Kissinger" than "Kiesinger").
 *
 * @example spelledLikeness('Киссинджер', 'Kissinger') > spelledLikeness('Киссинджер', 'Kiesinger') // true
 */
export function spelledLikeness(a: string, b: string): number {
  const letters = (text: string) =>
    anyAscii(text)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return likeness(letters(a), letters(b));
}

/** 1 less the edit distance over the longer length: 1 for the same letters, 0 for nothing alike. */
export function likeness(a: string, b: string): number {
  if (!a || !b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return 1 - (previous[b.length] as number) / Math.max(a.length, b.length);
}
