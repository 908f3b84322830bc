import { readKo } from './ko.reading.ts';
import { readPh } from './ph.reading.ts';
import { nominativeOf, readRu } from './ru.reading.ts';
import { nameWords, scriptOf } from './script.text.ts';
import { bestReadings, type Reading } from './syllable.lattice.ts';
import { readViKeys } from './vi.reading.ts';
import { dictionaryHanOfHan, dictionaryHanOfLatin } from './zh.names.ts';
import { readZh } from './zh.reading.ts';

/** A key under which forms of one name meet. */
export interface NameKey {
  family: 'zh' | 'ko' | 'ru' | 'ph' | 'cc' | 'vi';
  key: string;
}

/** Longer forms are no name: they get no keys, at once. */
const MAX_FORM = 100;
/** zh and ko keys together: the readings of an unmarked romanization, best first. */
const PRECISE_LIMIT = 8;
const RU_LIMIT = 2;
/** Vietnamese readings of a Latin form: the unmarked d, u and a each read two ways. */
const VI_LIMIT = 4;
/** Loose Chinese and Korean keys, and consonant skeletons, together. */
const PH_LIMIT = 4;
const LOOSE_LIMIT = 2;
const TOTAL_LIMIT = 12;
/** Recent forms kept with their keys by `nameKeys`; the oldest goes first when it is full. */
const CACHE_SIZE = 5_000;

/**
 * The keys the romanization systems give a form (`nameKeys` without the dictionary's), with a
 * cache of its own, of `cacheSize` recent forms (0 for none): for tests and benchmarks that need
 * to see the work done, and for callers that want a cache of another size.
 *
 * @example const keysOf = createNameKeys({ cacheSize: 0 }); keysOf('Gromyko')
 */
export function createNameKeys(options: { cacheSize: number }): (form: string) => NameKey[] {
  const cache = new Map<string, readonly NameKey[]>();
  return (form) => {
    if (typeof form !== 'string' || form.length > MAX_FORM) return [];
    let keys = cache.get(form);
    if (!keys) {
      keys = computeKeys(form);
      if (options.cacheSize > 0) {
        if (cache.size >= options.cacheSize) cache.delete(cache.keys().next().value as string);
        cache.set(form, keys);
      }
    }
    // Copies: the cached keys stay as they were whatever a caller does with what it gets.
    return keys.map(({ family, key }) => ({ family, key }));
  };
}

const cachedNameKeys = createNameKeys({ cacheSize: CACHE_SIZE });

/**
 * Every key of a name form (one word or several: "Mao Tse-tung", "Чжоу Эньлай", "김일성",
 * "Khrushchev"). Two forms are the same name in another romanization or script when they share a
 * key of family zh, ko or ru (precise: system tables). Family 'ph' is a loose phonetic skeleton
 * for a form written in one script and its rendering in another (the Russian forms of English
 * names, irregular press spellings); callers use 'ph' only between forms in DIFFERENT scripts.
 *
 * zh keys are toneless Pinyin run together (ü as v: 'maozedong'), ko keys Revised Romanization
 * syllable by syllable ('gimilseong'), ru keys one folded Latin spelling ('khrushchev'). ph keys
 * are consonant classes of Latin and Cyrillic forms ('sngr' for Eisenhower and Эйзенхауэр; with the
 * places of the vowels when there are two consonants only, 'nVrV' for Nehru and Неру), and
 * the loose keys of Chinese and Korean forms ('zh~changchun', 'ko~kimilson': Wade–Giles or
 * McCune–Reischauer without marks), which let an unmarked press spelling meet its characters or
 * Hangul when its precise readings are too many to list. At most 12 keys from the systems, best
 * first within each family; none for a form over 100 characters, in two scripts, or with no
 * letters. Never throws. Keeps the keys of the 5,000 most recent forms.
 *
 * Among the systems' keys, family 'vi' on Latin forms: the form read as Vietnamese in Russian's
 * transcription, folded as the ru keys fold Cyrillic ('ngodinzem' for "Ngo Dinh Diem"). It meets
 * the ru key of a Cyrillic form, and callers look it up across scripts only
 * (`vietnameseCounterparts`).
 *
 * Before them, family 'cc': the Chinese characters a dictionary gives a Latin name for where no
 * system derives the usual spelling, and those characters themselves (zh.names.ts): "Chiang
 * Kai-shek" and 蒋介石 both have 'cc:蒋介石', though the Wade–Giles of 蒋介石 is Chiang Chieh-shih.
 * Callers use 'cc' only between forms in DIFFERENT scripts: two Latin names of the same
 * characters are not one name (東京 is Tokyo and, in the French colonial period, Tonkin).
 *
 * @example nameKeys('Mao Tse-tung').some((k) => k.family === 'zh' && k.key === 'maozedong') // true
 * @example nameKeys('Эйзенхауэр') // […, { family: 'ph', key: 'sngr' }]
 */
export function nameKeys(form: string): NameKey[] {
  const system = cachedNameKeys(form);
  const dictionary = dictionaryKeys(form);
  if (dictionary.length === 0) return system;
  return [...dictionary, ...system];
}

function dictionaryKeys(form: string): NameKey[] {
  if (typeof form !== 'string' || form.length > MAX_FORM) return [];
  const script = scriptOf(form);
  const han =
    script === 'han' ? dictionaryHanOfHan(form) : script === 'latin' ? dictionaryHanOfLatin(form) : [];
  return han.map((key) => ({ family: 'cc', key }));
}

const CONTROL = /\p{Cc}+/gu;
const FORMAT = /\p{Cf}+/gu;

function computeKeys(form: string): readonly NameKey[] {
  // Control characters separate; format characters (soft hyphen, zero-width joiner) join.
  const text = form.replace(CONTROL, ' ').replace(FORMAT, '').normalize('NFC');
  const script = scriptOf(text);
  if (!script) return [];
  if (script === 'han') {
    const zh = readZh({ form: text, words: [], script }, PRECISE_LIMIT);
    return freeze([...tag('zh', zh), ...tag('ph', looseKeys('zh~', zh))]);
  }
  if (script === 'hangul') {
    const ko = readKo({ form: text, words: [], script }, PRECISE_LIMIT);
    return freeze([...tag('ko', ko), ...tag('ph', looseKeys('ko~', ko))]);
  }
  const words = nameWords(text);
  if (words.length === 0) return [];
  const name = { form: text, words, script };
  const zh = readZh(name, PRECISE_LIMIT);
  const ko = readKo(name, PRECISE_LIMIT);
  const ru = tag('ru', readRu(name, RU_LIMIT));
  const skeletons = readPh(name, PH_LIMIT);
  if (script === 'cyrillic') {
    // A declined Russian form of a foreign name (Даллесом) also sounds as its nominative.
    const nominative = words.map((word) => nominativeOf(word) ?? word);
    if (nominative.some((word, i) => word !== words[i]))
      skeletons.push(...readPh({ words: nominative, script }, PH_LIMIT));
  }
  const ph = [...looseKeys('zh~', zh), ...looseKeys('ko~', ko), ...bestReadings(skeletons, PH_LIMIT)].slice(
    0,
    PH_LIMIT,
  );
  const precise = [...tag('zh', zh), ...tag('ko', ko)]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.min(PRECISE_LIMIT, TOTAL_LIMIT - ru.length - ph.length));
  // A Latin form's Russian transcription as Vietnamese (vi.reading.ts) takes the room the other
  // systems leave.
  const room = Math.min(VI_LIMIT, TOTAL_LIMIT - precise.length - ru.length - ph.length);
  const vi = script === 'latin' && room > 0 ? tag('vi', readViKeys(words, room)) : [];
  return freeze([...precise, ...ru, ...vi, ...tag('ph', ph)]);
}

/**
 * The keys under which the other script's forms of a Vietnamese name are filed: a Latin form's vi
 * key is its Russian form's ru key ("Ngo Dinh Diem" has vi:ngodinzem, "Нго Динь Зьем" ru:ngodinzem),
 * and the reverse. For lookups across scripts only: "Tran" is Чан, and "Chan", whose ru key is
 * chan as well, is another name.
 *
 * @example vietnameseCounterparts(nameKeys('Зьем')) // [{ family: 'vi', key: 'zem' }]
 */
export function vietnameseCounterparts(keys: readonly NameKey[]): NameKey[] {
  return keys.flatMap(({ family, key }): NameKey[] =>
    family === 'vi' ? [{ family: 'ru', key }] : family === 'ru' ? [{ family: 'vi', key }] : [],
  );
}

/**
 * The loose keys of Chinese or Korean readings (Wade–Giles or McCune–Reischauer with its marks
 * dropped, see `Reading.loose`), in family ph: they let "Chang Chun" meet 张群 and "Kim Hyon-chol"
 * meet 김현철 when an unmarked spelling has more readings than the precise keys can list. The
 * prefix keeps them apart from the consonant skeletons and from each other.
 */
function looseKeys(prefix: string, readings: readonly Reading[]): Reading[] {
  const keys: Reading[] = [];
  for (const reading of readings) {
    if (!reading.loose) continue;
    const text = prefix + reading.loose;
    if (!keys.some((k) => k.text === text)) keys.push({ text, rank: reading.rank });
    if (keys.length === LOOSE_LIMIT) break;
  }
  return keys;
}

interface RankedKey extends NameKey {
  rank: number;
}

function tag(family: NameKey['family'], readings: readonly Reading[]): RankedKey[] {
  return readings.flatMap((reading) =>
    reading.text ? [{ family, key: reading.text, rank: reading.rank }] : [],
  );
}

function freeze(keys: readonly RankedKey[]): readonly NameKey[] {
  return Object.freeze(keys.map(({ family, key }) => Object.freeze({ family, key })));
}
