import { analyzeNameForms, analyzePhrase, analyzePrefix, type TermSequence } from '../query/query.terms.ts';
import type { QueryNode } from '../query/query.types.ts';

/** True for nodes the full-text index answers alone (no field, no date). */
export function isTextOnly(node: QueryNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.every(isTextOnly);
    case 'not':
      return isTextOnly(node.child);
    case 'filter':
    case 'field':
    case 'date':
      return false;
    default:
      return true;
  }
}

/**
 * How much of each name an expression takes: `typed`, what was typed; `common`, with its common
 * spellings in other scripts and romanizations; `all` (the default), every form. The documents
 * that match at a narrower level rank first.
 */
export type NameLevel = 'typed' | 'common' | 'all';

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
    case 'name':
      if (level === 'typed') return sequences([analyzePhrase(node.text)]);
      return sequences([
        ...analyzeNameForms(node.forms),
        ...(node.entities ?? []).map((term) => [{ term, prefix: false }]),
      ]);
    case 'variants': {
      const typed = sequences([analyzePhrase(node.text)]);
      if (level === 'typed') return typed;
      const forms = level === 'common' ? node.forms.slice(0, node.common) : node.forms;
      // Other spellings match where the texts write names only: "Risk" at a sentence's head is no "Rusk".
      const others = sequences(analyzeNameForms(forms.map((form) => ({ form, language: 'und' }))));
      const variants = others ? `capitals : ${others.startsWith('(') ? others : `(${others})`}` : null;
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
      return `(${parts.join(' AND ')})`;
    }
    default:
      throw new Error(`sqlCondition: unresolved ${node.kind} node`);
  }
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(', ');
}
