import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthorityIndex } from '../../src/names/authority.index.ts';
import { loadAuthorities } from '../../src/names/authority.loader.ts';
import { formatChicagoNote } from '../../src/web/citation.format.ts';
import {
  agentLabel,
  formatIsoDateTime,
  isoRange,
  languageName,
  textHeading,
} from '../../src/web/web.format.ts';
import { makeLetterRecord } from '../fixtures/letter.fixture.ts';

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

test('the citation follows the archive: title in quotes, date, archive, every location, translator, URL', () => {
  assert.equal(
    formatChicagoNote(makeLetterRecord()),
    '"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", September 17, 1952, Wilson Center Digital Archive, ' +
      'APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; ' +
      'and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104. Translated by Gary Goldberg. ' +
      'https://wilson-center-digital-archive.dvincitest.com/document/113644',
  );
  const cable = makeLetterRecord({
    title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
    date: { display: 'July 13, 1951', min: '1951-07-13', max: '1951-07-13', certainty: 'exact' },
    archivalLocations: [{ repository: 'RGASPI', raw: 'RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045.' }],
    credits: [],
    source: { file: 'c.txt', url: null, recordId: null, format: 'archive-page-text', sha256: 'c'.repeat(64) },
  });
  assert.equal(
    formatChicagoNote(cable),
    '"Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]", July 13, 1951, Wilson Center Digital Archive, RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045.',
  );
});
