import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { openApp } from '../src/app.ts';
import { ingestInWorker } from '../src/cli/ingest.thread.ts';
import { isChanceryError } from '../src/errors.ts';
import type { FileReport, IngestProgress } from '../src/ingest/ingest.batch.ts';
import { RECORD_LIMITS } from '../src/record/record.limits.ts';
import { makeRecord } from './support/record.fixture.ts';
import { FRUS_DIR } from './support/shared-paths.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-ingest-thread-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const VOLUME = `${FRUS_DIR}frus1955-57v23p2.xml`;

test('the ingest worker saves the volume and relays its progress and file report', async () => {
  const db = join(dir, 'worker.db');
  const progress: IngestProgress[] = [];
  const files: FileReport[] = [];
  const report = await ingestInWorker(
    { db, paths: [VOLUME], progress: true },
    { progress: (p) => progress.push(p), file: (f) => files.push(f) },
  );

  // One record per document of the volume, as in the main thread (test/tei-frus.ingest.test.ts).
  const documents = readFileSync(VOLUME, 'utf8').match(/<div\b[^>]*\btype="document"/g)?.length;
  assert.equal(report.failed, 0, JSON.stringify(report.files));
  assert.equal(report.ingested, documents);
  assert.deepEqual(
    files.map((f) => [f.path, f.format, f.ingested]),
    [[VOLUME, 'tei-frus', report.ingested]],
  );
  const size = statSync(VOLUME).size;
  assert.ok(progress.length > 1, 'progress comes while the volume is read, not only at its end');
  for (const [i, p] of progress.entries()) {
    assert.ok(p.bytesDone <= size && p.bytesTotal === size);
    if (i > 0) assert.ok(p.bytesDone >= (progress[i - 1] as IngestProgress).bytesDone, 'bytes only grow');
  }
  assert.deepEqual(progress.at(-1), {
    file: VOLUME,
    filesDone: 1,
    filesTotal: 1,
    records: report.ingested,
    bytesDone: size,
    bytesTotal: size,
  });

  // What the worker wrote is in the database once it has reported.
  const app = await openApp({ db });
  try {
    assert.equal(await app.store.countRecords(), report.ingested);
    assert.equal((await app.store.getRecord('frus1955-57v23p2-d1'))?.collections[0]?.position, 1);
  } finally {
    await app.close();
  }
  const again = await ingestInWorker({ db, paths: [VOLUME], progress: false });
  assert.equal(again.unchanged, report.ingested);
  assert.equal(again.ingested + again.updated, 0);
});

test('a Chancery error in the worker reaches the caller with its code and message', async () => {
  const db = join(dir, 'newer.db');
  const newer = new Database(db);
  newer.exec(
    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')",
  );
  newer.close();
  await assert.rejects(ingestInWorker({ db, paths: [VOLUME], progress: false }), (error) => {
    assert.ok(isChanceryError(error));
    assert.equal(error.code, 'store.migration');
    assert.match(error.message, /schema version 99, newer than this Chancery knows/);
    return true;
  });
});

test('a record as large as the limits let in is saved within the heap ceiling of the worker', async () => {
  // Blocks as long as a block may be, as many as one record's JSON holds: the worker's heap must
  // take the record, its analysis and its index entries at once.
  const words = 'Stalin Mao armistice Kaesong Громыко Хрущёв the of and to ';
  const text = words.repeat(Math.floor((RECORD_LIMITS.blockChars - 1000) / words.length));
  const target = RECORD_LIMITS.jsonChars * 0.98;
  const texts = Array.from({ length: Math.floor(target / text.length) }, () => text);
  texts.push(text.slice(0, target - texts.length * text.length));
  const base = makeRecord({ id: 'largest-1' });
  const record = makeRecord({
    id: 'largest-1',
    texts: [
      {
        ...(base.texts[0] as (typeof base.texts)[0]),
        blocks: texts.map((t, i) => ({ id: `b${i + 1}`, type: 'paragraph', text: t, marks: [] })),
      },
    ],
  });
  const json = JSON.stringify(record);
  assert.ok(json.length > 0.97 * RECORD_LIMITS.jsonChars && json.length < RECORD_LIMITS.jsonChars);
  const file = join(dir, 'largest.jsonl');
  writeFileSync(file, `${json}\n`);
  const report = await ingestInWorker({ db: join(dir, 'largest.db'), paths: [file], progress: false });
  assert.equal(report.ingested, 1, JSON.stringify(report.files));
});
