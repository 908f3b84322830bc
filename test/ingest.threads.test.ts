import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { openApp } from '../src/app.ts';
import { type FileReport, type IngestProgress, ingestPaths } from '../src/ingest/ingest.batch.ts';
import { CABLE_SEED, FRUS_DIR, LETTER_SEED } from './support/shared-paths.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-ingest-threads-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Everything an ingest leaves behind or tells: records, reports, progress, the index's rows. */
interface Outcome {
  records: string[];
  /** As the batch reported them when each was done (onFile), and in its report at the end. */
  files: FileReport[];
  reported: FileReport[];
  progress: IngestProgress[];
  summary: Omit<Awaited<ReturnType<typeof ingestPaths>>, 'files'>;
  index: Record<string, unknown[]>;
}

async function ingestWith(readerThreads: number, paths: string[]): Promise<Outcome> {
  const db = join(dir, `threads-${readerThreads}.db`);
  const app = await openApp({ db });
  const files: FileReport[] = [];
  const progress: IngestProgress[] = [];
  const records: string[] = [];
  let summary: Outcome['summary'];
  let reported: FileReport[];
  try {
    const { files: all, ...rest } = await ingestPaths({
      paths,
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
      readerThreads,
      onFile: (file) => files.push(file),
      onProgress: (p) => progress.push(p),
    });
    reported = all;
    summary = rest;
    // Canonical JSON, as `chancery export` prints it.
    for await (const record of app.store.streamRecords()) records.push(JSON.stringify(record));
  } finally {
    await app.close();
  }
  const sqlite = new Database(db, { readonly: true });
  try {
    const all = (sql: string) => sqlite.prepare(sql).raw().all();
    return {
      records,
      files,
      reported,
      progress,
      summary,
      index: {
        // In saving order: the index's rowids, which break ties in ranking.
        docs: all('SELECT rowid, record_id, date_min, date_max FROM search_docs ORDER BY rowid'),
        facets: all('SELECT doc, facet, value, label FROM search_facets ORDER BY doc, facet, value'),
        // What FTS5 holds, term by term and column by column.
        terms: all('SELECT term, col, doc, cnt FROM search_vocab ORDER BY term, col'),
        nameKeys: all('SELECT key, form, term, script FROM search_name_keys ORDER BY key, form'),
        authorities: all('SELECT id, json FROM authorities ORDER BY id'),
        reconciled: all('SELECT id, json FROM reconciled_authorities ORDER BY id'),
        relations: all('SELECT record_id, type, target, json FROM record_relations ORDER BY 1, 2, 3'),
        sources: all('SELECT sha256, file_name, format, size FROM sources ORDER BY sha256'),
      },
    };
  } finally {
    sqlite.close();
  }
}

test('reader threads yield exactly what reading in the writer yields: records, index, reports, progress', async () => {
  // The two FRUS volumes, the two seed pages, and files that fail or are given twice.
  const batch = join(dir, 'batch');
  const bad = join(batch, 'bad');
  rmSync(batch, { recursive: true, force: true });
  mkdirSync(bad, { recursive: true });
  copyFileSync(CABLE_SEED, join(batch, 'cable.txt'));
  copyFileSync(LETTER_SEED, join(batch, 'letter.txt'));
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'README.md'), '# Pages\n');
  writeFileSync(join(bad, 'truncated.xml'), '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>');
  const paths = [FRUS_DIR, batch, join(batch, 'cable.txt'), join(dir, 'missing.txt')];

  const single = await ingestWith(0, paths);
  const threaded = await ingestWith(3, paths);

  assert.ok(single.records.length > 500, `${single.records.length} records`);
  assert.equal(threaded.records.length, single.records.length);
  for (const [i, json] of single.records.entries()) assert.equal(threaded.records[i], json);
  for (const [table, rows] of Object.entries(single.index)) {
    assert.ok(rows.length > 0 || table === 'relations', `${table} is empty`);
    assert.deepEqual(threaded.index[table], rows, table);
  }
  assert.deepEqual(threaded.summary, single.summary);
  assert.deepEqual(threaded.files, single.files);
  assert.deepEqual(threaded.reported, single.reported);
  assert.deepEqual(threaded.progress, single.progress);
  // The batch is as varied as it means to be: records, a skipped file, failures, a file given twice.
  assert.deepEqual(
    [single.summary.ok, single.summary.skipped, single.summary.failed],
    [5, 1, 3],
    JSON.stringify(single.files.map((f) => [f.path, f.status])),
  );
  assert.ok(single.files.some((f) => f.notes.some((n) => n.includes('given twice'))));
  assert.ok(
    single.progress.length > single.files.length,
    'progress within the volumes, not only after each file',
  );
});
