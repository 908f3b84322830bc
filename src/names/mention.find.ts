import type { Authority, Mention, Text } from '../record/record.types.ts';
import type { AuthorityIndex } from './authority.index.ts';
import { normalizeName } from './name.normalize.ts';

interface Word {
  key: string;
  start: number;
  end: number;
}

interface FormMatcher {
  authority: Authority;
  /** Normalized words of the form, or the form itself for scripts written without spaces. */
  words: string[];
  /** Han, kana and hangul forms are found as substrings: those scripts do not separate words. */
  substring: string | null;
  /** Acronyms ("UN", "ООН") match in capitals only, so that French "un" is no United Nations. */
  caseSensitive: string | null;
  cyrillic: boolean;
}

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Every person, place and organization of the authority file that a record's texts name, in any of
 * its name forms and scripts: "Kaesong", "Кайдзъё", "Le Kenong", "Нам Ир", "ООН". Russian
 * forms also match their case endings ("Корея" finds "Кореи", "Индия" finds "Индией"). A name
 * inside a longer matched name counts once, for the longer one ("Korea" in "North Korea").
 *
 * @example findMentions(record.texts, index)
 * // [{ kind: 'place', authorityId: 'kaesong', name: 'Kaesong', form: 'Кайдзъё', textId: 'original', blockId: 'b3' }, …]
 */
export function findMentions(texts: readonly Text[], index: AuthorityIndex): Mention[] {
  const matchers = index.all().flatMap(formMatchers);
  const mentions: Mention[] = [];
  for (const text of texts) {
    for (const block of text.blocks) {
      const found = findInBlock(block.text, matchers);
      const seen = new Set<string>();
      for (const hit of found) {
        const form = block.text.slice(hit.start, hit.end);
        const key = `${hit.authority.id}|${form}`;
        if (seen.has(key)) continue;
        seen.add(key);
        mentions.push({
          kind: hit.authority.kind,
          authorityId: hit.authority.id,
          name: hit.authority.name,
          form,
          textId: text.id,
          blockId: block.id,
        });
      }
    }
  }
  return mentions;
}

function formMatchers(authority: Authority): FormMatcher[] {
  const forms = new Set([authority.name, ...authority.names.map((n) => n.form)]);
  return [...forms].flatMap((form) => {
    const words = normalizeName(form).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const acronym = /^[\p{Lu}\p{N}]{2,5}$/u.test(form.trim());
    return [
      {
        authority,
        words,
        substring: UNSPACED.test(form) ? form.normalize('NFKC') : null,
        caseSensitive: acronym ? form.trim() : null,
        cyrillic: /\p{Script=Cyrillic}/u.test(form),
      },
    ];
  });
}

interface Hit {
  authority: Authority;
  start: number;
  end: number;
}

function findInBlock(text: string, matchers: readonly FormMatcher[]): Hit[] {
  const words = segmentWords(text);
  const hits: Hit[] = [];
  for (const matcher of matchers) {
    if (matcher.substring) {
      let from = 0;
      for (
        let at = text.indexOf(matcher.substring, from);
        at >= 0;
        at = text.indexOf(matcher.substring, from)
      ) {
        hits.push({ authority: matcher.authority, start: at, end: at + matcher.substring.length });
        from = at + matcher.substring.length;
      }
      continue;
    }
    for (let i = 0; i + matcher.words.length <= words.length; i++) {
      if (!matchesAt(words, i, matcher, text)) continue;
      const first = words[i] as Word;
      const last = words[i + matcher.words.length - 1] as Word;
      hits.push({ authority: matcher.authority, start: first.start, end: last.end });
    }
  }
  return hits.filter((hit) => !hits.some((other) => other !== hit && contains(other, hit)));
}

function matchesAt(words: readonly Word[], i: number, matcher: FormMatcher, text: string): boolean {
  if (matcher.caseSensitive) {
    const word = words[i];
    return (
      matcher.words.length === 1 &&
      word !== undefined &&
      text.slice(word.start, word.end) === matcher.caseSensitive
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
  let stem = form;
  for (let k = 0; k < 2 && stem.length > minStem && /[аяоеёиыуюьй]$/u.test(stem); k++)
    stem = stem.slice(0, -1);
  return written.startsWith(stem) && written.length - stem.length <= (minStem < 4 ? 2 : 3);
}

/** Words with their offsets; a possessive "'s" is not part of the name ("Stalin's"). */
function segmentWords(text: string): Word[] {
  const words: Word[] = [];
  for (const segment of WORDS.segment(text)) {
    if (!segment.isWordLike) continue;
    const bare = segment.segment.replace(/['’]s$/u, '');
    for (const key of normalizeName(bare).split(' ').filter(Boolean)) {
      words.push({ key, start: segment.index, end: segment.index + bare.length });
    }
  }
  return words;
}

function contains(outer: Hit, inner: Hit): boolean {
  const longer = outer.end - outer.start > inner.end - inner.start;
  return longer && outer.start <= inner.start && outer.end >= inner.end;
}
