import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { join } from 'node:path';
import { type App, openApp } from '../src/app.ts';
import { formatBibtex } from '../src/citation/citation.bibtex.ts';
import { formatChicagoBibliography, formatChicagoNote } from '../src/citation/citation.chicago.ts';
import { type CslItem, toCsl } from '../src/citation/citation.csl.ts';
import { loadCitation } from '../src/citation/citation.export.ts';
import { citationName } from '../src/citation/citation.names.ts';
import { formatRis } from '../src/citation/citation.ris.ts';
import type { CitationItem } from '../src/citation/citation.types.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { openCorpusApp } from './support/corpus.app.ts';
import { PAGES_DIR } from './support/shared-paths.ts';

/**
 * Citations of each kind of source, against citations written out by hand: an archival document
 * (the cable, the letter held in three archives) and a document printed in an edition (FRUS).
 * RIS and BibTeX are read back with citation-js and compared field by field with the CSL item.
 */
let app: App;
const accessed = new Date('2024-05-01T12:00:00Z');
const baseUrl = 'https://chancery.example';
const cite = async (id: string): Promise<CitationItem> => {
  const record = await app.store.getRecord(id);
  assert.ok(record, id);
  return loadCitation(record, { ...app, baseUrl, accessed });
};

before(async () => {
  app = await openCorpusApp({ frus: true });
});
after(async () => app.close());

test('an archival document (the cable): Chicago, RIS, BibTeX and CSL-JSON as written by hand', async () => {
  const item = await cite('da-726b9b4bc6e2');
  assert.equal(
    formatChicagoNote(item),
    'Mao Zedong, “Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin],” July 13, 1951, RGASPI, f. 558, ' +
      'op. 11, d. 340, ll. 0043-0045, trans. Gary Goldberg, Wilson Center Digital Archive, accessed May 1, ' +
      '2024, https://chancery.example/documents/da-726b9b4bc6e2.',
  );
  // Mao Zedong is written family name first: a bibliography does not invert him with a comma.
  assert.equal(
    formatChicagoBibliography(item),
    'Mao Zedong. “Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin].” July 13, 1951. RGASPI, f. 558, ' +
      'op. 11, d. 340, ll. 0043-0045. Translated by Gary Goldberg. Wilson Center Digital Archive. Accessed ' +
      'May 1, 2024. https://chancery.example/documents/da-726b9b4bc6e2.',
  );
  assert.equal(
    formatRis(item),
    [
      'TY  - MANSCPT',
      'TI  - Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
      'AU  - Mao, Zedong',
      'PY  - 1951',
      'DA  - 1951/07/13',
      'M3  - Cable',
      'DB  - RGASPI',
      'AN  - f. 558, op. 11, d. 340, ll. 0043-0045',
      'AV  - f. 558, op. 11, d. 340, ll. 0043-0045',
      'DP  - Wilson Center Digital Archive',
      'A4  - Goldberg, Gary',
      'LA  - ru',
      'AB  - Mao asks Stalin for approval on the armistice negotiation agenda.',
      'UR  - https://chancery.example/documents/da-726b9b4bc6e2',
      'Y2  - 2024/05/01',
      'ER  - ',
      '',
    ].join('\n'),
  );
  assert.equal(
    formatBibtex(item),
    [
      '@unpublished{da-726b9b4bc6e2,',
      '  title = {Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]},',
      '  author = {Mao, Zedong},',
      '  date = {1951-07-13},',
      '  type = {Cable},',
      '  library = {RGASPI, f. 558, op. 11, d. 340, ll. 0043-0045},',
      '  howpublished = {Wilson Center Digital Archive},',
      '  translator = {Goldberg, Gary},',
      '  language = {ru},',
      '  abstract = {Mao asks Stalin for approval on the armistice negotiation agenda.},',
      '  url = {https://chancery.example/documents/da-726b9b4bc6e2},',
      '  urldate = {2024-05-01}',
      '}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(toCsl(item), {
    id: 'da-726b9b4bc6e2',
    type: 'manuscript',
    title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]',
    author: [{ family: 'Mao', given: 'Zedong' }],
    recipient: [{ family: 'Stalin', given: 'Joseph' }],
    translator: [{ family: 'Goldberg', given: 'Gary' }],
    issued: { 'date-parts': [[1951, 7, 13]] },
    genre: 'Cable',
    archive: 'RGASPI',
    archive_location: 'f. 558, op. 11, d. 340, ll. 0043-0045',
    publisher: 'Wilson Center Digital Archive',
    language: 'ru',
    abstract: 'Mao asks Stalin for approval on the armistice negotiation agenda.',
    URL: 'https://chancery.example/documents/da-726b9b4bc6e2',
    accessed: { 'date-parts': [[2024, 5, 1]] },
  });
  assertRoundTrip(item);
});

test('an archival letter held in three archives: the first is the archive, the others a note', async () => {
  const item = await cite('da-113644');
  assert.equal(
    formatChicagoNote(item),
    'Joseph Stalin, “Hand-delivered letter, Filippov (Stalin) to Mao Zedong,” September 17, 1952, APRF, ' +
      'f. 45, op. 1, d. 343, ll. 97-103; AVP RF, f. 059a, op. 5a, d. 5, p. 11, l. 99; and RGASPI, f. 558, ' +
      'op. 11, d. 343, ll. 0097-0104, Wilson Center Digital Archive, accessed May 1, 2024, ' +
      'https://chancery.example/documents/da-113644.',
  );
  assert.match(
    formatChicagoBibliography(item),
    /^Stalin, Joseph\. “Hand-delivered letter, Filippov \(Stalin\) to Mao Zedong\.” September 17, 1952\. APRF/,
  );
  const ris = formatRis(item);
  assert.match(
    ris,
    /^TY {2}- PCOMM\nTI {2}- Hand-delivered letter, Filippov \(Stalin\) to Mao Zedong\nAU {2}- Stalin, Joseph\nA2 {2}- Mao, Zedong\n/,
  );
  assert.match(
    ris,
    /\nN1 {2}- Also held at: AVP RF, f\. 059a, op\. 5a, d\. 5, p\. 11, l\. 99; RGASPI, f\. 558, op\. 11, d\. 343, ll\. 0097-0104\n/,
  );
  assert.equal(toCsl(item).type, 'letter');
  assertRoundTrip(item);
});

test('a document in a published edition (FRUS): book section with the volume, editors, publisher, year, number and pages', async () => {
  const item = await cite('frus1951v07p2-d2');
  const volume = 'Foreign Relations of the United States, 1951, Korea and China, Volume VII, Part 2';
  assert.equal(
    formatChicagoNote(item),
    `“Memorandum of Conversation, Prepared in the Department of State,” January 6 and 7, 1951. January 12 and 13, 1951, document 2, in ${volume}, ed. John P. Glennon et al. (Washington: United States Government Printing Office, 1983), 1476–1503, accessed May 1, 2024, https://chancery.example/documents/frus1951v07p2-d2.`,
  );
  assert.equal(
    formatChicagoBibliography(item),
    `“Memorandum of Conversation, Prepared in the Department of State.” January 6 and 7, 1951. January 12 and 13, 1951. Document 2 in ${volume}, edited by John P. Glennon, Harriet D. Schwar, Paul Claussen, and Frederick Aandahl, 1476–1503. Washington: United States Government Printing Office, 1983. Accessed May 1, 2024. https://chancery.example/documents/frus1951v07p2-d2.`,
  );
  assert.equal(
    formatRis(item),
    [
      'TY  - CHAP',
      'TI  - Memorandum of Conversation, Prepared in the Department of State',
      `T2  - ${volume}`,
      'A2  - Glennon, John P.',
      'A2  - Schwar, Harriet D.',
      'A2  - Claussen, Paul',
      'A2  - Aandahl, Frederick',
      'T3  - Foreign Relations of the United States',
      'VL  - Volume VII, Part 2',
      'PB  - United States Government Printing Office',
      'CY  - Washington',
      'PY  - 1983',
      'SE  - 2',
      'SP  - 1476',
      'EP  - 1503',
      'LA  - en',
      'N1  - Document date: January 6 and 7, 1951. January 12 and 13, 1951',
      'UR  - https://chancery.example/documents/frus1951v07p2-d2',
      'Y2  - 2024/05/01',
      'ER  - ',
      '',
    ].join('\n'),
  );
  assert.equal(
    formatBibtex(item),
    [
      '@incollection{frus1951v07p2-d2,',
      '  title = {Memorandum of Conversation, Prepared in the Department of State},',
      `  booktitle = {${volume}},`,
      '  editor = {Glennon, John P. and Schwar, Harriet D. and Claussen, Paul and Aandahl, Frederick},',
      '  series = {Foreign Relations of the United States},',
      '  volume = {Volume VII, Part 2},',
      '  publisher = {United States Government Printing Office},',
      '  location = {Washington},',
      '  date = {1983},',
      '  chapter = {2},',
      '  pages = {1476--1503},',
      '  origdate = {1951-01-06},',
      '  language = {en},',
      '  url = {https://chancery.example/documents/frus1951v07p2-d2},',
      '  urldate = {2024-05-01}',
      '}',
      '',
    ].join('\n'),
  );
  const csl = toCsl(item);
  assert.equal(csl.type, 'chapter');
  assert.deepEqual(csl.issued, { 'date-parts': [[1983]] });
  assert.deepEqual(csl['original-date'], { 'date-parts': [[1951, 1, 6]] });
  assert.equal(csl.page, '1476–1503');
  assertRoundTrip(item);
  // A FRUS document with an author: the first author inverted in the bibliography.
  const d1 = await cite('frus1951v07p2-d1');
  assert.match(formatChicagoBibliography(d1), /^Bradley, Omar N\. “Memorandum by the Joint Chiefs/);
  assert.match(formatChicagoNote(d1), /^Omar N\. Bradley, “Memorandum by the Joint Chiefs/);
});

test('an archival document cited from a published book: the book in every format, the date as Chicago writes it', async () => {
  const archive = await openApp({ db: ':memory:' });
  try {
    await ingestPaths({
      paths: [join(PAGES_DIR, 'liu-shaoqi-mao-1949-07-18.txt'), join(PAGES_DIR, '113239.txt')],
      store: archive.store,
      search: archive.search,
      authorities: archive.authorities,
      readers: archive.readers,
    });
    const citeIn = async (id: string) => {
      const record = await archive.store.getRecord(id);
      assert.ok(record, id);
      return loadCitation(record, { ...archive, baseUrl, accessed });
    };
    const book =
      'Jianguo yilai Liu Shaoqi wengao (Liu Shaoqi’s Manuscripts since the Founding of the PRC), vol. 1 (Beijing: Zhongyang wenxian chubanshe, 2005), 30-37';
    const liu = await citeIn('da-113439');
    // No archival location: the book is where the document is found. Liu Shaoqi is family name first.
    assert.equal(
      formatChicagoNote(liu),
      `Liu Shaoqi, “Cable, Liu Shaoqi to Mao Zedong,” July 18, 1949, published in ${book}, trans. David Wolff, Wilson Center Digital Archive, accessed May 1, 2024, https://chancery.example/documents/da-113439.`,
    );
    assert.equal(
      formatChicagoBibliography(liu),
      `Liu Shaoqi. “Cable, Liu Shaoqi to Mao Zedong.” July 18, 1949. Published in ${book}. Translated by David Wolff. Wilson Center Digital Archive. Accessed May 1, 2024. https://chancery.example/documents/da-113439.`,
    );
    assert.match(
      formatRis(liu),
      new RegExp(
        `\nAU {2}- Liu, Shaoqi\n[\\s\\S]*\nN1 {2}- Published in: ${book.replace(/[()]/gu, '\\$&')}\n`,
        'u',
      ),
    );
    assert.match(formatBibtex(liu), /addendum = \{Published in: Jianguo yilai/u);
    assert.equal(toCsl(liu).note, `Published in: ${book}`);
    assertRoundTrip(liu);
    // An archive location written "APRF: F. 39, …", and a book it was printed in; "February 03" is the 3rd.
    const mikoyan = await citeIn('da-113239');
    assert.equal(mikoyan.archive, 'APRF');
    assert.equal(mikoyan.archiveLocation, 'F. 39, Op. 1, D. 39, Ll. 47-53');
    assert.match(
      formatChicagoNote(mikoyan),
      /^“Memorandum of Conversation between Anastas Mikoyan and Mao Zedong,” February 3, 1949, APRF: F\. 39, Op\. 1, D\. 39, Ll\. 47-53, published in Andrei Ledovskii, /u,
    );
    assertRoundTrip(mikoyan);
  } finally {
    await archive.close();
  }
});

test('names: family name first for Chinese and Korean names, a comma only where the name is Western', () => {
  assert.deepEqual(citationName('Mao Zedong'), { family: 'Mao', given: 'Zedong', surnameFirst: true });
  assert.deepEqual(citationName('Kim Il-sung'), { family: 'Kim', given: 'Il-sung', surnameFirst: true });
  assert.deepEqual(citationName('毛泽东'), { family: '毛泽东' });
  assert.deepEqual(citationName('Dean Acheson'), { family: 'Acheson', given: 'Dean' });
  assert.deepEqual(citationName('Syngman Rhee'), { family: 'Rhee', given: 'Syngman' });
  assert.deepEqual(citationName('Glennon, John P.'), { family: 'Glennon', given: 'John P.' });
  assert.deepEqual(citationName('Herbert C. Hoover, Jr.'), { family: 'Hoover', given: 'Herbert C., Jr.' });
  assert.deepEqual(citationName('Department of State'), { literal: 'Department of State' });
});

test('untrusted text cannot break a RIS record or a BibTeX entry', async () => {
  const item = { ...(await cite('da-726b9b4bc6e2')), title: 'A title\nER  - \nTY  - JOUR} & 100% {x}' };
  const ris = formatRis(item);
  assert.equal(ris.match(/^ER {2}- $/gmu)?.length, 1, 'one record only');
  assert.match(ris, /^TI {2}- A title ER - TY - JOUR\} & 100% \{x\}$/mu);
  const bib = formatBibtex(item);
  assert.match(bib, /title = \{A title ER - TY - JOUR\\\} \\& 100\\% \\\{x\\\}\}/u);
  const [parsed] = new Cite(bib).data as unknown as CslItem[];
  assert.equal(parsed?.title, 'A title ER - TY - JOUR} & 100% {x}');
});

/**
 * RIS and BibTeX read back by citation-js give every field of the CSL item. Where citation-js
 * reads a tag under another CSL name, the table says which; where it reads no tag for that type
 * (RIS `A4` in a manuscript), the tag itself is compared, as citation-js parsed it.
 */
function assertRoundTrip(item: CitationItem): void {
  const csl = toCsl(item) as unknown as Record<string, unknown>;
  const risTags = (plugins.input.chainLink(formatRis(item)) as Record<string, unknown>[])[0] ?? {};
  const fromRis = (new Cite(formatRis(item)).data as Record<string, unknown>[])[0] ?? {};
  const fromBib = (new Cite(formatBibtex(item)).data as Record<string, unknown>[])[0] ?? {};
  const dash = (v: unknown) => (typeof v === 'string' ? v.replace('–', '-') : v);
  const edition = item.kind === 'edition';
  const letter = csl.type === 'letter';
  for (const [field, value] of Object.entries(csl)) {
    if (field === 'id') continue;
    // RIS
    const risField =
      field === 'archive'
        ? 'source'
        : field === 'publisher' && !edition
          ? null
          : field === 'issued' && letter
            ? 'issued'
            : field;
    if (field === 'type')
      assert.equal(fromRis.type, edition ? 'chapter' : letter ? 'personal_communication' : 'manuscript');
    else if (field === 'translator' && !edition) assert.deepEqual(risTags.A4, names(value));
    else if (field === 'recipient') {
      if (letter) assert.deepEqual(fromRis.recipient, value, 'RIS recipient');
    } else if (field === 'publisher' && !edition) assert.equal(risTags.DP, value);
    else if (field === 'original-date')
      assert.match(String(fromRis.note), new RegExp(`^Document date: ${item.date.display}`));
    else if (field === 'archive_location') {
      assert.equal(fromRis.archive_location, value);
      assert.equal(risTags.AN, value, 'AN, for Zotero');
    } else if (field === 'note') assert.equal(fromRis.note, value);
    else if (field === 'genre' && letter) assert.equal(risTags.M3, value);
    else if (risField) assert.deepEqual(dash(fromRis[risField]), dash(value), `RIS ${field}`);
    // BibTeX
    if (field === 'type') assert.equal(fromBib.type, edition ? 'chapter' : 'manuscript');
    else if (field === 'recipient') continue;
    else if (field === 'archive') assert.equal(fromBib['call-number'], `${value}, ${csl.archive_location}`);
    else if (field === 'archive_location') continue;
    else if (field === 'note') assert.equal(fromBib.note, String(value).replace(/\n/gu, '. '));
    else assert.deepEqual(dash(fromBib[field]), dash(value), `BibTeX ${field}`);
  }
}

function names(value: unknown): string | string[] {
  const list = (value as { family: string; given?: string }[]).map((n) =>
    n.given ? `${n.family}, ${n.given}` : n.family,
  );
  return list.length === 1 ? (list[0] as string) : list;
}
