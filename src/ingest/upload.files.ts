import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file as a browser sent it. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes a batch of uploaded files, byte for byte, into a new folder of its own under `root`,
 * where an ingest job reads them as `chancery ingest FOLDER` does. A name is the browser's word
 * only for its last part: no folder, no `..`, no control character survives, and two files of one
 * name are both kept.
 *
 * @example const folder = await saveUploads('./data/uploads', [{ name: 'cable.txt', bytes }])
 */
export async function saveUploads(root: string, files: readonly UploadedFile[]): Promise<string> {
  const folder = join(root, randomUUID());
  await mkdir(folder, { recursive: true });
  const used = new Set<string>();
  for (const [i, file] of files.entries()) {
    let name = safeFileName(file.name, i);
    if (used.has(name)) name = `${i + 1}-${name}`;
    used.add(name);
    await writeFile(join(folder, name), file.bytes, { flag: 'wx' });
  }
  return folder;
}

/** The last part of a name a browser gave, made safe to write; `file-N` when nothing is left of it. */
export function safeFileName(name: string, index: number): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  let safe = '';
  for (const ch of last.normalize('NFC')) safe += ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? '_' : ch;
  safe = safe.replace(/^\.+/, '').trim().slice(0, 200);
  return safe || `file-${index + 1}`;
}
