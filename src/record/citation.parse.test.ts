import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCitation } from './citation.parse.ts';

const cite = (reference: string) =>
  `“Record of Conversation between A and B,” October 05, 1945, History and Public Policy Program Digital Archive, ${reference} Translated by Sergey Radchenko. http://digitalarchive.wilsoncenter.org/document/1`;
const fields = (reference: string) =>
  parseCitation(cite(reference)).locations.map((l) => [
    l.repository,
    l.fond,
    l.opis,
    l.delo,
    l.papka,
    l.folios,
  ]);

test('reads the levels of a reference as words, abbreviations and both, in English and Russian', () => {
  // AVPRF and AVP RF are one archive: the record keeps the one abbreviation of data/archives.
  const expected = [['AVP RF', '0100', '40', '7', '248', { first: 120, last: 123 }]];
  for (const reference of [
    'AVPRF: fond 0100, opis 40, delo 7, papka 248, listy 120-123.',
    'AVPRF, f. 0100, op. 40, d. 7, p. 248, ll. 120-123.',
    'AVPRF: F. 0100, Op. 40, D. 7, P. 248, Ll. 120-123.',
    'AVPRF, fond (f.) 0100, opis (op.) 40, delo (d.) 7, papka (p.) 248, listy (ll.) 120-123.',
    'AVPRF. Ф. 0100. Оп. 40. Д. 7. П. 248. Лл. 120-123.',
    'AVPRF, фонд 0100, опись 40, дело 7, папка 248, листы 120–123.',
  ]) {
    assert.deepEqual(fields(reference), expected, reference);
  }
});

test('takes the acronym in brackets after a name spelled out, and a known name spelled out as its abbreviation', () => {
  const [bracketed] = parseCitation(
    cite(
      'Archive of the President, Russian Federation (APRF), fond (f.) 45, opis (op.) 1, delo (d.) 329, listy (ll.) 9-17.',
    ),
  ).locations;
  assert.equal(bracketed?.repository, 'APRF');
  assert.equal(
    bracketed?.raw,
    'Archive of the President, Russian Federation (APRF), fond (f.) 45, opis (op.) 1, delo (d.) 329, listy (ll.) 9-17',
  );
  assert.deepEqual(
    fields('Russian State Archive of Socio-Political History, f. 558, op. 11, d. 328, ll. 32-50.'),
    [['RGASPI', '558', '11', '328', null, { first: 32, last: 50 }]],
  );
  assert.deepEqual(
    fields('APRF: F. 39, Op. 1, D. 39, Ll. 47-53.')[0]?.[0],
    'APRF',
    'the colon is no part of the name',
  );
});

test('reads several references in one citation', () => {
  const repositories = parseCitation(
    cite(
      'APRF, f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, op. 11, d. 343, ll. 0097-0104.',
    ),
  ).locations.map((l) => l.repository);
  assert.deepEqual(repositories, ['APRF', 'AVP RF', 'RGASPI']);
});

test('keeps other countries’ archives as repository and file designation', () => {
  const locations = parseCitation(
    cite(
      'PRC FMA 109-00186-01; SAPMO-BArch, DY 30/3605; National Archives of Hungary (MOL), XIX-J-1-j Korea, 11. doboz.',
    ),
  ).locations.map((l) => [l.repository, l.file, l.fond ?? null]);
  assert.deepEqual(locations, [
    ['PRC FMA', '109-00186-01', null],
    ['SAPMO-BArch', 'DY 30/3605', null],
    ['MNL OL', 'XIX-J-1-j Korea, 11. doboz', null],
  ]);
});

test('a published book is a publication, not a location, and its pages are no papka', () => {
  const book = parseCitation(
    cite(
      'Jianguo yilai Liu Shaoqi wengao (Liu Shaoqi’s Manuscripts since the Founding of the PRC), vol. 1 (Beijing: Zhongyang wenxian chubanshe, 2005), 30-37.',
    ),
  );
  assert.deepEqual(book.locations, []);
  assert.equal(book.publications.length, 1);
  assert.match(book.publications[0] ?? '', /^Jianguo yilai Liu Shaoqi wengao .* 30-37$/);
  const reprinted = parseCitation(
    cite(
      'APRF: F. 45, Op. 1, D. 331, Ll. 15-21. Reprinted in Andrei Ledovskii, Sovetsko-Kitaiskie Otnosheniia, Vol. 5, Book 2 (Moscow: Pamiatniki Istoricheskoi Mysli, 2005), p. 116-120.',
    ),
  );
  assert.deepEqual(
    reprinted.locations.map((l) => [l.repository, l.papka]),
    [['APRF', null]],
  );
  assert.match(reprinted.publications[0] ?? '', /^Andrei Ledovskii, .* p\. 116-120$/);
});

test('finds no location in a citation that names no archive and no book', () => {
  const none = parseCitation(
    cite(
      'Provided to the National Security Archive/Svetlana Savranskaya by Sergo Mikoyan. With permission of the National Security Archive.',
    ),
  );
  assert.deepEqual(none, { locations: [], publications: [] });
});
