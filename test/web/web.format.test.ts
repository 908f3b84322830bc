import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthorityIndex } from '../../src/names/authority.index.ts';
import { loadAuthorities } from '../../src/names/authority.loader.ts';
import {
  agentLabel,
  formatIsoDateTime,
  isoRange,
  languageName,
  textHeading,
} from '../../src/web/web.format.ts';

const authorities = new AuthorityIndex(loadAuthorities());

test('texts are headed by their kind and their language named in English', () => {
  assert.equal(textHeading({ kind: 'original', language: 'ru' }), 'Original (Russian)');
  assert.equal(textHeading({ kind: 'translation', language: 'en' }), 'Translation (English)');
  assert.equal(textHeading({ kind: 'draft', language: 'ru' }), 'Draft (Russian)');
  assert.equal(languageName('zh-Hans'), 'Simplified Chinese');
  assert.equal(languageName('not a tag!'), 'not a tag!');
});

test('an alias is written as the archive writes it: the form used, then the person in brackets', () => {
  const stalin = { name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' };
  assert.equal(agentLabel({ ...stalin, raw: 'Cde. Filippov [Stalin]' }, authorities), 'Filippov [Stalin]');
  assert.equal(agentLabel({ ...stalin, raw: 'Filippov (Stalin)' }, authorities), 'Filippov [Stalin]');
  // Without the editor's bracket, the surname the authority file knows stands in for it.
  assert.equal(agentLabel(stalin, authorities), 'Filippov [Stalin]');
  assert.equal(
    agentLabel({ name: 'Mao Zedong', alias: null, personId: 'mao-zedong' }, authorities),
    'Mao Zedong',
  );
  assert.equal(agentLabel({ name: 'Someone Unknown', alias: 'X', personId: null }), 'X [Someone Unknown]');
});

test('ISO dates and times are read from their digits, with no time zone shift', () => {
  assert.equal(formatIsoDateTime('1951-07-13T15:00'), '13 July 1951, 15:00');
  assert.equal(formatIsoDateTime('1951-07-13'), '13 July 1951');
  assert.equal(formatIsoDateTime('1951-07'), 'July 1951');
  assert.equal(formatIsoDateTime('1951'), '1951');
  assert.equal(formatIsoDateTime('about then'), 'about then');
  assert.equal(
    isoRange({ display: 'July 1951', min: '1951-07-01', max: '1951-07-31', certainty: 'exact' }),
    '1951-07-01 – 1951-07-31',
  );
  assert.equal(isoRange({ display: 'n.d.', min: null, max: null, certainty: 'unknown' }), null);
});
