/** The script a name form is written in, as far as the keys care. */
export type NameScript = 'latin' | 'cyrillic' | 'han' | 'hangul';

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const LETTER = /\p{L}/u;

/**
 * The one script of a form's letters, or undefined when it has none of the four, or letters of
 * more than one (a form in two scripts is no single rendering of a name).
 *
 * @example scriptOf('Kim Il-sŏng') // 'latin'
 * @example scriptOf('Mao 泽东') // undefined
 */
export function scriptOf(form: string): NameScript | undefined {
  let found: NameScript | undefined;
  for (const char of form) {
    if (char.charCodeAt(0) < 0x80) {
      if ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')) {
        if (found && found !== 'latin') return undefined;
        found = 'latin';
      }
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    let script: NameScript | undefined;
    // The common blocks by range first; the Unicode property tests cost more and cover the rest.
    if (code >= 0x0400 && code <= 0x04ff) script = 'cyrillic';
    else if (
      (code >= 0x00c0 && code <= 0x024f && code !== 0x00d7 && code !== 0x00f7) ||
      (code >= 0x1e00 && code <= 0x1eff)
    )
      script = 'latin';
    else if (code >= 0xac00 && code <= 0xd7a3) script = 'hangul';
    else if (code >= 0x4e00 && code <= 0x9fff) script = 'han';
    else if (CYRILLIC.test(char)) script = 'cyrillic';
    else if (LATIN.test(char)) script = 'latin';
    else if (HAN.test(char)) script = 'han';
    else if (HANGUL.test(char)) script = 'hangul';
    else if (LETTER.test(char)) return undefined;
    if (!script) continue;
    if (found && found !== script) return undefined;
    found = script;
  }
  return found;
}

const APOSTROPHES = /[’‘ʼʻ`´′ʹ]/g;
const WORD_BREAK = /[^\p{L}\p{M}']+/u;

/**
 * The words of a form in lower case, apostrophes kept inside words (they carry aspiration in
 * Wade–Giles and McCune–Reischauer) and unified to "'", digits dropped (tone numbers).
 *
 * @example nameWords("Liu Shao-ch’i") // ['liu', 'shao', "ch'i"]
 */
export function nameWords(form: string): string[] {
  return form
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .split(WORD_BREAK)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
}

const isMark = (char: string | undefined): boolean =>
  char !== undefined && char >= '\u0300' && char <= '\u036f';

/**
 * Latin letters with their diacritics removed, except the letter+mark pairs in `keep` (written
 * as the composed letter): "ŏ" stays for McCune–Reischauer, "ê" for Wade–Giles. Anything left
 * that is not a–z or an apostrophe makes the word unreadable (undefined).
 *
 * @example foldLatin('kaesŏng', { 'o\u0306': 'ŏ' }) // 'kaesŏng'
 * @example foldLatin('zhōu', {}) // 'zhou'
 */
export function foldLatin(word: string, keep: Readonly<Record<string, string>>): string | undefined {
  if (/^[a-z']*$/.test(word)) return word;
  const decomposed = word.normalize('NFD');
  let out = '';
  for (let i = 0; i < decomposed.length; i++) {
    const char = decomposed[i] ?? '';
    if ((char >= 'a' && char <= 'z') || char === "'") {
      // A letter may carry several marks (ǖ: umlaut and tone); any of them may be the kept one.
      let kept: string | undefined;
      while (isMark(decomposed[i + 1])) {
        kept ??= keep[char + decomposed[i + 1]];
        i++;
      }
      out += kept ?? char;
    } else if (char >= '\u0300' && char <= '\u036f') {
      // A stray mark with no letter before it carries nothing.
    } else {
      return undefined;
    }
  }
  return out;
}
