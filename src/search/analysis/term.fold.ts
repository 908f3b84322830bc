/**
 * Folds a word to the form it is indexed under before stemming: Unicode NFKC, case folding,
 * ё→е (Russian print omits the diaeresis at will), Latin diacritics removed (Kaesŏng, Kaijō).
 * Diacritics of other scripts are letters in their own right (й is not и) and stay.
 *
 * @example foldTerm('Всё') === 'все'; foldTerm('Kaesŏng') === 'kaesong'
 */
export function foldTerm(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''));
}
