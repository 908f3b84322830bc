import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeChunks } from './source-file.ts';

const UTF8 = { encoding: 'utf-8', bomLength: 0 };

async function decodeFile(bytes: Uint8Array, chunkBytes: number): Promise<{ text: string; read: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-decode-'));
  try {
    const path = join(dir, 'input.txt');
    writeFileSync(path, bytes);
    let text = '';
    let read = 0;
    for await (const chunk of decodeChunks(path, UTF8, { chunkBytes, onBytes: (n) => (read += n) }))
      text += chunk;
    return { text, read };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('UTF-8 characters of 2, 3 and 4 bytes cut by every chunk boundary decode whole', async () => {
  const text = 'Кайдзъё 開城 개성 𠀋 Kaesŏng — '.repeat(7);
  const bytes = Buffer.from(text, 'utf8');
  for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
    const decoded = await decodeFile(bytes, chunkBytes);
    assert.equal(decoded.text, text, `chunks of ${chunkBytes} bytes`);
    assert.equal(decoded.read, bytes.length, 'every byte is counted as read');
  }
});

test('a character cut short by the end of the file becomes U+FFFD, and nothing before it is lost', async () => {
  const bytes = Buffer.concat([Buffer.from('Сталин ', 'utf8'), Buffer.from('開', 'utf8').subarray(0, 2)]);
  const decoded = await decodeFile(bytes, 4);
  assert.equal(decoded.text, 'Сталин \uFFFD');
});
