import type { IndexDocument } from '../index-document.build.ts';

/** PostgreSQL keeps positions up to 16383; later words share the last one (phrases there match less). */
const MAX_POSITION = 16383;
/** A lexeme longer than this (in UTF-8 bytes) is refused by PostgreSQL: it is cut, in the index and in queries alike. */
const MAX_LEXEME_BYTES = 2046;

/** What the index row of a record holds, as PostgreSQL literals. */
export interface IndexVectors {
  /** title A, names B, summary C, names as written and texts D. */
  fts: string;
  /**
   * Names alone: of the agents and mentions a record links (stemmed), and as its texts write them
   * (folded, not stemmed). Where spellings in other scripts and romanizations match.
   */
  caps: string;
  /** Terms in all fields, as FTS5 counts a row's size for BM25. */
  length: number;
}

/**
 * The tsvector literals of an analyzed record, built from the analyzer's terms and their
 * positions, so that PostgreSQL's own parser never splits or normalizes a term again (a `to_tsvector`
 * would, in its own way). Each field starts a position after the previous one ends plus one, so
 * that no phrase spans two fields, as in FTS5's columns.
 *
 * @example buildIndexVectors(buildIndexDocument(record)).fts // "'cabl':1A 'mao':2A,9B …"
 */
export function buildIndexVectors(doc: IndexDocument): IndexVectors {
  const fts = new VectorBuilder();
  let length = 0;
  // Short fields first: a long text reaches the last position, and its own words only share it.
  for (const [field, weight] of [
    [doc.title, 'A'],
    [doc.names, 'B'],
    [doc.summary, 'C'],
    [doc.capitals, 'D'],
    [doc.body, 'D'],
  ] as const) {
    length += fts.field(field, weight);
  }
  const caps = new VectorBuilder();
  caps.field(doc.names, 'D');
  caps.field(doc.capitals, 'D');
  return { fts: fts.literal(), caps: caps.literal(), length };
}

class VectorBuilder {
  /** Lexeme → its positions as written in the literal ("3A"). */
  private readonly lexemes = new Map<string, string[]>();
  private position = 0;

  /** Adds a field's space-separated terms; returns how many there were. */
  field(terms: string, weight: 'A' | 'B' | 'C' | 'D'): number {
    if (!terms) return 0;
    const suffix = weight === 'D' ? '' : weight;
    let count = 0;
    // A gap before the field: `a <-> b` never joins the last word of one field to the first of the next.
    this.position = Math.min(this.position + 1, MAX_POSITION);
    for (const term of terms.split(' ')) {
      if (!term) continue;
      count++;
      this.position = Math.min(this.position + 1, MAX_POSITION);
      const lexeme = indexableTerm(term);
      let positions = this.lexemes.get(lexeme);
      if (!positions) {
        positions = [];
        this.lexemes.set(lexeme, positions);
      }
      // At the last position a lexeme is written once: its later occurrences add nothing.
      if (this.position === MAX_POSITION && positions.at(-1)?.startsWith(String(MAX_POSITION))) continue;
      positions.push(`${this.position}${suffix}`);
    }
    return count;
  }

  literal(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.lexemes)
      parts.push(`${quoteLexeme(lexeme)}:${positions.join(',')}`);
    return parts.join(' ');
  }
}

/**
 * A term quoted for a tsvector or tsquery literal: in quotes, with quotes doubled and backslashes
 * escaped, so that no character of a term is read as syntax.
 *
 * @example quoteLexeme("k'o") // "'k''o'"
 */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The term as PostgreSQL can hold it: cut to 2046 UTF-8 bytes, on a code point. */
export function indexableTerm(term: string): string {
  if (term.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(term) <= MAX_LEXEME_BYTES) return term;
  let cut = '';
  let bytes = 0;
  for (const char of term) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_LEXEME_BYTES) break;
    cut += char;
  }
  return cut;
}
