import { undoubleConsonants } from '../../names/translit/latin.reading.ts';
import { type NameKey, nameKeys, vietnameseCounterparts } from '../../names/translit/name.keys.ts';
import { scriptOf } from '../../names/translit/script.text.ts';
import { SOUND_LIKENESS, soundLikeness, spelledLikeness } from '../../names/translit/sound.likeness.ts';
import { foldTerm } from '../analysis/term.fold.ts';
import type { NameFormQuery, WrittenName } from '../search-index.types.ts';
import { chineseNameAt } from './query.syllables.ts';
import type { QueryNode } from './query.types.ts';

/** Forms the archive's vocabulary of names holds under some keys (SQLite: `search_name_keys`). */
export type NameFormLookup = (keys: readonly string[], options: NameFormQuery) => Promise<WrittenName[]>;

/** Spellings of one name taken into a query: enough for every romanization, bounded. */
const MAX_VARIANTS = 24;
/** Candidates read for the loose phonetic key, of which the likeliest few are kept. */
const PHONETIC_CANDIDATES = 200;
const PHONETIC_KEPT = 2;
/** How much more written spellings by sound must be than the systems' to be taken beside them. */
const OUTWRITTEN = 10;
/** A spelling this much rarer than the most written one is rare: its documents rank after. */
const RARITY = 0.1;
/** The longest run of words tried as one name ("Kim Il Sung"). */
const MAX_RUN = 3;
/**
 * A word written with a capital in fewer than this share of the documents that hold it is a word
 * that opens sentences, not a name: "Some" (951 of 7,939 documents of the FRUS volumes), "Seem"
 * (42 of 4,248), "Long" (208 of 4,208), against 0.9–1 for Diem, Rusk, Park or King, and 0.44 for
 * Young. Sounding like a name ("Seem" like "Зьем") or sharing its Russian key ("Begin" with
 * "Пекин") does not make it one.
 */
const NAME_LIKE = 0.3;

/**
 * Adds to each word or phrase of a query that could be a name the forms the archive's texts write
 * that name in, in other scripts and romanizations, whether or not any authority knows it:
 * "Громыко" → "Gromyko", "毛泽东" → "Mao Tse-tung", "Liu Shaoqi" → "Liu Shao-ch'i",
 * "Эйзенхауэр" → "Eisenhower". Forms meet by the keys of src/names/translit/name.keys.ts. The
 * precise families (the Chinese, Korean and Russian systems) give every spelling they meet; the
 * loose phonetic key, between scripts only, its likeliest few: the most alike letter for letter,
 * the most written on a tie ("Даллес" → "Dulles", not every "Dales" and "Dallas"). Runs of words
 * are tried whole first ("Kim Il Sung"), then word by word.
 *
 * @example await expandVariants(parseQuery('Громыко Berlin'), lookup)
 * // { kind: 'and', children: [{ kind: 'variants', text: 'Громыко', forms: ['Gromyko'] }, …] }
 */
export async function expandVariants(node: QueryNode, lookup: NameFormLookup): Promise<QueryNode> {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: await expandRuns(node.children, lookup) };
    case 'or':
      return { kind: 'or', children: await Promise.all(node.children.map((c) => expandVariants(c, lookup))) };
    case 'not':
      return { kind: 'not', child: await expandVariants(node.child, lookup) };
    case 'word':
    case 'phrase':
      return (await variantsOf(node.text, lookup)) ?? node;
    case 'name':
      return withWrittenForms(node, lookup);
    default:
      return node;
  }
}

/**
 * A name an authority knows, with the spellings the texts write it in that the systems read the
 * same and the authority does not list: 김일성 is Kim Il Sung and Kim Il-sung in the authority
 * file, and Kim Il-song in volumes of 1958 and 1964–68. By the systems' keys only, never by
 * sound: the authority already says who it is, and a name that sounds alike is another's.
 */
async function withWrittenForms(
  node: Extract<QueryNode, { kind: 'name' }>,
  lookup: NameFormLookup,
): Promise<QueryNode> {
  const known = new Set(node.forms.map((f) => fold(f.form)));
  const written = (await systemSpellings(node.text, nameKeys(node.text), lookup)).filter(
    (n) => !known.has(fold(n.form)),
  );
  if (written.length === 0) return node;
  return { ...node, forms: [...node.forms, ...written.map((n) => ({ form: n.form, language: 'und' }))] };
}

/**
 * The spellings the texts write that the romanization systems read as `text` (its keys of
 * families zh, ko and ru), not the typed form itself; the most written first.
 */
async function systemSpellings(
  text: string,
  keys: readonly NameKey[],
  lookup: NameFormLookup,
  options: { wholeOnly?: boolean } = {},
): Promise<WrittenName[]> {
  const typed = fold(text);
  const script = scriptOf(text);
  const words = wordCount(text);
  const family = (name: NameKey['family']) => keys.filter((k) => k.family === name).map(keyOf);
  const sameWords = (n: WrittenName) => wordCount(n.form) === words;
  const acrossScripts = { limit: MAX_VARIANTS, ...(script ? { notInScript: script } : {}) };
  // A run of words is one name only when a system reads it whole (Chinese or Korean syllables).
  const found = await lookup([...family('zh'), ...family('ko')], { limit: MAX_VARIANTS });
  // Russian letters render a name word for word, and their key runs the words together: "Thieu"
  // and "The U" (of "The U.S.") are one key, not one name. So do the Russian forms of Vietnamese
  // names, which join Latin to Cyrillic only: "Tran" is Чан, and "Chan" is another name.
  if (!options.wholeOnly)
    found.push(...(await lookup(family('ru'), { limit: MAX_VARIANTS })).filter(sameWords));
  found.push(...(await lookup(vietnameseCounterparts(keys).map(keyOf), acrossScripts)).filter(sameWords));
  // A dictionary's characters lead from a Latin name to its characters and back, never to another
  // Latin name of the same characters: "Tokyo" is not "Tonkin", though both are 東京.
  found.push(...(await lookup(family('cc'), acrossScripts)));
  return found.filter((n) => isNameLike(n) && fold(n.form) !== typed);
}

/** Written, and written as a name: with a capital in at least `NAME_LIKE` of the documents that hold its word. */
function isNameLike(n: WrittenName): boolean {
  return n.documents > 0 && n.documents >= NAME_LIKE * n.withWord;
}

/** Words of a name, between spaces: a hyphen may be a line's break ("Khru-shchev"). */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

async function expandRuns(children: QueryNode[], lookup: NameFormLookup): Promise<QueryNode[]> {
  const out: QueryNode[] = [];
  // Words before this are syllables of a Chinese name the texts do not write.
  let syllablesUntil = 0;
  for (let i = 0; i < children.length; ) {
    const child = children[i] as QueryNode;
    if (child.kind !== 'word') {
      out.push(await expandVariants(child, lookup));
      i++;
      continue;
    }
    let taken = 0;
    for (let length = Math.min(MAX_RUN, children.length - i); length >= 2 && taken === 0; length--) {
      const run = children.slice(i, i + length);
      if (!run.every((n) => n.kind === 'word')) continue;
      const text = run.map((n) => (n as { text: string }).text).join(' ');
      const found = await variantsOf(text, lookup, { wholeOnly: true });
      if (found) {
        out.push(found);
        taken = length;
      }
    }
    if (taken === 0) {
      // A syllable of a Chinese name the texts do not write is read as Chinese only: "Кан Шэн"
      // (Kang Sheng, whom the volumes never name) is not "Can" and "Sen" (Ngo Dinh Can, a
      // senator), and "Мао Чжоу" is still Mao and Chou.
      syllablesUntil = Math.max(syllablesUntil, i + chineseNameAt(children, i, MAX_RUN));
      out.push((await variantsOf(child.text, lookup, { chinese: i < syllablesUntil })) ?? child);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

async function variantsOf(
  text: string,
  lookup: NameFormLookup,
  /** wholeOnly: a run of words, one name only as the Chinese or Korean systems read it; chinese: a syllable of a Chinese name. */
  options: { wholeOnly?: boolean; chinese?: boolean } = {},
): Promise<QueryNode | undefined> {
  if (text.length < 2 || /^\p{N}+$/u.test(text)) return undefined;
  if (options.chinese) {
    const keys = nameKeys(text).filter((k) => k.family === 'zh');
    return variantsNode(text, await systemSpellings(text, keys, lookup, { wholeOnly: true }));
  }
  const keys = nameKeys(text);
  const found = await systemSpellings(text, keys, lookup, options);
  // The Russian form of an English name is no romanization of it: "Даллес" reads "Dales" by the
  // Russian systems. Spellings by sound are taken when the systems find nothing, or nothing
  // nearly as written as what sounds alike ("Dulles" in thousands of documents, "Dales" in three).
  if (!options.wholeOnly) {
    const bySound = await phonetic(text, keys.filter((k) => k.family === 'ph').map(keyOf), lookup);
    const systems = Math.max(0, ...found.map((n) => n.documents));
    const sound = Math.max(0, ...bySound.map((n) => n.documents));
    if (found.length === 0 || sound >= systems * OUTWRITTEN) found.push(...bySound);
  }
  return variantsNode(text, found);
}

/** The spellings found, each once, the most written first; undefined for none. */
function variantsNode(text: string, found: WrittenName[]): QueryNode | undefined {
  const byForm = new Map<string, number>();
  for (const n of found) byForm.set(n.form, Math.max(n.documents, byForm.get(n.form) ?? 0));
  if (byForm.size === 0) return undefined;
  const ranked = [...byForm].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VARIANTS);
  // A spelling far rarer than the most written one ranks after it: "Dales" after "Dulles".
  const most = ranked[0]?.[1] ?? 0;
  const common = ranked.filter(([, documents]) => documents >= most * RARITY).length;
  return { kind: 'variants', text, forms: ranked.map(([form]) => form), common };
}

/**
 * The likeliest spellings by sound, in another script than the query's: those that sound as alike
 * as the most alike one, of them those closest in letters, the most written first, two at most.
 * A Cyrillic form and an English spelling sound alike as far as the Russian transcription of the
 * spelling writes the Cyrillic (`soundLikeness`): "Хьюз" shares its skeleton with "House" and
 * "Hughes", and only "Hughes" reads as Хьюз; "Даллес" is "Dulles" read as usual (likeness 1), and
 * "Dallas" with its second a as э (0.99).
 * A spelling less alike than the best is another name that shares the skeleton, however often it
 * is written: "Вэнс" keeps "Vance" (0.99), not "Evans" (0.97, a silent e and an э).
 */
async function phonetic(text: string, keys: string[], lookup: NameFormLookup): Promise<WrittenName[]> {
  const script = scriptOf(text);
  const typedFold = fold(text);
  const words = text.split(/\s+/).length;
  // Each candidate's likeness is computed once: by the lookup's filter, and read again to rank.
  const likenesses = new Map<string, number>();
  const likenessOf = (form: string) => {
    let value = likenesses.get(form);
    if (value === undefined) {
      value = soundLikeness(text, form);
      likenesses.set(form, value);
    }
    return value;
  };
  const keep = (form: string) =>
    fold(form) !== typedFold && form.split(/\s+/).length === words && likenessOf(form) >= SOUND_LIKENESS;
  const found = (
    await lookup(keys, {
      limit: PHONETIC_CANDIDATES,
      keep,
      ...(script ? { notInScript: script } : {}),
    })
  ).filter(isNameLike);
  const best = Math.max(0, ...found.map((n) => likenessOf(n.form)));
  const alike = found.filter((n) => likenessOf(n.form) === best);
  // Of those that sound alike, the closest in letters: "Киссинджер" (Kissindzher) keeps
  // "Kissinger", not "Kiesinger", though both sound "kasangar"; and a spelling far more written
  // than those, the name's usual one: "Голль" keeps "Gaulle" beside the misprint "Goull".
  const spelled = new Map(alike.map((n) => [n, spelledLikeness(text, n.form)]));
  const closest = Math.max(0, ...spelled.values());
  const nearest = alike.filter((n) => spelled.get(n) === closest);
  const written = Math.max(0, ...nearest.map((n) => n.documents));
  // A spelling that differs from the closest by a doubled consonant only is the same spelling, as
  // the readings compare them: "Моссадык" keeps "Mossadeq" and "Mosadeq" alike (not Cameroon
  // beside Cameron: a doubled vowel is a spelling of its own).
  const undoubled = new Set(nearest.map((n) => undoubleConsonants(fold(n.form))));
  // The lookup gives the most written first: the first is the usual spelling.
  const usual = alike[0];
  return alike
    .filter(
      (n) =>
        undoubled.has(undoubleConsonants(fold(n.form))) ||
        (n === usual && n.documents >= written * OUTWRITTEN),
    )
    .slice(0, PHONETIC_KEPT);
}

function keyOf(key: { family: string; key: string }): string {
  return `${key.family}:${key.key}`;
}

function fold(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldTerm)
    .join(' ');
}
