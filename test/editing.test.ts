import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { formValues, recordFromForm, textFieldName } from '../src/editing/edit.form.ts';
import { compareRecords } from '../src/editing/record.compare.ts';
import { editRecord, keepCorrection, restoreVersion, takeHeldReading } from '../src/editing/record.edit.ts';
import { isChanceryError } from '../src/errors.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { copyArchive } from '../src/store/archive.copy.ts';
import { bothBackends, type TestBackend } from './support/backends.ts';
import { CABLE_SEED } from './support/shared-paths.ts';

/**
 * Editors' corrections on both backends: each a new version with who, when and why and its audit
 * entry; refused with the field named when wrong; a stale form refused; any version restored as
 * a new one; a re-ingest of the unchanged source file keeps the correction, a changed file is
 * held for an editor, who takes its reading or keeps the correction; `chancery copy` keeps who
 * made each version.
 */
const { backends } = bothBackends('editing');
const dir = mkdtempSync(join(tmpdir(), 'chancery-editing-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const EDITOR = { name: 'ada', address: '192.0.2.7' };

async function refusal(
  work: Promise<unknown>,
): Promise<{ code: string; message: string; field?: string | undefined }> {
  try {
    await work;
  } catch (error) {
    assert.ok(isChanceryError(error), String(error));
    return { code: error.code, message: error.message, field: error.location?.field };
  }
  assert.fail('expected a refusal');
}

for (const [backend, dbFor] of backends) {
  describe(`corrections on ${backend}`, () => {
    let app: App;
    let id: string;
    let original: ChanceryRecord;
    const cable = join(dir, `cable-${backend}.txt`);
    const ingest = () => ingestPaths({ paths: [cable], ...app });
    before(async () => {
      copyFileSync(CABLE_SEED, cable);
      app = await openApp({ db: dbFor('editing') });
      await ingest();
      id = (await app.store.listRecords())[0]?.id as string;
      original = (await app.store.getSavedRecord(id))?.record as ChanceryRecord;
    });
    after(() => app.close());

    test('a correction through the form is a new version with who, when and why, audited, and searched', async () => {
      const form = formValues(original);
      form.title = 'Cable No. 21756, Mao Zedong to Filippov (Stalin), corrected';
      form['date.certainty'] = 'approximate';
      const text = JSON.parse(form[textFieldName(1)] as string);
      text.blocks[0].text = `${text.blocks[0].text} Zanzibarian`;
      form[textFieldName(1)] = JSON.stringify(text);
      const saved = await editRecord(
        app,
        {
          id,
          baseVersion: 1,
          record: recordFromForm(original, form),
          note: 'Title and date checked against the original',
        },
        EDITOR,
      );
      assert.deepEqual(saved, { outcome: 'updated', version: 2 });
      const versions = await app.store.listVersions(id);
      assert.equal(versions.length, 2);
      assert.equal(versions[0]?.edit, undefined, 'version 1 came from the file');
      assert.deepEqual(
        { ...versions[1]?.edit, at: undefined },
        { kind: 'edit', editor: 'ada', note: 'Title and date checked against the original', at: undefined },
      );
      assert.equal((await app.store.getRecord(id))?.date.certainty, 'approximate');
      const [entry] = await app.audit.list({ action: 'record.edit' });
      assert.equal(entry?.target, id);
      assert.equal(entry?.address, '192.0.2.7');
      assert.equal(entry?.reason, 'Title and date checked against the original');
      assert.deepEqual(entry?.detail, { version: 2, fields: ['date', 'texts', 'title'] });
      // The index follows the edit.
      const found = await searchArchive({ q: 'zanzibarian' }, app);
      assert.deepEqual(
        found.hits.map((h) => h.id),
        [id],
      );
      // An edit that changes nothing makes no version.
      const same = await editRecord(
        app,
        {
          id,
          baseVersion: 2,
          record: recordFromForm((await app.store.getSavedRecord(id))?.record as ChanceryRecord, {}),
          note: 'no change',
        },
        EDITOR,
      );
      assert.deepEqual(same, { outcome: 'unchanged', version: 2 });
    });

    test('a wrong correction is refused naming the field, and nothing is saved', async () => {
      const current = (await app.store.getSavedRecord(id))?.record as ChanceryRecord;
      const tryForm = (change: Record<string, string>, note = 'a reason') =>
        refusal(
          editRecord(
            app,
            {
              id,
              baseVersion: 2,
              record: recordFromForm(current, { ...formValues(current), ...change }),
              note,
            },
            EDITOR,
          ),
        );
      assert.equal((await tryForm({}, '  ')).field, 'note');
      const certainty = await tryForm({ 'date.certainty': 'maybe' });
      assert.equal(certainty.field, 'date.certainty');
      assert.match(certainty.message, /date\.certainty/);
      const authors = await refusal(
        Promise.resolve().then(() => recordFromForm(current, { authors: '[{"name": "Mao",' })),
      );
      assert.equal(authors.field, 'authors');
      assert.match(authors.message, /authors: not JSON/);
      const wrongAuthor = await tryForm({ authors: '[{"name": 7}]' });
      assert.match(wrongAuthor.field ?? '', /^authors\[0\]/);
      const text = JSON.parse(formValues(current)[textFieldName(0)] as string);
      text.blocks[0].marks = [{ type: 'insertion', text: 'nowhere', start: 0, end: 99_999 }];
      const mark = await tryForm({ [textFieldName(0)]: JSON.stringify(text) });
      assert.equal(mark.field, 'texts[0].blocks[0].marks[0]');
      const moved = await refusal(
        editRecord(app, { id, baseVersion: 2, record: { ...current, id: 'another' }, note: 'x' }, EDITOR),
      );
      assert.equal(moved.field, 'id');
      const source = await refusal(
        editRecord(
          app,
          {
            id,
            baseVersion: 2,
            record: { ...current, source: { ...current.source, sha256: '0'.repeat(64) } },
            note: 'x',
          },
          EDITOR,
        ),
      );
      assert.equal(source.field, 'source');
      // A form loaded before someone else saved.
      const stale = await refusal(
        editRecord(app, { id, baseVersion: 1, record: { ...current, title: 'Stale' }, note: 'x' }, EDITOR),
      );
      assert.equal(stale.code, 'record.conflict');
      assert.equal((await app.store.listVersions(id)).length, 2);
    });

    test('any version can be restored, as a new version; two versions compare field by field and text by text', async () => {
      const restored = await restoreVersion(app, { id, version: 1, note: 'The old title was right' }, EDITOR);
      assert.deepEqual(restored, { outcome: 'updated', version: 3 });
      const v1 = (await app.store.getSavedRecord(id, 1))?.record as ChanceryRecord;
      const v2 = (await app.store.getSavedRecord(id, 2))?.record as ChanceryRecord;
      const v3 = (await app.store.getSavedRecord(id, 3))?.record as ChanceryRecord;
      assert.deepEqual(compareRecords(v1, v3), { fields: [], texts: [] });
      const compared = compareRecords(v1, v2);
      assert.deepEqual(
        compared.fields.map((f) => [f.field, f.after]),
        [
          ['date.certainty', 'approximate'],
          ['title', 'Cable No. 21756, Mao Zedong to Filippov (Stalin), corrected'],
        ],
      );
      const words = compared.texts[0]?.blocks[0]?.words.filter((w) => w.op !== 'equal');
      assert.deepEqual(
        words?.map((w) => [w.op, w.text.trim()]),
        [['insert', 'Zanzibarian']],
      );
      assert.equal((await app.store.listVersions(id)).at(-1)?.edit?.kind, 'restore');
      assert.equal((await app.audit.list({ action: 'record.restore' }))[0]?.detail.restored, 1);
    });

    test('a re-ingest keeps a correction: the same file changes nothing, a changed file is held for an editor', async () => {
      await editRecord(
        app,
        { id, baseVersion: 3, record: { ...original, title: 'Corrected title' }, note: 'Typo' },
        EDITOR,
      );
      const again = await ingest();
      assert.deepEqual([again.unchanged, again.updated, again.held], [1, 0, 0]);
      assert.equal((await app.store.getRecord(id))?.title, 'Corrected title');
      writeFileSync(cable, readFileSync(CABLE_SEED, 'utf8').replace('умышленно', 'намеренно'));
      const changed = await ingest();
      assert.deepEqual([changed.unchanged, changed.updated, changed.held], [0, 0, 1]);
      assert.equal((await app.store.getRecord(id))?.title, 'Corrected title', 'not overwritten');
      const held = await app.store.getHeld(id);
      assert.match(JSON.stringify(held?.record.texts), /намеренно/);
      assert.deepEqual(
        (await app.store.listHeld()).map((h) => h.recordId),
        [id],
      );
      // The editor keeps the correction…
      await keepCorrection(app, { id, note: 'Our reading stands' }, EDITOR);
      assert.equal(await app.store.getHeld(id), null);
      // …then the file is ingested again, held again, and this time its reading is taken.
      await ingest();
      await takeHeldReading(app, { id, note: 'The archive corrected its transcription' }, EDITOR);
      const taken = await app.store.getRecord(id);
      assert.match(JSON.stringify(taken?.texts), /намеренно/);
      assert.equal((await app.store.listVersions(id)).at(-1)?.edit?.kind, 'source');
      assert.equal(await app.store.getHeld(id), null);
      // A taken reading is the file's again: the next change of the file is saved as usual.
      writeFileSync(cable, readFileSync(CABLE_SEED, 'utf8'));
      assert.equal((await ingest()).updated, 1);
    });

    test('chancery copy keeps who made each version and why', async () => {
      // Into the other backend.
      const [, otherDbFor] = backends.find(([label]) => label !== backend) as TestBackend;
      const target = await openApp({ db: otherDbFor('editing_copy') });
      try {
        await copyArchive(app.store, target.store);
        assert.deepEqual(await target.store.listVersions(id), await app.store.listVersions(id));
      } finally {
        await target.close();
      }
    });
  });
}
