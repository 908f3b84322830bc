import type { AuthorityIndex } from '../../names/authority.index.ts';
import { soleSurname } from '../../names/surname.sole.ts';
import type { Authority } from '../../record/record.types.ts';
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

/** How many documents a resolved query matches, and its facets' first values. */
export type QueryCount = (query: QueryNode, facetLimit: number) => Promise<MatchCount>;

/**
 * `person:` on one person finds also the documents that name them by their surname alone in
 * running text (`surnameAlone`).
 *
 * @example await withSoleSurnames(parseQuery('person:"Anastas I. Mikoyan"'), deps)
 * // { kind: 'or', children: [the field, { kind: 'and', children: [{ kind: 'variants', text: '', forms: ['Mikoyan'], common: 1 }, { kind: 'date', … }] }] }
 */
export async function withSoleSurnames(
  node: QueryNode,
  deps: { authorities: AuthorityIndex; count: QueryCount },
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
      if (!person || others.length > 0) return node;
      const alone = await surnameAlone(person, resolveFields(node, deps.authorities), deps);
      return alone ? { kind: 'or', children: [node, alone] } : node;
    }
    default:
      return node;
  }
}

/**
 * The documents that name a person by their surname alone ("the program of Mikoyan"), where no
 * list or markup links them, when the archive gives the evidence that the surname is theirs: no
 * other person it knows bears it (names/surname.sole.ts), and in the years of the documents that
 * link the person (`linked`, and five years around them), most documents that write it as a name
 * link them. The surname then matches in those years only (and in undated documents), and only
 * where the texts write names, never a lower-case word: the missionary "Dr. Wallace" of 1951 is
 * not Governor George Wallace of the 1960s. Null without that evidence.
 *
 * @example await surnameAlone(mikoyan, personFilter, deps)
 * // { kind: 'and', children: [{ kind: 'variants', text: '', forms: ['Mikoyan'], common: 1 }, { kind: 'date', from: '1950-01-01', … }] }
 */
export async function surnameAlone(
  person: Authority,
  linked: QueryNode,
  deps: { authorities: AuthorityIndex; count: QueryCount },
): Promise<QueryNode | null> {
  const surname = soleSurname(person, deps.authorities);
  if (!surname) return null;
  const years = (await deps.count(linked, ALL_YEARS)).facets.year.map((y) => Number(y.value));
  if (years.length === 0) return null;
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
  return writing.total > 0 && writingAndLinking.total / writing.total >= LINKED_SHARE ? written : null;
}
