import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  blockStarting,
  blocks,
  CURRENT,
  notes,
  type Read,
  readTeiFile,
  record,
  V1955,
} from './support/frus-read.ts';

// FRUS 1955–57, vol. XXIII, part 2 (Korea), in the older encoding and in the current one (the
// first 20 documents), checked field by field against the XML and against each other.
let v1955: Read;
let current: Read;

before(async () => {
  [v1955, current] = await Promise.all([readTeiFile(V1955), readTeiFile(CURRENT)]);
});

describe('documents, older encoding (1955–57: source note inside the head)', () => {
  test('d2: memorandum of conversation; the recipient linked to the persons list through a "see" entry', () => {
    const r = record(v1955, 'frus1955-57v23p2-d2');
    assert.equal(
      r.title,
      '2. Memorandum of a Conversation Between the Secretary of State and the Korean Ambassador (Yang), Department of State, Washington, January 7, 1955',
    );
    assert.equal(r.type, 'memorandum-of-conversation');
    assert.deepEqual(r.recipients, [
      { name: 'Chan Yang You', alias: null, personId: 'frus1955-57v23p2-p_YCYD1', raw: 'Yang' },
    ]);
    assert.deepEqual(r.archivalLocations, [
      {
        repository: 'Department of State',
        file: 'Central Files, 611.95B/1–755',
        classification: 'Confidential',
        raw: 'Source: Department of State, Central Files, 611.95B/1–755. Confidential. Drafted by William G. Jones.',
      },
    ]);
    assert.deepEqual(r.date, {
      display: 'January 7, 1955',
      min: '1955-01-07',
      max: '1955-01-07',
      certainty: 'exact',
      timeZone: null,
    });
    assert.deepEqual(r.pages, { first: '2', last: '3' });
    assert.deepEqual(
      blocks(r)
        .slice(0, 3)
        .map((b) => [b.type, b.text]),
      [
        ['dateline', 'Washington, January 7, 1955'],
        ['heading', 'SUBJECT'],
        ['list-item', 'Meeting with the Korean Ambassador'],
      ],
    );
    // "Drafted by William G. Jones" in the source note is a mention too.
    assert.ok(
      r.mentions.some((m) => m.authorityId === 'frus1955-57v23p2-p_JWG1' && m.form === 'William G. Jones'),
    );
  });

  test('d3: telegram from an embassy; people and terms in the text become mentions', () => {
    const r = record(v1955, 'frus1955-57v23p2-d3');
    assert.equal(r.type, 'telegram');
    // The Embassy's telegram, signed by the Ambassador.
    assert.deepEqual(
      [r.authors[0]?.name, r.authors[0]?.personId, r.authors[0]?.office, r.recipients[0]?.name],
      ['Ellis O. Briggs', 'frus1955-57v23p2-p_BEO1', 'Embassy in Korea', 'Department of State'],
    );
    assert.equal(r.date.min, '1955-01-08T14:00:00');
    assert.equal(r.date.display, 'January 8, 1955—2 p.m.');
    assert.equal(r.place, 'Seoul');
    assert.equal(r.archivalLocations[0]?.file, 'Central Files, 611.95B/1–855');
    assert.equal(r.archivalLocations[0]?.classification, 'Secret');
    const first = blockStarting(r, '757. Department please pass FOA');
    const hull = r.mentions.find((m) => m.authorityId === 'frus1955-57v23p2-p_HGJE1');
    assert.deepEqual(hull, {
      kind: 'person',
      authorityId: 'frus1955-57v23p2-p_HGJE1',
      name: 'John E. Hull',
      form: 'Hull',
      textId: 'original',
      blockId: first.id,
    });
    assert.ok(r.mentions.some((m) => m.authorityId === 'frus1955-57v23p2-t_FOA1' && m.blockId === first.id));
    assert.deepEqual(r.pages, { first: '3', last: '5' });
  });

  test('d11: memorandum of discussion at an NSC meeting (minutes) from a presidential library', () => {
    const r = record(v1955, 'frus1955-57v23p2-d11');
    assert.equal(r.type, 'minutes');
    assert.deepEqual(r.archivalLocations[0], {
      repository: 'Eisenhower Library',
      file: 'Whitman File, NSC Records',
      classification: 'Top Secret',
      raw: 'Source: Eisenhower Library, Whitman File, NSC Records. Top Secret. Drafted by S. Everett Gleason on February 4.',
    });
    // The head names no sender; the memorandum is signed by the one who drafted it.
    assert.deepEqual(
      r.authors.map((a) => a.name),
      ['S. Everett Gleason'],
    );
  });

  test('d126: a note in the head that says "Source:" without being typed as one is the source note', () => {
    const r = record(v1955, 'frus1955-57v23p2-d126');
    assert.equal(r.archivalLocations.length, 1);
    assert.equal(r.archivalLocations[0]?.repository, 'Department of State');
    assert.equal(r.archivalLocations[0]?.file, 'Central Files, 795.00/3–1556');
    assert.equal(r.archivalLocations[0]?.classification, 'Secret');
    assert.match(
      r.archivalLocations[0]?.raw ?? '',
      /^Source: Department of State, Central Files, 795\.00\/3–1556\. Secret; Priority\./,
    );
  });

  test('d14: "Source: Department of Defense Files." names the repository the way the older notes do', () => {
    const r = record(v1955, 'frus1955-57v23p2-d14');
    assert.deepEqual(
      r.archivalLocations.map((l) => [l.repository, l.file, l.classification]),
      [['Department of Defense', null, 'Top Secret']],
    );
    assert.equal(r.type, 'telegram');
  });

  test('d24: a National Security Council report; d40: a despatch named in its head', () => {
    const report = record(v1955, 'frus1955-57v23p2-d24');
    assert.equal(report.type, 'report');
    assert.equal(report.archivalLocations[0]?.file, 'S/S–NSC Files: Lot 63 D 351, NSC 5514 Series');
    assert.equal(report.date.min, '1955-02-25');
    const despatch = record(v1955, 'frus1955-57v23p2-d40');
    assert.equal(despatch.type, 'despatch');
    assert.equal(despatch.place, 'Seoul');
    assert.equal(despatch.archivalLocations[0]?.classification, 'Top Secret');
  });
});

describe('documents, current encoding (doc-dateTime, subtype, source note in the head)', () => {
  test('d1: editorial note dated by the range the editors gave it', () => {
    const r = record(current, 'frus1955-57v23p2-d1');
    assert.equal(r.type, 'editorial-note');
    assert.equal(r.title, '1. Editorial Note');
    assert.deepEqual(r.date, {
      display: '',
      min: '1955-01-07T00:00:00-05:00',
      max: '1957-12-31T23:59:59-05:00',
      certainty: 'inferred',
      timeZone: '-05:00',
    });
    assert.deepEqual(r.pages, { first: '1', last: '1' });
  });

  test('d2: the same document as in the older encoding, with the range of its day', () => {
    const r = record(current, 'frus1955-57v23p2-d2');
    const older = record(v1955, 'frus1955-57v23p2-d2');
    assert.equal(r.title, older.title);
    assert.deepEqual(r.archivalLocations, older.archivalLocations);
    assert.deepEqual(r.recipients, older.recipients);
    assert.deepEqual(r.date, {
      display: 'January 7, 1955',
      min: '1955-01-07T00:00:00-05:00',
      max: '1955-01-07T23:59:59-05:00',
      certainty: 'exact',
      timeZone: '-05:00',
    });
    assert.deepEqual(
      blocks(r).map((b) => b.text),
      blocks(older).map((b) => b.text),
    );
  });

  test('d3: telegram sent at 2 p.m. in Seoul: the range in Washington time, the time zone as written', () => {
    const r = record(current, 'frus1955-57v23p2-d3');
    assert.equal(r.type, 'telegram');
    assert.deepEqual(r.date, {
      display: 'January 8, 1955—2 p.m.',
      min: '1955-01-08T00:30:00-05:00',
      max: '1955-01-08T00:30:00-05:00',
      certainty: 'exact',
      timeZone: '+08:30',
    });
    assert.equal(r.place, 'Seoul');
    assert.deepEqual(
      notes(r).map((n) => [n.id, n.n, n.blockId === null]),
      [
        ['d3fn1', '1', true],
        ['d3fn2', '2', false],
        ['d3fn3', '3', false],
        ['d3fn4', '4', false],
        ['d3fn5', '5', false],
        ['d3fn6', '6', false],
        ['d3fn7', '7', false],
      ],
    );
    assert.equal(
      notes(r)[0]?.text,
      'Source: Department of State, Central Files, 611.95B/1–855. Secret. Repeated to Tokyo.',
    );
    const kim = blockStarting(r, 'Likewise of interest');
    const call = kim.marks.find((m) => m.ref === 'd3fn5');
    assert.equal(
      kim.text.slice(0, call?.start),
      'Likewise of interest in connection with foregoing, Governor Kim',
    );
    assert.deepEqual(r.pages, { first: '3', last: '5' });
    assert.equal(blocks(r).at(-1)?.text, 'Briggs');
  });

  test('d5: letter; the sender linked by persName/@corresp, the recipient an office', () => {
    const r = record(current, 'frus1955-57v23p2-d5');
    assert.equal(r.type, 'letter');
    assert.deepEqual(r.authors, [
      {
        name: 'Robert B. Anderson',
        alias: null,
        personId: 'frus1955-57v23p2-p_ARB1',
        raw: 'Anderson',
        office: 'Acting Secretary of Defense',
        officeId: 'org:acting-secretary-defense',
      },
    ]);
    assert.deepEqual(r.recipients, [
      {
        name: 'Secretary of State',
        alias: null,
        personId: null,
        raw: 'Secretary of State',
        office: 'Secretary of State',
        officeId: 'org:secretary-state',
      },
    ]);
    assert.equal(r.date.display, 'January 13, 1955');
    assert.deepEqual(r.archivalLocations[0], {
      repository: 'Department of State',
      file: 'Central Files, 795.00/1–1355',
      classification: 'Top Secret',
      raw: 'Source: Department of State, Central Files, 795.00/1–1355. Top Secret.',
    });
    assert.deepEqual(r.pages, { first: '7', last: '8' });
    assert.match(blocks(r)[1]?.text ?? '', /^Dear Mr. Secretary: I refer to a letter/);
  });
});
