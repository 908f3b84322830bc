import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import { lookupPerson } from '../names/person.lookup.ts';
import type { Authority } from '../record/record.types.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { CorrespondenceEntry } from '../store/store.types.ts';

export interface Thread {
  a: { id: string; name: string };
  b: { id: string; name: string };
  /** The records either wrote to the other, in date order. */
  records: CorrespondenceEntry[];
}

/**
 * The correspondence between two people, named by id or by any name form (`Mao`, `Filippov`,
 * `Сталин`), in date order. Throws `names.not_found` naming the person who could not be told.
 *
 * @example await loadThread({ search, authorities, a: 'Mao', b: 'Filippov' })
 * // { a: { id: 'mao-zedong', … }, b: { id: 'stalin', … }, records: [{ id: 'da-726b9b4bc6e2', … }, …] }
 */
export async function loadThread(options: {
  search: Pick<SearchIndex, 'findCorrespondence'>;
  authorities: AuthorityIndex;
  a: string;
  b: string;
}): Promise<Thread> {
  const a = person(options.authorities, options.a);
  const b = person(options.authorities, options.b);
  const records = await options.search.findCorrespondence({ a: a.id, b: b.id });
  return { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, records };
}

function person(authorities: AuthorityIndex, query: string): Authority {
  const found = lookupPerson(authorities, query);
  if (found.person) return found.person;
  const names = found.candidates.map((c) => `${c.name} (${c.id})`);
  throw new ChanceryError(
    'names.not_found',
    names.length > 0
      ? `"${query}" may be any of ${names.join(', ')}: give more of the name, or the id.`
      : `No person called "${query}" in the authority file. Give a name as documents write it ("Filippov", "Mao Zedong") or an authority id ("stalin").`,
    { field: 'person' },
  );
}
