import type { Authority, Mention, Text } from '../record/record.types.ts';
import { isWordCharAt } from '../search/analysis/text.tokenize.ts';
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
/** A capital or a figure that can begin a name ("38th parallel", "UN", "Кайдзъё", "ФИЛИППОВУ"). */
const NAME_START = /[\p{Lu}\p{Lt}\p{Nd}]/u;
/** The next word after a position, across whatever separates them. */
const NEXT_WORD = /[^\p{L}\p{M}\p{N}]*([\p{L}\p{M}\p{N}]+)/uy;

/** ASCII capitals and figures, and Cyrillic capitals, by code; other scripts by their Unicode category. */
function canBeginName(code: number, char: string): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0x0400 && code <= 0x04ff)
    return (code >= 0x0410 && code <= 0x042f) || code === 0x0401 || (code >= 0x0400 && code <= 0x040f);
  return NAME_START.test(char);
}

function isCyrillicCode(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const compiledFor = new WeakMap<AuthorityIndex, Compiled>();
const LATIN_DIACRITIC = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/** Whether a text holds a character of a script written without spaces (CJK and Hangul start at U+2E80). */
function hasUnspacedScript(text: string): boolean {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 0x2e80 && UNSPACED.test(text[i] as string)) return true;
  return false;
}

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
  if (compiled.unspaced.length > 0 && hasUnspacedScript(text)) {
    const normalized = text.normalize('NFKC');
    for (const { form, matcher } of compiled.unspaced) {
      for (let at = normalized.indexOf(form); at >= 0; at = normalized.indexOf(form, at + form.length)) {
        hits.push({ matcher, start: at, end: at + form.length });
      }
    }
  }
  // Only words that can begin a name are cut out, folded and looked up: a tenth of the words of a
  // text. The others are passed over a character at a time, with nothing allocated.
  const length = text.length;
  for (let i = 0; i < length; ) {
    if (!isWordCharAt(text, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && isWordCharAt(text, end)) end++;
    const start = i;
    i = end;
    if (!canBeginName(text.charCodeAt(start), text[start] as string)) continue;
    const key = fold(text.slice(start, end));
    const candidates = compiled.byFirstWord.get(key);
    const inflected = isCyrillicCode(text.charCodeAt(start)) ? cyrillicCandidates(key, compiled) : null;
    if (!candidates && !inflected?.length) continue;
    const first: Word = { key, start, end };
    for (const matcher of new Set([...(candidates ?? []), ...(inflected ?? [])])) {
      const end = matchFrom(text, first, matcher);
      if (end >= 0) hits.push({ matcher, start: first.start, end });
    }
  }
  return outermost(hits);
}

/**
 * The hits that no longer hit contains, in their order: sorted by start (the longer first), a hit
 * lies inside a longer one exactly when a hit before it, other than those of the same span, ends
 * at or after its end. n log n, where comparing every pair was quadratic in a block of many names.
 */
export function outermost<H extends { start: number; end: number }>(hits: H[]): H[] {
  const order = hits
    .map((_, k) => k)
    .sort((a, b) => {
      const x = hits[a] as H;
      const y = hits[b] as H;
      return x.start - y.start || y.end - x.end;
    });
  const inside = new Uint8Array(hits.length);
  let maxEnd = -1;
  for (let k = 0; k < order.length; ) {
    const first = hits[order[k] as number] as H;
    // Hits of one span (two authorities of one form) are kept or dropped together.
    let next = k;
    while (next < order.length) {
      const hit = hits[order[next] as number] as H;
      if (hit.start !== first.start || hit.end !== first.end) break;
      if (maxEnd >= hit.end) inside[order[next] as number] = 1;
      next++;
    }
    maxEnd = Math.max(maxEnd, first.end);
    k = next;
  }
  return hits.filter((_, k) => inside[k] === 0);
}

/** The end of the form in the text when it matches from `first` on, word after word; else -1. */
function matchFrom(text: string, first: Word, matcher: FormMatcher): number {
  if (matcher.exact)
    return matcher.words.length === 1 && text.slice(first.start, first.end) === matcher.exact
      ? first.end
      : -1;
  let word = first;
  for (let k = 0; k < matcher.words.length; k++) {
    if (k > 0) {
      NEXT_WORD.lastIndex = word.end;
      const next = NEXT_WORD.exec(text);
      if (!next?.[1]) return -1;
      const start = next.index + next[0].length - next[1].length;
      word = { key: fold(next[1]), start, end: start + next[1].length };
    }
    const expected = matcher.words[k] as string;
    const minStem = matcher.words.length > 1 && k === matcher.words.length - 1 ? 3 : 4;
    if (word.key !== expected && !(matcher.cyrillic && isInflection(word.key, expected, minStem))) return -1;
  }
  return word.end;
}

function cyrillicCandidates(key: string, compiled: Compiled): FormMatcher[] {
  const found: FormMatcher[] = [];
  for (let length = key.length; length >= Math.max(3, key.length - 3); length--) {
    found.push(...(compiled.byCyrillicStem.get(key.slice(0, length)) ?? []));
  }
  return found;
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
  // Most words of these archives are plain ASCII or Cyrillic: nothing to fold but case.
  if (!LATIN_DIACRITIC.test(word)) return word.toLowerCase().replace(/ё/g, 'е');
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
