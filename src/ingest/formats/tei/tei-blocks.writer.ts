import type { Block, BlockType, Mark } from '../../../record/record.types.ts';
import { TeiTextBuffer } from './tei-text.buffer.ts';

/** A block being built: the stretch of an element's text since it opened or since a block inside it ended. */
export interface BlockDraft {
  type: BlockType;
  text: TeiTextBuffer;
  marks: Mark[];
  /** Notes and mentions met in this stretch: they learn the block's id when it is written. */
  owned: { blockId?: string | null | undefined }[];
  /** Text outside any block element: it ends with the element it stands in. */
  loose: boolean;
  /** Elements open when the draft began. */
  depth: number;
}

/**
 * Turns nested TEI block elements into the flat list of blocks a text holds, with ids b1, b2, …
 * in reading order. A block that opens inside another (a list inside a list item, a paragraph
 * inside a quote) ends the outer block's stretch there; the outer block goes on as a new block
 * after the inner one. Empty stretches are not written; a page break met in one moves on to the
 * next block written.
 *
 * @example
 * const writer = new TeiBlockWriter();
 * const p = writer.open('paragraph', 1, false);
 * p.text.append('Text.');
 * writer.close(p);
 * writer.blocks; // [{ id: 'b1', type: 'paragraph', text: 'Text.', marks: [] }]
 */
export class TeiBlockWriter {
  readonly blocks: Block[] = [];
  private readonly drafts: BlockDraft[] = [];
  private pendingMarks: Mark[] = [];
  /** A list label ("1.", "a.") waiting for the item it numbers. */
  private pendingLabel: string | null = null;

  get current(): BlockDraft | undefined {
    return this.drafts.at(-1);
  }

  open(type: BlockType, depth: number, loose: boolean): BlockDraft {
    const outer = this.current;
    if (outer?.loose) this.close(outer);
    else if (outer) this.write(outer);
    const draft: BlockDraft = {
      type,
      text: new TeiTextBuffer(),
      marks: this.pendingMarks,
      owned: [],
      loose,
      depth,
    };
    this.pendingMarks = [];
    if (this.pendingLabel) {
      draft.text.append(`${this.pendingLabel} `);
      this.pendingLabel = null;
    }
    this.drafts.push(draft);
    return draft;
  }

  close(draft: BlockDraft): void {
    const index = this.drafts.lastIndexOf(draft);
    if (index < 0) return;
    this.write(draft);
    this.drafts.splice(index, 1);
  }

  /** Ends loose text when the element it stands in (at `depth`) has closed. */
  closeLooseAbove(depth: number): void {
    const top = this.current;
    if (top?.loose && top.depth > depth) this.close(top);
  }

  closeLoose(): void {
    const top = this.current;
    if (top?.loose) this.close(top);
  }

  closeAll(): void {
    for (let top = this.current; top; top = this.current) this.close(top);
  }

  label(text: string): void {
    this.pendingLabel = this.pendingLabel ? `${this.pendingLabel} ${text}` : text;
  }

  /** A point mark where the text now stands, or at the start of the next block. */
  pointMark(mark: Omit<Mark, 'start' | 'end'>): void {
    const draft = this.current;
    const at = draft ? draft.text.offset : 0;
    (draft ? draft.marks : this.pendingMarks).push({ ...mark, start: at, end: at });
  }

  private write(draft: BlockDraft): void {
    const text = draft.text.toString();
    if (text === '' && !draft.marks.some((m) => m.type === 'footnote-ref')) {
      this.pendingMarks.push(...draft.marks.map((m) => ({ ...m, start: 0, end: 0 })));
    } else {
      const id = `b${this.blocks.length + 1}`;
      // A mark placed after a trailing line break stands at the end of the trimmed text.
      const marks = draft.marks.map((m) =>
        m.start > text.length ? { ...m, start: text.length, end: text.length } : m,
      );
      this.blocks.push({ id, type: draft.type, text, marks });
      for (const owner of draft.owned) owner.blockId = id;
    }
    draft.text = new TeiTextBuffer();
    draft.marks = [];
    draft.owned = [];
  }
}
