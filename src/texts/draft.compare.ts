import { diffWords } from 'diff';
import type { AlignmentLink, DraftComparison, Text, TextChange } from '../record/record.types.ts';
import { readingText } from './block.reading.ts';
import { linearSegmenter } from './words.segment.ts';

export interface CompareDraftOptions {
  draft: Text;
  final: Text;
  /** The alignment of the draft (source) with the final text (target). */
  links: readonly AlignmentLink[];
}

/**
 * Sets a draft against the text it became, link by link of their alignment: a word-level diff
 * (Myers' algorithm, from the `diff` library, with words as `Intl.Segmenter` finds them in the
 * draft's language) from the draft's reading to the final text. A draft block with no
 * counterpart reads as deleted, a final block with none as inserted.
 *
 * @example compareDraft({ draft, final: original, links }).blocks[0]
 * // { draft: ['b5', 'b6'], final: ['b3'], changes: [{ op: 'equal', text: 'Если мексиканцы выступят…' }, …] }
 */
export function compareDraft(options: CompareDraftOptions): DraftComparison {
  const { draft, final, links } = options;
  const segmenter = linearSegmenter(
    new Intl.Segmenter(segmenterLocale(draft.language), { granularity: 'word' }),
  );
  const draftBlocks = new Map(draft.blocks.map((b) => [b.id, readingText(b)]));
  const finalBlocks = new Map(final.blocks.map((b) => [b.id, b.text]));
  const join = (ids: readonly string[], texts: Map<string, string>) =>
    ids
      .map((id) => texts.get(id) ?? '')
      .filter(Boolean)
      .join(' ');
  return {
    draft: draft.id,
    final: final.id,
    blocks: links.map((link) => ({
      draft: [...link.source],
      final: [...link.target],
      changes: diffText(join(link.source, draftBlocks), join(link.target, finalBlocks), segmenter),
    })),
  };
}

/**
 * Word edits past which two blocks are compared as one replaced by the other. Myers' diff takes
 * time in proportion to the words times the edits: bounded, a block of 20,000 words against an
 * unrelated one takes a fraction of a second instead of seconds; a real draft differs from its
 * fair copy by tens of words a block.
 */
const MAX_WORD_EDITS = 500;

/** Word changes from `before` to `after`, adjacent changes of one kind merged. */
export function diffText(before: string, after: string, segmenter: Intl.Segmenter): TextChange[] {
  if (!before && !after) return [];
  if (!before) return [{ op: 'insert', text: after }];
  if (!after) return [{ op: 'delete', text: before }];
  const changes: TextChange[] = [];
  const diff = diffWords(before, after, { intlSegmenter: segmenter, maxEditLength: MAX_WORD_EDITS });
  // Past the bound the two are not a draft and its fair copy word for word: the one replaced the other.
  if (!diff)
    return [
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ];
  for (const change of diff) {
    const op: TextChange['op'] = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = changes.at(-1);
    if (last && last.op === op) last.text += change.value;
    else if (change.value) changes.push({ op, text: change.value });
  }
  return changes;
}

/** The segmenter's locale from a BCP 47 tag, falling back to the root locale for a tag Intl rejects. */
function segmenterLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'und';
  } catch {
    return 'und';
  }
}
