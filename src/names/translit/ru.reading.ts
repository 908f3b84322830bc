import anyAscii from 'any-ascii';
import { ALA_LC, BGN_PCGN, type Schema, translate, WIKIPEDIA } from 'iuliia';
import { bestReadings, combineReadings, type Reading } from './syllable.lattice.ts';
import { memoizeWord, WORD_MEMORY } from './word.memo.ts';

/**
 * The systems English-language editions romanize Russian names in are BGN/PCGN (maps, the State
 * Department), ALA-LC (library catalogues, scholarly editions) and the press (Wikipedia's rules:
 * -sky, yo for ё). Under the fold below all three renderings of a word give one key (the tests
 * check it on every word of the seeds), so one rendering is made: BGN/PCGN, whose rules (ye after a
 * vowel, ë) are the closest to the press. The others are exported for the tests.
 */
const SCHEMA: Schema = BGN_PCGN;
/** @example RUSSIAN_SCHEMAS.map((schema) => translate('Хрущёв', schema)) // Khrushchёv, Khrushchёv, Khrushchyov */
export const RUSSIAN_SCHEMAS: readonly Schema[] = [BGN_PCGN, ALA_LC, WIKIPEDIA];

/**
 * Rewrites applied in order; capital letters stand for one Russian sound while the rules run
 * (Q щ, Z ж, X х, C ч, S ш, T ц), so a later rule never reads half of an earlier digraph.
 */
const FOLD_RULES: readonly [RegExp, string][] = [
  // щ: BGN/LC shch, older press shtch, English press sch (Roschin).
  [/shch|shtch|sch/g, 'Q'],
  [/zh/g, 'Z'],
  [/kh/g, 'X'],
  [/tch|ch/g, 'C'],
  [/sh/g, 'S'],
  [/ts|tz/g, 'T'],
  [/x/g, 'ks'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  // An h left over is х written as in German or French (Hrushchev); a c left over is к in the
  // English habit of the press (Victor, Arcady), not the ц of Slavists' transliteration (Kuznecov).
  [/h/g, 'X'],
  [/c/g, 'k'],
  // ы, и, й and the i/y/j of iotation fall together: Vyshinsky, Vyshinskii, Vyshinskiy, Vishinsky;
  // Beria, Beriya, Beriia; Mikoyan, Mikoian.
  [/[yij]+/g, 'i'],
  // е and ё after a vowel or at a word's start: Yezhov/Ezhov, Sergeyev/Sergeev, Kovalyov/Kovalev,
  // Soloviev/Solovyov/Solov'ev.
  [/i[eo]/g, 'e'],
  // ё after ж ч ш щ is written o by the press (Khrushchov, Gorbachov) and e by BGN and LC.
  [/([ZCSQ])o/g, '$1e'],
  // Doubled letters are single in one system and double in another: Filippov, Filipov.
  [/([a-zA-Z])\1+/g, '$1'],
];

const SOUNDS: Readonly<Record<string, string>> = { Q: 'shch', Z: 'zh', X: 'kh', C: 'ch', S: 'sh', T: 'ts' };

/**
 * The one normalization under which the Latin renderings of a Russian name meet, whatever system
 * or press habit made them: diacritics, apostrophes for ь and ъ, and word breaks dropped; then the
 * rules above. Applied alike to what iuliia renders from Cyrillic and to Latin input.
 *
 * @example foldRussianLatin('Khrushchëv') === foldRussianLatin('Khrushchov') // 'khrushchev'
 * @example foldRussianLatin('Vyshinskii') // 'vishinski'
 */
export function foldRussianLatin(latin: string): string {
  let text = latin
    .toLowerCase()
    // BGN/PCGN as iuliia renders it leaves ё in Cyrillic; scientific transliteration writes č š ž.
    .replace(/ё/g, 'e')
    .replace(/č/g, 'ch')
    .replace(/š/g, 'sh')
    .replace(/ž/g, 'zh');
  text = (/^[a-z' -]*$/.test(text) ? text : anyAscii(text).toLowerCase()).replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of FOLD_RULES) text = text.replace(pattern, replacement);
  return text.replace(/[QZXCST]/g, (sound) => SOUNDS[sound] ?? sound);
}

/**
 * Case endings of Russian surnames and first names, most specific first, each with the ending of
 * the nominative. Only the first that matches is used, and only on words of five letters or more,
 * so short names are never cut.
 */
const ENDINGS: readonly [RegExp, string][] = [
  [/(ск|цк)(?:ого|ому|им|ом|ая|ой|ую)$/, '$1ий'],
  [/(ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е)$/, '$1'],
  [/(ов|ев|ёв|ин|ын)(?:ой|ою|ую)$/, '$1а'],
  [/ии$|ию$|ией$/, 'ия'],
  [/е(?:я|ю|ем|е)$/, 'ей'],
  [/а(?:я|ю|ем|е)$/, 'ай'],
  [/(л|н|р)ь?(?:я|ю|ем|е)$/, '$1ь'],
  [/([бвгджзклмнпрстфхцчшщ])(?:а|у|ом|ым|е)$/, '$1'],
];

/**
 * The nominative a declined Russian name may stand for (Хрущева → Хрущев, Молотову → Молотов,
 * Вышинским → Вышинский, Даллесом → Даллес), or undefined when no ending applies. A guess: the
 * caller keeps the form as written beside it.
 *
 * @example nominativeOf('Молотову') // 'Молотов'
 * @example nominativeOf('Громыко') // undefined
 */
export function nominativeOf(word: string): string | undefined {
  return rememberedNominative(word) ?? undefined;
}

const rememberedNominative = memoizeWord((word) => guessNominative(word) ?? null, WORD_MEMORY);

function guessNominative(word: string): string | undefined {
  if ([...word].length < 5) return undefined;
  const lower = word.toLowerCase();
  for (const [ending, nominative] of ENDINGS) {
    if (!ending.test(lower)) continue;
    const stem = lower.replace(ending, nominative);
    return word[0] === lower[0] ? stem : (word[0] ?? '') + stem.slice(1);
  }
  return undefined;
}

/** The folded spellings of one Latin word: as written, and reading sch as ш when it has one. */
function foldLatinWord(word: string): Reading[] {
  const folds: Reading[] = [{ text: foldRussianLatin(word), rank: 0 }];
  if (word.includes('sch')) {
    const german = foldRussianLatin(word.replace(/t?sch/g, (m) => (m === 'tsch' ? 'ch' : 'sh')));
    if (german !== folds[0]?.text) folds.push({ text: german, rank: 1 });
  }
  return folds;
}

/** The folded rendering of one Cyrillic word. */
function foldCyrillicWord(word: string): Reading[] {
  return [{ text: foldCyrillic(word), rank: 0 }];
}

/**
 * Cyrillic as the ru keys fold it: its BGN/PCGN rendering folded.
 *
 * @example foldCyrillic('Зьем') // 'zem'
 */
export function foldCyrillic(text: string): string {
  return foldRussianLatin(translate(text, SCHEMA));
}

const latinWordFolds = memoizeWord(foldLatinWord, WORD_MEMORY);
const cyrillicWordFolds = memoizeWord(foldCyrillicWord, WORD_MEMORY);

/**
 * The ru keys of a name form, word by word run together: for Cyrillic, its rendering folded,
 * then that of its nominative when it is declined (one rank lower); for Latin, the form folded, then folded reading sch as ш (German
 * Wyschinski). Best first.
 *
 * @example readRu({ words: ['хрущёва'], script: 'cyrillic' }, 3).map((r) => r.text) // ['khrushcheva', 'khrushchev']
 */
export function readRu(
  name: { words: readonly string[]; script: 'latin' | 'cyrillic' },
  limit: number,
): Reading[] {
  let readings: Reading[];
  if (name.script === 'latin') {
    readings = combineReadings(name.words.map(latinWordFolds), limit);
  } else {
    readings = combineReadings(name.words.map(cyrillicWordFolds), limit);
    const nominative = name.words.map((word) => nominativeOf(word) ?? word);
    if (nominative.some((word, i) => word !== name.words[i])) {
      for (const reading of combineReadings(nominative.map(cyrillicWordFolds), limit)) {
        readings.push({ text: reading.text, rank: reading.rank + 1 });
      }
    }
  }
  return bestReadings(
    readings.filter((r) => r.text.length >= 2),
    limit,
  );
}
