import { normalizeName } from './name.normalize.ts';
import { likeness } from './translit/sound.likeness.ts';

/** How alike a written word must be to a word of the name to be that word misspelt ("Byroade", "Byrode"). */
const MISSPELT = 0.75;
/** A nickname or abbreviation begins a word of the name with at least this many letters ("Mel", "McN"). */
const SHORTENED = 3;

/**
 * Whether a written form can name the person a link gives it (by any of their name forms, titles
 * included: "the Admiral"): it shares a word with the name,
 * or writes one a letter or two apart ("Byroade" for Byrode, "Kasa-Vubu" for Kasavubu), begins
 * one ("Mel" for Melvin, "McG. B." for McGeorge Bundy), or is made of the name's initials ("LBJ").
 * An edition's links can be wrong ("Saud" linked to John S. D. Eisenhower, "Robertson" to Robert
 * Cutler); a form that fits none of these is not that person's.
 *
 * @example writtenFitsName('Saud', ['Eisenhower, Maj. John S.D.']) // false
 * @example writtenFitsName('LBJ', ['Lyndon B. Johnson']) // true
 */
export function writtenFitsName(written: string, forms: readonly string[]): boolean {
  const { words: nameWords, set } = wordsOf(forms);
  const writtenWords = normalizeName(written.replace(/[[\]]/g, '')).split(' ').filter(Boolean);
  if (nameWords.length === 0 || writtenWords.length === 0) return true;
  // Nearly every link shares a word with its name: that is settled without measuring spellings.
  if (writtenWords.some((word) => set.has(word))) return true;
  const joined = writtenWords.join('');
  const fits = (word: string) =>
    nameWords.some(
      (n) =>
        likeness(word, n) >= MISSPELT ||
        (word.length >= SHORTENED && word.length < n.length && n.startsWith(word)),
    );
  if (writtenWords.some(fits) || fits(joined) || likeness(joined, nameWords.join('')) >= MISSPELT)
    return true;
  return isInitials(written, nameWords);
}

/** The words of a person's forms, normalized: a volume checks the links of one entry many times. */
const wordsMemory = new WeakMap<readonly string[], { words: string[]; set: Set<string> }>();

function wordsOf(forms: readonly string[]): { words: string[]; set: Set<string> } {
  let known = wordsMemory.get(forms);
  if (!known) {
    const set = new Set(forms.flatMap((form) => normalizeName(form).split(' ')).filter(Boolean));
    known = { words: [...set], set };
    wordsMemory.set(forms, known);
  }
  return known;
}

/** "LBJ", "RR", "McG. B.", "K": each letter or piece begins a word of the name, in order. */
function isInitials(written: string, nameWords: readonly string[]): boolean {
  const pieces = written
    .replace(/[[\].]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((piece) => (/^\p{Lu}+$/u.test(piece) && piece.length <= 4 ? [...piece] : [piece]))
    .map((piece) => normalizeName(piece));
  if (pieces.length === 0) return false;
  let at = 0;
  for (const piece of pieces) {
    while (at < nameWords.length && !(nameWords[at] as string).startsWith(piece)) at++;
    if (at === nameWords.length) return false;
    at++;
  }
  return true;
}
