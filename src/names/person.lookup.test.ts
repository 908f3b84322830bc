import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthorityIndex } from './authority.index.ts';
import { loadAuthorities } from './authority.loader.ts';
import { lookupPerson } from './person.lookup.ts';

const index = new AuthorityIndex(loadAuthorities());
const id = (query: string) => lookupPerson(index, query).person?.id ?? null;

test('a person is found by id, by any name form in any script, and by one word of a name borne by one person', () => {
  assert.equal(id('stalin'), 'stalin');
  assert.equal(id('Filippov'), 'stalin');
  assert.equal(id('Фын Си'), 'stalin');
  assert.equal(id('Mao Tse-tung'), 'mao-zedong');
  assert.equal(id('Mao'), 'mao-zedong');
  assert.equal(id('Ким Ир Сен'), 'kim-il-sung');
  assert.equal(id('Cde. Filippov'), 'stalin');
});

test('an unknown name finds nobody, and a word several people share names the candidates', () => {
  assert.deepEqual(lookupPerson(index, 'Nobody'), { person: null, candidates: [] });
  const shared = new AuthorityIndex([
    { id: 'a', kind: 'person', name: 'Ivan Petrov', names: [] },
    { id: 'b', kind: 'person', name: 'Pavel Petrov', names: [] },
  ]);
  const found = lookupPerson(shared, 'Petrov');
  assert.equal(found.person, null);
  assert.deepEqual('candidates' in found ? found.candidates.map((c) => c.id) : [], ['a', 'b']);
});
