import {
  analyzePhrase,
  analyzePrefix,
  analyzeWrittenForms,
  splitNameForms,
  type TermSequence,
} from '../query/query.terms.ts';
import type { NameLevel, QueryNode } from '../query/query.types.ts';
import { isTextOnly, type SearchPlan } from '../search.plan.ts';

/** A plan as SQLite runs it: an FTS5 MATCH expression and its tiers, and SQL conditions. */
export interface FtsPlan {
  /** Null without words (nor any searchable term: a query of punctuation). */
  match: string | null;
  /** The narrower matches, narrowest first, each different from the next and from `match`. */
  tiers: string[];
  conditions: QueryNode[];
}

/**
 * Compiles a plan for FTS5. A text of punctuation only matches nothing as text: its parts join
 * the conditions, where they hold for every document.
 *
 * @example ftsPlan(splitPlan(parseQuery('Kaesong'))).match // '"kaesong"'
 */
export function ftsPlan(plan: SearchPlan): FtsPlan {
  const match = plan.text ? ftsExpression(plan.text) : null;
  if (match === null) {
    const parts = plan.query.kind === 'and' ? plan.query.children : [plan.query];
    return { match, tiers: [], conditions: parts };
  }
  const text = plan.text as QueryNode;
  const tiers = plan.levels
    .map((level) => ftsExpression(text, { level }))
    .filter((tier, i, all): tier is string => tier !== null && tier !== match && tier !== all[i - 1]);
  return { match, tiers, conditions: plan.conditions };
}

/**
 * An FTS5 MATCH expression for a text-only node, or null when it has no searchable term (a
 * query of punctuation). Every term is quoted, so no user input reaches FTS5's own syntax.
 */
export function ftsExpression(node: QueryNode, options: { level?: NameLevel } = {}): string | null {
  const level = options.level ?? 'all';
  const sub = (child: QueryNode) => ftsExpression(child, options);
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return sequences([analyzePhrase(node.text)]);
    case 'prefix':
      return sequences(analyzePrefix(node.text));
    case 'name': {
      if (level === 'typed') return sequences([analyzePhrase(node.text)]);
      const forms = splitNameForms(node.text, node.forms);
      const anywhere = sequences([
        ...forms.anywhere,
        ...(node.entities ?? []).map((term) => [{ term, prefix: false }]),
      ]);
      const asWritten = namesOnly(sequences(forms.asWritten));
      return anywhere && asWritten ? `(${anywhere} OR ${asWritten})` : (anywhere ?? asWritten);
    }
    case 'variants': {
      const typed = sequences([analyzePhrase(node.text)]);
      if (level === 'typed') return typed;
      const forms = level === 'common' ? node.forms.slice(0, node.common) : node.forms;
      // Other spellings match names only: the senders, recipients and people a record links, and
      // the names its texts write. "Risk" at a sentence's head is no "Rusk". As written, not
      // stemmed: "Hughes" is no "Hugh" (whose stem it shares, in the names column too).
      const variants = namesOnly(sequences(analyzeWrittenForms(forms)));
      return typed && variants ? `(${typed} OR ${variants})` : (typed ?? variants);
    }
    case 'or': {
      const parts = node.children.map(sub).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(' OR ')})` : null;
    }
    case 'and': {
      const positive = node.children
        .filter((c) => c.kind !== 'not')
        .map(sub)
        .filter((p): p is string => p !== null);
      if (positive.length === 0) return null;
      const negative = node.children
        .filter((c): c is Extract<QueryNode, { kind: 'not' }> => c.kind === 'not')
        .map((c) => sub(c.child))
        .filter((p): p is string => p !== null);
      // FTS5's NOT is binary: (a AND b) NOT c NOT d.
      return [`(${positive.join(' AND ')})`, ...negative.map((n) => `(${n})`)].join(' NOT ');
    }
    default:
      throw new Error(`ftsExpression: ${node.kind} is not a text node`);
  }
}

/** An expression restricted to the columns of names: those a record links and those its texts write. */
function namesOnly(expression: string | null): string | null {
  if (!expression) return null;
  return `{names capitals} : ${expression.startsWith('(') ? expression : `(${expression})`}`;
}

function sequences(alternatives: TermSequence[]): string | null {
  const phrases = alternatives
    .filter((sequence) => sequence.length > 0)
    .map((sequence) => sequence.map((t) => `"${t.term}"${t.prefix ? '*' : ''}`).join(' + '));
  if (phrases.length === 0) return null;
  return phrases.length === 1 ? (phrases[0] as string) : `(${phrases.join(' OR ')})`;
}

/** A SQL condition on `d` (search_docs) for any node; parameters are appended to `params`. */
export function sqlCondition(node: QueryNode, params: unknown[]): string {
  if (isTextOnly(node) && node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not') {
    const expression = ftsExpression(node);
    if (expression === null) return '1';
    params.push(expression);
    return 'd.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)';
  }
  switch (node.kind) {
    case 'and':
      return `(${node.children.map((c) => sqlCondition(c, params)).join(' AND ')})`;
    case 'or':
      return `(${node.children.map((c) => sqlCondition(c, params)).join(' OR ')})`;
    case 'not':
      return `NOT ${sqlCondition(node.child, params)}`;
    case 'filter':
      params.push(...node.facets, ...node.values);
      // An IN list read once through the (facet, value, doc) key, not a probe per document.
      return `d.rowid IN (SELECT f.doc FROM search_facets f WHERE f.facet IN (${placeholders(node.facets)}) AND f.value IN (${placeholders(node.values)}))`;
    case 'date': {
      const parts: string[] = [];
      if (node.from) {
        parts.push('d.date_max >= ?');
        params.push(node.from);
      }
      if (node.to) {
        parts.push('d.date_min <= ?');
        params.push(`${node.to}\uffff`);
      }
      const overlaps = `(${parts.join(' AND ')})`;
      return node.orUndated ? `(d.date_min IS NULL OR ${overlaps})` : overlaps;
    }
    default:
      throw new Error(`sqlCondition: unresolved ${node.kind} node`);
  }
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
