import { foldTerm } from './analysis/term.fold.ts';
import { forEachWord } from './analysis/text.tokenize.ts';

/** Name words in a row that make one form: "Nikita S. Khrushchev" is three, "Mao Tse-tung" two. */
const MAX_WORDS = 3;
/** A name word longer than this is no name (a run of capitals in a heading, a chemical). */
const MAX_WORD_LENGTH = 24;
const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * The forms in which a text writes names, for the archive's vocabulary of names (what a query in
 * another script or romanization is matched against): runs of words that begin with a capital
 * ("Chou En-lai", "Хрущева", "K. L. Rankin"), each run's one-, two- and three-word stretches,
 * and words in Chinese characters or Hangul. A name word may go on across a hyphen or an
 * apostrophe in lower case ("Tse-tung", "Shao-ch'i"). Fed the analyzer's words one by one, so
 * the text is read once for both.
 *
 * @example
 * const names = new NameFormCollector();
 * analyzeToTerms(text, 'en', names);
 * names.forms // Set { 'Chou', 'Chou En-lai', 'En-lai', 'Mao', … }
 */
export class NameFormCollector {
  readonly forms = new Set<string>();
  /**
   * The words of names, in order, folded but not stemmed: the index's column of names as written
   * (with the words in capitals throughout, which may be names: a cable's text).
   * Unstemmed, since a stem is shared by other names: Hughes and Hugh are both "hugh", Roberts and
   * Robert "robert", and a spelling of one matched by its stem found the other's documents.
   * Each is the analyzer's own string for the word (text.analyze.ts), one for every time a record
   * writes it: a record as large as the limits let in writes millions of names, and a string
   * apiece ran the ingest worker out of heap.
   */
  readonly terms: string[] = [];
  /** The current run: each name word's first and last offsets. */
  private run: { start: number; end: number }[] = [];
  private text = '';

  /** The analyzer's next word of `text`, at [start, end), and the word folded (not stemmed). */
  word(text: string, start: number, end: number, folded: string): void {
    if (text !== this.text) {
      this.end();
      this.text = text;
    }
    const last = this.run.at(-1);
    const code = text.charCodeAt(start);
    // "Tse-tung", "K'o-nung"; not a possessive ("Dulles's"). A word with a figure is no name's
    // ("I-14222" and "I960", numbers of documents and files, sounded like Ли, Yi and Lee).
    if (
      last &&
      end - start < MAX_WORD_LENGTH &&
      joins(text, last.end, start) &&
      !(end - start === 1 && text[start] === 's') &&
      !hasDigit(text, start, end)
    ) {
      last.end = end;
      this.terms.push(folded);
      return;
    }
    // A capital, then lower case: a word in capitals throughout is a heading, a cable's text or an
    // acronym, not a name as a text writes it ("MAKING", "ADDRESSEE" in a telegram).
    if (
      isCapital(code) &&
      end - start <= MAX_WORD_LENGTH &&
      (end - start === 1 || !isCapital(text.charCodeAt(start + 1))) &&
      !hasDigit(text, start, end)
    ) {
      if (last && !adjacent(text, last, start)) this.flush();
      this.run.push({ start, end });
      this.terms.push(folded);
      return;
    }
    this.flush();
    // A word in capitals throughout is no name's form (a heading, a cable's text, an acronym), but
    // where a text is all in capitals its names are written so ("PRESIDENT SADAT", "HUANG HUA"):
    // its words go to the column of names as written, where a spelling from another script is
    // matched, and not to the vocabulary of forms, which that spelling comes from.
    if (isCapital(code) && end - start <= MAX_WORD_LENGTH && !hasDigit(text, start, end)) {
      this.terms.push(folded);
      return;
    }
    if (code >= 0x2e80 && HAN_OR_HANGUL.test(text[start] as string)) {
      this.forms.add(text.slice(start, end));
      this.terms.push(folded);
    }
  }

  /** The text has ended: its last run is taken. */
  end(): void {
    this.flush();
    this.text = '';
  }

  private flush(): void {
    const run = this.run;
    if (run.length === 0) return;
    for (let i = 0; i < run.length; i++) {
      for (let n = 1; n <= MAX_WORDS && i + n <= run.length; n++) {
        const first = run[i] as { start: number; end: number };
        const last = run[i + n - 1] as { end: number };
        // Names of several words that need keys of their own are of syllables ("Chou En-lai", "Kim
        // Il Sung"); a Western name is found word by word ("Dean" and "Acheson").
        if (n > 1 && !run.slice(i, i + n).every((w) => isSyllabic(this.text, w))) break;
        if (n === 1 && first.end - first.start < 2) continue;
        this.forms.add(this.text.slice(first.start, last.end));
      }
    }
    this.run = [];
  }
}

/** Whether text[start, end) holds an ASCII figure. */
function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return true;
  }
  return false;
}

/** A short word of syllables, not in capitals: "Chou", "En-lai", "Il", "Sung"; not "United", "US". */
function isSyllabic(text: string, word: { start: number; end: number }): boolean {
  const parts = text.slice(word.start, word.end).split(/[-'’‐‑ʼ]/);
  return parts.every((p) => p.length > 0 && p.length <= 6) && text.charCodeAt(word.start + 1) > 0x60;
}

/** Capitals of any script, and figures are not: "38th" begins no name here. */
function isCapital(code: number): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  if (code >= 0x0400 && code <= 0x042f) return true;
  if (code >= 0x0430 && code <= 0x04ff) return false;
  const char = String.fromCharCode(code);
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** A hyphen or apostrophe between two words, nothing else: one name word ("Tse-tung", "K'o"). */
function joins(text: string, from: number, to: number): boolean {
  if (to - from !== 1) return false;
  const c = text.charCodeAt(from);
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2010 || c === 0x2011 || c === 0x2bc;
}

/** Words of one name: a space between them, or an initial's full stop and a space ("S. Khrushchev"). */
function adjacent(text: string, last: { start: number; end: number }, to: number): boolean {
  const gap = text.slice(last.end, to);
  if (gap === ' ' || gap === '\u00a0') return true;
  return gap === '. ' && last.end - last.start === 1;
}

/**
 * The term a form of a name is counted by: its longest word as the column of names as written
 * holds it (folded, not stemmed). How often a form is written is read from it: "khrushchev" of
 * "Nikita S. Khrushchev", "shao" of "Liu Shao-ch'i" (a syllable like "i" is in every other name).
 */
export function formTerm(form: string): string {
  let longest = '';
  forEachWord(form, 'und', (word) => {
    if (word.length >= longest.length) longest = word;
  });
  return foldTerm(longest);
}
