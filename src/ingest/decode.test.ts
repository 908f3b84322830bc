import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes, detectEncoding } from './decode.ts';

const russian = 'Товарищ Филиппов! Что касается переговоров о прекращении военных действий в Корее.';

/** Encodes with a single-byte Cyrillic code page, built from TextDecoder's own table. */
function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(encoding);
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const unit of text.split('').map((c) => c.charCodeAt(0))) {
    bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return Uint8Array.from(bytes);
}

test('UTF-8 with and without a byte-order mark reads as UTF-8', () => {
  const plain = new TextEncoder().encode(russian);
  assert.deepEqual(detectEncoding(plain, 'a.txt'), { encoding: 'utf-8', bomLength: 0 });
  const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
  const decoding = detectEncoding(withBom, 'a.txt');
  assert.equal(decodeBytes(withBom, decoding), russian);
});

test('Windows-1251 and KOI8-R are told apart and decoded to the same text', () => {
  for (const encoding of ['windows-1251', 'koi8-r']) {
    const bytes = encodeSingleByte(russian, encoding);
    const decoding = detectEncoding(bytes, 'a.txt');
    assert.equal(decoding.encoding, encoding);
    assert.equal(decodeBytes(bytes, decoding), russian);
  }
});

test('Western text with a few accented letters reads as Windows-1252, not Cyrillic', () => {
  const bytes = encodeSingleByte(
    'Kaesong, also written Kaijō in the Japanese reading, café.',
    'windows-1252',
  );
  assert.equal(detectEncoding(bytes, 'a.txt').encoding, 'windows-1252');
});

test('UTF-16 is read with or without a byte-order mark, in either byte order', () => {
  for (const bigEndian of [false, true]) {
    for (const bom of [false, true]) {
      const bytes = utf16(russian, bigEndian, bom);
      assert.equal(decodeBytes(bytes, detectEncoding(bytes, 'a.txt')), russian, `be=${bigEndian} bom=${bom}`);
    }
  }
});

test('empty and binary files are refused with the file name and the reason', () => {
  assert.throws(() => detectEncoding(new Uint8Array(), 'empty.txt'), {
    code: 'ingest.empty_file',
    message: /empty\.txt: the file is empty/,
  });
  assert.throws(() => detectEncoding(Uint8Array.from([1, 2, 0, 3, 250, 251, 0, 9]), 'blob.bin'), {
    code: 'ingest.binary_file',
    message: /blob\.bin: .*binary/,
  });
  assert.throws(() => detectEncoding(new TextEncoder().encode('%PDF-1.7\n...'), 'scan.pdf'), {
    code: 'ingest.binary_file',
    message: /scan\.pdf: this is a PDF file/,
  });
});
