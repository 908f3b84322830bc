/**
 * Folds a word to the form it is indexed under before stemming: Unicode NFKC, case folding,
 * ё→е (Russian print omits the diaeresis at will), Latin diacritics removed (Kaesŏng, Kaijō).
 * Diacritics of other scripts are letters in their own right (й is not и) and stay.
 *
 * @example foldTerm('Всё') === 'все'; foldTerm('Kaesŏng') === 'kaesong'
 */
export function foldTerm(word: string): string {
  // Fast path, most words of these archives: ASCII or plain Cyrillic, which NFKC leaves alone
  // and which carry no Latin diacritics. Measured: a third of ingest time went to folding.
  if (isPlainText(word)) return word.toLowerCase().replace(/ё/g, 'е');
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * ASCII, plain Cyrillic, and the typographic dashes and quotes (– — ‘ ’ “ ”): NFKC and case
 * folding leave each of them alone, and none combines with a neighbour. The quotes and dashes
 * are in a quarter of FRUS's paragraphs, which snippets fold whole.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: all of ASCII is plain, its control characters too.
const NOT_PLAIN = /[^\x00-\x7F\u0410-\u044F\u0401\u0451\u2013\u2014\u2018\u2019\u201C\u201D]/;

/**
 * Whether folding `text` only lowers its case and turns ё into е. A regular expression: over
 * paragraphs, a loop over the characters took twice as long (snippets test every block of a hit).
 *
 * @example isPlainText('“Ты—КТО?”') === true; isPlainText('Kaesŏng') === false
 */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}
