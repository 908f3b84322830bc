import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArchivalLocation, parseArchivalLocations, parseFolios } from './archival-location.parse.ts';

test('reads a fond/opis/delo location with its folios as numbers and keeps the raw text', () => {
  assert.deepEqual(
    parseArchivalLocations('RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045. Translated by Gary Goldberg.'),
    [
      {
        repository: 'RGASPI',
        fond: '558',
        opis: '11',
        delo: '340',
        papka: null,
        folios: { first: 43, last: 45 },
        raw: 'RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045',
      },
    ],
  );
});

test('reads the three locations of a citation, with a papka and a single folio', () => {
  const citation =
    '"Hand-delivered letter, Filippov (Stalin) to Mao Zedong", September 17, 1952, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104.';
  assert.deepEqual(
    parseArchivalLocations(citation).map((l) => [
      l.repository,
      l.fond,
      l.opis,
      l.delo,
      l.papka,
      l.folios,
      l.raw,
    ]),
    [
      ['APRF', '45', '1', '343', null, { first: 97, last: 103 }, 'APRF, f. 45, op. 1, d. 343, ll. 97-103'],
      [
        'AVP RF',
        '059a',
        '5a',
        '5',
        '11',
        { first: 99, last: 99 },
        'AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99',
      ],
      [
        'RGASPI',
        '558',
        '11',
        '343',
        null,
        { first: 97, last: 104 },
        'RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104',
      ],
    ],
  );
});

test('reads Russian abbreviations, with and without a repository', () => {
  const bare = parseArchivalLocation('ф. 558, оп. 11, д. 340, л. 43');
  assert.deepEqual(
    [bare.repository, bare.fond, bare.opis, bare.delo, bare.folios],
    ['', '558', '11', '340', { first: 43, last: 43 }],
  );
  const [full] = parseArchivalLocations('РГАСПИ. Ф. 558. Оп. 11. Д. 340. Лл. 43-45об.');
  // РГАСПИ is RGASPI: the record keeps the one abbreviation the table of archives gives it.
  assert.deepEqual([full?.repository, full?.fond, full?.folios], ['RGASPI', '558', { first: 43, last: 45 }]);
});

test('keeps a location without the Russian hierarchy as repository and file', () => {
  assert.deepEqual(parseArchivalLocation('Department of State, Central Files, 611.95B/1-855'), {
    repository: 'Department of State',
    file: 'Central Files, 611.95B/1-855',
    raw: 'Department of State, Central Files, 611.95B/1-855',
  });
});

test('reads folio lists and versos', () => {
  assert.deepEqual(parseFolios('5, 7-9'), { first: 5, last: 9 });
  assert.deepEqual(parseFolios('43об'), { first: 43, last: 43 });
  assert.equal(parseFolios('—'), null);
});

test('finds nothing in text that names no archive', () => {
  assert.deepEqual(parseArchivalLocations('Translated by Gary Goldberg. Ref. 5 of the report.'), []);
});
