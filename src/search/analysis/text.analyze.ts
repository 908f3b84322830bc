import { detach } from '../../texts/string.detach.ts';
import type { NameFormCollector } from '../name-forms.collect.ts';
import { type SpanFunction, spanCache } from './span.cache.ts';
import { foldTerm } from './term.fold.ts';
import { forEachSpan } from './text.tokenize.ts';
import { stemmerFor } from './word.stem.ts';

/** An indexed term and the stretch of the original text it came from. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** A word's indexed term, and the word folded and not stemmed (where names are kept as written). */
interface Analyzed {
  term: string;
  /** The same string as `term` where stemming left the word alone, as it leaves most names. */
  folded: string;
}

/** Word as written → its analysis, per language: most words of a text were seen before. */
const analyses = new Map<string, SpanFunction<Analyzed>>();

/**
 * The one analyzer of Chancery, used by every storage backend and by the query parser: words
 * are folded (NFKC, case, ё→е, Latin diacritics), then stemmed in the text's language.
 *
 * @example analyzeText('военнопленных', 'ru').map((t) => t.term) // ['военноплен']
 */
export function analyzeText(text: string, language: string): Token[] {
  const analyze = analysisOf(language);
  const tokens: Token[] = [];
  forEachSpan(text, language, (start, end) =>
    tokens.push({ term: analyze(text, start, end).term, start, end }),
  );
  return tokens;
}

/**
 * The terms only, space-separated: the form stored in the full-text index. `names`, when given,
 * is shown each word as well, to gather the forms the text writes names in on the same reading.
 */
export function analyzeToTerms(text: string, language: string, names?: NameFormCollector): string {
  const analyze = analysisOf(language);
  // Joined once: a string grown by concatenation is a tree of pieces until something flattens it.
  const terms: string[] = [];
  forEachSpan(text, language, (start, end) => {
    const analyzed = analyze(text, start, end);
    terms.push(analyzed.term);
    names?.word(text, start, end, analyzed.folded);
  });
  names?.end();
  return terms.join(' ');
}

function analysisOf(language: string): SpanFunction<Analyzed> {
  let analyze = analyses.get(language);
  if (!analyze) {
    const stem = stemmerFor(language);
    analyze = spanCache((word) => {
      // A copy of its own: folding may hand back the word itself, a slice of the whole text.
      const folded = detach(foldTerm(word));
      const term = stem(folded);
      return { term: term === folded ? folded : term, folded };
    });
    analyses.set(language, analyze);
  }
  return analyze;
}
