import { createHash } from 'node:crypto';
import { decodeBytes, detectEncoding, SAMPLE_BYTES } from '../../src/ingest/decode.ts';
import type { SourceInput } from '../../src/ingest/formats/format.types.ts';
import { isPdf } from '../../src/ingest/source-file.ts';

/** Characters per chunk that `chunks()` hands a streaming reader, as the batch's 32 KiB reads give about. */
const CHUNK_CHARS = 32 * 1024;

/**
 * Bytes held in memory as a reader's input, decoded the way the batch decodes a file
 * (`detectEncoding`), so that fuzzing and benchmarks drive readers without touching the disk.
 * Throws the batch's own errors for an empty or binary input.
 *
 * @example const input = sourceInputFromBytes('mutant.txt', Buffer.from(text));
 */
export function sourceInputFromBytes(name: string, bytes: Uint8Array): SourceInput {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isPdf(bytes.subarray(0, 1024))) {
    return {
      path: `memory:${name}`,
      name,
      size: bytes.length,
      binary: 'pdf',
      sha256,
      encoding: 'binary',
      head: '',
      bytes: async () => bytes,
      text: async () => '',
      chunks: async function* () {},
      bytesRead: () => 0,
    };
  }
  const decoding = detectEncoding(bytes.subarray(0, SAMPLE_BYTES), name);
  const text = decodeBytes(bytes, decoding);
  let bytesRead = 0;
  return {
    path: `memory:${name}`,
    name,
    size: bytes.length,
    sha256,
    encoding: decoding.encoding,
    head: text.slice(0, SAMPLE_BYTES),
    bytes: async () => bytes,
    text: async () => text,
    chunks: async function* () {
      for (let at = 0; at < text.length; at += CHUNK_CHARS) {
        bytesRead = Math.min(bytes.length, Math.round(((at + CHUNK_CHARS) / text.length) * bytes.length));
        yield text.slice(at, at + CHUNK_CHARS);
      }
    },
    bytesRead: () => bytesRead,
  };
}
