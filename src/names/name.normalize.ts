/**
 * The key two name forms share when they are the same name written with other case, diacritics,
 * punctuation or spacing: "Kim Il-sung" and "KIM IL SUNG", "Кайдзъё" and "КАЙДЗЪЕ", "Kaesŏng"
 * and "Kaesong".
 *
 * @example normalizeName('Mao Tse-tung') === 'mao tse tung'
 */
export function normalizeName(form: string): string {
  return (
    form
      .normalize('NFKC')
      .toLowerCase()
      .replace(/ё/g, 'е')
      // Fold diacritics of Latin letters only: decomposing Cyrillic would turn й into и.
      .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''))
      // Apostrophes of Wade-Giles and McCune-Reischauer (Li K'o-nung) carry no identity.
      .replace(/['’ʼ‘`]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const HONORIFICS =
  /^(?:(?:cde|comrade|comr|com|tov|mr|mrs|ms|dr|gen|general|marshal|colonel|col|товарищ|тов|т|господин|г-н)\.?\s+)+/iu;

/** Strips forms of address ("Cde.", "Comrade", "тов.") that precede a name. */
export function stripHonorifics(form: string): string {
  return form.replace(HONORIFICS, '').trim();
}
