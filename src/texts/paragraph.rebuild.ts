/**
 * Putting paragraphs back together from the lines a page, a PDF or a transcription broke them into.
 */

export type Hyphenation =
  /** A hyphen at a line end divides a word ("высту-" + "пят" → "выступят"): handwriting and hand-set type. */
  | 'join-word'
  /** A hyphen at a line end is a real hyphen ("non-" + "aggression" → "non-aggression"): text wrapped by software. */
  | 'keep-hyphen';

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
  let text = '';
  for (const raw of lines) {
    // Runs of white space are layout (a scraper's "&nbsp; "); a single no-break space is the author's.
    const line = raw.trim().replace(/\s{2,}/g, ' ');
    if (!line) continue;
    if (!text) {
      text = line;
    } else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) {
      text = hyphenation === 'join-word' ? text.slice(0, -1) + line : text + line;
    } else {
      text = `${text} ${line}`;
    }
  }
  return text;
}

const ENDS_SENTENCE = /[.!?…][»"”’)\]]*$/u;
const ENDS_CLAUSE = /[.!?…:;][»"”’)\]]*$|[\]»"”]$/u;
const FOLIO = /^\d+(?:\s+[\dIVXLC]{1,4})?$/;
const STARTS_NEW_UNIT = /^(?:[„“"«]?\s*\d{1,2}[.)]\s|[-–—•]\s|\[)/u;

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
  return before.length > 0 && !ENDS_SENTENCE.test(before) && /^\p{Ll}/u.test(after);
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
