import type { Authority } from '../record/record.types.ts';
import type { AuthorityIndex } from './authority.index.ts';

export type PersonLookup = { person: Authority } | { person: null; candidates: Authority[] };

/**
 * The person a reader means by an id or a name in any form the authority file knows: "stalin",
 * "Filippov", "Сталин", "Mao Tse-tung", "Ким Ир Сен", or one word of a name when only one person
 * bears it ("Mao"). When several people fit, they are the candidates.
 *
 * @example lookupPerson(index, 'Filippov') // { person: { id: 'stalin', name: 'Joseph Stalin', … } }
 */
export function lookupPerson(index: AuthorityIndex, query: string): PersonLookup {
  const trimmed = query.trim();
  const byId = index.get(trimmed);
  if (byId?.kind === 'person') return { person: byId };
  const found = index.find(trimmed, 'person') ?? index.findByRomanization(trimmed, 'person');
  if (found) return { person: found };
  const candidates = index.findAll(trimmed, 'person');
  return candidates.length === 1 && candidates[0] ? { person: candidates[0] } : { person: null, candidates };
}
