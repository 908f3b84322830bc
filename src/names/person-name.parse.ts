import { normalizeName } from './name.normalize.ts';

/**
 * A person's name taken apart for comparison: the surname, the given names (each a word or an
 * initial), the generational suffix, and what was read around them. Titles and ranks ("General",
 * "Dr.", "Mrs.") are set aside: they change with the years, the person does not.
 */
export interface PersonName {
  /** The form as the source wrote it. */
  written: string;
  /** Normalized surname words ("dulles", "al khalidi"); empty when the form has no surname. */
  surname: string;
  /** Normalized given names in order; an initial is one letter ("andrei", "a"). */
  given: string[];
  /** "jr", "sr", "ii", "iii", … or null. */
  suffix: string | null;
  titles: string[];
  /**
   * `inverted`: the source wrote "Surname, Given" (FRUS persons lists); `running`: the name reads
   * in its own order ("Dean Acheson"), surname last; `undivided`: a name whose parts cannot be told
   * apart (a list entry without a comma, "Chou En-lai", "Ngo Dinh Diem", "Ali Sastroamidjojo"):
   * compared only whole.
   */
  order: 'inverted' | 'running' | 'undivided';
  /** The whole name without titles, normalized, spaces removed ("chouenlai"): how undivided names compare. */
  whole: string;
  /** Other names the source gave in brackets ("Mao Tse-tung (Mao Zedong)"). */
  variants: string[];
  /** The name in running order, titles left out, suffix kept ("Herbert C. Hoover, Jr."). */
  display: string;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;
/** Armed-service and retirement marks written after a name ("USAF", "Ret."). */
const SERVICE = /^(?:usa|usn|usaf|usmc|uscg|usar|usnr|ret|retd|rn|raf|mc)\.?$/i;
/**
 * Forms of address, ranks and offices that precede a name in lists and signatures. Multi-word
 * ranks ("Lieutenant General") are taken word by word.
 */
const TITLE_WORDS = new Set(
  `mr mrs ms miss dr sir lord lady dame prince princess king queen sheikh shaikh emir amir sultan
   general gen lieutenant lt major maj colonel col captain capt commander cmdr admiral adm vice rear
   brigadier brig marshal field air chief sergeant sgt ambassador amb ensign commodore cde comrade
   comr tov judge justice senator sen governor gov professor prof father bishop cardinal monsignor
   rev reverend hon honorable`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A name with the titles and ranks before it left out: "Ambassador Edward Brynn" → "Edward
 * Brynn", "Lieutenant General Charles P. Cabell" → "Charles P. Cabell". Other text is left whole.
 *
 * @example withoutTitles('Colonel Richard T. Kennedy') === 'Richard T. Kennedy'
 */
export function withoutTitles(text: string): string {
  const words = text.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLE_WORDS.has((words[i] as string).replace(/\.$/, '').toLowerCase())) i++;
  return words.slice(i).join(' ');
}

/**
 * Reads a person's name as sources write it: FRUS lists ("Hoover, Herbert C., Jr.", "Kennedy,
 * Colonel Richard T.", "Radford, Adm., Arthur W.", "Nasser (Nasr, Nassir), Gamal Abd'al"),
 * signatures and headings ("J. Edgar Hoover", "Ambassador Edward Brynn"), East Asian names in
 * their own order ("Chou En-lai", "Mao Tse-tung (Mao Zedong)").
 *
 * @example parsePersonName('Gromyko, Andrei A.') // { surname: 'gromyko', given: ['andrei', 'a'], order: 'inverted', … }
 */
export function parsePersonName(written: string, options: { listEntry?: boolean } = {}): PersonName {
  const variants: string[] = [];
  const main = written
    // Bracketed other names: "(Mao Zedong)", "(Nasr, Nassir)"; an editor's "[Stalin]" likewise.
    .replace(/[([]([^)\]]*)[)\]]/g, (_m, inner: string) => {
      if (inner.trim()) variants.push(inner.trim());
      return ' ';
    })
    // A trailing ", Jr." on a name in running order is its suffix, not an inverted surname.
    .replace(/,\s*((?:jr|sr|ii|iii|iv)\.?)\s*$/i, ' $1')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = main
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const titles: string[] = [];
  let suffix: string | null = null;
  const take = (words: string[]): string[] => {
    const kept: string[] = [];
    for (const word of words) {
      const bare = word.replace(/\.$/, '').toLowerCase();
      if (SUFFIX.test(word) && kept.length > 0) suffix = bare;
      else if (SERVICE.test(word) && kept.length > 0) continue;
      else if (TITLE_WORDS.has(bare) && kept.length === 0) titles.push(bare);
      else kept.push(word);
    }
    return kept;
  };
  if (parts.length >= 2) {
    const [surnamePart, givenPart, ...rest] = parts as [string, string, ...string[]];
    const given = take(splitWords(givenPart));
    for (const part of rest) {
      // "Lodge, Henry Cabot, Jr.", "al-Khalidi, Fakhri, Husayn": a suffix, a service, or more given names.
      const words = splitWords(part);
      if (words.length === 1 && SUFFIX.test(words[0] as string))
        suffix = (words[0] as string).replace(/\.$/, '').toLowerCase();
      else if (!words.every((w) => SERVICE.test(w) || TITLE_WORDS.has(w.replace(/\.$/, '').toLowerCase())))
        given.push(...take(words));
    }
    const surnameWords = take(splitWords(surnamePart));
    return build({ written, surnameWords, given, suffix, titles, order: 'inverted', variants });
  }
  const words = take(splitWords(main));
  const last = words.at(-1);
  // "James S. Lay Jr" without a comma: the suffix ends the name.
  if (last && SUFFIX.test(last) && words.length > 1) {
    suffix = last.replace(/\.$/, '').toLowerCase();
    words.pop();
  }
  // Without a comma, a list entry is in the person's own order, which FRUS keeps for Asian and
  // Arab names ("Chou En-lai", "Ngo Dinh Diem", "Hussein ibn Talal"); a hyphenated syllable says
  // the same of a name in running text ("Mao Tse-tung", "Kim Il-sung").
  // A single word is a name alone: a surname as signatures give it ("Acheson"), or the one name a
  // list gives ("Diem"); either way it could be anyone of that name.
  if (words.length <= 1) {
    return build({ written, surnameWords: words, given: [], suffix, titles, order: 'running', variants });
  }
  if (options.listEntry || words.some((w) => /\p{L}-\p{Ll}/u.test(w))) {
    return build({ written, surnameWords: words, given: [], suffix, titles, order: 'undivided', variants });
  }
  return build({
    written,
    surnameWords: [words.at(-1) as string],
    given: words.slice(0, -1),
    suffix,
    titles,
    order: 'running',
    variants,
  });
}

function build(parts: {
  written: string;
  surnameWords: string[];
  given: string[];
  suffix: string | null;
  titles: string[];
  order: PersonName['order'];
  variants: string[];
}): PersonName {
  const surnameText = parts.surnameWords.join(' ');
  const givenText = parts.given.join(' ');
  const suffixText = parts.suffix ? `, ${displaySuffix(parts.suffix)}` : '';
  return {
    written: parts.written,
    whole: normalizeName([givenText, surnameText].join(' ')).replace(/ /g, ''),
    surname: normalizeName(surnameText),
    given: parts.given.flatMap((g) => normalizeName(g).split(' ')).filter(Boolean),
    suffix: parts.suffix,
    titles: parts.titles,
    order: parts.order,
    variants: parts.variants,
    display: `${[givenText, surnameText].filter(Boolean).join(' ')}${suffixText}`.trim(),
  };
}

/** Words of a name part; "E.K." is two initials, "Abd'al" one word. */
function splitWords(part: string): string[] {
  return part
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1. ')
    .split(/\s+/)
    .filter(Boolean);
}

function displaySuffix(suffix: string): string {
  return /^(?:jr|sr)$/.test(suffix) ? `${suffix[0]?.toUpperCase()}${suffix.slice(1)}.` : suffix.toUpperCase();
}

/** The written name, running order, as the source wrote its parts: "Gromyko, Andrei A." → "Andrei A. Gromyko". */
export function runningOrder(written: string): string {
  const name = parsePersonName(written);
  return name.order === 'inverted' ? name.display : written.trim();
}
