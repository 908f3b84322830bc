import anyAscii from 'any-ascii';
import { combineReadings, type Reading } from './syllable.lattice.ts';
import { memoizeWord, WORD_MEMORY } from './word.memo.ts';

/**
 * The consonant classes of the skeleton, one letter each: b p v f d t k m n as themselves; g for
 * г, х and h (Russian wrote English h as г — Гарриман — then as х — Хэмфри); s for с and з (English
 * s between vowels is з: Рузвельт); r for р and л (a Korean ㄹ is r or l; Ким Ир Сен); z ж; x ш;
 * c ч; j дж. V marks a vowel while the rules run and is dropped at the end.
 */
type Sound = string;

/** What one position of a word may sound as: the first alternative is the usual one. */
type Choice = readonly Sound[];

const VOWEL = 'V';
const ASCII_WORD = /^[a-z']*$/;
const isVowelLetter = (char: string | undefined): boolean => char !== undefined && /^[aeiouy]$/.test(char);

/**
 * Reads a Latin word with English spelling rules (the Russian forms of English names were made
 * from how the names sound): c is s before e, i, y and k elsewhere; ch is ч; x is ks; ph f; th t;
 * ck k; gh is silent inside a word; a final e after a consonant may be silent; h sounds at a
 * word's start and before a vowel, and is silent after one; w before a vowel is в or nothing
 * (Вильсон, Уолтер), and nothing after one; g before e, i, y is г or дж; j is дж; ng before a
 * consonant or at the end is one н (Вашингтон keeps its г in spelling, but so does the Latin, and
 * both drop it alike).
 *
 * An English-language edition writes the names of other languages in their own Latin spellings,
 * which Russian transcribes by those languages' rules (Гиляревский & Старостин, the German,
 * Polish, Italian, Swedish and French tables): where such a spelling differs from English, it is
 * a second reading: st and sp also шт, шп (Hallstein, Хальштейн); Polish c ц, ch х, cz ч, sz ш,
 * rz ж, ck цк and w в between vowels (Rapacki, Рапацкий; Ochab, Охаб; Cyrankiewicz, Циранкевич),
 * and a final c of -ic ч (Popovic, Попович); tsh ч (Tshombe, Чомбе); Swedish skj and sj ш
 * (Hammarskjöld, Хаммаршёльд); gn нь (Segni, Сеньи); j й (Jaruzelski, Ярузельский); h between
 * vowels silent (Sihanouk, Сианук).
 */
function soundsOfLatin(word: string): Choice[] {
  const out: Choice[] = [];
  const at = (i: number): string => word[i] ?? '';
  for (let i = 0; i < word.length; i++) {
    const c = at(i);
    const next = at(i + 1);
    const rest = word.slice(i, i + 4);
    if (c === 'e' && i === word.length - 1 && i >= 2 && !isVowelLetter(at(i - 1))) {
      // A final e after a consonant is often silent in English and French: Gaulle is Голль.
      out.push([VOWEL, '']);
    } else if (isVowelLetter(c)) {
      out.push([VOWEL]);
    } else if (rest.startsWith('tsch') || rest.startsWith('tch')) {
      out.push(['c']);
      i += rest.startsWith('tsch') ? 3 : 2;
    } else if (rest.startsWith('sch')) {
      out.push(['x']);
      i += 2;
    } else if (rest.startsWith('tsh')) {
      out.push(['c']);
      i += 2;
    } else if (rest.startsWith('skj') || rest.startsWith('sj')) {
      out.push([rest.startsWith('skj') ? 'skj' : 'sj', 'x']);
      i += rest.startsWith('skj') ? 2 : 1;
    } else if (c === 'c' && next === 'z') {
      out.push(['c']);
      i++;
    } else if (c === 's' && next === 'z') {
      out.push(['x']);
      i++;
    } else if (c === 'r' && next === 'z') {
      out.push(['rs', 'z']);
      i++;
    } else if (rest.startsWith('dzh')) {
      out.push(['j']);
      i += 2;
    } else if (c === 'c' && next === 'h') {
      out.push(at(i + 2) === 'r' || at(i + 2) === 'l' ? ['k'] : ['c', 'g']);
      i++;
    } else if ((c === 's' || c === 'z' || c === 'k' || c === 't' || c === 'p' || c === 'd') && next === 'h') {
      out.push([{ s: 'x', z: 'z', k: 'g', t: 't', p: 'f', d: 'd' }[c]]);
      i++;
    } else if (c === 'g' && next === 'h') {
      if (i === 0) out.push(['g']);
      i++;
    } else if (c === 'c' && next === 'k') {
      out.push(['k', 'tsk']);
      i++;
    } else if (c === 'd' && (next === 'j' || (next === 'g' && !'aou'.includes(at(i + 2) || '-')))) {
      // English dg is дж before e, i, y and before a consonant (Lodge, Ridgway); not in Edgar.
      out.push(['j']);
      i++;
    } else if (c === 'n' && next === 'g' && !isVowelLetter(at(i + 2))) {
      out.push(['n']);
      i++;
    } else if (i === 0 && ((c === 'k' && next === 'n') || (c === 'w' && next === 'r'))) {
      // Silent k and w: Knowland, Wright.
    } else if (c === 'c') {
      out.push(
        'eiy'.includes(next || '-') ? ['s', 'ts'] : next === '' && at(i - 1) === 'i' ? ['k', 'c'] : ['k'],
      );
    } else if (c === 'x') {
      out.push(['k'], ['s']);
    } else if (c === 'q') {
      out.push(['k']);
    } else if (c === 'g') {
      out.push('eiy'.includes(next || '-') ? ['g', 'j'] : next === 'n' && i > 0 ? ['g', ''] : ['g']);
    } else if (c === 'j') {
      out.push(['j', '']);
    } else if (c === 'h') {
      const sounds = i === 0 || isVowelLetter(next);
      if (sounds) out.push(i > 0 && isVowelLetter(at(i - 1)) ? ['g', ''] : ['g']);
    } else if (c === 'w') {
      // Between vowels English w is silent (Lowell) and Polish w is в (Cyrankiewicz, Циранкевич).
      if (isVowelLetter(next)) out.push(isVowelLetter(at(i - 1)) ? ['', 'v'] : ['v', '']);
    } else if (c === 'z') {
      out.push(['s']);
    } else if (c === 'l') {
      out.push(['r']);
    } else if (c === 's' && (next === 't' || next === 'p') && (i === 0 || !isVowelLetter(at(i - 1)))) {
      out.push(['s', 'x']);
    } else {
      out.push([c]);
    }
  }
  return out;
}

const CYRILLIC_SOUNDS: Readonly<Record<string, Sound>> = {
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ж: 'z',
  з: 's',
  к: 'k',
  л: 'r',
  м: 'm',
  н: 'n',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ф: 'f',
  х: 'g',
  ч: 'c',
  ш: 'x',
};

/**
 * Reads a Cyrillic word with Russian letter values: vowels and й are vowels, ь ъ nothing, ц is
 * т + с, щ ш + ч, дж one дж; нг before a consonant or at the end is one н, as in the Latin; х after
 * к п т ч is the aspiration of Korean (Пханмунджом) and Chinese transcription, not a sound.
 */
function soundsOfCyrillic(word: string): Choice[] {
  const out: Choice[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word[i] ?? '';
    const next = word[i + 1] ?? '';
    if ('аеёиоуыэюяй'.includes(c)) out.push([VOWEL]);
    else if (c === 'ц') out.push(['t'], ['s']);
    else if (c === 'щ') out.push(['x'], ['c']);
    else if (c === 'д' && next === 'ж') {
      out.push(['j']);
      i++;
    } else if (c === 'н' && next === 'г' && !'аеёиоуыэюя'.includes(word[i + 2] ?? 'ъ')) {
      out.push(['n']);
      i++;
    } else if ('кптч'.includes(c) && next === 'х') {
      out.push([CYRILLIC_SOUNDS[c] ?? '']);
      i++;
    } else {
      const sound = CYRILLIC_SOUNDS[c];
      if (sound) out.push([sound]);
    }
  }
  return out;
}

/** Consonant skeletons shorter than this tell too few names apart to be a key alone. */
const MIN_CONSONANTS = 3;
/**
 * A name of two consonants (Nehru and Неру, Tito and Тито) is keyed by its consonants
 * and where its vowels fall ('nVrV'), which tells apart what the two consonants alone do not
 * (Nair, Noor and Nur are 'nVr'). Fewer than two tell nothing apart (Мао, Ito).
 */
const MIN_MARKED_CONSONANTS = 2;
/** At most this many positions of a word are read both ways. */
const MAX_AMBIGUOUS = 4;

const bitCount = (mask: number): number => {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
};

/**
 * The skeletons of one word: doubled letters once, each run of vowels one V (dropped or kept by
 * `readPh`); several when a position is read two ways, best first (fewest second readings,
 * earliest positions first).
 */
function wordSkeletons(choices: readonly Choice[]): Reading[] {
  const ambiguous = choices.flatMap((choice, i) => (choice.length > 1 ? [i] : [])).slice(0, MAX_AMBIGUOUS);
  const masks = [...Array(1 << ambiguous.length).keys()].sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  const skeletons: Reading[] = [];
  for (const mask of masks) {
    const sounds = choices.map((choice) => choice[0] ?? '');
    for (const [bit, index] of ambiguous.entries()) {
      if (mask & (1 << bit)) sounds[index] = choices[index]?.[1] ?? '';
    }
    const text = sounds.join('').replace(/(.)\1+/g, '$1');
    if (!skeletons.some((r) => r.text === text)) skeletons.push({ text, rank: bitCount(mask) });
  }
  return skeletons;
}

const latinSkeletons = memoizeWord(
  (word) =>
    wordSkeletons(
      soundsOfLatin((ASCII_WORD.test(word) ? word : anyAscii(word).toLowerCase()).replace(/[^a-z]/g, '')),
    ),
  WORD_MEMORY,
);
const cyrillicSkeletons = memoizeWord(
  (word) => wordSkeletons(soundsOfCyrillic(word.toLowerCase())),
  WORD_MEMORY,
);

/**
 * The loose phonetic skeletons (the ph keys) of a Latin or Cyrillic name form: its consonants by
 * class, doubled letters once, vowels dropped, so that Eisenhower and Эйзенхауэр (sngr), Dulles
 * and Даллес (drs), Harriman and Гарриман (grmn) meet. Several when a spelling may be read two
 * ways (Kissinger: g or дж), best first, at most `limit`. A skeleton of two consonants keeps its
 * vowels' places (Nehru and Неру: nVrV); one of fewer gives none.
 *
 * @example readPh({ words: ['kissinger'], script: 'latin' }, 2).map((r) => r.text) // ['ksngr', 'ksnjr']
 */
export function readPh(
  name: { words: readonly string[]; script: 'latin' | 'cyrillic' },
  limit: number,
): Reading[] {
  if (limit <= 0) return [];
  // Word by word, so the last letter of one word and the first of the next never pass for a
  // doubled letter.
  const lists = name.words.map(name.script === 'latin' ? latinSkeletons : cyrillicSkeletons);
  const keys: Reading[] = [];
  for (const { text: marked, rank } of combineReadings(lists, limit + MAX_AMBIGUOUS)) {
    const consonants = marked.replace(/V/g, '');
    const text =
      consonants.length >= MIN_CONSONANTS
        ? consonants
        : consonants.length >= MIN_MARKED_CONSONANTS
          ? marked
          : '';
    if (text && !keys.some((k) => k.text === text)) keys.push({ text, rank });
  }
  return keys.slice(0, limit);
}
