import type { AuthorityIndex } from '../../names/authority.index.ts';
import { soleSurname } from '../../names/surname.sole.ts';
import type { MatchCount } from '../search-index.types.ts';
import { peopleNamed, resolveFields } from './query.resolve.ts';
import type { QueryNode } from './query.types.ts';

/**
 * How many of the documents that write a sole surname as a name, in the years of its person,
 * must link the person, for the surname alone to stand for them in the rest: "Mikoyan" is linked
 * in 84 of the 106 documents that write it; "West" (Mr. West of a persons list) in a handful of
 * the 2,476 that write "West Germany" or "the West".
 */
const LINKED_SHARE = 0.5;
/** Years before the first and after the last document that links a person in which a surname alone may name them. */
const YEARS_AROUND = 5;
/** Enough values of the year facet for every year of an archive. */
const ALL_YEARS = 1000;

/**
 * `person:` on one person finds also the documents that name them by their surname alone in
 * running text, where no list or markup links them ("the program of Mikoyan"), when the archive
 * gives the evidence that the surname is theirs: no other person it knows bears it
 * (names/surname.sole.ts), and in the years of the documents that link the person (and five
 * around them), most documents that write it as a name link them. The surname then matches in
 * those years only (and in undated documents), and only where the texts write names, never a
 * lower-case word: the missionary "Dr. Wallace" of 1951 is not Governor George Wallace of the 1960s.
 *
 * @example await withSoleSurnames(parseQuery('person:"Anastas I. Mikoyan"'), deps)
 * // { kind: 'or', children: [the field, { kind: 'and', children: [{ kind: 'variants', text: '', forms: ['Mikoyan'], common: 1 }, { kind: 'date', … }] }] }
 */
export async function withSoleSurnames(
  node: QueryNode,
  deps: {
    authorities: AuthorityIndex;
    /** How many documents a query (a resolved one) matches, and its facets. */
    count: (query: QueryNode, facetLimit: number) => Promise<MatchCount>;
  },
): Promise<QueryNode> {
  switch (node.kind) {
    case 'and':
    case 'or':
      return {
        kind: node.kind,
        children: await Promise.all(node.children.map((c) => withSoleSurnames(c, deps))),
      };
    case 'not':
      return { kind: 'not', child: await withSoleSurnames(node.child, deps) };
    case 'field': {
      if (node.field !== 'person') return node;
      const [person, ...others] = peopleNamed(node.value, deps.authorities);
      const surname = person && others.length === 0 ? soleSurname(person, deps.authorities) : null;
      if (!surname) return node;
      const linked = resolveFields(node, deps.authorities);
      const years = (await deps.count(linked, ALL_YEARS)).facets.year.map((y) => Number(y.value));
      if (years.length === 0) return node;
      const written: QueryNode = {
        kind: 'and',
        children: [
          { kind: 'variants', text: '', forms: [surname], common: 1 },
          {
            kind: 'date',
            from: `${Math.min(...years) - YEARS_AROUND}-01-01`,
            to: `${Math.max(...years) + YEARS_AROUND}-12-31`,
            orUndated: true,
          },
        ],
      };
      const [writing, writingAndLinking] = await Promise.all([
        deps.count(written, 0),
        deps.count({ kind: 'and', children: [written, linked] }, 0),
      ]);
      return writing.total > 0 && writingAndLinking.total / writing.total >= LINKED_SHARE
        ? { kind: 'or', children: [node, written] }
        : node;
    }
    default:
      return node;
  }
}
