import type { Authority, Mention, Text } from '../record/record.types.ts';
import type { AuthorityIndex } from './authority.index.ts';

/** A name form as the scanner compares it: its words folded, or the form itself for unspaced scripts. */
interface FormMatcher {
  authority: Authority;
  linkId: string;
  words: string[];
  /** Acronyms ("UN", "ООН") match in capitals only, so that French "un" is no United Nations. */
  exact: string | null;
  cyrillic: boolean;
}

interface Compiled {
  generation: number;
  /** Spaced forms by their first word, folded. */
  byFirstWord: Map<string, FormMatcher[]>;
  /** Cyrillic forms by the stem of their first word, for case endings ("Индией" → "Инди"). */
  byCyrillicStem: Map<string, FormMatcher[]>;
  /** Han, kana and hangul forms, found as substrings: those scripts do not separate words. */
  unspaced: { form: string; matcher: FormMatcher }[];
}

/** A word: used through `matchAll`, which copies the expression, so no search shares its position. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Where a name can begin: a capital or a figure ("38th parallel", "UN", "Кайдзъё", "ФИЛИППОВУ"). */
const NAME_START = /[\p{Lu}\p{Lt}\p{Nd}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const compiledFor = new WeakMap<AuthorityIndex, Compiled>();

/**
 * Every person, place and organization of the index that a record's texts name, in any of its
 * name forms and scripts: "Kaesong", "Кайдзъё", "Le Kenong", "Нам Ир", "ООН". Russian forms also
 * match their case endings ("Корея" finds "Кореи", "Индия" finds "Индией"). A name inside a longer
 * matched name counts once, for the longer one ("Korea" in "North Korea"). Names in alphabetic
 * scripts are found where they begin with a capital, as names are written: "Nice" the city is
 * not every "nice". The forms are compiled once per state of the index and looked up by their
 * first word, so a text is read once whatever the number of authorities.
 *
 * @example findMentions(record.texts, index)
 * // [{ kind: 'place', authorityId: 'kaesong', name: 'Kaesong', form: 'Кайдзъё', textId: 'original', blockId: 'b3' }, …]
 */
export function findMentions(texts: readonly Text[], index: AuthorityIndex): Mention[] {
  const compiled = compile(index);
  const mentions: Mention[] = [];
  for (const text of texts) {
    for (const block of text.blocks) {
      const seen = new Set<string>();
      for (const hit of findInBlock(block.text, compiled)) {
        const form = block.text.slice(hit.start, hit.end);
        const key = `${hit.matcher.linkId}|${form}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mentions.push({
          kind: hit.matcher.authority.kind,
          authorityId: hit.matcher.linkId,
          name: hit.matcher.authority.name,
          form,
          textId: text.id,
          blockId: block.id,
        });
      }
    }
  }
  return mentions;
}

function compile(index: AuthorityIndex): Compiled {
  const cached = compiledFor.get(index);
  if (cached?.generation === index.generation) return cached;
  const compiled: Compiled = {
    generation: index.generation,
    byFirstWord: new Map(),
    byCyrillicStem: new Map(),
    unspaced: [],
  };
  for (const authority of index.all()) {
    if (authority.kind === 'term') continue;
    const linkId = index.linkId(authority);
    const forms = new Set([authority.name, ...authority.names.map((n) => n.form)]);
    for (const form of forms) {
      const trimmed = form.trim();
      if (UNSPACED.test(trimmed)) {
        compiled.unspaced.push({
          form: trimmed.normalize('NFKC'),
          matcher: matcherOf(authority, linkId, [], null),
        });
        continue;
      }
      const words = wordsOf(trimmed).map((w) => w.key);
      const first = words[0];
      if (!first) continue;
      const acronym = /^[\p{Lu}\p{N}]{2,5}$/u.test(trimmed) ? trimmed : null;
      const matcher = matcherOf(authority, linkId, words, acronym);
      addTo(compiled.byFirstWord, first, matcher);
      if (matcher.cyrillic && !acronym)
        addTo(compiled.byCyrillicStem, stemOf(first, words.length > 1 ? 3 : 4), matcher);
    }
  }
  compiledFor.set(index, compiled);
  return compiled;
}

function matcherOf(authority: Authority, linkId: string, words: string[], exact: string | null): FormMatcher {
  return { authority, linkId, words, exact, cyrillic: words.some((w) => /\p{Script=Cyrillic}/u.test(w)) };
}

interface Word {
  key: string;
  start: number;
  end: number;
}

interface Hit {
  matcher: FormMatcher;
  start: number;
  end: number;
}

function findInBlock(text: string, compiled: Compiled): Hit[] {
  const hits: Hit[] = [];
  if (compiled.unspaced.length > 0 && UNSPACED.test(text)) {
    const normalized = text.normalize('NFKC');
    for (const { form, matcher } of compiled.unspaced) {
      for (let at = normalized.indexOf(form); at >= 0; at = normalized.indexOf(form, at + form.length)) {
        hits.push({ matcher, start: at, end: at + form.length });
      }
    }
  }
  let words: Word[] | null = null;
  let i = -1;
  for (const match of text.matchAll(WORD)) {
    i++;
    if (!NAME_START.test(match[0][0] as string)) continue;
    // Only a word that can begin a name is folded and looked up; the words are split once, lazily.
    words ??= wordsOf(text);
    const word = words[i];
    if (!word) break;
    const candidates = [
      ...(compiled.byFirstWord.get(word.key) ?? []),
      ...(/\p{Script=Cyrillic}/u.test(word.key) ? cyrillicCandidates(word.key, compiled) : []),
    ];
    for (const matcher of new Set(candidates)) {
      if (!matchesAt(words, i, matcher, text)) continue;
      const last = words[i + matcher.words.length - 1] as Word;
      hits.push({ matcher, start: word.start, end: last.end });
    }
  }
  return hits.filter((hit) => !hits.some((other) => other !== hit && contains(other, hit)));
}

function cyrillicCandidates(key: string, compiled: Compiled): FormMatcher[] {
  const found: FormMatcher[] = [];
  for (let length = key.length; length >= Math.max(3, key.length - 3); length--) {
    found.push(...(compiled.byCyrillicStem.get(key.slice(0, length)) ?? []));
  }
  return found;
}

function matchesAt(words: readonly Word[], i: number, matcher: FormMatcher, text: string): boolean {
  if (matcher.exact) {
    const word = words[i];
    return (
      matcher.words.length === 1 && word !== undefined && text.slice(word.start, word.end) === matcher.exact
    );
  }
  return matcher.words.every((expected, k) => {
    const word = words[i + k];
    const minStem = matcher.words.length > 1 && k === matcher.words.length - 1 ? 3 : 4;
    return (
      word !== undefined &&
      (word.key === expected || (matcher.cyrillic && isInflection(word.key, expected, minStem)))
    );
  });
}

/**
 * Russian nouns and adjectives change their endings with case: the stem is the form less a final
 * vowel or soft sign (two for adjectives, "северная" → "северн"), and the ending may be up to
 * three letters ("Индия" → "Индией"). Stems stay at four letters or more, three for the last word
 * of a longer name ("Мао Цзе-дун" → "МАО ЦЗЕ-ДУНА"), so that short words do not match at random.
 */
function isInflection(written: string, form: string, minStem: number): boolean {
  if (form.length < minStem || !/^\p{Script=Cyrillic}+$/u.test(form)) return false;
  const stem = stemOf(form, minStem);
  return written.startsWith(stem) && written.length - stem.length <= (minStem < 4 ? 2 : 3);
}

function stemOf(form: string, minStem: number): string {
  let stem = form;
  for (let k = 0; k < 2 && stem.length > minStem && /[аяоеёиыуюьй]$/u.test(stem); k++)
    stem = stem.slice(0, -1);
  return stem;
}

/** Words with their offsets, folded as forms are: case, ё, Latin diacritics. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push({ key: fold(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return words;
}

function fold(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/ё/g, 'е')
      // Latin diacritics only: decomposing Cyrillic would turn й into и.
      .replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''))
  );
}

function addTo(map: Map<string, FormMatcher[]>, key: string, matcher: FormMatcher): void {
  const list = map.get(key);
  if (list) list.push(matcher);
  else map.set(key, [matcher]);
}

function contains(outer: Hit, inner: Hit): boolean {
  const longer = outer.end - outer.start > inner.end - inner.start;
  return longer && outer.start <= inner.start && outer.end >= inner.end;
}
