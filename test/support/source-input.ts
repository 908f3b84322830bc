import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SourceInput } from '../../src/ingest/formats/format.types.ts';
import { decodeChunks } from '../../src/ingest/source-file.ts';

/**
 * A UTF-8 file as a reader's input, read in chunks the way the batch reads it (`decodeChunks`), so
 * readers that stream are driven the way the batch drives them. Small `chunkBytes` make chunk boundaries fall
 * inside tags, words and multi-byte characters, which a streaming reader must not notice.
 *
 * @example for await (const item of reader.read(await sourceInputFromPath(path), context)) …
 */
export async function sourceInputFromPath(
  path: string,
  options: { chunkBytes?: number } = {},
): Promise<SourceInput> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const size = statSync(path).size;
  const headBytes = await readPrefix(path, 64 * 1024);
  let bytesRead = 0;
  const onBytes = (bytes: number) => {
    bytesRead += bytes;
  };
  return {
    path,
    name: basename(path),
    size,
    sha256: createHash('sha256')
      .update(await readFile(path))
      .digest('hex'),
    encoding: 'utf-8',
    head: new TextDecoder('utf-8').decode(headBytes, { stream: true }),
    bytes: async () => new Uint8Array(await readFile(path)),
    text: async () => new TextDecoder('utf-8').decode(await readFile(path)),
    chunks: () => decodeChunks(path, { encoding: 'utf-8', bomLength: 0 }, { chunkBytes, onBytes }),
    bytesRead: () => bytesRead,
  };
}

async function readPrefix(path: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
