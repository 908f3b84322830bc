import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isChanceryError } from '../src/errors.ts';
import { archivePageMarkdownReader } from '../src/ingest/formats/archive-page-markdown.reader.ts';
import { archivePagePdfTextReader } from '../src/ingest/formats/archive-page-pdf-text.reader.ts';
import { archivePageTextReader } from '../src/ingest/formats/archive-page-text.reader.ts';
import type { FormatReader, SourceInput } from '../src/ingest/formats/format.types.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { type GoldenFile, matchGolden } from './golden.match.ts';
import {
  archivePageFromBytes,
  archivePageFromFile,
  archivePageFromText,
} from './support/archive-page.source.ts';
import { PAGES_DIR } from './support/shared-paths.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const seed = (name: string) => fileURLToPath(new URL(`seeds/${name}`, SHARED));
const golden = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`golden/${name}`, SHARED)), 'utf8')) as GoldenFile;
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/pdf-text/${name}`, import.meta.url));
const CABLE = seed('000_1a6ead44c4c0e4a5.txt');
const LETTER = seed('004_4e4ece4df42afde7.txt');
const CABLE_PDF = fixture('cable-21756.pdf.txt');
const LETTER_PDF = fixture('113644-letter.pdf.txt');
const READERS = [archivePageTextReader, archivePageMarkdownReader, archivePagePdfTextReader];
const authorities = new AuthorityIndex(loadAuthorities());

async function readOne(reader: FormatReader, input: SourceInput): Promise<ChanceryRecord> {
  const records: ChanceryRecord[] = [];
  for await (const item of reader.read(input, { authorities }))
    if (item.kind === 'record') records.push(item.record);
  assert.equal(records.length, 1);
  return records[0] as ChanceryRecord;
}

async function readError(
  reader: FormatReader,
  input: SourceInput,
): Promise<{ code: string; message: string }> {
  try {
    await readOne(reader, input);
  } catch (error) {
    if (isChanceryError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  assert.fail(`${input.name}: read without an error`);
}

const half = (path: string, part: 'first' | 'second') => {
  const text = readFileSync(path, 'utf8');
  const middle = Math.floor(text.length / 2);
  return part === 'first' ? text.slice(0, middle) : text.slice(middle);
};

const claims = (input: SourceInput) => READERS.filter((r) => r.detect(input) >= 0.5).map((r) => r.format);

describe('detection', () => {
  test('each archive page is claimed by its own reader and by no other', () => {
    assert.deepEqual(claims(archivePageFromFile(CABLE)), ['archive-page-text']);
    assert.deepEqual(claims(archivePageFromFile(LETTER)), ['archive-page-markdown']);
    assert.deepEqual(claims(archivePageFromFile(CABLE_PDF)), ['archive-page-pdf-text']);
    assert.deepEqual(claims(archivePageFromFile(LETTER_PDF)), ['archive-page-pdf-text']);
  });

  test('no archive-page reader claims prose, Markdown notes, XML or JSON', () => {
    const others: [string, string][] = [
      [
        'prose.txt',
        'It was a bright cold day in April, and the clocks were striking thirteen.\n\nWinston Smith slipped quickly through the glass doors.\n',
      ],
      [
        'russian.txt',
        'Все счастливые семьи похожи друг на друга.\n\nКаждая несчастливая семья несчастлива по-своему.\n',
      ],
      [
        'notes.md',
        '# Reading notes\n\n## July 13, 1951\n\nThe summary of the talks: see below.\n\n- Kaesong\n- agenda\n',
      ],
      [
        'tei.xml',
        '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Citation:</p></body></text></TEI>\n',
      ],
      ['record.json', '{"id":"da-1","title":"Citation:","texts":[],"source":{}}\n'],
      ['list.json', '[\n"Summary:",\n"Document Information"\n]\n'],
      // The batch then reports it as a file of no known format.
      ['letter-second-half.txt', half(LETTER, 'second')],
    ];
    for (const [name, text] of others) assert.deepEqual(claims(archivePageFromText(name, text)), [], name);
  });
});

describe('archive-page-text reader', () => {
  test('gives the same record id when the page comes as Windows-1251', async () => {
    const utf8 = await readOne(archivePageTextReader, archivePageFromFile(CABLE));
    const input = archivePageFromBytes({
      name: 'cable-1251.txt',
      bytes: encodeWindows1251(readFileSync(CABLE, 'utf8')),
      encoding: 'windows-1251',
    });
    assert.ok(archivePageTextReader.detect(input) >= 0.5);
    const cp1251 = await readOne(archivePageTextReader, input);
    assert.equal(cp1251.id, utf8.id);
    assert.equal(cp1251.source.encoding, 'windows-1251');
    assert.equal(cp1251.texts[0]?.blocks.length, 19);
  });

  test('refuses a page without a date and title, naming the file and the field', async () => {
    const error = await readError(
      archivePageTextReader,
      archivePageFromText('untitled.txt', 'Skip to content\n\nDocument Information\n\nRecord ID\n'),
    );
    assert.equal(error.code, 'ingest.missing_field');
    assert.match(error.message, /^untitled\.txt: field "title"/);
  });

  test('refuses the first half of a page as cut short', async () => {
    const error = await readError(
      archivePageTextReader,
      archivePageFromText('cable-first-half.txt', half(CABLE, 'first')),
    );
    assert.equal(error.code, 'ingest.truncated');
    assert.match(error.message, /^cable-first-half\.txt: .*"Document Information"/);
  });

  test('refuses the second half of a page: it has no title', async () => {
    const error = await readError(
      archivePageTextReader,
      archivePageFromText('cable-second-half.txt', half(CABLE, 'second')),
    );
    assert.equal(error.code, 'ingest.missing_field');
    assert.match(error.message, /^cable-second-half\.txt: field "title"/);
  });

  test('refuses a page whose body holds no text', async () => {
    const page =
      'July 13, 1951\n\nCable No. 1, A to B\n\n\nDocument Information\n\nRGASPI, f. 1, op. 1, d. 1, l. 1.\n';
    const error = await readError(archivePageTextReader, archivePageFromText('empty-body.txt', page));
    assert.equal(error.code, 'ingest.missing_field');
    assert.match(error.message, /^empty-body\.txt: field "texts"/);
  });

  test('reads the record fields after the rights statement when they have values', async () => {
    const text = readFileSync(CABLE, 'utf8')
      .replace('Original Uploaded Date\n\n\n\n', 'Original Uploaded Date\n\n2013-03-12\n\n')
      .replace('Record ID\n\n\n\n', 'Record ID\n\n113617\n\n');
    const record = await readOne(archivePageTextReader, archivePageFromText('cable-with-id.txt', text));
    assert.equal(record.id, 'da-113617');
    assert.deepEqual([record.source.recordId, record.source.uploaded], ['113617', '2013-03-12']);
    assert.deepEqual(
      record.credits.filter((c) => c.role === 'funder'),
      [{ role: 'funder', name: 'Leon Levy Foundation' }],
    );
  });
});

describe('archive-page-markdown reader', () => {
  test('reads the draft with its marks, folios and divided words', async () => {
    const record = await readOne(archivePageMarkdownReader, archivePageFromFile(LETTER));
    const draft = record.texts.find((t) => t.kind === 'draft');
    assert.ok(draft);
    const folios = draft.blocks.flatMap((b) =>
      b.marks.filter((m) => m.type === 'folio').map((m) => `${b.id}:${m.text}`),
    );
    assert.deepEqual(folios, ['b3:98', 'b4:99', 'b6:100 3', 'b9:101 X', 'b11:5', 'b14:103', 'b14:6']);
    assert.ok(
      draft.blocks.some((b) => b.text.startsWith('Если мексиканцы выступят со своим предложением в ООН')),
    );
    for (const block of draft.blocks) {
      for (const mark of block.marks)
        if (mark.end > mark.start) assert.equal(block.text.slice(mark.start, mark.end), mark.text);
    }
  });

  test('keeps the numbers of a numbered list in the text', async () => {
    const record = await readOne(archivePageMarkdownReader, archivePageFromFile(LETTER));
    const original = record.texts.find((t) => t.id === 'original');
    assert.deepEqual(
      original?.blocks.filter((b) => b.type === 'list-item').map((b) => b.text.slice(0, 4)),
      ['„1. ', '2. В', '3. В'],
    );
  });

  test('refuses the first half of the page: its Contents promise a translation it does not hold', async () => {
    const error = await readError(
      archivePageMarkdownReader,
      archivePageFromText('letter-first-half.txt', half(LETTER, 'first')),
    );
    assert.equal(error.code, 'ingest.truncated');
    assert.match(error.message, /^letter-first-half\.txt: .*"Translation - English"/);
  });

  test('refuses a page without a title', async () => {
    const page =
      '#### Citation:\n\nSomething\n\n#### Contents:\n\nTranslation - English\n\nWe agree with you that the proposal is unacceptable.\n';
    const error = await readError(archivePageMarkdownReader, archivePageFromText('no-title.md', page));
    assert.equal(error.code, 'ingest.missing_field');
    assert.match(error.message, /^no-title\.md: field "title"/);
  });
});

describe('archive-page-pdf-text reader, one-line layout', () => {
  const LINE_BROKEN = readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(PAGES_DIR, f))
    .filter((path) => readFileSync(path, 'utf8').trim().includes('\n'));

  test('a page whose extraction lost every line break is claimed by the PDF-text reader alone', () => {
    for (const name of ['122808.txt', '134160.txt']) {
      assert.deepEqual(claims(archivePageFromFile(join(PAGES_DIR, name))), ['archive-page-pdf-text'], name);
    }
  });

  test('each line-broken page, its line breaks removed, reads to the same record fields', async () => {
    assert.ok(LINE_BROKEN.length >= 8);
    for (const path of LINE_BROKEN) {
      const broken = await readOne(archivePagePdfTextReader, archivePageFromFile(path));
      const flat = readFileSync(path, 'utf8').replace(/\s+/g, ' ');
      const oneLine = await readOne(archivePagePdfTextReader, archivePageFromText(basename(path), flat));
      assert.equal(broken.source.layout, 'line-broken');
      assert.equal(oneLine.source.layout, 'one-line');
      for (const field of [
        'id',
        'title',
        'date',
        'summary',
        'originalLanguage',
        'archivalLocations',
        'credits',
        'authors',
        'recipients',
        'participants',
      ] as const) {
        assert.deepEqual(oneLine[field], broken[field], `${basename(path)}: ${field}`);
      }
      // Without line breaks the paragraphs are gone, not the words (a hyphen at a line end aside).
      const words = (r: ChanceryRecord) =>
        r.texts
          .flatMap((t) => t.blocks.map((b) => b.text))
          .join(' ')
          .replace(/[\s-]+/g, '');
      assert.equal(words(oneLine), words(broken), basename(path));
    }
  });
});

describe('archive-page-pdf-text reader', () => {
  test('rebuilds the cable from its PDF export as the text page has it', async () => {
    const record = await readOne(archivePagePdfTextReader, archivePageFromFile(CABLE_PDF));
    const expected = golden('000_1a6ead44c4c0e4a5.json');
    const asPdf: GoldenFile = {
      ...expected,
      'source.file': 'cable-21756.pdf.txt',
      // The PDF export carries no rights statement.
      record: {
        ...Object.fromEntries(Object.entries(expected.record).filter(([key]) => key !== 'rights~')),
        source: { format: 'archive-page-pdf-text', url: null, recordId: null },
      },
    };
    assert.deepEqual(matchGolden(record, asPdf), []);
    const fromText = await readOne(archivePageTextReader, archivePageFromFile(CABLE));
    assert.equal(record.id, fromText.id);
    assert.deepEqual(
      record.texts.map((t) => t.blocks.map((b) => b.text)),
      fromText.texts.map((t) => t.blocks.map((b) => b.text)),
    );
  });

  test('rebuilds the letter from its PDF export, paragraphs and folios included', async () => {
    const record = await readOne(archivePagePdfTextReader, archivePageFromFile(LETTER_PDF));
    const fromMarkdown = await readOne(archivePageMarkdownReader, archivePageFromFile(LETTER));
    assert.equal(record.id, 'da-113644');
    assert.deepEqual(
      record.archivalLocations.map((l) => l.raw),
      fromMarkdown.archivalLocations.map((l) => l.raw),
    );
    assert.equal(record.summary, fromMarkdown.summary);
    for (const id of ['original', 'translation-en']) {
      const pdf = record.texts.find((t) => t.id === id)?.blocks.map((b) => b.text);
      const markdown = fromMarkdown.texts.find((t) => t.id === id)?.blocks.map((b) => b.text);
      assert.deepEqual(pdf, markdown, id);
    }
    // The PDF loses strike-through and superscript, not the folios or the words; only where a struck
    // syllable follows a divided word ("напере-" / "~~ны~~") does the PDF join what Markdown kept apart.
    const draft = (r: ChanceryRecord) => r.texts.find((t) => t.kind === 'draft');
    const words = (r: ChanceryRecord) => draft(r)?.blocks.map((b) => b.text.replace(/(\p{L})- /gu, '$1'));
    assert.deepEqual(words(record), words(fromMarkdown));
    assert.equal(
      draft(record)
        ?.blocks.flatMap((b) => b.marks)
        .filter((m) => m.type === 'folio').length,
      7,
    );
  });

  test('refuses an export cut after its first pages', async () => {
    const text = readFileSync(LETTER_PDF, 'utf8').split('\f').slice(0, 2).join('\f');
    const error = await readError(
      archivePagePdfTextReader,
      archivePageFromText('letter-pages-1-2.pdf.txt', text),
    );
    assert.equal(error.code, 'ingest.truncated');
  });
});

/** Windows-1251 bytes of a text, '?' for characters the code page lacks (as a legacy export would). */
function encodeWindows1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}
