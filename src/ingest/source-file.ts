import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChanceryError } from '../errors.ts';
import { type Decoding, detectEncoding, SAMPLE_BYTES } from './decode.ts';
import type { SourceInput } from './formats/format.types.ts';

/** Small enough that a chunk's text is an ordinary young object, not a large one collected only by a full GC. */
const CHUNK_BYTES = 32 * 1024;

/**
 * Opens a file for ingest: hashes it (streaming), decides its encoding from its first bytes and
 * decodes its head for format detection. The file is only ever opened for reading.
 *
 * Throws `ingest.not_found`, `ingest.empty_file` or `ingest.binary_file`.
 */
export async function openSourceFile(path: string): Promise<SourceInput> {
  const name = basename(path);
  const info = await stat(path).catch(() => {
    throw new ChanceryError('ingest.not_found', `${path}: no such file or directory.`, { file: path });
  });
  const sample = await readSample(path);
  if (isPdf(sample)) {
    // A PDF goes to its reader as bytes; it is text only once its reader has extracted it.
    return {
      path,
      name,
      size: info.size,
      binary: 'pdf',
      sha256: await hashFile(path),
      encoding: 'binary',
      head: '',
      bytes: async () => new Uint8Array(await readFile(path)),
      text: async () => {
        throw new ChanceryError(
          'ingest.binary_file',
          `${name}: a PDF has no text until its reader extracts it.`,
          {
            file: name,
          },
        );
      },
      chunks: async function* () {
        yield* [];
        throw new ChanceryError('ingest.binary_file', `${name}: a PDF is not read as a stream of text.`, {
          file: name,
        });
      },
      bytesRead: () => 0,
    };
  }
  const decoding = detectEncoding(sample, name);
  if (decodeRange(sample, decoding).trim() === '') {
    throw new ChanceryError(
      'ingest.empty_file',
      `${name}: the file holds only white space; nothing to ingest.`,
      {
        file: name,
      },
    );
  }
  let bytesRead = 0;
  return {
    path,
    name,
    size: info.size,
    sha256: await hashFile(path),
    encoding: decoding.encoding,
    head: decodeRange(sample, decoding),
    bytes: async () => new Uint8Array(await readFile(path)),
    text: async () => decodeRange(await readFile(path), decoding, true),
    chunks: () => decodeChunks(path, decoding, { onBytes: (bytes) => (bytesRead += bytes) }),
    bytesRead: () => bytesRead,
  };
}

/** "%PDF-" within the first KiB: PDF readers allow junk before the header (ISO 32000-1, annex H.3). */
export function isPdf(sample: Uint8Array): boolean {
  const start = Buffer.from(sample.subarray(0, 1024)).toString('latin1');
  return start.includes('%PDF-');
}

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function decodeRange(bytes: Uint8Array, decoding: Decoding, complete = false): string {
  const decoder = new TextDecoder(decoding.encoding);
  // A sample may end inside a character: stream mode drops the partial one instead of garbling it.
  return decoder.decode(bytes.subarray(decoding.bomLength), { stream: !complete });
}

/** The file's text in chunks, counting the bytes read as it goes. */
export async function* decodeChunks(
  path: string,
  decoding: Decoding,
  options: { chunkBytes?: number; onBytes?: (bytes: number) => void } = {},
): AsyncIterable<string> {
  const stream = createReadStream(path, {
    highWaterMark: options.chunkBytes ?? CHUNK_BYTES,
    start: decoding.bomLength,
  });
  const decoder = new TextDecoder(decoding.encoding);
  for await (const chunk of stream) {
    options.onBytes?.((chunk as Buffer).length);
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
