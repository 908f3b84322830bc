import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser } from '../../src/accounts/users.service.ts';
import { type App, openApp } from '../../src/app.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { reconcileArchive } from '../../src/names/archive.reconcile.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { bothBackends } from '../support/backends.ts';
import { FRUS_CURRENT_DIR, SEEDS_DIR } from '../support/shared-paths.ts';
import { type WebSession, webSession } from '../support/web.session.ts';

/**
 * Authorities kept in the browser (issue 15, item 3): an editor renames a person, adds and removes
 * a name form with its source, merges two people and splits them again from the person's edit
 * page, and works through the review list; readers get none of it. On both backends.
 */
const PASSWORD = 'correct horse battery staple';
const { backends } = bothBackends('authority_web');

for (const [backend, dbFor] of backends) {
  describe(`authorities kept in the browser on ${backend}`, () => {
    let app: App;
    let web: ReturnType<typeof createWebApp>;
    let editor: WebSession;
    let reader: WebSession;

    const post = (path: string, form: Record<string, string | string[]>, who = editor) => {
      const body = new URLSearchParams({ _csrf: who.csrf });
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
      return web.request(path, {
        method: 'POST',
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
    };
    const page = async (path: string, who = editor) =>
      (await web.request(path, { headers: { cookie: who.cookie } })).text();

    before(async () => {
      app = await openApp({ db: dbFor('web') });
      await ingestPaths({ paths: [SEEDS_DIR, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`], ...app });
      // Sources that name a Kennedy or a Dulles by the surname alone: matches no one should make for them.
      await app.store.saveAuthorities([
        {
          id: 'v1-kennedy',
          kind: 'person',
          name: 'Kennedy',
          names: [],
          source: 'v1',
          description: 'Senator',
        },
        {
          id: 'v2-jfk',
          kind: 'person',
          name: 'John F. Kennedy',
          names: [],
          source: 'v2',
          description: 'Senator',
        },
        {
          id: 'v3-rfk',
          kind: 'person',
          name: 'Robert F. Kennedy',
          names: [],
          source: 'v3',
          description: 'Counsel',
        },
        { id: 'v4-dulles', kind: 'person', name: 'Dulles', names: [], source: 'v4' },
      ]);
      await reconcileArchive(app);
      web = createWebApp(app);
      const cli = { name: 'cli:test', address: 'cli' };
      await addUser(app, { name: 'ed', role: 'editor', password: PASSWORD }, cli);
      await addUser(app, { name: 'rea', role: 'reader', password: PASSWORD }, cli);
      editor = await webSession(web, 'ed', PASSWORD);
      reader = await webSession(web, 'rea', PASSWORD);
    });
    after(() => app?.close());

    test('editors find the edit page from the person page; readers find neither', async () => {
      assert.match(await page('/people/ellis-o-briggs'), /href="\/authorities\/ellis-o-briggs\/edit"/);
      assert.ok(!(await page('/people/ellis-o-briggs', reader)).includes('/edit"'));
      const edit = await page('/authorities/ellis-o-briggs/edit');
      for (const action of ['edit', 'add-name', 'remove-name', 'merge'])
        assert.ok(edit.includes(`name="action" value="${action}"`), action);
      assert.equal(
        (await web.request('/authorities/ellis-o-briggs/edit', { headers: { cookie: reader.cookie } }))
          .status,
        403,
      );
      assert.equal(
        (await post('/authorities/ellis-o-briggs/edit', { action: 'edit', name: 'X', note: 'y' }, reader))
          .status,
        403,
      );
    });

    test('merge from the page, then split from the page: the person pages and counts follow', async () => {
      const hullMember = (await app.store.getReconciled('john-e-hull'))?.members?.[0] as string;
      assert.ok(hullMember);
      const refused = await post('/authorities/ellis-o-briggs/edit', {
        action: 'merge',
        other: 'john-e-hull',
        note: '',
      });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /note: is empty/);
      const unknown = await post('/authorities/ellis-o-briggs/edit', {
        action: 'merge',
        other: 'nobody',
        note: 'x',
      });
      assert.equal(unknown.status, 400);
      assert.match(await unknown.text(), /other: no person has the id/);
      const merged = await post('/authorities/ellis-o-briggs/edit', {
        action: 'merge',
        other: 'john-e-hull',
        note: 'The same man (test)',
      });
      assert.equal(merged.status, 303);
      assert.equal(merged.headers.get('location'), '/people/ellis-o-briggs');
      const briggs = await page('/people/ellis-o-briggs');
      assert.match(briggs, /John E\. Hull/, 'the other name is a form of this person now');
      assert.ok((await app.store.getReconciled('ellis-o-briggs'))?.members?.includes(hullMember));
      const edit = await page('/authorities/ellis-o-briggs/edit');
      assert.ok(edit.includes(`value="${hullMember}"`), 'the split form lists each source');
      const split = await post('/authorities/ellis-o-briggs/edit', {
        action: 'split',
        members: [hullMember],
        note: 'Two men after all (test)',
      });
      assert.equal(split.status, 303);
      const location = split.headers.get('location') ?? '';
      assert.notEqual(location, '/people/ellis-o-briggs');
      assert.match(await page(location), /<h1>John E\. Hull<\/h1>/);
      assert.ok(!(await page('/people/ellis-o-briggs')).includes('John E. Hull'));
    });

    test('a name form added with its source shows on the page, and a removed one is gone', async () => {
      const added = await post('/authorities/syngman-rhee/edit', {
        action: 'add-name',
        form: '이승만',
        language: 'ko',
        source: 'Korean press <i>1954</i>',
        note: 'Hangul',
      });
      assert.equal(added.status, 303);
      const rhee = await page('/people/syngman-rhee');
      assert.ok(rhee.includes('이승만'));
      assert.ok(rhee.includes('Korean press &lt;i&gt;1954&lt;/i&gt;'), 'the source as text');
      const removed = await post('/authorities/syngman-rhee/edit', {
        action: 'remove-name',
        form: '이승만',
        note: 'No',
      });
      assert.equal(removed.status, 303);
      assert.ok(!(await page('/people/syngman-rhee')).includes('이승만'));
      const renamed = await post('/authorities/syngman-rhee/edit', {
        action: 'edit',
        name: 'Rhee Syngman',
        note: 'Korean order',
      });
      assert.equal(renamed.status, 303);
      assert.match(await page('/people/syngman-rhee'), /<h1>Rhee Syngman<\/h1>/);
    });

    test('the review list: one decided as someone of their own leaves it, one merged joins its candidate', async () => {
      const items = await app.store.listReview();
      assert.ok(items.length >= 2, `the surnames alone are left for review (${items.length})`);
      const list = await page('/authorities/review');
      assert.ok(list.includes('Kennedy'));
      assert.equal(
        (await web.request('/authorities/review', { headers: { cookie: reader.cookie } })).status,
        403,
      );
      const item = items[0] as (typeof items)[number];
      const noCandidate = await post('/authorities/review', {
        action: 'same',
        member: item.memberId,
        note: 'x',
      });
      assert.equal(noCandidate.status, 400);
      const same = await post('/authorities/review', {
        action: 'same',
        member: item.memberId,
        candidate: item.candidates[0] as string,
        note: 'The senator of 1957 is JFK (test)',
      });
      assert.equal(same.status, 303);
      assert.ok(!(await app.store.listReview()).some((i) => i.memberId === item.memberId));
      assert.equal((await app.store.getReconciled(item.memberId))?.id, item.candidates[0]);
      for (const rest of await app.store.listReview()) {
        assert.equal(
          (await post('/authorities/review', { action: 'distinct', member: rest.memberId, note: 'Apart' }))
            .status,
          303,
        );
      }
      assert.deepEqual(await app.store.listReview(), []);
      assert.match(await page('/authorities/review'), /Nothing is left to decide/);
    });
  });
}
