import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { type IngestReport, ingestPaths } from '../src/ingest/ingest.batch.ts';
import { searchArchive } from '../src/search/search.service.ts';
import { FRUS_DIR } from './support/shared-paths.ts';

const LONG_NAME = `${'Abcdefghij '.repeat(999)}Zyx`;
/** Entries a persons list should not hold, and names no one has, put into a real volume's list. */
const BAD_ENTRIES = [
  // The id of a real entry, given again to another name.
  '<item><hi rend="strong"><persName xml:id="p_AR1">Second, Entry</persName>,</hi> a duplicate id</item>',
  // No name at all, and a name of punctuation only.
  '<item><hi rend="strong"><persName xml:id="p_EMPTY1"></persName>,</hi> nothing</item>',
  '<item><hi rend="strong"><persName xml:id="p_PUNCT1">—, .</persName>,</hi> punctuation</item>',
  // One letter, ten thousand characters, three scripts.
  '<item><hi rend="strong"><persName xml:id="p_ONE1">X</persName>,</hi> one letter</item>',
  `<item><hi rend="strong"><persName xml:id="p_LONG1">${LONG_NAME}</persName>,</hi> a long name</item>`,
  '<item><hi rend="strong"><persName xml:id="p_MIX1">Ivanov Иванов 伊万诺夫</persName>,</hi> three scripts</item>',
];

let app: App;
let dir: string;
let report: IngestReport;
let volumeDocuments = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-names-'));
  const xml = readFileSync(`${FRUS_DIR}frus1955-57v23p2.xml`, 'utf8');
  volumeDocuments = (xml.match(/<div\b[^>]*\btype="document"/g) ?? []).length;
  // At the end of the list: the entries before keep their ids.
  const endOfList = xml.indexOf('</list>', xml.indexOf('xml:id="persons"'));
  writeFileSync(
    join(dir, 'bad-persons.xml'),
    xml.slice(0, endOfList) + BAD_ENTRIES.join('\n') + xml.slice(endOfList),
  );
  app = await openApp({ db: join(dir, 'archive.db') });
  report = await ingestPaths({
    paths: [dir],
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
});

after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a persons list with a duplicate id and nameless entries: each said once, the volume ingested whole', async () => {
  const file = report.files.find((f) => f.path.endsWith('bad-persons.xml'));
  assert.equal(file?.status, 'ok');
  assert.equal(file?.ingested, volumeDocuments);
  const warnings = file?.warnings.map((w) => w.message).join('\n') ?? '';
  assert.match(
    warnings,
    /bad-persons\.xml, line \d+: persons list: the id p_AR1 is given twice \(“Amory, Robert” and “Second, Entry”\)/,
  );
  // Two entries without a name: one warning of that kind, counted twice.
  const nameless = file?.warnings.find((w) => w.kind === 'persons list:no-name');
  assert.match(nameless?.message ?? '', /persons list: the entry p_EMPTY1 has no name/);
  assert.equal(nameless?.count, 2);
  // The second entry under the repeated id is kept, under an id of its own.
  const people = await app.store.listAuthorities('person');
  assert.ok(people.some((p) => p.id.startsWith('frus1955-57v23p2-p_AR1~') && p.name === 'Entry Second'));
  assert.equal(people.find((p) => p.id === 'frus1955-57v23p2-p_AR1')?.name, 'Robert Amory');
  assert.deepEqual(await app.store.checkIntegrity(), []);
});

test('names of one letter, of ten thousand characters and of three scripts reconcile and are searched without harm', async () => {
  const reconciled = await app.store.listReconciled({ kind: 'person' });
  const long = reconciled.find((p) => p.name.startsWith('Abcdefghij'));
  assert.ok(long && long.id.length < 80, 'a long name gets a bounded id');
  assert.ok(reconciled.some((p) => p.name === 'X'));
  assert.ok(reconciled.some((p) => p.name.includes('Иванов')));
  for (const q of [
    'X',
    'person:X',
    `person:"${LONG_NAME.slice(0, 400)}"`,
    'Ivanov Иванов 伊万诺夫',
    'author:"—, ."',
    '伊万诺夫',
    'Иванов',
  ]) {
    const result = await searchArchive({ q, page: 1 }, app);
    assert.ok(result.total >= 0, q);
  }
});
