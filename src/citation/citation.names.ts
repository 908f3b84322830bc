import { parsePersonName } from '../names/person-name.parse.ts';
import { nameKeys } from '../names/translit/name.keys.ts';
import { scriptOf } from '../names/translit/script.text.ts';
import type { Authority } from '../record/record.types.ts';
import type { CitationName } from './citation.types.ts';

/** Languages whose personal names are written family name first. */
const SURNAME_FIRST_LANGUAGE = /^(?:zh|ko|ja|vi)(?:-|$)/u;
/** Words that make a name a body, not a person: it is cited as written. */
const BODY_WORD =
  /\b(?:Department|Embassy|Ministry|Committee|Council|Office|Staff|Chiefs|Government|Legation|Consulate|Mission|Delegation|Agency|Bureau|Board|Command|Commission|Party|Headquarters|Secretariat|Division|Section|Foundation|Center|Centre|Institute|Archive|Program(?:me)?)\b/u;

/**
 * A person's name for a citation: family and given name apart. A name is written family name
 * first, and so never inverted with a comma in Chicago, when its authority's preferred form is
 * Chinese, Korean, Japanese or Vietnamese (by language tag) or its native form is written in Han
 * or Hangul; else when it is written in Han or Hangul,
 * or when it reads as a Chinese romanization (a `zh` key of the names module) or a Korean one
 * with a hyphenated given name ("Kim Il-sung"). A body ("Department of State") is a literal.
 *
 * @example citationName('Mao Zedong') // { family: 'Mao', given: 'Zedong', surnameFirst: true }
 * @example citationName('Gary Goldberg') // { family: 'Goldberg', given: 'Gary' }
 * @example citationName('Glennon, John P.') // { family: 'Glennon', given: 'John P.' }
 */
export function citationName(name: string, authority?: Authority | null): CitationName {
  const written = name.replace(/\s+/gu, ' ').trim();
  if (written === '' || BODY_WORD.test(written) || /\d/u.test(written)) return { literal: written };
  if (written.includes(',') && !/^[^,]+,\s*(?:Jr|Sr)\.?$|^[^,]+,\s*(?:II|III|IV)$/u.test(written)) {
    const [family, ...rest] = written.split(',').map((part) => part.trim());
    const given = rest.filter(Boolean).join(', ');
    if (family && given) return { family, given };
  }
  const words = written
    .replace(/[([][^)\]]*[)\]]/gu, ' ')
    .trim()
    .split(/\s+/u);
  if (words.length === 1) return { family: words[0] as string };
  if (isSurnameFirst(written, authority)) {
    return { family: words[0] as string, given: words.slice(1).join(' '), surnameFirst: true };
  }
  const parsed = parsePersonName(written);
  if (parsed.order === 'undivided') return { literal: written };
  // The parser folds case; the citation keeps the name as written, so the words are cut again.
  const suffix = /,?\s+((?:Jr|Sr)\.?|II|III|IV)$/u.exec(written);
  const body = suffix ? written.slice(0, suffix.index) : written;
  const parts = body.split(/\s+/u);
  const family = parts.pop() as string;
  const given = parts.filter((word) => !isTitle(word, parsed.titles)).join(' ');
  return given ? { family, given: suffix ? `${given}, ${suffix[1]}` : given } : { family };
}

function isTitle(word: string, titles: string[]): boolean {
  return titles.includes(word.replace(/\.$/u, '').toLowerCase());
}

function isSurnameFirst(written: string, authority?: Authority | null): boolean {
  const script = scriptOf(written);
  if (script === 'han' || script === 'hangul') return true;
  // The person's own forms: the preferred one's language, or a native form in Han or Hangul.
  // Not any form: Stalin has a Chinese form (斯大林), a translation, and is no less Western. An
  // authority that says neither (one a source page gave, with no languages) leaves it to the keys.
  const ownForm = authority?.names.some(
    (form) =>
      (form.kind === 'preferred' && SURNAME_FIRST_LANGUAGE.test(form.language ?? '')) ||
      (form.kind === 'native' && (scriptOf(form.form) === 'han' || scriptOf(form.form) === 'hangul')),
  );
  if (ownForm) return true;
  const keys = nameKeys(written);
  if (keys.some((key) => key.family === 'zh')) return true;
  return keys.some((key) => key.family === 'ko') && /\p{L}-\p{Ll}/u.test(written);
}

/** "Mao Zedong", "Joseph Stalin": the name in its own reading order. */
export function runningName(name: CitationName): string {
  if ('literal' in name) return name.literal;
  if (name.given === undefined) return name.family;
  if (name.surnameFirst) return `${name.family} ${name.given}`;
  const suffix = /^(.*), ((?:Jr|Sr)\.?|II|III|IV)$/u.exec(name.given);
  return suffix ? `${suffix[1]} ${name.family}, ${suffix[2]}` : `${name.given} ${name.family}`;
}

/**
 * "Stalin, Joseph", but "Mao Zedong": the name as a bibliography or an index lists it. A name
 * written family name first is already in that order and takes no comma (Chicago 17, 8.14).
 */
export function invertedName(name: CitationName): string {
  if ('literal' in name) return name.literal;
  if (name.given === undefined) return name.family;
  if (name.surnameFirst) return `${name.family} ${name.given}`;
  return `${name.family}, ${name.given}`;
}

/** "Mao, Zedong": family, given, as RIS, BibTeX and `citation_author` want every personal name. */
export function familyGivenName(name: CitationName): string {
  if ('literal' in name) return name.literal;
  return name.given === undefined ? name.family : `${name.family}, ${name.given}`;
}
