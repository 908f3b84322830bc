import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { SourceInput } from '../../src/ingest/formats/format.types.ts';

/**
 * A reader's input for an archive page on disk, decoded whole: archive pages are small, and their
 * readers call `text()`. `encoding` names the bytes' encoding, decoded the way the batch decodes.
 *
 * @example const input = archivePageFromFile(CABLE_SEED);
 */
export function archivePageFromFile(path: string, encoding = 'utf-8'): SourceInput {
  return archivePageFromBytes({ name: basename(path), bytes: readFileSync(path), encoding });
}

/** A reader's input for page text that exists only in a test. */
export function archivePageFromText(name: string, text: string): SourceInput {
  return archivePageFromBytes({ name, bytes: Buffer.from(text, 'utf8'), encoding: 'utf-8' });
}

/** A reader's input for bytes in any encoding TextDecoder knows ("windows-1251", "koi8-r"). */
export function archivePageFromBytes(input: {
  name: string;
  bytes: Uint8Array;
  encoding: string;
}): SourceInput {
  const text = new TextDecoder(input.encoding).decode(input.bytes);
  return {
    name: input.name,
    path: input.name,
    size: input.bytes.byteLength,
    head: text.slice(0, 64 * 1024),
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    encoding: input.encoding,
    bytes: async () => input.bytes,
    text: async () => text,
    chunks: async function* () {
      yield text;
    },
    bytesRead: () => input.bytes.byteLength,
  };
}
