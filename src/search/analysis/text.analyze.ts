import { foldTerm } from './term.fold.ts';
import { tokenizeText } from './text.tokenize.ts';
import { stemWord } from './word.stem.ts';

/** An indexed term and the stretch of the original text it came from. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * The one analyzer of Chancery, used by every storage backend and by the query parser: words
 * are folded (NFKC, case, ё→е, Latin diacritics), then stemmed in the text's language.
 *
 * @example analyzeText('военнопленных', 'ru').map((t) => t.term) // ['военноплен']
 */
export function analyzeText(text: string, language: string): Token[] {
  return tokenizeText(text, language).map(({ word, start, end }) => ({
    term: stemWord(foldTerm(word), language),
    start,
    end,
  }));
}

/** The terms only, space-separated: the form stored in the full-text index. */
export function analyzeToTerms(text: string, language: string): string {
  return tokenizeText(text, language)
    .map(({ word }) => stemWord(foldTerm(word), language))
    .join(' ');
}
