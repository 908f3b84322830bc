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
  /** Entries of any other list of a record (authors, mentions, handling events, locations, …). */
  listItems: 100_000,
  /** Characters of one record's JSON, read before it is parsed. */
  jsonChars: 64_000_000,
} as const;
