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
  V1951,
  V1955,
} from './support/frus-read.ts';

let v1951: Read;
let v1955: Read;
let current: Read;

before(async () => {
  [v1951, v1955, current] = await Promise.all([readTeiFile(V1951), readTeiFile(V1955), readTeiFile(CURRENT)]);
});

describe('documents, older encoding (1951: source note before the head, classification in the opener)', () => {
  test('d1: memorandum, sender and recipient marked up, list items with labels, footnotes and page breaks', () => {
    const r = record(v1951, 'frus1951v07p2-d1');
    assert.equal(r.title, 'Memorandum by the Joint Chiefs of Staff to the Secretary of Defense (Marshall)');
    assert.equal(r.type, 'memorandum');
    assert.deepEqual(r.numbers, [{ kind: 'document', value: '1' }]);
    assert.deepEqual(r.date, {
      display: '2 January 1951',
      min: '1951-01-02',
      max: '1951-01-02',
      certainty: 'exact',
      timeZone: null,
    });
    assert.deepEqual(
      r.authors.map((a) => [a.name, a.personId]),
      [['Joint Chiefs of Staff', null]],
    );
    assert.deepEqual(
      r.recipients.map((a) => [a.name, a.personId]),
      [['Marshall', null]],
    );
    assert.equal(r.place, 'Washington');
    assert.deepEqual(r.archivalLocations, [
      {
        repository: 'Department of State',
        file: '794A.5/1–351',
        raw: '794A.5/1–351',
        classification: 'Top Secret',
      },
    ]);
    assert.deepEqual(r.pages, { first: '1474', last: '1476' });
    assert.equal(r.source.url, 'https://history.state.gov/historicaldocuments/frus1951v07p2/d1');
    assert.equal(r.source.recordId, 'd1');
    assert.deepEqual(r.collections, [{ id: 'frus1951v07p2', position: 1 }]);
    // The head's footnote is a note called from no block.
    assert.equal(notes(r).find((n) => n.id === 'd1fn1')?.blockId, null);
    assert.match(
      notes(r).find((n) => n.id === 'd1fn1')?.text ?? '',
      /^Secretary Marshall sent the memorandum/,
    );
    const item1 = blockStarting(r, '1. In accordance with the request');
    assert.equal(item1.type, 'list-item');
    const call = item1.marks.find((m) => m.type === 'footnote-ref');
    assert.equal(call?.ref, 'd1fn2');
    assert.equal(
      item1.text.slice(0, call?.start),
      '1. In accordance with the request contained in your memorandum, dated 20 December 1950,',
    );
    assert.equal(notes(r).find((n) => n.id === 'd1fn2')?.blockId, item1.id);
    const item3 = blockStarting(r, '3. On 20 November 1950');
    const pb = item3.marks.find((m) => m.type === 'page-break');
    assert.equal(pb?.text, '1475');
    assert.ok(item3.text.slice(0, pb?.start).endsWith('the Joint Chiefs of Staff informed you'));
    assert.equal(blockStarting(r, 'a. Considerably improve').type, 'list-item');
    assert.deepEqual(
      blocks(r)
        .slice(-3)
        .map((b) => [b.type, b.text]),
      [
        ['closer', 'For the Joint Chiefs of Staff:'],
        ['signature', 'Omar N. Bradley'],
        ['closer', 'Chairman\nJoint Chiefs of Staff'],
      ],
    );
    assert.equal(blocks(r)[0]?.type, 'dateline');
    assert.equal(blocks(r)[0]?.text, 'Washington, 2 January 1951.');
  });

  test('d2: memorandum of conversation over several days, no place, quoted lists', () => {
    const r = record(v1951, 'frus1951v07p2-d2');
    assert.equal(r.type, 'memorandum-of-conversation');
    assert.equal(r.title, 'Memorandum of Conversation, Prepared in the Department of State');
    assert.deepEqual(r.date, {
      display: 'January 6 and 7, 1951. January 12 and 13, 1951',
      min: '1951-01-06',
      max: '1951-01-13',
      certainty: 'exact',
      timeZone: null,
    });
    assert.equal(r.place, null);
    assert.deepEqual(r.authors, []);
    assert.equal(r.archivalLocations[0]?.file, 'S/P Files: Lot 64 D 563');
    assert.equal(r.archivalLocations[0]?.classification, 'Top Secret');
    assert.equal(blockStarting(r, 'Fu Tso-yi').type, 'quote');
    assert.equal(r.pages?.first, '1476');
  });

  test('d4: telegram known from its source note, sender and recipient from the head, a time of day', () => {
    const r = record(v1951, 'frus1951v07p2-d4');
    assert.equal(r.type, 'telegram');
    assert.equal(r.title, 'The Ambassador in India (Henderson) to the Secretary of State');
    assert.deepEqual(
      r.authors.map((a) => a.name),
      ['Henderson'],
    );
    assert.deepEqual(
      r.recipients.map((a) => a.name),
      ['Secretary of State'],
    );
    assert.equal(r.date.display, 'January 12, 1951—9 p. m.');
    assert.equal(r.date.min, '1951-01-12T21:00:00');
    assert.equal(r.place, 'New Delhi');
    assert.deepEqual(r.archivalLocations[0], {
      repository: 'Department of State',
      file: '793B.00/1–1251',
      raw: '793B.00/1–1251: Telegram',
      classification: 'Top Secret',
    });
    assert.deepEqual(r.pages, { first: '1506', last: '1508' });
    assert.equal(blocks(r).at(-1)?.type, 'signature');
    assert.equal(blocks(r).at(-1)?.text, 'Henderson');
    const deptel = r.mentions.find((m) => m.form === 'Deptel');
    assert.deepEqual(deptel, {
      kind: 'term',
      authorityId: 'frus1951v07p2-t_Deptel1',
      name: 'Deptel',
      form: 'Deptel',
      textId: 'original',
      blockId: blockStarting(r, '1691. Deptel 1047').id,
    });
  });

  test('d6: national intelligence estimate; the source note "INR–NIE Flies" is kept as printed', () => {
    const r = record(v1951, 'frus1951v07p2-d6');
    assert.equal(r.type, 'intelligence-estimate');
    assert.equal(r.title, 'National Intelligence Estimate');
    assert.deepEqual(r.archivalLocations[0], {
      repository: 'Department of State',
      file: 'INR–NIE Flies',
      raw: 'INR–NIE Flies',
      classification: 'Secret',
    });
    assert.equal(r.date.min, '1951-01-17');
  });

  test('d10: airgram, classification followed by priority in the opener', () => {
    const r = record(v1951, 'frus1951v07p2-d10');
    assert.equal(r.type, 'airgram');
    assert.deepEqual(
      [r.authors[0]?.name, r.recipients[0]?.name],
      ['Secretary of State', 'Embassy in the Republic of China'],
    );
    assert.equal(r.archivalLocations[0]?.file, '793.5 MAP/12–2050');
    assert.equal(r.archivalLocations[0]?.classification, 'Confidential');
  });

  test('d31: editorial note, without date or place', () => {
    const r = record(v1951, 'frus1951v07p2-d31');
    assert.equal(r.type, 'editorial-note');
    assert.deepEqual(r.date, { display: '', min: null, max: null, certainty: 'unknown', timeZone: null });
    assert.deepEqual(r.archivalLocations, []);
    assert.deepEqual(r.pages, { first: '1568', last: '1569' });
    assert.match(blocks(r)[0]?.text ?? '', /^On February 7, 1951, the First Committee/);
  });

  test('d44: sender and recipient read from the wording of a head that does not mark them up', () => {
    const r = record(v1951, 'frus1951v07p2-d44');
    assert.equal(r.title, 'The Joint Chiefs of Staff to the Commander in Chief, Far East (MacArthur)');
    assert.equal(r.type, 'telegram');
    assert.deepEqual(
      r.authors.map((a) => a.name),
      ['Joint Chiefs of Staff'],
    );
    assert.deepEqual(
      r.recipients.map((a) => [a.name, a.raw]),
      [['MacArthur', 'Commander in Chief, Far East (MacArthur)']],
    );
    assert.equal(r.archivalLocations[0]?.repository, 'Department of Defense');
    assert.equal(r.date.display, '28 February 1951—12:11 p. m.');
  });

  test('d94: despatch known from its number in the opener', () => {
    const r = record(v1951, 'frus1951v07p2-d94');
    assert.equal(r.type, 'despatch');
    assert.deepEqual(r.numbers, [
      { kind: 'document', value: '94' },
      { kind: 'despatch', value: '2891' },
    ]);
    assert.deepEqual([r.authors[0]?.name, r.recipients[0]?.name], ['Steere', 'Department of State']);
  });

  test('d7: an attachment keeps its head as a heading; its dateline is not the date of the document', () => {
    const r = record(v1951, 'frus1951v07p2-d7');
    assert.equal(r.date.display, 'January 17, 1951');
    assert.equal(blocks(r)[0]?.text, '[Washington,] January 17, 1951.');
    const heading = blockStarting(r, 'Memorandum Prepared in the Department of State');
    assert.equal(heading.type, 'heading');
    const attachmentDateline = blocks(r).find(
      (b) => b.type === 'dateline' && b.text.startsWith('[Washington, January'),
    );
    assert.ok(attachmentDateline);
    assert.deepEqual(r.pages, { first: '1514', last: '1517' });
  });
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
      { name: 'Dr. Chan Yang You', alias: null, personId: 'frus1955-57v23p2-p_YCYD1', raw: 'Yang' },
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
    assert.deepEqual(
      [r.authors[0]?.name, r.recipients[0]?.name],
      ['Embassy in Korea', 'Department of State'],
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
      name: 'General John E. Hull',
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
    assert.deepEqual(r.authors, []);
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
      { name: 'Robert B. Anderson', alias: null, personId: 'frus1955-57v23p2-p_ARB1', raw: 'Anderson' },
    ]);
    assert.deepEqual(r.recipients, [
      { name: 'Secretary of State', alias: null, personId: null, raw: 'Secretary of State' },
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
