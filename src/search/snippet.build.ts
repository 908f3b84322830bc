import type { ChanceryRecord } from '../record/record.types.ts';
import { foldTerm } from './analysis/term.fold.ts';
import { analyzeText, type Token } from './analysis/text.analyze.ts';
import type { TermPattern, TermSequence } from './query/query.terms.ts';

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
  const best = bestBlock(record, sequences);
  if (!best) {
    const fallback = record.summary ?? record.texts[0]?.blocks[0]?.text ?? '';
    return escapeHtml(fallback.length > 240 ? `${fallback.slice(0, 240).trimEnd()}…` : fallback);
  }
  return renderWindow(best.text, best.tokens, best.hits);
}

/** The first block with the most distinct query words and phrases, with the tokens they cover. */
function bestBlock(
  record: SnippetSource,
  sequences: TermSequence[],
): { text: string; tokens: Token[]; hits: Set<number> } | undefined {
  let best: { text: string; tokens: Token[]; hits: Set<number>; score: number } | undefined;
  const keyTerms = sequences.map((s) => s.reduce((a, b) => (b.term.length > a.length ? b.term : a), ''));
  for (const text of record.texts) {
    for (const block of text.blocks) {
      // A stem is a prefix of its folded word, so a block whose folded text does not contain the
      // longest term of any sequence cannot match: skip it without tokenizing.
      const folded = foldTerm(block.text);
      if (!keyTerms.some((term) => folded.includes(term))) continue;
      const tokens = analyzeText(block.text, text.language);
      const hits = new Set<number>();
      const found = new Set<TermSequence>();
      for (const sequence of sequences) {
        for (let i = 0; i + sequence.length <= tokens.length; i++) {
          if (!matchesAt(sequence, tokens, i)) continue;
          found.add(sequence);
          for (let k = 0; k < sequence.length; k++) hits.add(i + k);
        }
      }
      if (found.size > (best?.score ?? 0)) best = { text: block.text, tokens, hits, score: found.size };
      // A later block would need more sequences found than the query has to replace it.
      if (best?.score === sequences.length) return best;
    }
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
