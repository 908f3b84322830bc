import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthorityIndex } from './authority.index.ts';
import { loadAuthorities } from './authority.loader.ts';

const index = new AuthorityIndex(loadAuthorities());

test('an editor’s bracket names the person behind a pseudonym', () => {
  for (const written of [
    'Filippov [Stalin]',
    'Filippov (Stalin)',
    'Cde. Filippov [Stalin]',
    'FILIPPOV [Stalin]',
  ]) {
    const agent = index.resolveAgent(written);
    assert.equal(agent.personId, 'stalin', written);
    assert.equal(agent.name, 'Joseph Stalin');
    assert.equal(agent.alias, 'Filippov', written);
  }
});

test('a pseudonym alone resolves to the person, with the pseudonym as alias', () => {
  assert.deepEqual(
    { ...index.resolveAgent('Feng Xi'), raw: undefined },
    { name: 'Joseph Stalin', alias: 'Feng Xi', personId: 'stalin', raw: undefined },
  );
  assert.equal(index.resolveAgent('Филиппов').alias, 'Филиппов');
});

test('the preferred name or a surname alone is no alias', () => {
  assert.equal(index.resolveAgent('Mao Zedong').alias, null);
  assert.equal(index.resolveAgent('Comrade Mao Zedong').personId, 'mao-zedong');
  assert.equal(index.resolveAgent('Stalin').alias, null);
  assert.equal(index.resolveAgent('Мао Цзэдун').personId, 'mao-zedong');
  assert.equal(index.resolveAgent('毛泽东').personId, 'mao-zedong');
});

test('an unknown name is kept as written, without a person', () => {
  assert.deepEqual(
    { ...index.resolveAgent('Ivan Ivanov'), raw: undefined },
    { name: 'Ivan Ivanov', alias: null, personId: null, raw: undefined },
  );
});

test('every authority in the shipped files has a unique id and at least one name form', () => {
  const all = loadAuthorities();
  assert.equal(new Set(all.map((a) => a.id)).size, all.length);
  for (const a of all) assert.ok(a.name && a.names.length > 0, a.id);
  assert.ok(index.get('kaesong')?.names.some((n) => n.form === 'Кайдзъё'));
});

test('a name by sound is one of as many words that sounds alike: Менон is not Maung Nu', () => {
  const people = new AuthorityIndex([
    { id: 'maung-nu', kind: 'person', name: 'Maung Nu', names: [] },
    {
      id: 'dulles',
      kind: 'person',
      name: 'John Foster Dulles',
      names: [{ form: 'Dulles', kind: 'variant' }],
    },
  ]);
  assert.equal(people.findByRomanization('Менон', 'person'), undefined);
  assert.equal(people.findByRomanization('Даллес', 'person')?.id, 'dulles');
});
