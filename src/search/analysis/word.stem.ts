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
const caches = new Map<Stemmer, Map<string, string>>();
const CACHE_LIMIT = 200_000;

/**
 * Stems a folded word by the text's language; a word in another script than the text's is
 * stemmed by its script (a Cyrillic word in an English text as Russian, a Latin one in a Russian
 * text as English). Words of scripts without a stemmer (Chinese, Korean) come back unchanged.
 */
export function stemWord(word: string, language: string): string {
  const stemmer = chooseStemmer(word, language.split('-')[0]?.toLowerCase() ?? '');
  if (!stemmer) return word;
  let cache = caches.get(stemmer);
  if (!cache) {
    cache = new Map();
    caches.set(stemmer, cache);
  }
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    // Word frequencies are Zipfian: a bounded cache keeps the common words and memory flat.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

function chooseStemmer(word: string, language: string): Stemmer | undefined {
  const first = word.charCodeAt(0);
  if (first >= 0x0400 && first <= 0x04ff) return language === 'uk' ? ukrainian : russian;
  // Folded Latin words start with a-z (diacritics are gone); Latin-1 letters such as ß or ø stay.
  if ((first >= 0x61 && first <= 0x7a) || (first >= 0xdf && first < 0x0250 && first !== 0xf7)) {
    return LATIN_LANGUAGES.has(language) ? STEMMERS[language] : english;
  }
  return undefined;
}
