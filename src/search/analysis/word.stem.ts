import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

type Stemmer = (word: string) => string;

/** Snowball stemmers by primary language subtag (the same algorithms PostgreSQL's dictionaries use). */
const STEMMERS: Record<string, Stemmer> = {
  en: english,
  ru: russian,
  de: german,
  fr: french,
  es: spanish,
  uk: ukrainian,
};
const LATIN_LANGUAGES = new Set(['en', 'de', 'fr', 'es']);
const byLanguage = new Map<string, (word: string) => string>();

/**
 * Stems a folded word by the text's language; a word in another script than the text's is
 * stemmed by its script (a Cyrillic word in an English text as Russian, a Latin one in a Russian
 * text as English). Words of scripts without a stemmer (Chinese, Korean) come back unchanged.
 *
 * @example stemWord('военнопленных', 'ru') === 'военноплен'
 */
export function stemWord(word: string, language: string): string {
  return stemmerFor(language)(word);
}

/**
 * `stemWord` with the language decided once, for the many words of one text. Not cached here:
 * the analyzer caches each word's term (src/search/analysis/text.analyze.ts).
 */
export function stemmerFor(language: string): (word: string) => string {
  let stem = byLanguage.get(language);
  if (!stem) {
    const primary = language.split('-')[0]?.toLowerCase() ?? '';
    const cyrillic = primary === 'uk' ? ukrainian : russian;
    const latin = LATIN_LANGUAGES.has(primary) ? (STEMMERS[primary] as Stemmer) : english;
    stem = (word) => {
      const first = word.charCodeAt(0);
      if (first >= 0x0400 && first <= 0x04ff) return cyrillic(word);
      // Folded Latin words start with a-z (diacritics are gone); Latin-1 letters such as ß or ø stay.
      if ((first >= 0x61 && first <= 0x7a) || (first >= 0xdf && first < 0x0250 && first !== 0xf7)) {
        return latin(word);
      }
      return word;
    };
    byLanguage.set(language, stem);
  }
  return stem;
}
