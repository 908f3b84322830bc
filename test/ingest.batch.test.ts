import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { type IngestReport, ingestPaths } from '../src/ingest/ingest.batch.ts';
import { CABLE_SEED, LETTER_SEED } from './support/shared-paths.ts';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-ingest-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withApp(body: (app: App) => Promise<void>): Promise<void> {
  const app = await openApp({ db: ':memory:' });
  try {
    await body(app);
  } finally {
    await app.close();
  }
}

function ingest(app: App, paths: string[]): Promise<IngestReport> {
  return ingestPaths({
    paths,
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Windows-1251 bytes of a text, from TextDecoder's own table of the code page. */
function toWindows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`no Windows-1251 byte for ${JSON.stringify(ch)}`);
      return byte;
    }),
  );
}

test('a batch of good and bad files: each bad file is named with its reason, the rest is ingested, nothing is modified', async () => {
  const batch = join(dir, 'batch');
  mkdirSync(join(batch, 'nested'), { recursive: true });
  copyFileSync(CABLE_SEED, join(batch, 'cable.txt'));
  copyFileSync(LETTER_SEED, join(batch, 'nested', 'letter.txt'));
  writeFileSync(join(batch, 'empty.txt'), '');
  writeFileSync(
    join(batch, 'blob.bin'),
    Buffer.from([0x13, 0x37, 0x00, 0xfe, 0x00, 0x01, 0x02, 0x80, 0x00, 0x00, 0x99]),
  );
  writeFileSync(join(batch, 'shopping.txt'), 'Eggs\nMilk\nBread, two loaves\nRemember the post office.\n');
  // Not documents: the folder's README and a picture. Found in a folder, they are skipped.
  writeFileSync(join(batch, 'README.md'), '# Batch\n\nPages to ingest, one a file.\n');
  writeFileSync(
    join(batch, 'nested', 'photo.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  const cable = readFileSync(CABLE_SEED);
  writeFileSync(join(batch, 'cable-cut.txt'), cable.subarray(0, Math.floor(cable.length / 2)));
  // 50 MB of prose that is no known format, written in pieces so the test itself stays small.
  const big = openSync(join(batch, 'big.txt'), 'w');
  const line = Buffer.from(
    'The quick brown fox jumps over the lazy dog while the archive keeps its records.\n',
  );
  const piece = Buffer.concat(Array.from({ length: 8192 }, () => line));
  for (let written = 0; written < 50 * 1024 * 1024; written += piece.length) writeSync(big, piece);
  closeSync(big);

  const names = await readdir(batch, { recursive: true });
  const before = new Map(
    names.filter((n) => n.includes('.')).map((n) => [n, sha256(join(batch, n))] as const),
  );

  await withApp(async (app) => {
    // The cable is given a second time, directly: it must be read once.
    const report = await ingest(app, [batch, join(batch, 'cable.txt'), join(batch, 'missing.txt')]);
    const byName = (name: string) => report.files.find((f) => f.path.endsWith(name));

    assert.equal(report.ingested, 2, 'the two seeds are ingested');
    assert.equal(await app.store.countRecords(), 2);
    for (const [name, code] of [
      ['empty.txt', 'ingest.empty_file'],
      ['blob.bin', 'ingest.binary_file'],
      ['shopping.txt', 'ingest.unknown_format'],
      ['big.txt', 'ingest.unknown_format'],
      ['missing.txt', 'ingest.not_found'],
    ] as const) {
      const file = byName(name);
      assert.ok(file, `${name} is reported`);
      assert.equal(file.problems[0]?.code, code, `${name}: ${JSON.stringify(file.problems)}`);
      assert.match(file.problems[0]?.message ?? '', new RegExp(name.replace('.', '\\.')));
    }
    const cut = byName('cable-cut.txt');
    assert.ok(cut && cut.problems.length > 0, 'a seed cut in half is refused, not stored as a half record');
    assert.equal(cut.problems[0]?.code, 'ingest.truncated', JSON.stringify(cut.problems));
    assert.match(cut.problems[0]?.message ?? '', /cable-cut\.txt/);
    assert.equal(report.failed, 6);
    for (const name of ['README.md', 'photo.png']) {
      const skipped = byName(name);
      assert.equal(skipped?.status, 'skipped', name);
      assert.match(
        skipped?.problems[0]?.message ?? '',
        new RegExp(`^${name.replace('.', '\\.')} is a .*; skipped\\.$`),
      );
    }
    assert.equal(report.skipped, 2);
    assert.equal(report.ok, 3, 'the two seeds, and the cable given a second time');

    const twice = report.files.filter((f) => f.path.endsWith('cable.txt'));
    assert.equal(twice.length, 2);
    assert.match(twice[1]?.notes.join() ?? '', /given twice/);
    assert.deepEqual(await app.store.checkIntegrity(), []);
  });

  for (const [name, hash] of before) assert.equal(sha256(join(batch, name)), hash, `${name} is unchanged`);
});

test('the first seed re-encoded as Windows-1251 is read as the same document', async () => {
  const utf8 = join(dir, 'cable-utf8.txt');
  const cp1251 = join(dir, 'cable-cp1251.txt');
  copyFileSync(CABLE_SEED, utf8);
  // Windows-1251 has no º: "Nº" is written with the numero sign it does have, as iconv's //TRANSLIT does.
  writeFileSync(cp1251, toWindows1251(readFileSync(CABLE_SEED, 'utf8').replaceAll('Nº', '№')));
  await withApp(async (app) => {
    const first = await ingest(app, [utf8]);
    const [id] = (await app.store.listRecords()).map((r) => r.id);
    assert.ok(id);
    const original = await app.store.getRecord(id);
    const second = await ingest(app, [cp1251]);
    assert.equal(first.ingested, 1);
    assert.equal(second.updated, 1, 'same id: the record is updated, not duplicated');
    assert.match(second.files[0]?.notes.join() ?? '', /windows-1251/);
    const recoded = await app.store.getRecord(id);
    assert.ok(original && recoded);
    assert.equal(recoded.source.encoding, 'windows-1251');
    assert.deepEqual(recoded.texts, original.texts);
    assert.equal(recoded.title, original.title);
    // The raw lines differ by the numero sign the test wrote; the events read from them must not.
    const events = (r: typeof original) => r.handling.map(({ raw: _raw, ...event }) => event);
    assert.deepEqual(events(recoded), events(original));
    assert.deepEqual(recoded.numbers, original.numbers);
    assert.deepEqual(recoded.archivalLocations, original.archivalLocations);
    assert.equal(await app.store.countRecords(), 1);
  });
});

test('ingesting the same files again changes nothing; a changed file updates its record and keeps the earlier version', async () => {
  const letter = join(dir, 'letter.txt');
  copyFileSync(LETTER_SEED, letter);
  await withApp(async (app) => {
    const first = await ingest(app, [letter, CABLE_SEED]);
    assert.deepEqual([first.ingested, first.updated, first.unchanged, first.failed], [2, 0, 0, 0]);
    const again = await ingest(app, [letter, CABLE_SEED]);
    assert.deepEqual([again.ingested, again.updated, again.unchanged, again.failed], [0, 0, 2, 0]);

    const text = readFileSync(letter, 'utf8');
    writeFileSync(
      letter,
      text.replace('Мексиканцы являются агентами США.', 'Мексиканцы являются агентами США!'),
    );
    const changed = await ingest(app, [letter]);
    assert.deepEqual([changed.ingested, changed.updated], [0, 1]);
    const id = (await app.store.listRecords()).find((r) => r.title.startsWith('Hand-delivered'))?.id;
    assert.ok(id);
    const versions = await app.store.listVersions(id);
    assert.equal(versions.length, 2);
    const v1 = await app.store.getRecordVersion(id, 1);
    const v2 = await app.store.getRecord(id);
    assert.ok(v1 && v2);
    assert.ok(v1.texts[0]?.blocks.some((b) => b.text.includes('агентами США.')));
    assert.ok(v2.texts[0]?.blocks.some((b) => b.text.includes('агентами США!')));
    assert.notEqual(v1.source.sha256, v2.source.sha256);
    const kept = await app.store.getSource(v1.source.sha256);
    assert.ok(kept);
    assert.ok(Buffer.from(kept.bytes).equals(readFileSync(LETTER_SEED)), 'the original bytes are kept');
  });
});

test('a file named on the command line is never skipped: a README given by name fails as no known format', async () => {
  const readme = join(dir, 'README.md');
  writeFileSync(readme, '# Notes\n\nNothing archival.\n');
  await withApp(async (app) => {
    const report = await ingest(app, [readme]);
    assert.deepEqual(
      report.files.map((f) => [f.status, f.problems[0]?.code]),
      [['failed', 'ingest.unknown_format']],
    );
  });
});

test('what a reader did not expect in a file it read is a warning, given once per kind (each unknown element) with a count; only a file with no record fails', async () => {
  const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus-warn">
<teiHeader><fileDesc><titleStmt><title type="complete">Test Volume</title></titleStmt></fileDesc></teiHeader>
<text><body><div type="compilation" xml:id="comp1"><div type="chapter" xml:id="ch1">
`;
  const doc = (id: string, body: string) =>
    `<div type="document" xml:id="${id}" n="${id.slice(1)}"><head>Telegram From A to B</head>\n<p>${body}</p>\n</div>\n`;
  const TAIL = '</div></div></body></text></TEI>\n';
  const warned = join(dir, 'warned.xml');
  writeFileSync(
    warned,
    `${HEAD}${doc('d1', 'One <widget>gizmo</widget>.')}${doc('d2', 'Two <gadget>thing</gadget>.')}${doc('d3', 'Three <widget>again</widget>.')}${TAIL}`,
  );
  const nothing = join(dir, 'nothing.xml');
  writeFileSync(
    nothing,
    `${HEAD}<div type="document" n="1"><head>Telegram From A to B</head><p>x</p></div>${TAIL}`,
  );
  await withApp(async (app) => {
    const report = await ingest(app, [warned, nothing]);
    const [ok, failed] = report.files;
    assert.equal(ok?.status, 'ok');
    assert.equal(ok?.ingested, 3);
    assert.deepEqual(ok?.problems, []);
    // One warning per element the reader does not know, however often it comes.
    assert.deepEqual(
      ok?.warnings.map((w) => [w.code, w.kind, w.count]),
      [
        ['ingest.xml_document', 'unknown-element:widget', 1],
        ['ingest.xml_document', 'unknown-element:gadget', 1],
      ],
    );
    assert.match(
      ok?.warnings[0]?.message ?? '',
      /^warned\.xml, line \d+, column \d+: <widget> in document d1/,
    );
    assert.equal(failed?.status, 'failed');
    assert.match(failed?.problems[0]?.message ?? '', /has no xml:id/);
    assert.deepEqual(failed?.warnings, []);
    assert.deepEqual([report.ok, report.warnings, report.skipped, report.failed], [1, 1, 0, 1]);
  });
});
