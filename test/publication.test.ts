import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUser } from '../src/accounts/users.service.ts';
import { type App, openApp } from '../src/app.ts';
import { startEmbargoClock } from '../src/editing/embargo.clock.ts';
import { publishRecord } from '../src/editing/record.publish.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { copyArchive } from '../src/store/archive.copy.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { bothBackends, type TestBackend } from './support/backends.ts';
import { runChancery } from './support/cli.run.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';
import { webSession } from './support/web.session.ts';

/**
 * Publishing (issue 15, item 5), beyond what the surfaces test checks: the states set from the
 * command line and from the record's page, refused with the field named, audited; an embargo that
 * ends publishes the record by itself; a draft stays out of the index when saved again; editors
 * see what readers do not; a copy of the archive keeps every state.
 */
const { backends } = bothBackends('publishing');
const EDITOR = { name: 'ed', address: '127.0.0.1' };
const PASSWORD = 'correct horse battery staple';

/** How many documents a search finds. */
async function found(app: App, q: string): Promise<string[]> {
  return (await searchArchive({ q, pageSize: 50 }, app)).hits.map((h) => h.id);
}

for (const [backend, dbFor] of backends) {
  describe(`publishing on ${backend}`, () => {
    let app: App;
    let cable: string;
    let letter: string;

    before(async () => {
      app = await openApp({ db: dbFor('states') });
      await ingestPaths({ paths: [CABLE_SEED, LETTER_SEED], ...app });
      const records = await app.store.listRecords();
      cable = records.find((r) => r.title.startsWith('Cable'))?.id as string;
      letter = records.find((r) => r.title.startsWith('Hand-delivered'))?.id as string;
      assert.ok(cable && letter);
    });
    after(() => app?.close());

    test('a state is refused with the field named: no reason to withdraw, a past or malformed date, an unknown state', async () => {
      const refused = async (input: Parameters<typeof publishRecord>[1], field: string) => {
        await assert.rejects(
          publishRecord(app, input, EDITOR),
          (error: Error & { location?: { field?: string } }) => {
            assert.equal(error.location?.field, field, error.message);
            assert.match(error.message, new RegExp(`^${field}:`));
            return true;
          },
        );
      };
      await refused({ id: cable, state: 'withdrawn' }, 'reason');
      await refused({ id: cable, state: 'embargoed', until: '2001-01-01' }, 'until');
      await refused({ id: cable, state: 'embargoed', until: 'next spring' }, 'until');
      await refused({ id: cable, state: 'embargoed' }, 'until');
      await refused({ id: cable, state: 'draft', until: '2999-01-01' }, 'until');
      await refused({ id: cable, state: 'hidden' as never }, 'state');
      await assert.rejects(publishRecord(app, { id: 'no-such-record', state: 'draft' }, EDITOR), /No record/);
      assert.equal((await app.store.getPublication(cable))?.state, 'published', 'nothing was set');
    });

    test('a draft saved again stays out of the index; published again, it is found and harvested anew', async () => {
      const word = 'Filippov';
      assert.ok((await found(app, word)).includes(cable));
      await publishRecord(app, { id: cable, state: 'draft', reason: 'checking the translation' }, EDITOR);
      assert.ok(!(await found(app, word)).includes(cable));
      const saved = await app.store.getRecord(cable, { unpublished: true });
      assert.ok(saved);
      assert.equal(await app.store.getRecord(cable), null, 'readers do not get it');
      await app.store.saveRecord({ ...saved, relations: [], title: `${saved.title} (revised)` });
      assert.ok(!(await found(app, word)).includes(cable), 'a new version of a draft is not indexed');
      assert.deepEqual(
        (await app.store.listUnpublished()).map((r) => [r.id, r.state, r.changedBy]),
        [[cable, 'draft', 'ed']],
      );
      const before = (await app.store.listChanges({ limit: 10 })).changes;
      assert.deepEqual(
        before.filter((c) => c.id === cable).map((c) => c.deleted),
        [true],
        'harvesters are told a draft is gone',
      );
      await publishRecord(app, { id: cable, state: 'published' }, EDITOR);
      assert.ok((await found(app, word)).includes(cable));
      const last = (await app.store.listChanges({ limit: 10 })).changes.at(-1);
      assert.equal(last?.id, cable, 'published again, it is the latest change harvesters see');
      const audit = await app.audit.list({ target: cable, action: 'record.publish' });
      assert.deepEqual(
        audit.map((e) => [e.actor, e.detail.from, e.detail.state, e.reason]),
        [
          ['ed', 'draft', 'published', ''],
          ['ed', 'published', 'draft', 'checking the translation'],
        ],
      );
    });

    test('an embargo ends by itself: the record is published, indexed and audited as Chancery', async () => {
      const until = new Date(Date.now() + 1500).toISOString();
      await app.store.setPublication(
        letter,
        { state: 'embargoed', until, reason: null },
        {
          at: new Date().toISOString(),
          actor: 'ed',
          action: 'record.publish',
          target: letter,
          detail: {},
          reason: '',
          address: 'test',
        },
      );
      assert.ok(!(await found(app, 'Stalin')).includes(letter));
      const lines: string[] = [];
      const clock = startEmbargoClock(app.store, { everyMs: 100, log: (line) => lines.push(line) });
      try {
        for (let i = 0; i < 100 && (await app.store.getPublication(letter))?.state !== 'published'; i++)
          await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await clock.stop();
      }
      const publication = await app.store.getPublication(letter);
      assert.equal(publication?.state, 'published');
      assert.ok((publication?.changedAt ?? '') >= until, 'not before its date');
      assert.ok((await found(app, 'Stalin')).includes(letter));
      assert.match(lines.join(''), new RegExp(`published ${letter}`));
      const [entry] = await app.audit.list({ target: letter, action: 'record.publish' });
      assert.equal(entry?.actor, 'chancery');
      assert.deepEqual(await app.store.releaseEmbargoes(new Date()), [], 'each embargo ends once');
    });

    test("a published record's relation to a hidden one names it without a link", async () => {
      const web = createWebApp(app);
      await app.store.saveRelations(cable, [{ type: 'reply-to', target: letter }]);
      const audit = (reason: string) => ({
        at: new Date().toISOString(),
        actor: 'ed',
        action: 'record.publish',
        target: letter,
        detail: {},
        reason,
        address: '127.0.0.1',
      });
      const related = async () => {
        const page = await (await web.request(`/documents/${encodeURIComponent(cable)}`)).text();
        return /<section id="relations"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
      };
      await app.store.setPublication(
        letter,
        { state: 'draft', until: null, reason: 'checking' },
        audit('checking'),
      );
      const hiddenNow = await related();
      assert.match(hiddenNow, /Reply to/);
      assert.ok(!hiddenNow.includes(`/documents/${encodeURIComponent(letter)}`), 'no link to the draft');
      assert.match(hiddenNow, /not in the reading room/);
      await app.store.setPublication(letter, { state: 'published', until: null, reason: '' }, audit(''));
      const shown = await related();
      assert.ok(shown.includes(`href="/documents/${encodeURIComponent(letter)}"`), 'a link once published');
      assert.match(shown, /Hand-delivered/);
    });
  });
}

describe('publishing from the record page and the command line', () => {
  let app: App;
  let web: ReturnType<typeof createWebApp>;
  let id: string;
  const dir = mkdtempSync(join(tmpdir(), 'chancery-publish-'));
  const db = join(dir, 'archive.db');

  before(async () => {
    app = await openApp({ db });
    await ingestPaths({ paths: [CABLE_SEED], ...app });
    id = (await app.store.listRecords())[0]?.id as string;
    const cli = { name: 'cli:test', address: 'cli' };
    await addUser(app, { name: 'ed', role: 'editor', password: PASSWORD }, cli);
    await addUser(app, { name: 'rea', role: 'reader', password: PASSWORD }, cli);
    web = createWebApp(app);
  });
  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, who: { cookie: string; csrf: string }, form: Record<string, string>) =>
    web.request(path, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: who.csrf, ...form }).toString(),
    });

  test('an editor sets the state on the record page; readers are refused, and then see nothing of a draft', async () => {
    const editor = await webSession(web, 'ed', PASSWORD);
    const reader = await webSession(web, 'rea', PASSWORD);
    const page = await (await web.request(`/documents/${id}`, { headers: { cookie: editor.cookie } })).text();
    assert.match(page, /action="\/documents\/[^"]+\/publish"/, 'editors get the form');
    const readerPage = await (
      await web.request(`/documents/${id}`, { headers: { cookie: reader.cookie } })
    ).text();
    assert.ok(!readerPage.includes('/publish"'), 'readers do not');
    assert.equal((await post(`/documents/${id}/publish`, reader, { state: 'draft' })).status, 403);
    const noReason = await post(`/documents/${id}/publish`, editor, { state: 'withdrawn', reason: '' });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /reason: say why/);
    const set = await post(`/documents/${id}/publish`, editor, { state: 'draft', reason: 'not yet checked' });
    assert.equal(set.status, 303);
    assert.equal((await web.request(`/documents/${id}`, { headers: { cookie: reader.cookie } })).status, 404);
    assert.equal((await web.request(`/documents/${id}`)).status, 404);
    const draft = await web.request(`/documents/${id}`, { headers: { cookie: editor.cookie } });
    assert.equal(draft.status, 200, 'an editor still reads a draft');
    assert.match(await draft.text(), /Readers do not see this record/);
    const list = await (await web.request('/publishing', { headers: { cookie: editor.cookie } })).text();
    assert.ok(list.includes(id) && list.includes('not yet checked'));
    assert.equal((await web.request('/publishing', { headers: { cookie: reader.cookie } })).status, 403);
  });

  test('a record restricted to readers: any account reads it and finds it listed, the public gets nothing', async () => {
    const editor = await webSession(web, 'ed', PASSWORD);
    const reader = await webSession(web, 'rea', PASSWORD);
    const set = await post(`/documents/${id}/publish`, editor, { state: 'restricted', reason: '' });
    assert.equal(set.status, 303);
    assert.equal((await web.request(`/documents/${id}`)).status, 404);
    assert.equal((await web.request(`/api/records/${id}`)).status, 404);
    assert.equal(
      (await searchArchive({ q: 'Filippov', pageSize: 10 }, app)).total,
      0,
      'not in the public search',
    );
    const page = await web.request(`/documents/${id}`, { headers: { cookie: reader.cookie } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Restricted: shown to readers with an account/);
    assert.equal(
      (await web.request(`/documents/${id}.json`, { headers: { cookie: reader.cookie } })).status,
      200,
    );
    const list = await (await web.request('/restricted', { headers: { cookie: reader.cookie } })).text();
    assert.ok(list.includes(`/documents/${id}`));
    assert.equal((await web.request('/restricted')).status, 303, 'the public is sent to log in');
    await post(`/documents/${id}/publish`, editor, { state: 'published', reason: '' });
    assert.equal((await web.request(`/documents/${id}`)).status, 200);
  });

  test('`chancery publish` sets, shows and lists states, refuses with the reason, and is audited', async () => {
    await app.close();
    const embargo = await runChancery(db, 'publish', id, '--state', 'embargoed', '--until', '2999-12-31');
    assert.equal(embargo.code, 0, embargo.stderr);
    assert.match(embargo.stdout, /is embargoed until 2999-12-31T00:00:00.000Z/);
    const shown = await runChancery(db, 'publish', id, '--json');
    assert.equal(JSON.parse(shown.stdout).state, 'embargoed');
    const list = await runChancery(db, 'publish');
    assert.match(list.stdout, new RegExp(`^${id}\\tembargoed until 2999-12-31`, 'm'));
    const refused = await runChancery(db, 'publish', id, '--state', 'withdrawn');
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /reason: say why the record is withdrawn/);
    const wrong = await runChancery(db, 'publish', id, '--state', 'gone');
    assert.notEqual(wrong.code, 0);
    const withdrawn = await runChancery(
      db,
      'publish',
      id,
      '--state',
      'withdrawn',
      '--reason',
      'Rights not cleared',
    );
    assert.equal(withdrawn.code, 0, withdrawn.stderr);
    const audit = await runChancery(db, 'audit', '--json', '--action', 'record.publish');
    const entries = audit.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      entries.slice(0, 2).map((e) => [e.actor.startsWith('cli:'), e.detail.state, e.reason]),
      [
        [true, 'withdrawn', 'Rights not cleared'],
        [true, 'embargoed', ''],
      ],
    );
    const exported = await runChancery(db, 'export');
    assert.equal(exported.stdout, '', 'the export is of published records');
    const everything = await runChancery(db, 'export', '--unpublished');
    assert.ok(everything.stdout.includes(id));
    app = await openApp({ db });
  });
});

test('a copy of the archive from SQLite to PostgreSQL keeps every state, and indexes only what readers see', async () => {
  const [[, sqliteFor], [, postgresFor]] = backends as [TestBackend, TestBackend];
  const from = await openApp({ db: sqliteFor('copy') });
  const to = await openApp({ db: postgresFor('copy') });
  try {
    await ingestPaths({ paths: [CABLE_SEED, LETTER_SEED], ...from });
    const [a, b] = (await from.store.listRecords()).map((r) => r.id) as [string, string];
    await publishRecord(from, { id: a, state: 'withdrawn', reason: 'a duplicate' }, EDITOR);
    await publishRecord(from, { id: b, state: 'embargoed', until: '2999-01-01' }, EDITOR);
    await copyArchive(from.store, to.store);
    for (const id of [a, b])
      assert.deepEqual(await to.store.getPublication(id), await from.store.getPublication(id));
    assert.deepEqual(await found(to, 'Stalin'), []);
    assert.deepEqual(
      (await to.store.listChanges({ limit: 10 })).changes.map((c) => [c.id, c.deleted]),
      (await from.store.listChanges({ limit: 10 })).changes.map((c) => [c.id, c.deleted]),
    );
  } finally {
    await from.close();
    await to.close();
  }
});
