import { foldTerm } from '../analysis/term.fold.ts';
import { analyzeText } from '../analysis/text.analyze.ts';
import { forEachWord } from '../analysis/text.tokenize.ts';
import { stemWord } from '../analysis/word.stem.ts';
import type { QueryNode } from './query.types.ts';

/** One analyzed query term; a prefix term matches every indexed term that starts with it. */
export interface TermPattern {
  term: string;
  prefix: boolean;
}

/** Terms that must follow one another (a phrase; a single word is a phrase of one). */
export type TermSequence = TermPattern[];

const CYRILLIC = /^[\u0400-\u04ff]/;

/** A word or phrase as the analyzer indexes it. */
export function analyzePhrase(text: string, language = 'und'): TermSequence {
  return analyzeText(text, language).map(({ term }) => ({ term, prefix: false }));
}

/** Endings tried after a typed prefix to find the stems of the words it begins. */
const LATIN_ENDINGS = ['', 'e', 'es', 'ed', 'ing', 'ion', 'ions', 'ive', 'ity', 'y', 'ies', 'al', 'ally'];
const CYRILLIC_ENDINGS = ['', 'а', 'ы', 'ов', 'ой', 'ая', 'ий', 'ые', 'ых', 'ия', 'ие', 'ение', 'ать'];

/**
 * `negotiat*`: the index holds stems, and the stem of a word can be shorter than the prefix
 * typed (negotiations → negoti). So the prefix matches as a prefix, and the stems of the prefix
 * with common endings added match exactly.
 */
export function analyzePrefix(text: string): TermSequence[] {
  const words = analyzeText(text, 'und');
  const last = words.at(-1);
  if (!last) return [];
  const head = words.slice(0, -1).map(({ term }) => ({ term, prefix: false }));
  const folded = foldTerm(text.slice(last.start, last.end));
  const endings = CYRILLIC.test(folded) ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
  const stems = new Set(
    endings.map((ending) => stemWord(folded + ending, 'und')).filter((s) => s.length < folded.length),
  );
  return [
    [...head, { term: folded, prefix: true }],
    ...[...stems].filter((stem) => stem.length >= 3).map((term) => [...head, { term, prefix: false }]),
  ];
}

/**
 * Every form of a name as a phrase. Russian names decline (Филиппов, Филиппову, Филипповым)
 * and Snowball stems their cases differently, so Cyrillic name terms match as prefixes.
 */
export function analyzeNameForms(forms: { form: string; language: string }[]): TermSequence[] {
  return distinct(
    forms.map(({ form, language }) =>
      analyzeText(form, language).map(({ term }) => ({ term, prefix: CYRILLIC.test(term) })),
    ),
  );
}

/**
 * Spellings of a name as the column of names as written holds them (src/search/name-forms.collect.ts):
 * words folded and not stemmed, so that "Hughes" is not "Hugh"; Cyrillic words by their stem as a
 * prefix, since Russian names decline (Хрущев, Хрущева, Хрущевым).
 *
 * @example analyzeWrittenForms(['Hughes', 'Хрущева']) // [[{ term: 'hughes', prefix: false }], [{ term: 'хрущев', prefix: true }]]
 */
export function analyzeWrittenForms(forms: readonly string[]): TermSequence[] {
  return distinct(forms.map(writtenSequence));
}

function writtenSequence(form: string): TermSequence {
  const sequence: TermSequence = [];
  forEachWord(form, 'und', (word) => {
    const folded = foldTerm(word);
    sequence.push(
      CYRILLIC.test(folded)
        ? { term: stemWord(folded, 'und'), prefix: true }
        : { term: folded, prefix: false },
    );
  });
  return sequence;
}

/** The sequences in order, each once, the empty ones left out. */
function distinct(sequences: readonly TermSequence[]): TermSequence[] {
  const seen = new Set<string>();
  return sequences.filter((sequence) => {
    const key = sequence.map((t) => t.term + (t.prefix ? '*' : '')).join(' ');
    if (sequence.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The forms of a name an authority knows, as a search matches them: most as the analyzer indexes
 * them, anywhere; a form of one word that stemming joins to another name only as written, among
 * names ("Roberts" has the stem of Robert, "Hughes" that of Hugh). The form typed is the reader's
 * own word, matched as any word is.
 *
 * @example splitNameForms('Робертс', [{ form: 'E. B. Roberts', language: 'und' }, { form: 'Roberts', language: 'und' }])
 * // { anywhere: [[e, b, robert]], asWritten: [[roberts]] }
 */
export function splitNameForms(
  typed: string,
  forms: { form: string; language: string }[],
): { anywhere: TermSequence[]; asWritten: TermSequence[] } {
  const anywhere: { form: string; language: string }[] = [];
  const asWritten: TermSequence[] = [];
  for (const form of forms) {
    const written = form.form === typed ? [] : writtenSequence(form.form);
    const word = written.length === 1 ? written[0] : undefined;
    if (word && !word.prefix && stemWord(word.term, 'und') !== word.term) asWritten.push(written);
    else anywhere.push(form);
  }
  return { anywhere: analyzeNameForms(anywhere), asWritten: distinct(asWritten) };
}

/** The words and phrases a matching document shows: what snippets highlight. */
export function positiveSequences(node: QueryNode): TermSequence[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(positiveSequences);
    case 'not':
      return [];
    case 'word':
      return analyzePhrase(node.text).map((term) => [term]);
    case 'phrase':
      return [analyzePhrase(node.text)];
    case 'prefix':
      return analyzePrefix(node.text);
    case 'name':
      return analyzeNameForms(node.forms);
    case 'variants':
      return analyzeNameForms([node.text, ...node.forms].map((form) => ({ form, language: 'und' })));
    default:
      return [];
  }
}
