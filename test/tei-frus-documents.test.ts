import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { blockStarting, blocks, notes, type Read, readTeiFile, record, V1951 } from './support/frus-read.ts';

// Documents of FRUS 1951, vol. VII, part 2, checked field by field against the XML.
let v1951: Read;

before(async () => {
  v1951 = await readTeiFile(V1951);
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
    // The Joint Chiefs wrote; their Chairman signed. Marshall is the Secretary of Defense.
    assert.deepEqual(
      r.authors.map((a) => [a.name, a.personId, a.office]),
      [['Omar N. Bradley', 'frus1951v07p2~omar-n-bradley', 'Joint Chiefs of Staff']],
    );
    assert.deepEqual(
      r.recipients.map((a) => [a.name, a.personId, a.office, a.officeId]),
      [['Marshall', 'frus1951v07p2~marshall', 'Secretary of Defense', 'org:secretary-defense']],
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

  test("a sender the markup does not link is this volume's own person, not another volume's or the authority file's", async () => {
    const henderson = {
      id: 'henderson',
      kind: 'person' as const,
      name: 'Loy W. Henderson',
      names: [{ form: 'Henderson', kind: 'variant' as const }],
    };
    const otherVolume = {
      id: 'frus1955-57v23p2-p_CLUBB',
      kind: 'person' as const,
      name: 'Clubb',
      names: [{ form: 'Clubb', kind: 'preferred' as const }],
      externalIds: [{ scheme: 'frus-person', value: 'p_CLUBB' }],
    };
    const read = await readTeiFile(V1951, { authorities: new AuthorityIndex([henderson, otherVolume]) });
    // Whether the "Henderson" of 1951 is Loy W. Henderson is for reconciliation to decide, on evidence.
    assert.deepEqual(record(read, 'frus1951v07p2-d4').authors, [
      {
        name: 'Henderson',
        alias: null,
        personId: 'frus1951v07p2~henderson',
        raw: 'Henderson',
        office: 'Ambassador in India',
        officeId: 'org:ambassador-india',
      },
    ]);
    assert.equal(record(read, 'frus1951v07p2-d5').authors[0]?.personId, 'frus1951v07p2~clubb');
    assert.equal(record(read, 'frus1951v07p2-d5').authors[0]?.name, 'Clubb');
    const observed = read.authorities.get('frus1951v07p2~henderson');
    assert.deepEqual(observed?.offices?.[0], {
      name: 'Ambassador in India',
      date: '1951-01-12',
      source: 'frus1951v07p2',
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
    // The Secretary of State wrote, Acheson signed: the person and the office.
    assert.deepEqual(
      [r.authors[0]?.name, r.authors[0]?.office, r.recipients[0]?.name, r.recipients[0]?.officeId],
      ['Acheson', 'Secretary of State', 'Embassy in the Republic of China', 'org:embassy-republic-china'],
    );
    assert.equal(r.recipients[0]?.personId, null);
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

  test('d33: a sender named with the post after the name, from the wording of the head', () => {
    const r = record(v1951, 'frus1951v07p2-d33');
    assert.equal(r.type, 'memorandum-of-conversation');
    assert.deepEqual(r.authors, [
      {
        name: 'Burton Kitain',
        alias: null,
        personId: 'frus1951v07p2~burton-kitain',
        raw: 'Burton Kitain of the Office of British Commonwealth and Northern European Affairs',
      },
    ]);
    assert.deepEqual(r.recipients, []);
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
