import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import { expandNames } from './query/query.expand.ts';
import { parseQuery } from './query/query.parse.ts';
import { withLatinParticles } from './query/query.particles.ts';
import { resolveFields } from './query/query.resolve.ts';
import { type QueryCount, withSoleSurnames } from './query/query.surnames.ts';
import { analyzePhrase, analyzePrefix, positiveSequences, type TermSequence } from './query/query.terms.ts';
import { FACETS, type FacetName, type NameLevel, type QueryNode } from './query/query.types.ts';
import { expandVariants } from './query/query.variants.ts';
import type { SearchIndex } from './search-index.types.ts';

type FilterNode = Extract<QueryNode, { kind: 'filter' }>;

/**
 * A query as every backend answers it, planned once above them: the full-text part and the
 * conditions, the narrower readings of its names to rank by, the facets counted without their
 * own filter, and the words a snippet marks.
 */
export interface SearchPlan {
  /** The whole query, names expanded and fields resolved. */
  query: QueryNode;
  /** What full-text matching answers (words, phrases, names, with AND, OR, NOT); null without words. */
  text: QueryNode | null;
  /** The rest: field filters, dates, and words inside them. */
  conditions: QueryNode[];
  /**
   * Narrower readings of the text than all its forms, narrowest first: documents that match the
   * first rank first ("exact forms rank above transliterated ones"). Empty when none differs.
   */
  levels: NameLevel[];
  /** Facets that have a filter of their own, counted without it. */
  disjunctive: { facet: FacetName; filter: FilterNode }[];
  /** The words and phrases a matching document shows. */
  sequences: TermSequence[];
}

/** Plans remembered, the oldest forgotten first. */
const PLAN_MEMORY = 500;
const plans = new Map<string, SearchPlan>();

/**
 * Plans a query: parsed (throwing `search.invalid_query` with a way to fix it), names expanded to
 * every form of their authority and to their spellings in other scripts and romanizations (the
 * index's vocabulary of names), fields resolved to facet values, then split for the backends. A
 * plan holds while the index and the authorities do: paging, facets and a query asked again are
 * planned once.
 *
 * @example await planSearch('Громыко date:1957', { search, authorities })
 */
export async function planSearch(
  q: string,
  deps: { search: SearchIndex; authorities: AuthorityIndex },
): Promise<SearchPlan> {
  const key = `${deps.authorities.generation}\u0000${await deps.search.generation()}\u0000${q}`;
  const remembered = plans.get(key);
  if (remembered) return remembered;
  const parsed = parseQuery(q);
  if (!isSearchable(parsed)) {
    throw new ChanceryError(
      'search.invalid_query',
      'Nothing to search for: the query holds no word. Type words, "a phrase" or a field such as type:cable.',
    );
  }
  const named = expandNames(withLatinParticles(parsed), deps.authorities);
  const spelled = await expandVariants(named, (keys, options) => deps.search.nameForms(keys, options));
  const surnamed = await withSoleSurnames(spelled, {
    authorities: deps.authorities,
    count: queryCount(deps.search),
  });
  const plan = splitPlan(resolveFields(surnamed, deps.authorities));
  if (plans.size >= PLAN_MEMORY) plans.delete(plans.keys().next().value as string);
  plans.set(key, plan);
  return plan;
}

/** Counts a resolved query on an index, as planning and the pages of people ask. */
export function queryCount(search: SearchIndex): QueryCount {
  return (query, facetLimit) => search.count(splitPlan(query), { facetLimit });
}

/**
 * Splits a resolved query for the backends: the text parts of its top level drive full-text
 * matching and ranking; fields, dates and text under a field's OR are conditions.
 *
 * @example splitPlan({ kind: 'filter', field: 'type', facets: ['type'], values: ['cable'] }).text // null
 */
export function splitPlan(query: QueryNode): SearchPlan {
  const parts = query.kind === 'and' ? query.children : [query];
  const textParts = parts.filter(isTextOnly);
  const hasWords = textParts.some((p) => p.kind !== 'not');
  const text: QueryNode | null = hasWords
    ? textParts.length === 1
      ? (textParts[0] as QueryNode)
      : { kind: 'and', children: textParts }
    : null;
  return {
    query,
    text,
    conditions: hasWords ? parts.filter((p) => !isTextOnly(p)) : parts,
    levels: text ? levelsOf(text) : [],
    disjunctive: disjunctiveFacets(parts),
    sequences: positiveSequences(query),
  };
}

/** Whether a parsed query asks for anything: a word with letters, a field or a date (`"*"` does not). */
function isSearchable(node: QueryNode): boolean {
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return analyzePhrase(node.text).length > 0;
    case 'prefix':
      return analyzePrefix(node.text).length > 0;
    case 'and':
    case 'or':
      return node.children.some(isSearchable);
    case 'not':
      return false;
    default:
      return true;
  }
}

/**
 * The plan with one of its filters left out: a facet with a filter of its own is counted without it.
 *
 * @example withoutFilter(plan, plan.disjunctive[0].filter) // type:telegram Seoul → Seoul
 */
export function withoutFilter(plan: SearchPlan, filter: FilterNode): SearchPlan {
  const parts = plan.query.kind === 'and' ? plan.query.children : [plan.query];
  return splitPlan({ kind: 'and', children: parts.filter((p) => p !== filter) });
}

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

/** The readings narrower than all forms that the text has: typed (a name expanded), common (rare spellings). */
function levelsOf(text: QueryNode): NameLevel[] {
  let named = false;
  let rare = false;
  const visit = (node: QueryNode): void => {
    if (node.kind === 'and' || node.kind === 'or') node.children.forEach(visit);
    else if (node.kind === 'not') return;
    else if (node.kind === 'name') named = true;
    else if (node.kind === 'variants') {
      named = true;
      if (node.common < node.forms.length) rare = true;
    }
  };
  visit(text);
  const levels: NameLevel[] = [];
  if (named) levels.push('typed');
  if (rare) levels.push('common');
  return levels;
}

/**
 * Facets with an active filter of their own are counted without it, so that a reader sees the
 * other values they could switch to. A field filters its own facet (an author's office counts as
 * the author); `person:` spans three and is no facet's own.
 */
function disjunctiveFacets(parts: QueryNode[]): SearchPlan['disjunctive'] {
  if (parts.length < 2) return [];
  const result: SearchPlan['disjunctive'] = [];
  for (const part of parts) {
    if (part.kind !== 'filter' || part.facets[0] !== part.field) continue;
    const facet = part.field as FacetName;
    if (FACETS.includes(facet) && facet !== 'person') result.push({ facet, filter: part });
  }
  return result;
}
