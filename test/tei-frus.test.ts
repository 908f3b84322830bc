import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { teiFrusReader } from '../src/ingest/formats/tei-frus.reader.ts';
import { validateRecord } from '../src/record/record.validate.ts';
import {
  CURRENT,
  countDocumentDivs,
  type Read,
  readTeiFile,
  record,
  section,
  V1951,
  V1955,
} from './support/frus-read.ts';
import { LETTER_SEED } from './support/shared-paths.ts';
import { sourceInputFromPath } from './support/source-input.ts';

let v1951: Read;
let v1955: Read;
let current: Read;

before(async () => {
  [v1951, v1955, current] = await Promise.all([readTeiFile(V1951), readTeiFile(V1955), readTeiFile(CURRENT)]);
});

describe('detect', () => {
  test('scores the FRUS volumes of both encodings high', async () => {
    for (const path of [V1951, V1955, CURRENT]) {
      assert.ok(teiFrusReader.detect(await sourceInputFromPath(path)) >= 0.9, path);
    }
  });

  test('scores files that are not TEI 0, and TEI that is not FRUS lower than FRUS', async () => {
    assert.equal(teiFrusReader.detect(await sourceInputFromPath(LETTER_SEED)), 0);
    const other = (head: string) => teiFrusReader.detect({ name: 'x.xml', head, size: head.length });
    assert.equal(other('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'), 0);
    assert.equal(other('{"id": "x", "texts": [], "source": {}}'), 0);
    assert.equal(other('Citation:\nTelegram from the TEI committee'), 0);
    const plainTei = other(
      '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>',
    );
    assert.ok(plainTei > 0 && plainTei < teiFrusReader.detect(readHead(V1951)));
  });
});

function readHead(path: string) {
  const head = readFileSync(path, 'utf8').slice(0, 65536);
  return { name: 'v.xml', head, size: head.length };
}

describe('volumes', () => {
  test('one record per div[@type="document"] in each older-encoding volume, ids unique, in order', () => {
    for (const [path, read] of [
      [V1951, v1951],
      [V1955, v1955],
    ] as const) {
      const expected = countDocumentDivs(path);
      assert.ok(expected > 200, `${path} holds documents`);
      assert.equal(read.records.length, expected, path);
      assert.equal(new Set(read.records.map((r) => r.id)).size, expected);
      assert.deepEqual(
        read.records.map((r) => r.collections[0]?.position),
        read.records.map((_r, i) => i + 1),
      );
      assert.deepEqual(read.problems, [], `${path} reads without problems`);
    }
    assert.equal(current.records.length, countDocumentDivs(CURRENT));
    assert.equal(current.records.length, 20);
  });

  test('the collection comes first, then the persons list, then the records, then the people and offices they name', () => {
    for (const read of [v1951, v1955, current]) {
      const kinds = read.items.map((i) => i.kind);
      assert.equal(kinds[0], 'collection');
      const firstRecord = kinds.indexOf('record');
      const listed = read.items.slice(0, firstRecord).filter((i) => i.kind === 'authority');
      const observed = read.items.slice(kinds.lastIndexOf('record') + 1);
      // Persons-list entries before the documents; signatures, offices and dateline places once the volume ends.
      assert.ok(listed.every((i) => i.kind === 'authority' && !i.authority.id.includes('~')));
      assert.ok(observed.length > 0 && observed.every((i) => i.kind === 'authority'));
      assert.ok(
        observed.every(
          (i) =>
            i.kind === 'authority' &&
            (i.authority.id.startsWith('org:') ||
              i.authority.id.startsWith('place:') ||
              i.authority.id.includes('~')),
        ),
      );
      assert.equal(read.collections.length, 1);
    }
  });

  test('every record is a valid canonical record', () => {
    for (const r of [...v1951.records, ...v1955.records, ...current.records]) {
      validateRecord(JSON.parse(JSON.stringify(r)), r.id);
      assert.equal(r.source.format, 'tei-frus');
      assert.equal(r.originalLanguage, 'en');
      assert.match(r.rights ?? '', /^Public domain/);
      for (const text of r.texts) {
        assert.deepEqual(
          text.blocks.map((b) => b.id),
          text.blocks.map((_b, i) => `b${i + 1}`),
        );
        for (const block of text.blocks) {
          for (const mark of block.marks) assert.ok(mark.start >= 0 && mark.end <= block.text.length, r.id);
        }
      }
    }
  });

  test('a volume is a collection with its titles, editors, publisher, place and publication date', () => {
    assert.deepEqual(v1951.collections[0], {
      id: 'frus1951v07p2',
      title: 'Foreign Relations of the United States, 1951, Korea and China, Volume VII, Part 2',
      kind: 'volume',
      series: 'Foreign Relations of the United States',
      subSeries: '1951',
      volume: 'Volume VII, Part 2',
      editors: ['John P. Glennon', 'Harriet D. Schwar', 'Paul Claussen', 'Frederick Aandahl'],
      published: '1983',
      publisher: 'United States Government Printing Office',
      place: 'Washington',
      description: 'Korea and China',
    });
    // The older 1955–57 volume has no TEI/@xml:id: the id comes from idno[@type="frus"].
    const korea = {
      id: 'frus1955-57v23p2',
      title: 'Foreign Relations of the United States, 1955–1957, Korea, Volume XXIII, Part 2',
      kind: 'volume',
      series: 'Foreign Relations of the United States',
      subSeries: '1955–1957',
      volume: 'Volume XXIII, Part 2',
      editors: ['Louis J. Smith', 'Glenn W. LaFantasie'],
      published: '1993',
      publisher: 'United States Government Printing Office',
      place: 'Washington',
      description: 'Korea',
    };
    assert.deepEqual(v1955.collections[0], korea);
    // The current encoding writes "sub-series", "volume-number" and a typed publication date.
    assert.deepEqual(current.collections[0], korea);
  });

  test('the persons list becomes person authorities; a "see" entry is folded into the person it names', () => {
    const entries = (section(V1955, 'persons').match(/<persName xml:id="p_/g) ?? []).length;
    const seeEntries = (section(V1955, 'persons').match(/type="alt"/g) ?? []).length;
    for (const read of [v1955, current]) {
      // Signatures and holders of offices the list does not name are the volume's own observations (`~`).
      const persons = [...read.authorities.values()].filter(
        (a) => a.kind === 'person' && !a.id.includes('~'),
      );
      assert.equal(persons.length, entries - seeEntries);
      assert.deepEqual(read.authorities.get('frus1955-57v23p2-p_AR1'), {
        id: 'frus1955-57v23p2-p_AR1',
        kind: 'person',
        name: 'Robert Amory',
        names: [
          { form: 'Robert Amory', kind: 'preferred', source: 'frus1955-57v23p2' },
          { form: 'Amory, Robert', kind: 'variant', source: 'frus1955-57v23p2' },
        ],
        description: 'Deputy Director for Intelligence, Central Intelligence Agency',
        externalIds: [{ scheme: 'frus-person', value: 'p_AR1' }],
        source: 'frus1955-57v23p2',
        years: '1955–1957',
        descriptions: [
          {
            text: 'Deputy Director for Intelligence, Central Intelligence Agency',
            source: 'frus1955-57v23p2',
            years: '1955–1957',
          },
        ],
      });
      const you = read.authorities.get('frus1955-57v23p2-p_YCYD1');
      assert.equal(you?.description, 'Korean Ambassador to the United States');
      assert.ok(you?.names.some((n) => n.form === 'You, Chan Yang, Dr.'));
      assert.ok(you?.names.some((n) => n.form === 'Yang, Dr.'));
      assert.deepEqual(you?.externalIds, [
        { scheme: 'frus-person', value: 'p_YCYD1' },
        { scheme: 'frus-person', value: 'p_YD1' },
      ]);
      assert.equal(read.authorities.get('frus1955-57v23p2-p_YD1'), undefined);
      const chang = read.authorities.get('frus1955-57v23p2-p_CMJMC1');
      assert.ok(chang?.names.some((n) => n.form === 'John Myun Chang'));
    }
  });

  test('the terms list becomes a glossary of term authorities', () => {
    const terms1951 = [...v1951.authorities.values()].filter((a) => a.kind === 'term');
    assert.equal(terms1951.length, (section(V1951, 'terms').match(/<term xml:id=/g) ?? []).length);
    // The 1951 volume has no persons list: its people are those who sign and are named in heads.
    const people1951 = [...v1951.authorities.values()].filter((a) => a.kind === 'person');
    assert.ok(people1951.length > 0 && people1951.every((a) => a.id.startsWith('frus1951v07p2~')));
    assert.deepEqual(v1951.authorities.get('frus1951v07p2-t_AA1'), {
      id: 'frus1951v07p2-t_AA1',
      kind: 'term',
      name: 'AA',
      names: [{ form: 'AA', kind: 'preferred', source: 'frus1951v07p2' }],
      description: 'anti-aircraft',
      externalIds: [{ scheme: 'frus-term', value: 't_AA1' }],
    });
    assert.equal(
      v1951.authorities.get('frus1951v07p2-t_AMC1')?.description,
      'Additional Measures Committee (United Nations); see CAM',
    );
    assert.equal(v1951.authorities.get('frus1951v07p2-t_AFP1')?.description, 'Agence France Presse');
    const termsCurrent = [...current.authorities.values()].filter((a) => a.kind === 'term');
    assert.equal(termsCurrent.length, (section(CURRENT, 'terms').match(/<term xml:id=/g) ?? []).length);
    assert.equal(
      current.authorities.get('frus1955-57v23p2-t_ACS1')?.description,
      'Assistant Chief of Staff (Army)',
    );
  });

  test('reading in chunks of any size gives the same items', async () => {
    const small = await readTeiFile(CURRENT, { chunkBytes: 997 });
    assert.deepEqual(small.items, current.items);
  });
});

describe('bad TEI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-tei-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus-test">
<teiHeader><fileDesc><titleStmt><title type="complete">Test Volume</title></titleStmt></fileDesc></teiHeader>
<text><body><div type="compilation" xml:id="comp1"><div type="chapter" xml:id="ch1">
`;
  const TAIL = '</div></div></body></text></TEI>\n';
  const doc = (id: string | null, body: string) =>
    `<div type="document"${id ? ` xml:id="${id}"` : ''} n="${id?.slice(1) ?? '9'}"><head>Telegram From A to B</head>\n<p>${body}</p>\n</div>\n`;

  async function readText(name: string, text: string, chunkBytes = 16): Promise<Read> {
    const path = join(dir, name);
    writeFileSync(path, text);
    return readTeiFile(path, { chunkBytes });
  }

  const ids = (read: Read) => read.records.map((r) => r.source.recordId);

  test('not well-formed: the faulty document is left out and reported with line and column, the others are read', async () => {
    const text = HEAD + doc('d1', 'One.') + doc('d2', 'Two <hi>unclosed') + doc('d3', 'Three.') + TAIL;
    for (const chunkBytes of [7, 16, 65536]) {
      const read = await readText('malformed.xml', text, chunkBytes);
      assert.deepEqual(ids(read), ['d1', 'd3'], `chunks of ${chunkBytes}`);
      assert.equal(read.problems.length, 1);
      assert.equal(read.problems[0]?.code, 'ingest.xml_malformed');
      assert.match(read.problems[0]?.message ?? '', /Document d2 \(from line 8\) is left out/);
      // `<p>Two <hi>unclosed</p>` on line 9: the parser fails at the closing </p>.
      assert.deepEqual([read.problems[0]?.line, read.problems[0]?.column], [9, 23]);
      assert.equal(record(read, 'frus-test-d3').texts[0]?.blocks[0]?.text, 'Three.');
    }
  });

  test('a bare ampersand is a fault where it stands, not where the next semicolon is', async () => {
    const text = HEAD + doc('d1', 'One.') + doc('d2', 'Smith & Jones') + doc('d3', 'Three; four.') + TAIL;
    const read = await readText('ampersand.xml', text, 5);
    assert.deepEqual(ids(read), ['d1', 'd3']);
    assert.deepEqual(
      read.problems.map((p) => [p.code, p.line, p.column]),
      [['ingest.xml_malformed', 9, 10]],
    );
  });

  test('entity references cut in two by chunk boundaries are no fault', async () => {
    const text = HEAD + doc('d1', 'Smith &amp; Jones&#x2003;&#8212;&lt;x&gt;') + TAIL;
    for (const chunkBytes of [1, 2, 3, 5, 7]) {
      const read = await readText('entities.xml', text, chunkBytes);
      assert.deepEqual(read.problems, [], `chunks of ${chunkBytes}`);
      assert.equal(record(read, 'frus-test-d1').texts[0]?.blocks[0]?.text, 'Smith & Jones\u2003—<x>');
    }
  });

  test('truncated mid-document: the documents before it are kept, the cut is reported', async () => {
    const whole = HEAD + doc('d1', 'One.') + doc('d2', 'Two two two.') + TAIL;
    const cut = whole.slice(0, whole.indexOf('Two two'));
    const read = await readText('truncated.xml', cut);
    assert.deepEqual(ids(read), ['d1']);
    assert.equal(read.collections[0]?.id, 'frus-test');
    assert.equal(read.problems.length, 1);
    assert.equal(read.problems[0]?.code, 'ingest.truncated');
    assert.match(read.problems[0]?.message ?? '', /cut short/);
    assert.equal(read.problems[0]?.line, 9);
  });

  test('a document without xml:id is reported and skipped; the others are read', async () => {
    const read = await readText(
      'no-id.xml',
      HEAD + doc('d1', 'One.') + doc(null, 'Two.') + doc('d3', 'Three.') + TAIL,
    );
    assert.deepEqual(ids(read), ['d1', 'd3']);
    assert.deepEqual(
      read.problems.map((p) => [p.code, p.line]),
      [['ingest.xml_document', 8]],
    );
    assert.match(read.problems[0]?.message ?? '', /has no xml:id/);
    // Positions follow the volume's order, the skipped document included.
    assert.deepEqual(
      read.records.map((r) => r.collections[0]?.position),
      [1, 3],
    );
  });

  test('an unknown element is reported once with where it is; its text is kept', async () => {
    const text =
      HEAD +
      doc('d1', 'One <widget>gizmo</widget> and <frus:widget>more</frus:widget>.') +
      doc('d2', 'Two <widget/>.') +
      TAIL;
    const read = await readText('unknown.xml', text);
    assert.deepEqual(ids(read), ['d1', 'd2']);
    assert.equal(record(read, 'frus-test-d1').texts[0]?.blocks[0]?.text, 'One gizmo and more.');
    assert.deepEqual(
      read.problems.map((p) => [p.code, p.line]),
      [['ingest.xml_document', 6]],
    );
    assert.match(read.problems[0]?.message ?? '', /<widget> in document d1/);
  });

  test('a fault in the header: the collection still comes, named from what was read, and the documents after it', async () => {
    const text = HEAD.replace('</titleStmt>', '</titleStm>') + doc('d1', 'One.') + doc('d2', 'Two.') + TAIL;
    const read = await readText('header.xml', text);
    assert.equal(read.collections[0]?.id, 'frus-test');
    assert.deepEqual(ids(read), ['d1', 'd2']);
    assert.equal(read.problems[0]?.code, 'ingest.xml_malformed');
    assert.equal(read.problems[0]?.line, 3);
  });

  test('a file that is not XML at all gives a problem and nothing else', async () => {
    const read = await readText('garbage.xml', 'this is not XML <<< at all >>>\n');
    assert.deepEqual(read.records, []);
    assert.equal(read.problems[0]?.code, 'ingest.xml_malformed');
  });
});
