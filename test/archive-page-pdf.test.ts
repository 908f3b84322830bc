import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { type IngestReport, ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { encryptedPdf, longExport, pdfOfPages, plainPdf } from './support/pdf.build.ts';
import { PAGES_DIR } from './support/shared-paths.ts';

/**
 * The archive's PDF exports read directly, against the text extracted from the same PDFs: the same
 * record, and bad PDFs refused with the file and the reason while the rest of the batch goes on.
 */

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-pdf-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withApp<T>(body: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp({ db: ':memory:' });
  try {
    return await body(app);
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

async function recordOf(path: string): Promise<ChanceryRecord> {
  return withApp(async (app) => {
    const report = await ingest(app, [path]);
    assert.equal(report.files[0]?.status, 'ok', JSON.stringify(report.files[0]));
    const [summary] = await app.store.listRecords();
    const record = summary ? await app.store.getRecord(summary.id) : null;
    assert.ok(record);
    return record;
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PDFS = readdirSync(PAGES_DIR)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

describe('archive-page-pdf reader', () => {
  test('each PDF export reads to the record its extracted text reads to', async () => {
    assert.ok(PDFS.length >= 8);
    for (const pdf of PDFS) {
      const fromPdf = await recordOf(join(PAGES_DIR, pdf));
      const fromText = await recordOf(join(PAGES_DIR, pdf.replace(/\.pdf$/, '.txt')));
      assert.equal(fromPdf.source.format, 'archive-page-pdf', pdf);
      assert.equal(fromPdf.source.layout, 'pdf', pdf);
      assert.equal(fromText.source.layout, 'line-broken', pdf);
      for (const field of [
        'id',
        'title',
        'date',
        'type',
        'authors',
        'recipients',
        'intermediaries',
        'participants',
        'summary',
        'originalLanguage',
        'archivalLocations',
        'credits',
      ] as const) {
        assert.deepEqual(fromPdf[field], fromText[field], `${pdf}: ${field}`);
      }
      // The same blocks with the same words. Spaces may differ: the PDF places each text item
      // itself, and pdftotext padded one bracket ("[ s promysh-kami]" in 134156) that the items do not.
      const words = (r: ChanceryRecord) =>
        r.texts.map((t) => [t.id, t.blocks.map((b) => b.text.replace(/\s+/g, ''))]);
      assert.deepEqual(words(fromPdf), words(fromText), pdf);
    }
  });

  test('keeps the PDF byte for byte as the record’s source', async () => {
    const path = join(PAGES_DIR, '113239.pdf');
    const bytes = readFileSync(path);
    await withApp(async (app) => {
      await ingest(app, [path]);
      const [summary] = await app.store.listRecords();
      const record = summary ? await app.store.getRecord(summary.id) : null;
      assert.equal(record?.source.sha256, sha256(bytes));
      assert.equal(record?.source.encoding, 'binary');
      const kept = await app.store.getSource(sha256(bytes));
      assert.ok(kept && Buffer.from(kept.bytes).equals(bytes));
    });
  });

  test('removes the export’s banner and joins paragraphs across pages', async () => {
    const record = await recordOf(join(PAGES_DIR, '113239.pdf'));
    const blocks = record.texts.flatMap((t) => t.blocks.map((b) => b.text));
    assert.ok(
      !blocks.some((b) => /digitalarchive\.wilsoncenter\.org|International History Declassified/.test(b)),
    );
    // Page 3 ends in "…Zhou Enlai and Strakhov [Li Lisan]" and page 4 goes on "visited Moscow".
    assert.ok(blocks.some((b) => b.includes('Strakhov [Li Lisan] visited Moscow, learned a little there')));
  });

  test('a batch of bad PDFs: each is named with its reason, the good one is ingested, nothing is modified', async (t) => {
    const batch = join(dir, 'batch');
    mkdirSync(batch, { recursive: true });
    const good = join(batch, '113377.pdf');
    copyFileSync(join(PAGES_DIR, '113377.pdf'), good);
    const real = readFileSync(join(PAGES_DIR, '113239.pdf'));
    writeFileSync(join(batch, 'empty.pdf'), '');
    writeFileSync(join(batch, 'half.pdf'), real.subarray(0, Math.floor(real.length / 2)));
    writeFileSync(join(batch, 'encrypted.pdf'), await encryptedPdf());
    // The image-only pages of a real export: the scan of the original it carries after its text.
    writeFileSync(join(batch, 'scan.pdf'), await pdfOfPages(join(PAGES_DIR, '111240.pdf'), [6, 7, 8]));
    writeFileSync(
      join(batch, 'letterhead.pdf'),
      await plainPdf(['Memo to the staff', 'The office is closed on Friday.']),
    );
    writeFileSync(
      join(batch, 'garbage.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 7), Buffer.from('\n%%EOF\n')]),
    );
    const before = new Map(readdirSync(batch).map((f) => [f, sha256(readFileSync(join(batch, f)))]));

    await withApp(async (app) => {
      const report = await ingest(app, [batch]);
      const byName = (name: string) => report.files.find((f) => f.path.endsWith(`/${name}`));
      assert.equal(byName('113377.pdf')?.status, 'ok');
      assert.equal(await app.store.countRecords(), 1);
      for (const [name, code, reason] of [
        ['empty.pdf', 'ingest.empty_file', /empty/],
        ['half.pdf', 'ingest.truncated', /cut short/],
        ['encrypted.pdf', 'ingest.pdf_encrypted', /encrypted with a password/],
        ['scan.pdf', 'ingest.pdf_no_text', /no text layer .* scan/],
        ['letterhead.pdf', 'ingest.missing_field', /field "title"/],
        ['garbage.pdf', 'ingest.pdf_malformed', /cannot be read/],
      ] as const) {
        const file = byName(name);
        t.diagnostic(`${name}: ${file?.problems[0]?.message}`);
        assert.equal(file?.status, 'failed', name);
        assert.equal(file?.problems[0]?.code, code, `${name}: ${JSON.stringify(file?.problems)}`);
        assert.match(file?.problems[0]?.message ?? '', new RegExp(`^${name.replace('.', '\\.')}: `));
        assert.match(file?.problems[0]?.message ?? '', reason);
      }
      assert.equal(report.failed, 6);
      assert.deepEqual(await app.store.checkIntegrity(), []);
    });
    for (const [name, hash] of before)
      assert.equal(sha256(readFileSync(join(batch, name))), hash, `${name} is unchanged`);
  });

  test('reads a 500-page export whole, page after page', async (t) => {
    const path = join(dir, 'long.pdf');
    writeFileSync(path, await longExport(join(PAGES_DIR, '113239.pdf'), 500));
    const started = performance.now();
    const record = await recordOf(path);
    t.diagnostic(`500 pages read in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const blocks = record.texts.flatMap((b) => b.blocks);
    // The export's first page, then its four body pages over and over: the last body page, which
    // ends the conversation, comes once in every four of the 499 pages after the first.
    const ended = blocks.filter((b) => b.text === 'The conversation ended at this.').length;
    assert.equal(ended, Math.floor(499 / 4));
    assert.equal(record.title, 'Memorandum of Conversation between Anastas Mikoyan and Mao Zedong');
  });
});
