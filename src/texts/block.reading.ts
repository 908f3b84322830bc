import type { Block } from '../record/record.types.ts';

/**
 * What a draft's block reads once the author's own corrections are taken: the words struck out
 * (deletion marks) left out, the words added above the line (insertion marks) kept in place.
 * Other blocks read as their text. White space is tidied where a deletion leaves a gap.
 *
 * @example readingText({ text: 'Семенов Семин', marks: [{ type: 'deletion', start: 8, end: 13, … }], … })
 * // 'Семенов'
 */
export function readingText(block: Pick<Block, 'text' | 'marks'>): string {
  const deletions = block.marks
    .filter((m) => m.type === 'deletion' && m.end > m.start)
    .sort((a, b) => a.start - b.start);
  if (deletions.length === 0) return block.text;
  let reading = '';
  let at = 0;
  for (const deletion of deletions) {
    if (deletion.start > at) reading += block.text.slice(at, deletion.start);
    at = Math.max(at, deletion.end);
  }
  reading += block.text.slice(at);
  return reading
    .replace(/\s+/gu, ' ')
    .replace(/\s+([,.;:!?])/gu, '$1')
    .trim();
}
