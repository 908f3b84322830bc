import { parseDate } from '../record/date.parse.ts';
import type { Block, BlockType, Mark } from '../record/record.types.ts';
import { sortMarks } from './editorial-marks.parse.ts';

/** A block before it has an id: its text and marks, a type when the format states one. */
export interface BlockDraft {
  text: string;
  marks: Mark[];
  type?: BlockType;
  /** A folio number standing on its own ("98", "100 3"): it becomes a mark, not a block. */
  folio?: boolean;
}

/**
 * A line that is only a folio number, as transcriptions of archival files write them between the
 * sheets: "98", "100 3" (archive folio and the author's page), "101 X", "0043". Four digits only
 * with a leading zero, so that a year on its own line is not taken for a folio.
 */
export function isFolioLine(text: string): boolean {
  return /^(?:\d{1,3}|0\d{3})(?:\s+(?:\d{1,3}|[IVXLC]{1,5}))?$/.test(text.trim());
}

/**
 * Numbers blocks "b1", "b2", … in order, gives each a type, and turns folio drafts into point
 * marks at the start of the block that follows them (the sheet begins there); folios after the
 * last block are marked at its end.
 *
 * @example buildBlocks([{ text: '98', marks: [], folio: true }, { text: 'непрерывно, как', marks: [] }])
 * // [{ id: 'b1', type: 'paragraph', text: 'непрерывно, как', marks: [{ type: 'folio', text: '98', start: 0, end: 0 }] }]
 */
export function buildBlocks(drafts: readonly BlockDraft[]): Block[] {
  const blocks: Block[] = [];
  let pendingFolios: Mark[] = [];
  const content = drafts.filter((d) => !d.folio);
  for (const draft of drafts) {
    if (draft.folio) {
      pendingFolios.push({ type: 'folio', text: draft.text.trim(), start: 0, end: 0 });
      continue;
    }
    const type = draft.type ?? classifyBlock(draft.text, { index: blocks.length, count: content.length });
    blocks.push({
      id: `b${blocks.length + 1}`,
      type,
      text: draft.text,
      marks: sortMarks([...pendingFolios, ...draft.marks]),
    });
    pendingFolios = [];
  }
  const last = blocks.at(-1);
  if (last && pendingFolios.length > 0) {
    const end = last.text.length;
    last.marks = sortMarks([...last.marks, ...pendingFolios.map((m) => ({ ...m, start: end, end }))]);
  }
  return blocks;
}

const LIST_ITEM = /^[„“"«]?\s*\d{1,2}[.)]\s/u;
const ADDRESS = /^(?:for|to|для|тов\.?|товарищу)\s/iu;
const CAPS_NAME = /^\p{Lu}[\p{Lu}\p{Pd}'’.]*(?:\s+\p{Lu}[\p{Lu}\p{Pd}'’.]*)*(?:\s*[[(][^\])]+[\])])?\.?$/u;
const TITLE_CASE_NAME = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\.?$/u;

/**
 * The type of a block from its text and place: a numbered point is a list item, a date alone a
 * dateline, a short all-caps address at the top ("FOR Comrade MAO ZEDONG") an address, a name
 * alone near the end ("FILIPPOV [Stalin]") a signature; anything else a paragraph.
 */
export function classifyBlock(text: string, place: { index: number; count: number }): BlockType {
  const trimmed = text.trim();
  if (LIST_ITEM.test(trimmed)) return 'list-item';
  if (trimmed.length <= 40 && parseDate(trimmed.replace(/\.$/, ''))) return 'dateline';
  if (place.index === 0 && trimmed.length <= 60 && ADDRESS.test(trimmed) && !/[.!?]$/.test(trimmed)) {
    return 'address';
  }
  const nearEnd = place.index >= place.count - 3;
  if (nearEnd && trimmed.length <= 60 && (CAPS_NAME.test(trimmed) || TITLE_CASE_NAME.test(trimmed))) {
    return 'signature';
  }
  return 'paragraph';
}
