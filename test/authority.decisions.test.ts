import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { decideAuthority } from '../src/editing/authority.decide.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { reconcileArchive } from '../src/names/archive.reconcile.ts';
import { type AuthorityDecision, applyDecisions } from '../src/names/authority.decisions.ts';
import type { Authority } from '../src/record/record.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { copyArchive } from '../src/store/archive.copy.ts';
import { bothBackends } from './support/backends.ts';
import { FRUS_CURRENT_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * Editors' decisions on authorities (issue 15, item 3): merge two people into one and split them
 * again, rename, add and remove name forms with their source, settle a review item; every record
 * linking them follows, counts and searches follow, and the decisions hold when the archive is
 * reconciled again after an ingest.
 */
const EDITOR = { name: 'ed', address: '127.0.0.1' };
const { backends } = bothBackends('authority_decisions');

function person(id: string, name: string, source: string): Authority {
  return { id, kind: 'person', name, names: [{ form: name, kind: 'preferred' }], source };
}

test('decisions apply in order, follow their members, and a repeated one changes nothing', () => {
  const sources = [
    person('v1-a', 'Ann Smith', 'v1'),
    person('v2-a', 'A. Smith', 'v2'),
    person('v1-b', 'Bo Li', 'v1'),
  ];
  const base = {
    authorities: [
      { ...person('ann-smith', 'Ann Smith', ''), members: ['v1-a', 'v2-a'] },
      { ...person('bo-li', 'Bo Li', ''), members: ['v1-b'] },
    ],
    groupOf: new Map([
      ['v1-a', 'ann-smith'],
      ['v2-a', 'ann-smith'],
      ['v1-b', 'bo-li'],
    ]),
    review: [
      { memberId: 'v1-b', name: 'Bo Li', source: 'v1', reason: 'a surname alone', candidates: ['ann-smith'] },
    ],
  };
  const byId = new Map(sources.map((a) => [a.id, a]));
  const split = applyDecisions(base, byId, [{ kind: 'split', members: ['v2-a'] }]);
  assert.notEqual(split.groupOf.get('v2-a'), split.groupOf.get('v1-a'));
  assert.equal(split.authorities.length, 3);
  const merged = applyDecisions(base, byId, [
    { kind: 'merge', into: 'v1-a', from: 'v1-b' },
    { kind: 'edit', member: 'v1-b', name: 'Ann Bo Smith' },
    { kind: 'add-name', member: 'v2-a', form: 'Smith Ann', language: 'en', source: 'Who was who, 1960' },
    { kind: 'remove-name', member: 'v1-a', form: 'A. Smith' },
  ]);
  assert.equal(merged.groupOf.get('v1-b'), 'ann-smith');
  const ann = merged.authorities.find((a) => a.id === 'ann-smith') as Authority;
  assert.equal(merged.authorities.length, 1);
  assert.equal(ann.name, 'Ann Bo Smith');
  assert.deepEqual(ann.members?.sort(), ['v1-a', 'v1-b', 'v2-a']);
  assert.ok(ann.names.some((n) => n.form === 'Smith Ann' && n.source === 'Who was who, 1960'));
  assert.ok(!ann.names.some((n) => n.form === 'A. Smith'));
  assert.equal(ann.names.filter((n) => n.kind === 'preferred').length, 1);
  assert.deepEqual(merged.review, [], 'the merge settled the review item');
  const twice = applyDecisions(merged, byId, [{ kind: 'merge', into: 'v1-a', from: 'v1-b' }]);
  assert.deepEqual(twice.groupOf, merged.groupOf);
  // Merged away, split off again under the same id, merged the other way: candidates still resolve.
  const roundabout = applyDecisions(
    { ...base, review: [{ ...base.review[0], memberId: 'x', candidates: ['bo-li'] }] as typeof base.review },
    byId,
    [
      { kind: 'merge', into: 'v1-a', from: 'v1-b' },
      { kind: 'split', members: ['v1-b'] },
      { kind: 'merge', into: 'v1-b', from: 'v1-a' },
    ],
  );
  assert.equal(roundabout.groupOf.get('v1-a'), 'bo-li');
  assert.deepEqual(roundabout.review[0]?.candidates, ['bo-li']);
  const settled = applyDecisions(base, byId, [{ kind: 'distinct', member: 'v1-b' }]);
  assert.deepEqual(settled.review, []);
  assert.equal(settled.groupOf.get('v1-b'), 'bo-li');
});

for (const [backend, dbFor] of backends) {
  describe(`editors' decisions on authorities on ${backend}`, () => {
    let app: App;
    const documentsOf = async (id: string) => (await app.search.countDocumentsLinking([id])).get(id) ?? 0;

    before(async () => {
      app = await openApp({ db: dbFor('decide') });
      await ingestPaths({ paths: [SEEDS_DIR, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`], ...app });
    });
    after(() => app?.close());

    test('a merge makes one person of two: records, counts and searches follow, and a split undoes it', async () => {
      const briggs = (await app.store.getReconciled('ellis-o-briggs')) as Authority;
      const hull = (await app.store.getReconciled('john-e-hull')) as Authority;
      assert.ok(briggs && hull);
      const [alone, other] = [await documentsOf(briggs.id), await documentsOf(hull.id)];
      assert.ok(alone > 0 && other > 0);
      const hullMember = hull.members?.[0] as string;
      const hullDocs = (await searchArchive({ q: `person:"${hull.name}"`, pageSize: 50 }, app)).hits.map(
        (h) => h.id,
      );
      assert.ok(hullDocs.length > 0);

      await assert.rejects(
        decideAuthority(
          app,
          { kind: 'merge', into: briggs.members?.[0] as string, from: hullMember },
          ' ',
          EDITOR,
        ),
        /note: is empty/,
      );
      await decideAuthority(
        app,
        { kind: 'merge', into: briggs.members?.[0] as string, from: hullMember },
        'One man under two names (test)',
        EDITOR,
      );
      assert.equal((await app.store.getReconciled(hullMember))?.id, briggs.id);
      assert.equal(await app.store.getReconciled(hull.id), null, 'the merged id is gone');
      const together = await documentsOf(briggs.id);
      assert.ok(together > alone && together <= alone + other, `${together} documents`);
      const record = await app.store.getRecord(hullDocs[0] as string);
      const linked = [...(record?.authors ?? []), ...(record?.recipients ?? [])].map((a) => a.personId);
      assert.ok(linked.includes(briggs.id), 'a record that linked the one now links the other');
      const found = (await searchArchive({ q: `person:"${hull.name}"`, pageSize: 50 }, app)).hits.map(
        (h) => h.id,
      );
      for (const id of hullDocs) assert.ok(found.includes(id), 'the old name still finds its documents');

      await reconcileArchive(app);
      assert.equal((await app.store.getReconciled(hullMember))?.id, briggs.id, 'kept when reconciled again');

      await decideAuthority(
        app,
        { kind: 'split', members: [hullMember] },
        'Two men after all (test)',
        EDITOR,
      );
      const again = await app.store.getReconciled(hullMember);
      assert.notEqual(again?.id, briggs.id);
      assert.equal(again?.name, hull.name);
      assert.equal(await documentsOf(briggs.id), alone);
      assert.equal(await documentsOf(again?.id as string), other);
      const audit = await app.audit.list({ actor: 'ed' });
      assert.deepEqual(
        audit.map((e) => [e.action, e.reason]),
        [
          ['authority.split', 'Two men after all (test)'],
          ['authority.merge', 'One man under two names (test)'],
        ],
      );
    });

    test('a name form added with its source finds the person; a rename and a removal hold', async () => {
      const rhee = (await app.store.getReconciled('syngman-rhee')) as Authority;
      const member = rhee.members?.[0] as string;
      await decideAuthority(
        app,
        { kind: 'add-name', member, form: '이승만', language: 'ko', source: 'Korean press, 1954' },
        'His name in Hangul',
        EDITOR,
      );
      await decideAuthority(
        app,
        { kind: 'edit', member, name: 'Syngman Rhee (Yi Seungman)' },
        'Fuller name',
        EDITOR,
      );
      const edited = await app.store.getReconciled(member);
      assert.equal(edited?.name, 'Syngman Rhee (Yi Seungman)');
      assert.ok(edited?.names.some((n) => n.form === '이승만' && n.source === 'Korean press, 1954'));
      const hangul = await searchArchive({ q: 'person:"이승만"', pageSize: 50 }, app);
      assert.equal(hangul.total, await documentsOf(rhee.id), 'the new form finds every document of his');
      await decideAuthority(app, { kind: 'remove-name', member, form: '이승만' }, 'Not attested', EDITOR);
      assert.ok(!(await app.store.getReconciled(member))?.names.some((n) => n.form === '이승만'));
      await assert.rejects(
        decideAuthority(
          app,
          { kind: 'add-name', member: 'nobody', form: 'X', language: null, source: 'y' },
          'z',
          EDITOR,
        ),
        /member: "nobody" is no source's authority/,
      );
    });

    test('a decision that does not hold is refused with its field and why, and nothing is kept', async () => {
      const person = (await app.store.getReconciled('ellis-o-briggs')) as Authority;
      const other = (await app.store.getReconciled('syngman-rhee')) as Authority;
      const place = (await app.store.listReconciled({ kind: 'place', limit: 1 }))[0] as Authority;
      const [member, otherMember, placeMember] = [person, other, place].map((a) => a.members?.[0] as string);
      const alone = (await app.store.listReconciled({ kind: 'person' })).find((a) => a.members?.length === 1);
      const kept = (await app.store.listAuthorityDecisions()).length;
      const nobody = `"nobody" is no source's authority in this archive (the ids are listed on the authority's page).`;
      for (const [decision, message] of [
        [{ kind: 'merge', into: 'nobody', from: member }, `into: ${nobody}`],
        [{ kind: 'merge', into: member, from: 'nobody' }, `from: ${nobody}`],
        [{ kind: 'merge', into: member, from: member }, 'from: is already part of the same authority.'],
        [
          { kind: 'merge', into: member, from: placeMember },
          'from: is a place; only authorities of one kind are merged.',
        ],
        [{ kind: 'split', members: [] }, 'members: choose the forms of the sources that are someone else.'],
        [{ kind: 'split', members: [member, 'nobody'] }, `members: ${nobody}`],
        [
          { kind: 'split', members: [member, otherMember] },
          'members: belong to different authorities; split one at a time.',
        ],
        [
          { kind: 'split', members: alone?.members ?? [] },
          'members: are every member; leave at least one behind.',
        ],
        [{ kind: 'edit', member, name: ' ' }, 'name: an authority needs a name.'],
        [{ kind: 'edit', member: 'nobody', name: 'X' }, `member: ${nobody}`],
        [
          { kind: 'add-name', member, form: ' ', language: null, source: 'y' },
          'form: write the name form to add.',
        ],
        [
          { kind: 'add-name', member, form: 'X', language: null, source: ' ' },
          'source: say where the form is found (a book, an archive, a document).',
        ],
        [{ kind: 'remove-name', member: 'nobody', form: 'X' }, `member: ${nobody}`],
        [{ kind: 'distinct', member: 'nobody' }, `member: ${nobody}`],
      ] as [AuthorityDecision, string][]) {
        await assert.rejects(decideAuthority(app, decision, 'why', EDITOR), (error: Error) => {
          assert.equal(error.message, message, JSON.stringify(decision));
          return true;
        });
      }
      assert.equal((await app.store.listAuthorityDecisions()).length, kept);
    });

    test('the decisions are kept in order with who made them, and travel with a copy of the archive', async () => {
      const decisions = await app.store.listAuthorityDecisions();
      assert.equal(decisions.length, 5);
      assert.deepEqual(
        decisions.map((d) => [d.decision.kind, d.actor]),
        [
          ['merge', 'ed'],
          ['split', 'ed'],
          ['add-name', 'ed'],
          ['edit', 'ed'],
          ['remove-name', 'ed'],
        ],
      );
      const copy = await openApp({ db: ':memory:' });
      try {
        await copyArchive(app.store, copy.store);
        const strip = (entries: typeof decisions) => entries.map(({ seq: _, ...entry }) => entry);
        assert.deepEqual(strip(await copy.store.listAuthorityDecisions()), strip(decisions));
        await reconcileArchive(copy);
        assert.deepEqual(
          await copy.store.getReconciled('syngman-rhee'),
          await app.store.getReconciled('syngman-rhee'),
        );
      } finally {
        await copy.close();
      }
    });
  });
}
