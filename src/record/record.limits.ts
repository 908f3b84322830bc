import { fieldPath } from './field.path.ts';

/**
 * The documented limits of one record (README, "Limits"). They are far above anything an archive
 * holds (a seed has 3 texts of under 100 blocks; the longest FRUS document about 600 blocks), and
 * they keep a record that is not one of a document (100,000 texts, a 20 MB paragraph) from being
 * analysed, aligned and indexed: it is refused with the limit it broke.
 */
export const RECORD_LIMITS = {
  /** Texts (original, translations, drafts) of one record. */
  texts: 1_000,
  /** Blocks (paragraphs, headings, …) of one text. */
  blocks: 100_000,
  /**
   * Characters of one block. The largest file an archive page is read from is 5 MB, so any block
   * a page yields fits; a paragraph of a FRUS volume longer than this is no paragraph.
   */
  blockChars: 5_000_000,
  /** Marks (deletions, insertions, folios, …) of one block. */
  marks: 100_000,
  /**
   * Characters of the texts of one block's marks, together. Each mark repeats the words it
   * covers, so marks nested 80,000 deep would make a record's JSON grow with the square of its text.
   */
  markChars: 5_000_000,
  /** Entries of any other list of a record (authors, mentions, handling events, locations, …). */
  listItems: 100_000,
  /** Characters of one record's JSON, read before it is parsed. */
  jsonChars: 64_000_000,
} as const;

/**
 * The first limit a record breaks, as "texts[1].blocks[0].marks: 223,054 entries, more than the
 * limit of 100,000 (README, "Limits")", or null. The same limits as the record schema's, in words
 * of the same form, checked in one walk over the record: a reader's record is checked before it
 * is enriched and analysed, where a record past the limits would cost most.
 *
 * @example overLimit(record) // null
 */
export function overLimit(record: unknown): string | null {
  return walk(record, 'record', [], false);
}

const LIST_LIMITS: Readonly<Record<string, number>> = {
  texts: RECORD_LIMITS.texts,
  blocks: RECORD_LIMITS.blocks,
  marks: RECORD_LIMITS.marks,
};

/**
 * The walk keeps the field path as a stack of keys and indexes, written out only for the limit
 * broken: every record an ingest reads passes here, and nearly all of them break none.
 */
function walk(value: unknown, key: string, path: (string | number)[], inBlock: boolean): string | null {
  if (typeof value === 'string') {
    return key === 'text' && inBlock && value.length > RECORD_LIMITS.blockChars
      ? tooMany(fieldPath(path), value.length, 'characters', RECORD_LIMITS.blockChars)
      : null;
  }
  if (Array.isArray(value)) {
    const limit = LIST_LIMITS[key] ?? RECORD_LIMITS.listItems;
    if (value.length > limit) return tooMany(fieldPath(path), value.length, 'entries', limit);
    if (key === 'marks') {
      const chars = markChars(value);
      if (chars > RECORD_LIMITS.markChars) return tooManyMarkChars(fieldPath(path), chars);
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = walk(value[i], key, path, inBlock || key === 'blocks');
      path.pop();
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    // for…in, not Object.entries, which makes an array per field of every block and mark: the walk
    // over 2,582 FRUS records took 49 ms, not 58. Records are plain objects: nothing inherited.
    for (const name in value) {
      path.push(name);
      const found = walk((value as Record<string, unknown>)[name], name, path, inBlock);
      path.pop();
      if (found) return found;
    }
  }
  return null;
}

/** Characters of the texts of a block's marks, together. */
export function markChars(marks: readonly unknown[]): number {
  let total = 0;
  for (const mark of marks) {
    const text = (mark as { text?: unknown }).text;
    if (typeof text === 'string') total += text.length;
  }
  return total;
}

/** Said as the record schema says it (src/record/record.schema.ts). */
export function tooManyMarkChars(path: string, chars: number): string {
  return `${path ? `${path}: ` : ''}${chars.toLocaleString('en-US')} characters in the texts of its marks, more than the limit of ${RECORD_LIMITS.markChars.toLocaleString('en-US')} (README, "Limits")`;
}

function tooMany(path: string, size: number, what: string, limit: number): string {
  return `${path}: ${size.toLocaleString('en-US')} ${what}, more than the limit of ${limit.toLocaleString('en-US')} (README, "Limits")`;
}
