import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser } from '../../src/accounts/users.service.ts';
import { type App, openApp } from '../../src/app.ts';
import { formValues } from '../../src/editing/edit.form.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { createWebApp } from '../../src/web/web.app.tsx';
import { bothBackends } from '../support/backends.ts';
import { CABLE_SEED } from '../support/shared-paths.ts';
import { type WebSession, webSession } from '../support/web.session.ts';

/**
 * Corrections in the browser, in-process: the edit form of every field, a save with its reason,
 * the form sent back with the field that is wrong, the history, the comparison of two versions,
 * a restore, and who may do which; on both backends.
 */
const PASSWORD = 'correct horse battery staple';
let app: App;
let web: ReturnType<typeof createWebApp>;
let id: string;

const { backends } = bothBackends('editing_web');

function session(name: string): Promise<WebSession> {
  return webSession(web, name, PASSWORD);
}

function post(path: string, who: { cookie: string; csrf: string } | null, form: Record<string, string>) {
  return web.request(path, {
    method: 'POST',
    headers: { ...(who ? { cookie: who.cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...(who ? { _csrf: who.csrf } : {}), ...form }).toString(),
  });
}

for (const [backend, dbFor] of backends) {
  describe(`corrections in the browser on ${backend}`, () => {
    before(async () => {
      app = await openApp({ db: dbFor('web') });
      await ingestPaths({ paths: [CABLE_SEED], ...app });
      id = (await app.store.listRecords())[0]?.id as string;
      web = createWebApp(app);
      const cli = { name: 'cli:test', address: 'cli' };
      await addUser(app, { name: 'ed', role: 'editor', password: PASSWORD }, cli);
      await addUser(app, { name: 'rea', role: 'reader', password: PASSWORD }, cli);
    });
    after(() => app?.close());

    test('an editor corrects a record in the browser: every field in the form, a new version with the reason', async () => {
      const editor = await session('ed');
      const page = await web.request(`/documents/${id}/edit`, { headers: { cookie: editor.cookie } });
      assert.equal(page.status, 200);
      const html = await page.text();
      for (const field of [
        'title',
        'type',
        'date.display',
        'date.min',
        'date.certainty',
        'summary',
        'authors',
        'recipients',
        'numbers',
        'archivalLocations',
        'credits',
        'rights',
        'collections',
        'texts.0',
        'texts.1',
        'note',
      ]) {
        assert.ok(html.includes(`name="${field}"`), `the form has ${field}`);
      }
      const record = (await app.store.getSavedRecord(id))?.record;
      assert.ok(record);
      const form: Record<string, string> = {
        ...formValues(record),
        baseVersion: '1',
        note: 'Date read again <b>from the original</b>',
      };
      form['date.display'] = 'July 13, 1951 (received July 14)';
      const saved = await post(`/documents/${id}/edit`, editor, form);
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), `/documents/${id}/history`);
      assert.equal((await app.store.getRecord(id))?.date.display, 'July 13, 1951 (received July 14)');
      const history = await (await web.request(`/documents/${id}/history`)).text();
      assert.match(history, /corrected by ed/);
      assert.ok(
        history.includes('Date read again &lt;b&gt;from the original&lt;/b&gt;'),
        'the reason is shown as text',
      );
      const documentPage = await (await web.request(`/documents/${id}`)).text();
      assert.ok(
        documentPage.includes(`href="/documents/${id}/history"`),
        'the record page links to its history',
      );
      const compare = await (await web.request(`/documents/${id}/compare?a=1&b=2`)).text();
      assert.match(compare, /<code>date\.display<\/code>/);
      assert.match(compare, /received July 14/);
    });

    test('a wrong field sends the form back with what is wrong and where, and what was typed', async () => {
      const editor = await session('ed');
      const record = (await app.store.getSavedRecord(id))?.record;
      assert.ok(record);
      const form = {
        ...formValues(record),
        baseVersion: '2',
        note: 'Add a translator',
        credits: '[{"role": "translator", "name": ',
      };
      const refused = await post(`/documents/${id}/edit`, editor, form);
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.match(html, /credits: not JSON/);
      assert.match(html, /<textarea name="credits"[^>]*aria-invalid="true"/);
      assert.ok(
        html.includes('[{&quot;role&quot;: &quot;translator&quot;, &quot;name&quot;: </textarea>'),
        'what was typed comes back',
      );
      const stale = await post(`/documents/${id}/edit`, editor, {
        ...formValues(record),
        baseVersion: '1',
        note: 'late',
        title: 'Late',
      });
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /saved as version 2 while this edit was made from version 1/);
      assert.equal((await app.store.listVersions(id)).length, 2);
    });

    test('an editor restores an earlier version as a new one', async () => {
      const editor = await session('ed');
      const restored = await post(`/documents/${id}/restore`, editor, {
        version: '1',
        note: 'Back to the archive reading',
      });
      assert.equal(restored.status, 303);
      const versions = await app.store.listVersions(id);
      assert.deepEqual(
        versions.map((v) => v.edit?.kind ?? 'file'),
        ['file', 'edit', 'restore'],
      );
      assert.equal((await app.store.getRecord(id))?.date.display, 'July 13, 1951');
    });

    test('who may: anonymous visitors and readers read the history, only editors edit or restore', async () => {
      const reader = await session('rea');
      const anonymousEdit = await web.request(`/documents/${id}/edit`);
      assert.equal(anonymousEdit.status, 303);
      assert.match(anonymousEdit.headers.get('location') ?? '', /^\/login\?next=/);
      assert.equal(
        (await web.request(`/documents/${id}/edit`, { headers: { cookie: reader.cookie } })).status,
        403,
      );
      assert.equal(
        (await post(`/documents/${id}/edit`, reader, { note: 'x', baseVersion: '3' })).status,
        403,
      );
      assert.equal((await post(`/documents/${id}/restore`, reader, { version: '1', note: 'x' })).status, 403);
      assert.equal((await post(`/documents/${id}/restore`, null, { version: '1', note: 'x' })).status, 401);
      assert.equal((await web.request(`/documents/${id}/history`)).status, 200);
      assert.doesNotMatch(
        await (await web.request(`/documents/${id}/history`)).text(),
        /name="_csrf"/,
        'no restore form for the public',
      );
      const editor = await session('ed');
      const forged = await post(
        `/documents/${id}/restore`,
        { cookie: editor.cookie, csrf: 'csrf_forged' },
        { version: '1', note: 'x' },
      );
      assert.equal(forged.status, 403);
      assert.equal((await app.store.listVersions(id)).length, 3);
    });
  });
}
