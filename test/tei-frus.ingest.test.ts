import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { FRUS_DIR } from './support/shared-paths.ts';

/** Counted from the XML itself, independently of the reader. */
function countInVolumes(pattern: RegExp): number {
  let count = 0;
  for (const file of readdirSync(FRUS_DIR).filter((f) => f.endsWith('.xml'))) {
    count += readFileSync(`${FRUS_DIR}${file}`, 'utf8').match(pattern)?.length ?? 0;
  }
  return count;
}

test('ingesting the FRUS folder stores one record per document div, and a second run changes nothing', async () => {
  const app = await openApp({ db: ':memory:' });
  try {
    const ingest = () =>
      ingestPaths({
        paths: [FRUS_DIR],
        store: app.store,
        search: app.search,
        authorities: app.authorities,
        readers: app.readers,
      });
    const first = await ingest();
    const expected = countInVolumes(/<div\b[^>]*\btype="document"/g);
    assert.ok(expected > 500);
    assert.deepEqual([first.ingested, first.updated, first.failed], [expected, 0, 0]);
    assert.equal(await app.store.countRecords(), expected);
    const second = await ingest();
    assert.deepEqual([second.ingested, second.updated, second.unchanged, second.failed], [0, 0, expected, 0]);

    const collections = await app.store.listCollections();
    assert.deepEqual(collections.map((c) => c.id).sort(), ['frus1951v07p2', 'frus1955-57v23p2']);
    const volume = await app.store.listRecords({ collectionId: 'frus1951v07p2', limit: 3 });
    assert.deepEqual(
      volume.map((r) => r.id),
      ['frus1951v07p2-d1', 'frus1951v07p2-d2', 'frus1951v07p2-d3'],
      'documents keep their order in the volume',
    );
    // "See" entries of the persons list fold into the person they point to, so a few fewer.
    const persons = countInVolumes(/<persName\b[^>]*\bxml:id=/g);
    const listed = (await app.store.listAuthorities('person')).filter((a) => !a.id.includes('~')).length;
    assert.ok(
      listed > persons * 0.9 && listed <= persons,
      `${listed} listed people from ${persons} persons entries`,
    );
    // Every person, listed or only signing, is one of the archive's reconciled people.
    const reconciled = await app.store.listReconciled({ kind: 'person' });
    const members = new Set(reconciled.flatMap((p) => p.members ?? []));
    for (const person of await app.store.listAuthorities('person'))
      assert.ok(members.has(person.id), person.id);
    assert.equal((await app.store.listAuthorities('term')).length, countInVolumes(/<term\b[^>]*\bxml:id=/g));
    assert.deepEqual(await app.store.checkIntegrity(), []);
  } finally {
    await app.close();
  }
});
