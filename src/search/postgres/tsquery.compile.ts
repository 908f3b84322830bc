import {
  analyzePhrase,
  analyzePrefix,
  analyzeWrittenForms,
  splitNameForms,
  type TermSequence,
} from '../query/query.terms.ts';
import type { NameLevel, QueryNode } from '../query/query.types.ts';
import { isTextOnly } from '../search.plan.ts';
import { indexableTerm, quoteLexeme } from './tsvector.build.ts';

/** The two vectors of an index row (tsvector.build.ts): every field, or the names as written. */
export type VectorColumn = 'fts' | 'caps';

/** One sequence of the query as BM25 weighs it: a phrase (or word) in one vector. */
export interface RankedPhrase {
  column: VectorColumn;
  query: string;
}

/**
 * A text query as PostgreSQL matches it: tsqueries on the row's vectors, combined. A leaf is one
 * tsquery on one vector; the phrases are its sequences, each weighed on its own by BM25, as FTS5's
 * bm25() weighs each phrase of a MATCH expression.
 */
export type TextMatch =
  | { kind: 'leaf'; column: VectorColumn; query: string; phrases: RankedPhrase[] }
  | { kind: 'and' | 'or'; children: TextMatch[] }
  | { kind: 'not'; child: TextMatch };

/**
 * The match of a text-only node at a name level, as fts.compile.ts builds FTS5's expression: the
 * same terms, the same phrases and prefixes, other spellings of names in the names as written
 * only. Null when it has no searchable term (a query of punctuation).
 *
 * @example compileText({ kind: 'phrase', text: 'neutral countries' }) // leaf "'neutral' <-> 'countri'"
 */
export function compileText(node: QueryNode, options: { level?: NameLevel } = {}): TextMatch | null {
  const level = options.level ?? 'all';
  const sub = (child: QueryNode) => compileText(child, options);
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return leaf('fts', [analyzePhrase(node.text)]);
    case 'prefix':
      return leaf('fts', analyzePrefix(node.text));
    case 'name': {
      if (level === 'typed') return leaf('fts', [analyzePhrase(node.text)]);
      const forms = splitNameForms(node.text, node.forms);
      const anywhere = leaf('fts', [
        ...forms.anywhere,
        ...(node.entities ?? []).map((term) => [{ term, prefix: false }]),
      ]);
      const asWritten = leaf('caps', forms.asWritten);
      return anywhere && asWritten
        ? { kind: 'or', children: [anywhere, asWritten] }
        : (anywhere ?? asWritten);
    }
    case 'variants': {
      const typed = leaf('fts', [analyzePhrase(node.text)]);
      if (level === 'typed') return typed;
      const forms = level === 'common' ? node.forms.slice(0, node.common) : node.forms;
      // Other spellings match names only (the caps vector): the agents and mentions a record links,
      // and the names its texts write. "Risk" at a sentence's head is no "Rusk". As written, not
      // stemmed: "Hughes" is no "Hugh" (whose stem it shares, in the names field too).
      const others = leaf('caps', analyzeWrittenForms(forms));
      return typed && others ? { kind: 'or', children: [typed, others] } : (typed ?? others);
    }
    case 'or': {
      const parts = node.children.map(sub).filter((p): p is TextMatch => p !== null);
      return parts.length ? { kind: 'or', children: parts } : null;
    }
    case 'and': {
      const positive = node.children
        .filter((c) => c.kind !== 'not')
        .map(sub)
        .filter((p): p is TextMatch => p !== null);
      if (positive.length === 0) return null;
      const negative = node.children
        .filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not')
        .map((c) => sub(c.child))
        .filter((p): p is TextMatch => p !== null)
        .map((child): TextMatch => ({ kind: 'not', child }));
      return { kind: 'and', children: [...positive, ...negative] };
    }
    default:
      throw new Error(`compileText: ${node.kind} is not a text node`);
  }
}

/** The documents of `match` that `previous` did not take: a tier after a narrower one. */
export function excluding(match: TextMatch, previous: TextMatch): TextMatch {
  return { kind: 'and', children: [match, { kind: 'not', child: previous }] };
}

/** Every phrase of a match, NOT's included, in order: FTS5's bm25() weighs them all. */
export function phrasesOf(match: TextMatch): RankedPhrase[] {
  switch (match.kind) {
    case 'leaf':
      return match.phrases;
    case 'not':
      return phrasesOf(match.child);
    default:
      return match.children.flatMap(phrasesOf);
  }
}

/**
 * A SQL condition on the index row `d` for a match; tsqueries are appended to `params`, never
 * written into the SQL. Leaves on one vector under one AND or OR are joined into one tsquery, so
 * that the GIN index answers them in one scan.
 */
export function matchSql(match: TextMatch, params: unknown[]): string {
  const merged = mergeLeaves(match);
  switch (merged.kind) {
    case 'leaf':
      params.push(merged.query);
      return `d.${merged.column} @@ $${params.length}::tsquery`;
    case 'not':
      return `NOT (${matchSql(merged.child, params)})`;
    default:
      return `(${merged.children.map((c) => matchSql(c, params)).join(merged.kind === 'and' ? ' AND ' : ' OR ')})`;
  }
}

function mergeLeaves(match: TextMatch): TextMatch {
  if (match.kind === 'leaf') return match;
  if (match.kind === 'not') return { kind: 'not', child: mergeLeaves(match.child) };
  const operator = match.kind === 'and' ? ' & ' : ' | ';
  const groups = new Map<
    VectorColumn,
    { queries: string[]; phrases: RankedPhrase[]; negated: TextMatch[] }
  >();
  const group = (column: VectorColumn) => {
    let found = groups.get(column);
    if (!found) {
      found = { queries: [], phrases: [], negated: [] };
      groups.set(column, found);
    }
    return found;
  };
  const rest: TextMatch[] = [];
  for (const child of match.children.map(mergeLeaves)) {
    if (child.kind === 'leaf') {
      const g = group(child.column);
      g.queries.push(`(${child.query})`);
      g.phrases.push(...child.phrases);
    } else if (match.kind === 'and' && child.kind === 'not' && child.child.kind === 'leaf') {
      group(child.child.column).negated.push(child);
    } else {
      rest.push(child);
    }
  }
  const children: TextMatch[] = [];
  for (const [column, g] of groups) {
    // Under AND, a NOT on the same vector joins its tsquery as `!( … )`; a NOT alone stays SQL,
    // since a tsquery of negations alone is no use to the index.
    if (g.queries.length === 0) {
      children.push(...g.negated);
      continue;
    }
    const negated = g.negated.map((n) => (n as { child: Extract<TextMatch, { kind: 'leaf' }> }).child);
    children.push({
      kind: 'leaf',
      column,
      query: [...g.queries, ...negated.map((n) => `!(${n.query})`)].join(operator),
      phrases: [...g.phrases, ...negated.flatMap((n) => n.phrases)],
    });
  }
  children.push(...rest);
  return children.length === 1 ? (children[0] as TextMatch) : { kind: match.kind, children };
}

function leaf(column: VectorColumn, alternatives: TermSequence[]): TextMatch | null {
  const phrases = alternatives
    .filter((sequence) => sequence.length > 0)
    .map((sequence) => ({ column, query: sequenceQuery(sequence) }));
  if (phrases.length === 0) return null;
  const query =
    phrases.length === 1 ? (phrases[0]?.query as string) : phrases.map((p) => `(${p.query})`).join(' | ');
  return { kind: 'leaf', column, query, phrases };
}

/** `'a' <-> 'b':*`: the terms in a row, each quoted. */
function sequenceQuery(sequence: TermSequence): string {
  return sequence.map((t) => `${quoteLexeme(indexableTerm(t.term))}${t.prefix ? ':*' : ''}`).join(' <-> ');
}

/** A SQL condition on `d` (search_docs) for any node of the plan; parameters are appended to `params`. */
export function sqlCondition(node: QueryNode, params: unknown[]): string {
  if (isTextOnly(node) && node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not') {
    const match = compileText(node);
    return match === null ? 'TRUE' : matchSql(match, params);
  }
  switch (node.kind) {
    case 'and':
      return node.children.length
        ? `(${node.children.map((c) => sqlCondition(c, params)).join(' AND ')})`
        : 'TRUE';
    case 'or':
      return node.children.length
        ? `(${node.children.map((c) => sqlCondition(c, params)).join(' OR ')})`
        : 'FALSE';
    case 'not':
      return `NOT ${sqlCondition(node.child, params)}`;
    case 'filter':
      params.push(node.facets, node.values);
      return `d.doc IN (SELECT f.doc FROM search_facets f WHERE f.facet = ANY($${params.length - 1}::text[]) AND f.value = ANY($${params.length}::text[]))`;
    case 'date': {
      const parts: string[] = [];
      if (node.from) {
        params.push(node.from);
        parts.push(`d.date_max >= $${params.length}`);
      }
      if (node.to) {
        params.push(`${node.to}\uffff`);
        parts.push(`d.date_min <= $${params.length}`);
      }
      const overlaps = parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
      return node.orUndated ? `(d.date_min IS NULL OR ${overlaps})` : overlaps;
    }
    default:
      throw new Error(`sqlCondition: unresolved ${node.kind} node`);
  }
}
