import { officeKey } from './office.parse.ts';

/**
 * Words that make a name an office or a body rather than a person: "Secretary of State",
 * "Embassy in India", "Joint Chiefs of Staff", "Commander in Chief, Far East". Capitalized, as
 * sources write offices in headings.
 */
const OFFICE_WORDS =
  /\b(?:Secretary|Secretariat|Director|Ambassador|Chief|Chiefs|Assistant|Deputy|Acting|Chargé|Charge|Consul|Consulate|Commander|Command|Chairman|Executive|Under|Administrator|Administration|Minister|Ministry|Counselor|Officer|President|Representative|Representatives|Special|Attaché|Embassy|Department|Office|Mission|Legation|Delegation|Council|Board|Staff|Committee|Commission|Agency|Bureau|Division|Government|Cabinet|Headquarters|Governor|Premier|Chancellor|Head|Joint|Senate|House|Congress|Service|Services|Forces|Army|Navy|Force|Group|Team|Section|Branch|Institute|Party|Politburo|Presidium|Posts|Missions|Embassies|Consulates|Legations|Governments|Capitals|Stations|Diplomatic|Consular|Ministers|Files|Nations|Union|Republic|Kingdom|States|Organization|Organisation|Association|Alliance|Conference|Assembly|Community|Communities|Bank|Fund|Court)\b/;

/**
 * Whether a name as a source writes it is an office or a body, not a person ("the Secretary of
 * State", "Embassy in Korea", "Acting Secretary of State"). A person's name carries no such word
 * ("Dean Acheson", "K. L. Rankin").
 *
 * @example isOfficeName('Embassy in the Republic of China') // true
 */
export function isOfficeName(name: string): boolean {
  return OFFICE_WORDS.test(name);
}

/**
 * The organization id of an office or body: the same for its wordings ("the Ambassador in the
 * United Kingdom", "Ambassador to the U.K." → "org:ambassador-uk").
 *
 * @example officeId('the Secretary of State') === 'org:secretary-state'
 */
export function officeId(office: string): string {
  return `org:${officeKey(office).replace(/ /g, '-')}`;
}

/** "the Secretary of State" → "Secretary of State": how a heading's article is dropped. */
export function officeName(text: string): string {
  return text
    .replace(/^(?:the|an?)\s+/i, '')
    .replace(/[.,;:\s]+$/, '')
    .trim();
}

/**
 * Whether a written name can be a person's: a few words, each a capitalized name, an initial or
 * a particle ("K. L. Rankin", "Alfred von Klemperer", "James S. Lay, Jr."), with no figures and no
 * sentence in it. Headings of document lists ("Kennedy to de Gaulle. Secret. 4 pp.") are not.
 *
 * @example looksLikePersonName('Dean Acheson') // true; looksLikePersonName('383.6 Cuba') // false
 */
export function looksLikePersonName(text: string): boolean {
  const trimmed = text.trim().replace(/,?\s+(?:Jr|Sr)\.?$/i, '');
  if (!trimmed || trimmed.length > 60 || /[\d;:!?()]/.test(trimmed) || isOfficeName(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 5 || trimmed.replace(/[^\p{L}]/gu, '').length < 2) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w.toLowerCase()));
}

/** A word of a name: initials ("K.", "E.K."), a capitalized name ("McConaughy", "O'Neill", "ACHESON"). */
const NAME_WORD = /^(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}’'-]*\p{L}\.?,?)$/u;
const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'da',
  'del',
  'della',
  'la',
  'le',
  'der',
  'den',
  'di',
  'du',
  'al',
  'el',
  'bin',
  'ibn',
  'y',
]);
