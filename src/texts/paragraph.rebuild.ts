/**
 * Putting paragraphs back together from the lines a page, a PDF or a transcription broke them into.
 */

export type Hyphenation =
  /** A hyphen at a line end divides a word ("высту-" + "пят" → "выступят"): handwriting and hand-set type. */
  | 'join-word'
  /** A hyphen at a line end is a real hyphen ("non-" + "aggression" → "non-aggression"): text wrapped by software. */
  | 'keep-hyphen'
  /**
   * The document's own words decide: a hyphen at a line end divides a word only where the joined
   * word occurs elsewhere in the document and the hyphenated one does not ("com-" + "munist" →
   * "communist" when "communist" is written whole elsewhere; "Kai-" + "shek" stays "Kai-shek").
   * For text whose typesetting is unknown, such as the archive's PDF exports of typed documents.
   */
  | { words: ReadonlySet<string> };

/** The words of a text, lower case, hyphenated compounds kept whole: the vocabulary for {@link Hyphenation}. */
export function vocabulary(lines: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    // A word cut at the line end ("com-") is no word of its own.
    for (const m of line.matchAll(/(?<![\p{L}-])\p{L}+(?:-\p{L}+)*(?![\p{L}-])/gu))
      words.add(m[0].toLowerCase());
  }
  return words;
}

/** Characters on either side of a line-end hyphen that a divided word may take: more than any word. */
const WORD_REACH = 200;

/**
 * Whether the two halves of a word hyphenated at a line end ("com", "munist") are one word
 * divided, by the document's own vocabulary: see {@link Hyphenation}.
 */
export function dividesWord(left: string, right: string, words: ReadonlySet<string>): boolean {
  // Within a word's reach of the break: a pattern anchored at the end of a long run of letters
  // (a line of 500,000 Chinese characters) is tried from each of them.
  const l = /\p{L}+$/u.exec(left.slice(-WORD_REACH))?.[0]?.toLowerCase() ?? '';
  const r = /^\p{L}+/u.exec(right.slice(0, WORD_REACH))?.[0]?.toLowerCase() ?? '';
  return l !== '' && r !== '' && words.has(l + r) && !words.has(`${l}-${r}`);
}

/**
 * Joins the lines of one paragraph with single spaces, trimming each line and collapsing runs of
 * white space. How a hyphen at the end of a line is read depends on who broke the line: see
 * {@link Hyphenation}. A hyphen is only taken as a line-end hyphen when a letter precedes it and a
 * lowercase letter starts the next line, so a range ("2-" / "3 months") or a dash (" -") is left alone.
 *
 * @example joinLines(['Если мексиканцы высту-', 'пят со своим'], 'join-word') // 'Если мексиканцы выступят со своим'
 * @example joinLines(['a non-', 'aggression pact'], 'keep-hyphen') // 'a non-aggression pact'
 */
export function joinLines(lines: readonly string[], hyphenation: Hyphenation): string {
  // Pieces joined once at the end, and each line looked at against the one before only: a text
  // grown line by line and tested at its end each time cost the square of its lines.
  const parts: string[] = [];
  let previous = '';
  for (const raw of lines) {
    // Runs of white space are layout (a scraper's "&nbsp; "); a single no-break space is the author's.
    const line = raw.trim().replace(/\s{2,}/g, ' ');
    if (!line) continue;
    if (parts.length > 0 && /\p{L}-$/u.test(previous.slice(-2)) && /^\p{Ll}/u.test(line)) {
      const join =
        hyphenation === 'join-word' ||
        (typeof hyphenation === 'object' && dividesWord(textBefore(parts), line, hyphenation.words));
      if (join) parts[parts.length - 1] = previous.slice(0, -1);
      parts.push(line);
    } else {
      if (parts.length > 0) parts.push(' ');
      parts.push(line);
    }
    previous = line;
  }
  return parts.join('');
}

/** The text so far without its final hyphen, as far back as a word may reach. */
function textBefore(parts: readonly string[]): string {
  let text = '';
  for (let i = parts.length - 1; i >= 0 && text.length < WORD_REACH; i--) text = (parts[i] as string) + text;
  return text.slice(-WORD_REACH - 1, -1);
}

const ENDS_SENTENCE = /[.!?…][»"”’)\]]*$/u;
const ENDS_CLAUSE = /[.!?…:;][»"”’)\]]*$|[\]»"”]$/u;
const FOLIO = /^\d+(?:\s+[\dIVXLC]{1,4})?$/;
/** A numbered or lettered point ("2.", "3)", "b)"), a bullet, or an editor's bracket. */
const STARTS_NEW_UNIT = /^(?:[„“"«]?\s*(?:\d{1,2}[.)]|\p{Ll}[.)]|\p{Lu}\))\s|[-–—•]\s|\[)/u;

/**
 * Whether a line that follows a gap (a blank line a scraper inserted, a page break) continues the
 * paragraph before it: the paragraph stopped in mid-sentence and the next line starts in lower case
 * ("…specific issues about" / "the agenda. At the same time…").
 *
 * @example continuesAfterGap('…specific issues about', 'the agenda. At the same time') // true
 * @example continuesAfterGap('1. Adoption of the agenda.', '2. First of all') // false
 */
export function continuesAfterGap(previous: string, next: string): boolean {
  const before = previous.trimEnd();
  const after = next.trimStart();
  return (
    before.length > 0 &&
    !ENDS_SENTENCE.test(before) &&
    /^\p{Ll}/u.test(after) &&
    !/^\p{Ll}[.)]\s/u.test(after)
  );
}

/**
 * Whether the first line of a page continues the last paragraph of the page before. More lenient
 * than {@link continuesAfterGap}: a page end is no paragraph end, so a paragraph continues unless
 * its last line closes a sentence and is short of the full line width, or the next line starts a
 * new unit (a numbered point, a bracketed note).
 *
 * @example continuesAcrossPage({ previous: '…troops from', next: 'Korea in the agenda.', previousFull: true }) // true
 */
export function continuesAcrossPage(input: {
  previous: string;
  next: string;
  previousFull: boolean;
}): boolean {
  const before = input.previous.trimEnd();
  const after = input.next.trimStart();
  // A number alone on a line (a folio of a transcription) is a unit of its own.
  if (!before || !after || STARTS_NEW_UNIT.test(after) || FOLIO.test(before) || FOLIO.test(after))
    return false;
  if (/^\p{Ll}/u.test(after)) return true;
  if (!ENDS_CLAUSE.test(before)) return true;
  // A sentence can end at a line end inside a paragraph; a full-width line says the text ran on.
  return input.previousFull && !/[:]$/.test(before);
}
