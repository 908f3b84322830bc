import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Agent, ChanceryRecord } from '../src/record/record.types.ts';
import type { SearchIndex } from '../src/search/search-index.types.ts';
import { PUBLISHED } from '../src/store/record.publication.ts';
import type { Store } from '../src/store/store.types.ts';
import { makeRecord } from './support/record.fixture.ts';

/** A store and the search index it writes, as a backend opens them. */
export interface Backend {
  store: Store;
  search: SearchIndex;
}

/**
 * The behaviour every Store implementation must have. Each storage driver's test file calls this
 * with a function that opens a fresh, empty store with its search index.
 */
export function runStoreContract(driver: string, openEmpty: () => Promise<Backend>): void {
  const withStore = (name: string, body: (store: Store, search: SearchIndex) => Promise<void>) =>
    test(`${driver} store: ${name}`, async () => {
      const { store, search } = await openEmpty();
      try {
        await body(store, search);
      } finally {
        await search.close();
        await store.close();
      }
    });

  withStore('a saved record comes back equal, and saving it again changes nothing', async (store) => {
    const record = makeRecord();
    assert.equal(await store.saveRecord(record), 'ingested');
    assert.deepEqual(await store.getRecord(record.id), record);
    assert.equal(await store.saveRecord(structuredClone(record)), 'unchanged');
    assert.deepEqual(
      (await store.listVersions(record.id)).map((v) => v.version),
      [1],
    );
  });

  withStore(
    'a changed record is updated under its id and the earlier version stays retrievable',
    async (store) => {
      const first = makeRecord();
      const second = makeRecord({
        summary: 'Corrected summary.',
        source: { ...first.source, sha256: 'b'.repeat(64) },
      });
      await store.saveRecord(first);
      assert.equal(await store.saveRecord(second), 'updated');
      assert.equal((await store.getRecord(first.id))?.summary, 'Corrected summary.');
      assert.deepEqual(await store.getRecordVersion(first.id, 1), first);
      assert.deepEqual(await store.getRecordVersion(first.id, 2), second);
      assert.equal(await store.getRecordVersion(first.id, 3), null);
      const versions = await store.listVersions(first.id);
      assert.deepEqual(
        versions.map((v) => [v.version, v.sha256]),
        [
          [1, 'a'.repeat(64)],
          [2, 'b'.repeat(64)],
        ],
      );
      assert.equal(await store.countRecords(), 1);
    },
  );

  withStore('an unknown id gives null, not an error', async (store) => {
    assert.equal(await store.getRecord('nope'), null);
    assert.deepEqual(await store.listVersions('nope'), []);
  });

  withStore('a record comes with its publication in one read, whoever may see it', async (store) => {
    const record = makeRecord();
    await store.saveRecord(record);
    assert.deepEqual(await store.getRecordWithPublication(record.id), { record, publication: PUBLISHED });
    const at = '2024-05-01T12:00:00.000Z';
    await store.setPublication(
      record.id,
      { state: 'withdrawn', until: null, reason: 'Rights not cleared' },
      {
        at,
        actor: 'ed',
        action: 'record.publish',
        target: record.id,
        detail: {},
        reason: '',
        address: 'cli',
      },
    );
    assert.equal(await store.getRecord(record.id), null, 'readers do not get it');
    assert.deepEqual(await store.getRecordWithPublication(record.id), {
      record,
      publication: {
        state: 'withdrawn',
        until: null,
        reason: 'Rights not cleared',
        changedAt: at,
        changedBy: 'ed',
      },
    });
    assert.equal(await store.getRecordWithPublication('nope'), null);
  });

  withStore(
    'the reconciled authority of each member is found by member, never by its own id',
    async (store) => {
      const person = (id: string, members: string[]) => ({
        id,
        kind: 'person' as const,
        name: id,
        names: [{ form: id, kind: 'preferred' as const }],
        members,
      });
      // After a merge and a split, the authority file's member `kim-il-sung` is in `kis`, and a
      // split made an authority `kim-il-sung` of another member.
      await store.saveReconciliation({
        authorities: [person('kim-il-sung', ['v1-kim']), person('kis', ['kim-il-sung', 'v2-kim'])],
        groupOf: new Map([
          ['v1-kim', 'kim-il-sung'],
          ['kim-il-sung', 'kis'],
          ['v2-kim', 'kis'],
        ]),
        review: [],
      });
      const groups = await store.getReconciledOfMembers(['kim-il-sung', 'v1-kim', 'nobody']);
      assert.deepEqual([...groups].map(([member, authority]) => [member, authority.id]).sort(), [
        ['kim-il-sung', 'kis'],
        ['v1-kim', 'kim-il-sung'],
      ]);
      assert.deepEqual(groups.get('kim-il-sung')?.members, ['kim-il-sung', 'v2-kim']);
      assert.equal(
        (await store.getReconciled('kim-il-sung'))?.id,
        'kim-il-sung',
        'getReconciled: an id first',
      );
      assert.deepEqual(await store.getReconciledOfMembers([]), new Map());
    },
  );

  withStore('records list in date order, and a collection lists in its own order', async (store) => {
    const late = makeRecord({
      id: 'late',
      date: { display: '1953', min: '1953-01-01', max: '1953-12-31', certainty: 'exact' },
      collections: [{ id: 'vol', position: 1 }],
    });
    const early = makeRecord({ id: 'early', collections: [{ id: 'vol', position: 2 }] });
    const undated = makeRecord({
      id: 'undated',
      date: { display: 'undated', min: null, max: null, certainty: 'unknown' },
    });
    assert.deepEqual(await store.saveRecords([late, undated, early]), ['ingested', 'ingested', 'ingested']);
    assert.deepEqual(
      (await store.listRecords()).map((r) => r.id),
      ['early', 'late', 'undated'],
    );
    assert.deepEqual(
      (await store.listRecords({ collectionId: 'vol' })).map((r) => r.id),
      ['late', 'early'],
    );
    assert.deepEqual(
      (await store.listRecords({ limit: 1, offset: 1 })).map((r) => r.id),
      ['late'],
    );
    const streamed: string[] = [];
    for await (const record of store.streamRecords()) streamed.push(record.id);
    assert.deepEqual(streamed, ['early', 'late', 'undated']);
  });

  withStore('source bytes are kept byte for byte, once per SHA-256', async (store) => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x00, 0xff, 0x41]);
    const source = { sha256: 'c'.repeat(64), fileName: 'x.txt', format: 'archive-page-text', bytes };
    await store.saveSource(source);
    await store.saveSource({ ...source, fileName: 'other-name.txt' });
    const back = await store.getSource(source.sha256);
    assert.ok(back);
    assert.ok(Buffer.from(back.bytes).equals(bytes));
    assert.equal(back.fileName, 'x.txt');
    assert.equal(await store.getSource('d'.repeat(64)), null);
  });

  withStore('collections and authorities are saved, replaced and listed', async (store) => {
    await store.saveCollection({ id: 'frus1951v07p2', title: 'Korea and China', kind: 'volume' });
    await store.saveCollection({ id: 'frus1951v07p2', title: 'Korea and China, Part 2', kind: 'volume' });
    assert.equal((await store.getCollection('frus1951v07p2'))?.title, 'Korea and China, Part 2');
    assert.equal((await store.listCollections()).length, 1);
    await store.saveAuthorities([
      { id: 'p1', kind: 'person', name: 'Acheson', names: [] },
      { id: 't1', kind: 'term', name: 'ROK', names: [] },
    ]);
    await store.saveAuthorities([{ id: 'p1', kind: 'person', name: 'Dean Acheson', names: [] }]);
    assert.deepEqual(
      (await store.listAuthorities('person')).map((a) => a.id),
      ['p1'],
    );
    assert.equal((await store.listAuthorities()).length, 2);
    assert.equal((await store.getAuthority('t1'))?.name, 'ROK');
    assert.equal((await store.getAuthority('p1'))?.name, 'Dean Acheson', 'the later save replaces');
  });

  withStore('a healthy store reports no integrity problems', async (store) => {
    await store.saveRecord(makeRecord());
    assert.deepEqual(await store.checkIntegrity(), []);
    // A record readers no longer see is out of the index, as it should be: no problem either.
    await store.setPublication(
      makeRecord().id,
      { state: 'withdrawn', until: null, reason: 'Withdrawn for the test.' },
      {
        at: '2026-01-01T00:00:00Z',
        actor: 'test',
        action: 'record.publish',
        target: makeRecord().id,
        detail: {},
        reason: 'Withdrawn for the test.',
        address: 'test',
      },
    );
    assert.deepEqual(await store.checkIntegrity(), []);
  });

  withStore('summaries come back in the order asked for, and unknown ids are left out', async (store) => {
    await store.saveRecord(makeRecord({ id: 'r1' }));
    await store.saveRecord(makeRecord({ id: 'r2', title: 'Second' }));
    const summaries = await store.getRecordSummaries(['r2', 'missing', 'r1']);
    assert.deepEqual(
      summaries.map((s) => [s.id, s.dateMin]),
      [
        ['r2', '1950-05-14'],
        ['r1', '1950-05-14'],
      ],
    );
    assert.deepEqual(await store.getRecordSummaries([]), []);
  });

  withStore('a record knows its neighbours in date order and in its collection', async (store) => {
    const dated = (id: string, min: string | null, position: number) =>
      makeRecord({
        id,
        date: { display: min ?? 'undated', min, max: min, certainty: min ? 'exact' : 'unknown' },
        collections: [{ id: 'vol', position }],
      });
    // Saved out of order: the order comes from the dates and positions, not from saving.
    await store.saveRecords([
      dated('c', '1951-07-13', 1),
      dated('a', '1950-01-01', 3),
      dated('b', '1951-07-13', 2),
      dated('u', null, 4),
    ]);
    const b = await store.getRecordPlacement('b');
    assert.equal(b?.byDate.previous?.id, 'a');
    assert.equal(b?.byDate.next?.id, 'c');
    assert.deepEqual(
      b?.byCollection.map((c) => [c.collectionId, c.position, c.previous?.id, c.next?.id]),
      [['vol', 2, 'c', 'a']],
    );
    const a = await store.getRecordPlacement('a');
    assert.equal(a?.byDate.previous, null);
    assert.equal((await store.getRecordPlacement('c'))?.byDate.next, null);
    const u = await store.getRecordPlacement('u');
    assert.deepEqual(u?.byDate, { previous: null, next: null });
    assert.equal(u?.byCollection[0]?.previous?.id, 'a');
    assert.equal(u?.byCollection[0]?.next, null);
    assert.equal(await store.getRecordPlacement('missing'), null);
  });

  withStore(
    'correspondence pairs authors with recipients, with counts and date spans',
    async (store, search) => {
      const roshchin = { name: 'Nikolai Roshchin', alias: null, personId: 'roshchin' };
      const stalin = { name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' };
      const mao = { name: 'Mao Zedong', alias: null, personId: null };
      const letter = (
        id: string,
        min: string,
        authors: Agent[] = [roshchin],
        recipients: Agent[] = [stalin],
      ) => makeRecord({ id, authors, recipients, date: { display: min, min, max: min, certainty: 'exact' } });
      await store.saveRecords([
        letter('r1', '1950-05-14'),
        letter('r2', '1950-06-01'),
        letter('r3', '1951-07-13', [mao], [stalin]),
        letter('r4', '1952-09-17', [stalin], [mao]),
      ]);
      const pairs = await search.listCorrespondence();
      assert.deepEqual(pairs[0], {
        author: { key: 'roshchin', personId: 'roshchin', name: 'Nikolai Roshchin' },
        recipient: { key: 'stalin', personId: 'stalin', name: 'Joseph Stalin' },
        count: 2,
        first: '1950-05-14',
        last: '1950-06-01',
      });
      assert.equal(pairs.length, 3);
      const maos = await search.listCorrespondence({ personKey: 'n:mao zedong' });
      assert.deepEqual(
        maos.map((p) => [p.author.name, p.recipient.name, p.count]),
        [
          ['Joseph Stalin', 'Mao Zedong', 1],
          ['Mao Zedong', 'Joseph Stalin', 1],
        ],
      );
      assert.equal(maos[1]?.author.personId, null);
      assert.equal((await search.listCorrespondence({ limit: 1 })).length, 1);
    },
  );

  withStore(
    'a thread lists the records two people wrote each other, either way, in date order',
    async (store, search) => {
      const stalin = { name: 'Joseph Stalin', alias: 'Filippov', personId: 'stalin' };
      const mao = { name: 'Mao Zedong', alias: null, personId: 'mao-zedong' };
      const kim = { name: 'Kim Il Sung', alias: null, personId: 'kim-il-sung' };
      const letter = (id: string, min: string, authors: Agent[], recipients: Agent[]) =>
        makeRecord({ id, authors, recipients, date: { display: min, min, max: min, certainty: 'exact' } });
      await store.saveRecords([
        letter('reply', '1951-07-14', [stalin], [mao]),
        letter('cable', '1951-07-13', [mao], [stalin]),
        letter('other', '1951-07-13', [kim], [stalin]),
        letter('copy', '1951-07-13', [mao, kim], [stalin]),
      ]);
      const thread = await search.findCorrespondence({ a: 'stalin', b: 'mao-zedong' });
      assert.deepEqual(
        thread.map((e) => [e.id, e.dateMin, e.authorIds, e.recipientIds]),
        [
          ['cable', '1951-07-13', ['mao-zedong'], ['stalin']],
          ['copy', '1951-07-13', ['kim-il-sung', 'mao-zedong'], ['stalin']],
          ['reply', '1951-07-14', ['stalin'], ['mao-zedong']],
        ],
      );
      assert.equal(thread[0]?.title, makeRecord().title);
      // Saving a record again with other correspondents takes it out of the thread.
      await store.saveRecord(letter('copy', '1951-07-13', [kim], [stalin]));
      assert.deepEqual(
        (await search.findCorrespondence({ a: 'mao-zedong', b: 'stalin' })).map((e) => e.id),
        ['cable', 'reply'],
      );
      assert.deepEqual(await search.findCorrespondence({ a: 'stalin', b: 'nobody' }), []);
    },
  );

  withStore(
    'relations resolved across records come back with the record, without a new version',
    async (store) => {
      const record = makeRecord({ relations: [{ type: 'has-draft', target: 'test-1#draft' }] });
      await store.saveRecord(record);
      await store.saveRecord(makeRecord({ id: 'earlier' }));
      const reply = {
        type: 'reply-to' as const,
        target: 'earlier',
        basis: 'cites “your telegram of 13 May”',
      };
      await store.saveRelations('test-1', [reply, { type: 'has-draft', target: 'test-1#draft' }]);
      const back = await store.getRecord('test-1');
      assert.deepEqual(back?.relations, [{ type: 'has-draft', target: 'test-1#draft' }, reply]);
      assert.deepEqual(
        (await store.listVersions('test-1')).map((v) => v.version),
        [1],
      );
      assert.equal(await store.saveRecord(record), 'unchanged', 'the record itself is unchanged');
      const streamed: ChanceryRecord[] = [];
      for await (const r of store.streamRecords()) streamed.push(r);
      assert.deepEqual(streamed.find((r) => r.id === 'test-1')?.relations, back?.relations);
      await store.saveRelations('test-1', []);
      assert.deepEqual((await store.getRecord('test-1'))?.relations, record.relations);
      await assert.rejects(store.saveRelations('missing', [reply]), { code: 'record.not_found' });
      assert.equal(await store.deleteRecord('test-1'), true);
      assert.deepEqual(await store.checkIntegrity(), []);
    },
  );

  withStore('records list most recently added first on request', async (store) => {
    await store.saveRecord(makeRecord({ id: 'a-older' }));
    // Ids sort the other way, so date-then-id order would fail; the wait keeps the two saves
    // out of the same millisecond, where they would tie.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.saveRecord(makeRecord({ id: 'z-newer' }));
    assert.deepEqual(
      (await store.listRecords({ order: 'added' })).map((r) => r.id),
      ['z-newer', 'a-older'],
    );
    assert.deepEqual(
      (await store.listRecords({ order: 'added', limit: 1 })).map((r) => r.id),
      ['z-newer'],
    );
  });

  withStore(
    'a deleted record stays listed as a deletion with its sets, until it is saved again',
    async (store) => {
      const record = makeRecord({ id: 'gone', type: 'cable', collections: [{ id: 'vol', position: 1 }] });
      await store.saveRecord(record);
      await store.saveRecord(makeRecord({ id: 'kept' }));
      assert.equal(await store.deleteRecord('gone'), true);
      assert.equal(await store.deleteRecord('gone'), false, 'deleted once');
      assert.equal(await store.getRecord('gone'), null);
      const { total, changes } = await store.listChanges({ limit: 10 });
      assert.equal(total, 2);
      const gone = changes.find((c) => c.id === 'gone');
      assert.deepEqual(
        { deleted: gone?.deleted, type: gone?.type, collections: gone?.collections },
        { deleted: true, type: 'cable', collections: ['vol'] },
      );
      assert.deepEqual(
        (await store.listChanges({ limit: 10, collection: 'vol' })).changes.map((c) => c.id),
        ['gone'],
      );
      assert.deepEqual((await store.listChanges({ limit: 10, id: 'gone' })).changes.length, 1);
      await store.saveRecord(record);
      const again = await store.listChanges({ limit: 10, id: 'gone' });
      assert.deepEqual(
        again.changes.map((c) => [c.id, c.deleted]),
        [['gone', false]],
      );
    },
  );

  withStore(
    'changes list by time of change then id, in windows, by set, resumed after the last one',
    async (store) => {
      await store.saveRecords(['c', 'a', 'b'].map((id) => makeRecord({ id, type: 'letter' })));
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.saveRecord(makeRecord({ id: '0-later', type: 'cable' }));
      const all = await store.listChanges({ limit: 10 });
      // The three saved together may fall in one millisecond or straddle two: by time, then by id.
      const byTimeThenId = [...all.changes].sort((x, y) =>
        x.changedAt === y.changedAt ? (x.id < y.id ? -1 : 1) : x.changedAt < y.changedAt ? -1 : 1,
      );
      assert.deepEqual(all.changes, byTimeThenId);
      assert.deepEqual(all.changes.map((c) => c.id).sort(), ['0-later', 'a', 'b', 'c']);
      assert.equal(all.changes.at(-1)?.id, '0-later', 'saved last');
      const first = await store.listChanges({ limit: 2 });
      assert.equal(first.total, 4);
      const last = first.changes.at(-1);
      assert.ok(last);
      const rest = await store.listChanges({ limit: 2, after: { changedAt: last.changedAt, id: last.id } });
      assert.deepEqual(rest.changes, all.changes.slice(2));
      const later = all.changes[3]?.changedAt ?? '';
      assert.deepEqual(
        (await store.listChanges({ limit: 10, from: later })).changes.map((c) => c.id),
        ['0-later'],
      );
      const untilThird = await store.listChanges({ limit: 10, until: all.changes[2]?.changedAt });
      assert.deepEqual(untilThird.changes, all.changes.slice(0, 3));
      assert.equal((await store.listChanges({ limit: 10, type: 'cable' })).total, 1);
    },
  );
}
