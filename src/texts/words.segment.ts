/** One segment of a text, as `Intl.Segmenter` gives it, its index in the whole text. */
export interface WordSegment {
  segment: string;
  index: number;
  isWordLike: boolean;
}

/**
 * Characters handed to ICU at a time. Node 20's V8 builds every segment it yields with a fresh
 * copy of the whole string it segments (`input`), so iterating one string of n characters costs
 * n² (a line of 160,000 characters took 8.7 s, and a 4.9 MB line ran out of memory); in windows of
 * this size it is linear, and a window is far longer than any word.
 */
const WINDOW = 256;

/** Where a window may end: after a space or a punctuation mark, which ends a word in every script. */
const BREAK = /[\s\p{P}]/u;

/**
 * The segments of `text`, as `segmenter.segment(text)` would give them, in time linear in the
 * text: it is cut into windows at a space or punctuation mark (or, in a run of 256 characters with
 * neither, a long unspaced run of Chinese, after a whole code point, where a word may be split in
 * two), each segmented alone.
 *
 * @example for (const { segment, isWordLike } of segmentWords(WORDS, text)) if (isWordLike) words.push(segment);
 */
export function* segmentWords(segmenter: Intl.Segmenter, text: string): Generator<WordSegment> {
  if (text.length <= WINDOW) {
    for (const s of segmenter.segment(text))
      yield { segment: s.segment, index: s.index, isWordLike: !!s.isWordLike };
    return;
  }
  let from = 0;
  while (from < text.length) {
    const to = windowEnd(text, from);
    for (const s of segmenter.segment(text.slice(from, to))) {
      yield { segment: s.segment, index: from + s.index, isWordLike: !!s.isWordLike };
    }
    from = to;
  }
}

function windowEnd(text: string, from: number): number {
  const limit = from + WINDOW;
  if (limit >= text.length) return text.length;
  // The last break in the second half of the window, so that each window holds real text.
  for (let i = limit; i > from + WINDOW / 2; i--) if (BREAK.test(text[i - 1] as string)) return i;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/**
 * A segmenter that segments as `segmenter` does, in linear time (`segmentWords`), for libraries
 * that take an `Intl.Segmenter` (the `diff` library's `diffWords`), which call only `segment` and
 * `resolvedOptions` and read `segment`, `index` and `isWordLike` of each segment.
 */
export function linearSegmenter(segmenter: Intl.Segmenter): Intl.Segmenter {
  return {
    resolvedOptions: () => segmenter.resolvedOptions(),
    segment: (text: string) => segmentWords(segmenter, text),
  } as unknown as Intl.Segmenter;
}
