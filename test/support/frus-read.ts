import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ReadItem, ReadProblem } from '../../src/ingest/formats/format.types.ts';
import { teiFrusReader } from '../../src/ingest/formats/tei-frus.reader.ts';
import { AuthorityIndex } from '../../src/names/authority.index.ts';
import type { Authority, ChanceryRecord, Collection } from '../../src/record/record.types.ts';
import { FRUS_CURRENT_DIR, FRUS_DIR } from './shared-paths.ts';
import { sourceInputFromPath } from './source-input.ts';

/** The FRUS volumes in ../shared: two whole volumes in the older encoding, an excerpt in the current one. */
export const V1951 = `${FRUS_DIR}frus1951v07p2.xml`;
export const V1955 = `${FRUS_DIR}frus1955-57v23p2.xml`;
export const CURRENT = `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`;

/** Everything the TEI reader yielded for one file, sorted by kind. */
export interface Read {
  items: ReadItem[];
  collections: Collection[];
  authorities: Map<string, Authority>;
  records: ChanceryRecord[];
  byId: Map<string, ChanceryRecord>;
  problems: ReadProblem[];
}

/**
 * Reads a file with the TEI reader, in chunks of `chunkBytes` (64 KiB by default), with the
 * authorities known before it (none by default).
 */
export async function readTeiFile(
  path: string,
  options: { chunkBytes?: number; authorities?: AuthorityIndex } = {},
): Promise<Read> {
  const items: ReadItem[] = [];
  const input = await sourceInputFromPath(path, options.chunkBytes ? { chunkBytes: options.chunkBytes } : {});
  for await (const item of teiFrusReader.read(input, {
    authorities: options.authorities ?? new AuthorityIndex(),
  })) {
    items.push(item);
  }
  const records = items.flatMap((i) => (i.kind === 'record' ? [i.record] : []));
  return {
    items,
    collections: items.flatMap((i) => (i.kind === 'collection' ? [i.collection] : [])),
    authorities: new Map(
      items.flatMap((i) => (i.kind === 'authority' ? [[i.authority.id, i.authority] as const] : [])),
    ),
    records,
    byId: new Map(records.map((r) => [r.id, r])),
    problems: items.flatMap((i) => (i.kind === 'problem' ? [i.problem] : [])),
  };
}

/** Counted over the file's text, independently of the reader. */
export function countDocumentDivs(path: string): number {
  return (readFileSync(path, 'utf8').match(/<div\b[^>]*\btype="document"/g) ?? []).length;
}

/** The text of a front-matter section (`div[@xml:id]`), to count its entries independently. */
export function section(path: string, id: string): string {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(`xml:id="${id}"`);
  return text.slice(start, text.indexOf('</div>', start));
}

export function record(read: Read, id: string): ChanceryRecord {
  const found = read.byId.get(id);
  assert.ok(found, `record ${id} was read`);
  return found;
}

export function blocks(r: ChanceryRecord) {
  const text = r.texts[0];
  assert.ok(text, `${r.id} has a text`);
  return text.blocks;
}

export function notes(r: ChanceryRecord) {
  return r.texts[0]?.notes ?? [];
}

export function blockStarting(r: ChanceryRecord, start: string) {
  const block = blocks(r).find((b) => b.text.startsWith(start));
  assert.ok(block, `${r.id} has a block starting "${start}"`);
  return block;
}
