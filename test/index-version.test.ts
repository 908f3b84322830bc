import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { nameKeys } from '../src/names/translit/name.keys.ts';
import { bothBackends } from './support/backends.ts';
import { CABLE_SEED } from './support/shared-paths.ts';

/**
 * An index built by an older version of the code is built again when the archive opens, its
 * vocabulary of name forms included: a form already in the vocabulary is never keyed again, so
 * the keys of the older version would otherwise stay (a change to the keys would then reach only
 * forms never seen before).
 */
const { backends, database } = bothBackends('index-version');

for (const [label, dbFor] of backends) {
  test(`${label}: an index of an older version is built again on opening, with the keys of its name forms`, async () => {
    const db = dbFor('vocabulary');
    const keys = nameKeys('Filippov').map(({ family, key }) => `${family}:${key}`);
    const formsIn = async () => {
      const app = await openApp({ db });
      try {
        return (await app.search.nameForms(keys, { limit: 50 })).map((n) => n.form).sort();
      } finally {
        await app.close();
      }
    };
    const app = await openApp({ db });
    await ingestPaths({
      paths: [CABLE_SEED],
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
    });
    await app.close();
    const written = await formsIn();
    assert.ok(written.includes('Filippov'), written.join(', '));
    // The index as an older version left it: its keys lost, its version behind.
    if (label === 'SQLite') {
      const raw = new Database(db);
      raw.exec(
        "DELETE FROM search_name_keys; UPDATE search_state SET value = '1' WHERE key = 'index_version'",
      );
      raw.close();
    } else {
      await database().query(
        'SET search_path = vocabulary; DELETE FROM search_name_keys; UPDATE search_state SET index_version = 1',
      );
    }
    assert.deepEqual(await formsIn(), written);
  });
}
