import type { ChanceryRecord } from '../record/record.types.ts';
import { analyzeText, type Token } from './analysis/text.analyze.ts';
import type { TermPattern, TermSequence } from './query/query.terms.ts';
import { wordStartsIn } from './word-start.find.ts';

/** What a snippet is made from: a record's texts and, when no block matches, its summary. */
export type SnippetSource = Pick<ChanceryRecord, 'summary' | 'texts'>;

const WORDS_BEFORE = 10;
const WORDS_AFTER = 25;

/**
 * The passage of a record that best matches the query, in the original characters, HTML-escaped,
 * with the matching words in `<mark>`. The best block is the one with the most distinct query
 * words and phrases; when no text block matches (the hit was on the title or a name) the summary or the
 * opening of the first text stands in.
 */
export function buildSnippet(record: SnippetSource, sequences: TermSequence[]): string {
  // A phrase of punctuation ("*") analyzes to no term: it marks nothing.
  const best = bestBlock(
    record,
    sequences.filter((s) => s.length > 0),
  );
  if (!best) {
    const fallback = record.summary ?? record.texts[0]?.blocks[0]?.text ?? '';
    return escapeHtml(fallback.length > 240 ? `${fallback.slice(0, 240).trimEnd()}…` : fallback);
  }
  return renderWindow(best.text, best.tokens, best.hits);
}

/**
 * The first block with the most distinct query words and phrases, with the tokens they cover.
 * A stem is a prefix of its folded word, so where the terms start words (word-start.find.ts) tells
 * cheaply which sequences a block could hold: blocks are tokenized in the order of that bound,
 * and the search stops when no block left could beat the best found (a long document costs a
 * tokenized block or two, not all).
 */
function bestBlock(
  record: SnippetSource,
  sequences: TermSequence[],
): { text: string; tokens: Token[]; hits: Set<number> } | undefined {
  const candidates: { text: string; language: string; bound: number; order: number }[] = [];
  for (const text of record.texts) {
    for (const block of text.blocks) {
      const startsWord = wordStartsIn(block.text);
      let bound = 0;
      for (const sequence of sequences) if (sequence.every((t) => startsWord(t.term))) bound++;
      if (bound > 0)
        candidates.push({ text: block.text, language: text.language, bound, order: candidates.length });
    }
  }
  candidates.sort((a, b) => b.bound - a.bound || a.order - b.order);
  let best: { text: string; tokens: Token[]; hits: Set<number>; score: number; order: number } | undefined;
  for (const candidate of candidates) {
    // Nothing left can beat the best: a later block needs more words to win, and candidates of
    // one bound come in reading order (a name's forms in two scripts are rarely in one block, so
    // a block holding every sequence is no stopping point to wait for).
    if (
      best &&
      (candidate.bound < best.score || (candidate.bound === best.score && candidate.order > best.order))
    )
      break;
    const tokens = analyzeText(candidate.text, candidate.language);
    const hits = new Set<number>();
    const found = new Set<TermSequence>();
    for (const sequence of sequences) {
      for (let i = 0; i + sequence.length <= tokens.length; i++) {
        if (!matchesAt(sequence, tokens, i)) continue;
        found.add(sequence);
        for (let k = 0; k < sequence.length; k++) hits.add(i + k);
      }
    }
    // The earlier block wins a tie, as a reader reads from the top.
    if (
      found.size > 0 &&
      (!best || found.size > best.score || (found.size === best.score && candidate.order < best.order))
    ) {
      best = { text: candidate.text, tokens, hits, score: found.size, order: candidate.order };
    }
    if (best?.score === sequences.length) break;
  }
  return best;
}

/** Whether the sequence's terms start at token `at`; a plain loop, as it runs for every token. */
function matchesAt(sequence: TermSequence, tokens: Token[], at: number): boolean {
  for (let k = 0; k < sequence.length; k++) {
    if (!matches(sequence[k] as TermPattern, tokens[at + k] as Token)) return false;
  }
  return true;
}

function matches(pattern: TermPattern, token: Token): boolean {
  return pattern.prefix ? token.term.startsWith(pattern.term) : token.term === pattern.term;
}

function renderWindow(text: string, tokens: Token[], hits: Set<number>): string {
  const first = Math.min(...hits);
  const from = Math.max(0, first - WORDS_BEFORE);
  const to = Math.min(tokens.length - 1, first + WORDS_AFTER);
  const start = from === 0 ? 0 : (tokens[from] as Token).start;
  const end = to === tokens.length - 1 ? text.length : (tokens[to] as Token).end;
  let html = start > 0 ? '…' : '';
  let at = start;
  for (let i = from; i <= to; i++) {
    const token = tokens[i] as Token;
    if (!hits.has(i)) continue;
    html += `${escapeHtml(text.slice(at, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    at = token.end;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
  return html;
}

/** Escapes text for HTML, so that a snippet can carry `<mark>` and nothing else. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
