import type { Block, Mark } from '../record/record.types.ts';

/** A run of a block's text and the range marks that cover all of it, outermost first. */
export interface TextSegment {
  kind: 'text';
  text: string;
  marks: Mark[];
}

/** A mark that stands at a point of the text (a folio, a page break, a footnote call, an insertion made there). */
export interface PointSegment {
  kind: 'point';
  mark: Mark;
}

export type BlockSegment = TextSegment | PointSegment;

/**
 * Cuts a block's text at every mark boundary, so that a renderer can wrap each run in the marks
 * that cover it (`<del>`, `<ins>`, …) without parsing anything. Overlapping marks are allowed:
 * each run carries every mark that covers it. Offsets outside the text are clamped rather than
 * trusted, because records can come from any reader or from imported JSON.
 *
 * @example
 * segmentBlock({ id: 'b1', type: 'paragraph', text: 'old new', marks: [{ type: 'deletion', text: 'old', start: 0, end: 3 }] });
 * // [{ kind: 'text', text: 'old', marks: [deletion] }, { kind: 'text', text: ' new', marks: [] }]
 */
export function segmentBlock(block: Block): BlockSegment[] {
  const length = block.text.length;
  const marks = block.marks.map((mark, order) => {
    const start = clamp(Math.min(mark.start, mark.end), length);
    const end = clamp(Math.max(mark.start, mark.end), length);
    return { mark, order, start, end };
  });
  const ranges = marks.filter((m) => m.end > m.start);
  const points = marks
    .filter((m) => m.end === m.start)
    .sort((a, b) => a.start - b.start || a.order - b.order);

  const cuts = new Set<number>([0, length]);
  for (const m of ranges) cuts.add(m.start).add(m.end);
  for (const m of points) cuts.add(m.start);
  const positions = [...cuts].sort((a, b) => a - b);

  const segments: BlockSegment[] = [];
  let nextPoint = 0;
  for (const [index, from] of positions.entries()) {
    while (nextPoint < points.length && points[nextPoint]?.start === from) {
      const point = points[nextPoint++];
      if (point) segments.push({ kind: 'point', mark: point.mark });
    }
    const to = positions[index + 1];
    if (to === undefined || to === from) continue;
    // Longer marks wrap shorter ones, so that a deletion inside a deleted passage nests inside it.
    const covering = ranges
      .filter((m) => m.start <= from && m.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order)
      .map((m) => m.mark);
    segments.push({ kind: 'text', text: block.text.slice(from, to), marks: covering });
  }
  return segments;
}

function clamp(offset: number, length: number): number {
  if (!Number.isFinite(offset)) return 0;
  return Math.max(0, Math.min(length, Math.trunc(offset)));
}
