import { ChanceryError } from '../errors.ts';

/** How many bytes are looked at to tell binary from text and one encoding from another. */
export const SAMPLE_BYTES = 64 * 1024;

export interface Decoding {
  /** WHATWG encoding label, usable with TextDecoder ("utf-8", "windows-1251", "koi8-r", "utf-16le"). */
  encoding: string;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

const MAGIC: [string, number[]][] = [
  // openSourceFile hands a PDF to the PDF reader before its bytes would be decoded.
  ['a PDF file: it is read from its bytes by the PDF reader, not decoded as text', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or a DOCX/ODT document): unpack it and ingest the files inside', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive: unpack it first', [0x1f, 0x8b]],
  ['a PNG image: text must be transcribed or OCRed before it can be ingested', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image: text must be transcribed or OCRed before it can be ingested', [0xff, 0xd8, 0xff]],
];

/**
 * Decides how a file's bytes are to be read, from a sample of its start. Throws
 * `ingest.empty_file` or `ingest.binary_file` with the reason when the file is no text.
 *
 * Archive pages reach us in UTF-8, but copies saved by older tools come as UTF-16 (with a BOM)
 * or in the Russian single-byte code pages, Windows-1251 and KOI8-R: those are read, not refused.
 */
export function detectEncoding(sample: Uint8Array, fileName: string): Decoding {
  if (sample.length === 0) {
    throw new ChanceryError(
      'ingest.empty_file',
      `${fileName}: the file is empty (0 bytes); nothing to ingest.`,
      {
        file: fileName,
      },
    );
  }
  for (const [what, magic] of MAGIC) {
    if (magic.every((byte, i) => sample[i] === byte)) {
      throw new ChanceryError('ingest.binary_file', `${fileName}: this is ${what}.`, { file: fileName });
    }
  }
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (looksBinary(sample)) {
    throw new ChanceryError(
      'ingest.binary_file',
      `${fileName}: the file holds binary data (NUL or control bytes), not text; only PDF exports, text, Markdown, TEI XML and Chancery JSON files can be ingested.`,
      { file: fileName },
    );
  }
  if (isUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  return { encoding: guessSingleByteCyrillic(sample), bomLength: 0 };
}

/** Whole-file decode, for files read in one piece. */
export function decodeBytes(bytes: Uint8Array, decoding: Decoding): string {
  return new TextDecoder(decoding.encoding).decode(bytes.subarray(decoding.bomLength));
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true lets a sample that ends inside a multi-byte sequence still count as UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 text has its NUL bytes (the high byte of spaces, digits and Latin letters) all on one
 * side of each pair; binary data has them anywhere. The decoded text must also be free of controls.
 */
function guessUtf16WithoutBom(sample: Uint8Array): string | undefined {
  const length = Math.min(sample.length, 4096) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const total = evenNul + oddNul;
  if (total < 4) return undefined;
  const encoding = oddNul >= total * 0.95 ? 'utf-16le' : evenNul >= total * 0.95 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const text = new TextDecoder(encoding).decode(sample.subarray(0, length));
  let controls = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0xfffd
    ) {
      controls++;
    }
  }
  return controls <= text.length * 0.01 ? encoding : undefined;
}

function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed (PDF text exports), carriage return and escape are text.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
      control++;
  }
  return control > sample.length * 0.01;
}

/**
 * Windows-1251 and KOI8-R put upper- and lower-case Cyrillic in swapped halves of 0xC0–0xFF.
 * Running text is mostly lower case, so the reading with more lower-case letters is the right one.
 */
function guessSingleByteCyrillic(sample: Uint8Array): string {
  let high = 0;
  let upperHalf = 0;
  let ascii = 0;
  for (const byte of sample) {
    if (byte >= 0xc0) {
      high++;
      if (byte >= 0xe0) upperHalf++;
    } else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) ascii++;
  }
  // Western text with a few accented letters is mostly ASCII letters; Russian text mostly high bytes.
  if (high < (high + ascii) * 0.3) return 'windows-1252';
  return upperHalf >= high / 2 ? 'windows-1251' : 'koi8-r';
}
