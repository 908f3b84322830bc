import type { NameFormCollector } from '../name-forms.collect.ts';
import { boundedCache } from './bounded.cache.ts';
import { foldTerm } from './term.fold.ts';
import { forEachWord } from './text.tokenize.ts';
import { stemmerFor } from './word.stem.ts';

/** An indexed term and the stretch of the original text it came from. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Word as written → indexed term, per language: most words of a text were seen before. */
const termCaches = new Map<string, (word: string) => string>();

/**
 * The one analyzer of Chancery, used by every storage backend and by the query parser: words
 * are folded (NFKC, case, ё→е, Latin diacritics), then stemmed in the text's language.
 *
 * @example analyzeText('военнопленных', 'ru').map((t) => t.term) // ['военноплен']
 */
export function analyzeText(text: string, language: string): Token[] {
  const term = termOf(language);
  const tokens: Token[] = [];
  forEachWord(text, language, (word, start, end) => tokens.push({ term: term(word), start, end }));
  return tokens;
}

/**
 * The terms only, space-separated: the form stored in the full-text index. `names`, when given,
 * is shown each word as well, to gather the forms the text writes names in on the same reading.
 */
export function analyzeToTerms(text: string, language: string, names?: NameFormCollector): string {
  const term = termOf(language);
  // Joined once: a string grown by concatenation is a tree of pieces until something flattens it.
  const terms: string[] = [];
  forEachWord(text, language, (word, start, end) => {
    const analyzed = term(word);
    terms.push(analyzed);
    names?.word(text, start, end, analyzed);
  });
  names?.end();
  return terms.join(' ');
}

function termOf(language: string): (word: string) => string {
  let term = termCaches.get(language);
  if (!term) {
    const stem = stemmerFor(language);
    term = boundedCache((word) => stem(foldTerm(word)));
    termCaches.set(language, term);
  }
  return term;
}
