import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { loadCitation } from '../src/citation/citation.export.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { writeTeiCorpus, writeTeiDocument } from '../src/tei/tei.export.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';
import { makeRecord } from './support/record.fixture.ts';
import { validateTei } from './support/xml.validate.ts';

/**
 * TEI P5 out: every record of the seeds and the FRUS volumes as a TEI document, validated against
 * tei_all.rng with jing, one by one and as a corpus; and read back by ingest, detected as Chancery
 * TEI, into an empty archive, where every record equals the one exported.
 */
const baseUrl = 'https://chancery.example';
const dir = mkdtempSync(join(tmpdir(), 'chancery-tei-'));
let app: App;
const records: ChanceryRecord[] = [];
const documents = new Map<string, string>();

before(async () => {
  app = await openCorpusApp({ frus: true });
  for await (const record of app.store.streamRecords()) {
    records.push(record);
    documents.set(
      record.id,
      writeTeiDocument(record, await loadCitation(record, { ...app, baseUrl }), baseUrl),
    );
  }
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every exported record is valid TEI P5 (tei_all.rng, jing), and so is the whole corpus', async () => {
  assert.equal(documents.size, 600);
  const result = await validateTei([...documents.values()]);
  assert.ok(result.ok, result.output.slice(0, 3000));
  const corpus = await collect(
    writeTeiCorpus(
      (async function* () {
        for (const record of records.slice(0, 60))
          yield { record, citation: await loadCitation(record, { ...app, baseUrl }) };
      })(),
      { baseUrl },
    ),
  );
  const whole = await validateTei([corpus]);
  assert.ok(whole.ok, whole.output.slice(0, 3000));
});

test('the header holds the record; texts are a group; marks and alignments are TEI elements', () => {
  const cable = documents.get('da-726b9b4bc6e2') ?? '';
  assert.match(
    cable,
    /<msIdentifier><repository>RGASPI<\/repository><collection type="fond">558<\/collection><collection type="opis">11<\/collection>/,
  );
  assert.match(
    cable,
    /<respStmt><resp key="translator">Translated by<\/resp><name>Gary Goldberg<\/name><\/respStmt>/,
  );
  assert.match(
    cable,
    /<persName type="preferred" ref="https:\/\/chancery\.example\/people\/stalin" key="stalin">Joseph Stalin<\/persName><persName type="alias">Filippov<\/persName>/,
  );
  assert.match(
    cable,
    /<langUsage><language ident="ru" n="original">ru<\/language><language ident="en">en<\/language><\/langUsage>/,
  );
  assert.match(
    cable,
    /<text><group><text xml:id="t\.da-726b9b4bc6e2\.original" xml:lang="ru" type="original" n="original">/,
  );
  assert.match(cable, /<text xml:id="t\.da-726b9b4bc6e2\.translation-en" xml:lang="en" type="translation"/);
  assert.match(
    cable,
    /<linkGrp type="alignment" corresp="#t\.da-726b9b4bc6e2\.original #t\.da-726b9b4bc6e2\.translation-en"><link target="#b\.da-726b9b4bc6e2\.original\.b1 #b\.da-726b9b4bc6e2\.translation-en\.b1" n="1:1" cert="0\.\d+"\/>/,
  );
  assert.match(
    cable,
    /<event type="deciphered" when-iso="1951-07-13T16:15"><label type="agent">Sudev<\/label>/,
  );
  const letter = documents.get('da-113644') ?? '';
  assert.equal((letter.match(/<msDesc>/g) ?? []).length, 3, 'an msDesc per archival location');
  assert.match(letter, /<collection type="papka">11<\/collection>/);
  assert.match(letter, /<del>Семин<\/del>/);
  assert.match(letter, /<add>[^<]+<\/add>/);
  assert.match(letter, /<pb type="folio" n="\d+"\/>/);
  assert.match(letter, /<note type="editorial" place="inline" n="warring">\[warring\]<\/note>/);
  const frus = documents.get('frus1951v07p2-d2') ?? '';
  assert.match(frus, /<pb n="1477"\/>/);
  assert.match(frus, /<ptr type="noteAnchor" target="#n\.frus1951v07p2-d2\.original\.d2fn2" n="2"\/>/);
  assert.match(
    frus,
    /<biblStruct type="edition">.*<editor>John P\. Glennon<\/editor>.*<pubPlace>Washington<\/pubPlace><publisher>United States Government Printing Office<\/publisher><date>1983<\/date>/s,
  );
});

test('ingesting the export gives back the same records: detected, not declared, one by one and as a corpus', async () => {
  const corpusFile = join(dir, 'records.tei.xml');
  writeFileSync(
    corpusFile,
    await collect(
      writeTeiCorpus(
        (async function* () {
          for (const record of records)
            yield { record, citation: await loadCitation(record, { ...app, baseUrl }) };
        })(),
        { baseUrl },
      ),
    ),
  );
  const single = join(dir, 'cable.xml');
  writeFileSync(single, documents.get('da-726b9b4bc6e2') ?? '');
  const empty = await openApp({ db: ':memory:' });
  try {
    const report = await ingestPaths({
      paths: [corpusFile, single],
      store: empty.store,
      search: empty.search,
      authorities: empty.authorities,
      readers: empty.readers,
    });
    assert.deepEqual(
      report.files.map((f) => [f.format, f.problems]),
      [
        ['tei-chancery', []],
        ['tei-chancery', []],
      ],
    );
    assert.equal(await empty.store.countRecords(), records.length);
    let same = 0;
    for (const record of records) {
      assert.deepEqual(await empty.store.getRecord(record.id), record, record.id);
      same++;
    }
    assert.equal(same, 600);
  } finally {
    await empty.close();
  }
});

test('a number the TEI writes wrong, or nesting no record has, is said as written, the rest of the corpus read', async () => {
  const cable = documents.get('da-726b9b4bc6e2') ?? '';
  assert.match(cable, /cert="[\d.]+"/);
  const wrongNumber = join(dir, 'wrong-cert.tei.xml');
  writeFileSync(wrongNumber, cable.replace(/cert="[\d.]+"/, 'cert="high"'));
  const deep = join(dir, 'deep.tei.xml');
  writeFileSync(deep, cable.replace('</p>', `${'<hi>'.repeat(2000)}x${'</hi>'.repeat(2000)}</p>`));
  const empty = await openApp({ db: ':memory:' });
  try {
    const report = await ingestPaths({ paths: [wrongNumber, deep], ...empty });
    const [number, nesting] = report.files;
    assert.equal(number?.status, 'failed');
    assert.match(
      number?.problems[0]?.message ?? '',
      /wrong-cert\.tei\.xml, line \d+: TEI document 1: the cert of an alignment link is "high", not a number\. Skipped\./,
    );
    assert.equal(nesting?.status, 'failed');
    assert.match(
      nesting?.problems[0]?.message ?? '',
      /deep\.tei\.xml: elements nested more than 1,000 deep at line \d+, the limit/,
    );
  } finally {
    await empty.close();
  }
});

test('untrusted text stays text in TEI: markup, control characters and quotes in any field', async () => {
  const hostile = makeRecord({
    id: 'x"<&>',
    title: '</title><script>alert(1)</script> & "quotes"',
    summary: 'line\nbreak\ttab \u0001control',
    texts: [
      {
        id: 'original',
        kind: 'original',
        language: 'ru',
        blocks: [
          {
            id: 'b"1',
            type: 'paragraph',
            text: '<b>not bold</b> ]]> &amp;',
            marks: [{ type: 'deletion', text: '<b>', start: 0, end: 3 }],
          },
        ],
      },
    ],
  });
  const xml = writeTeiDocument(hostile, await loadCitation(hostile, { ...app, baseUrl }), baseUrl);
  const result = await validateTei([xml]);
  assert.ok(result.ok, result.output);
  assert.doesNotMatch(xml, /<script>/);
  const { readTeiRecord } = await import('../src/tei/tei.import.ts');
  const { parseXmlTree } = await import('../src/xml/xml.tree.ts');
  const back = readTeiRecord(parseXmlTree(xml));
  assert.equal(back.title, hostile.title);
  assert.equal(back.id, hostile.id);
  assert.equal(back.summary, 'line\nbreak\ttab control', 'a control character XML cannot carry is dropped');
  assert.deepEqual(back.texts, hostile.texts);
});

test('GET /documents/:id.tei.xml serves one record as TEI; an unknown id is a 404', async () => {
  const web = createWebApp({ ...app, baseUrl });
  const response = await web.request('/documents/da-113644.tei.xml');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/tei\+xml/);
  assert.equal(await response.text(), documents.get('da-113644'));
  assert.equal((await web.request('/documents/nothing.tei.xml')).status, 404);
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
