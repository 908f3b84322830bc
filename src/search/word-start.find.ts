import { foldTerm, isPlainText } from './analysis/term.fold.ts';

/** Letters of the scripts that separate words by spaces, and digits. */
const WORD_CLASS = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Hangul}\\p{Nd}';
const WORD_CHAR = new RegExp(`[${WORD_CLASS}]`, 'u');

/** Patterns kept of the terms queries asked for; past the limit the memory starts afresh. */
const PATTERN_LIMIT = 2000;
const patterns = new Map<string, RegExp | null>();

/**
 * A test of whether a word of `text` starts with a folded term, as the index matches it:
 * "shchev" starts no word of "Khrushchev"; in scripts written without spaces (Chinese, Japanese)
 * any position starts a word. Made once per text and asked for each term of a query.
 *
 * Plain text (most of these archives) is searched as it is written, case aside, rather than
 * folded first: a search's snippets spent a third of their time folding every block of its hits
 * (bench/search). Any other text is folded once.
 *
 * @example wordStartsIn('Khrushchev met Bulganin.')('bulganin') // true
 */
export function wordStartsIn(text: string): (term: string) => boolean {
  if (isPlainText(text)) return (term) => patternOf(term)?.test(text) ?? false;
  const folded = foldTerm(text);
  return (term) => startsWordInFolded(folded, term);
}

function startsWordInFolded(folded: string, term: string): boolean {
  if (term === '') return false;
  const spaced = WORD_CHAR.test(term[0] as string);
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
    if (!spaced || at === 0 || !WORD_CHAR.test(folded[at - 1] as string)) return true;
  }
  return false;
}

/**
 * A folded term as a pattern over plain text as written: case-insensitive, its е matching ё
 * too (what folding plain text does), at the start of a word if its script spaces words.
 */
function patternOf(term: string): RegExp | null {
  let pattern = patterns.get(term);
  if (pattern === undefined) {
    const body = [...term].map((ch) => (ch === 'е' ? '[её]' : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')));
    const spaced = WORD_CHAR.test(term[0] ?? '');
    pattern =
      term === '' ? null : new RegExp(`${spaced ? `(?<![${WORD_CLASS}])` : ''}${body.join('')}`, 'iu');
    if (patterns.size >= PATTERN_LIMIT) patterns.clear();
    patterns.set(term, pattern);
  }
  return pattern;
}
