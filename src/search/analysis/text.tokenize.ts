import { segmentWords } from '../../texts/words.segment.ts';
/** Called with each word of a text and its place in the original string (UTF-16 offsets). */
export type WordVisitor = (word: string, start: number, end: number) => void;
/** Called with the place of each word of a text in the string (UTF-16 offsets), the word not cut out. */
export type SpanVisitor = (start: number, end: number) => void;

/** Scripts written without spaces between words, which need a dictionary to be split. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const segmenters = new Map<string, Intl.Segmenter>();

/** Character classes, decided once per code unit by the Unicode regexes above and then looked up. */
const UNKNOWN = 0;
const OTHER = 1;
const WORD = 2;
const UNSPACED_WORD = 3;
const classes = new Uint8Array(0x10000);
/** Astral characters (surrogate pairs), by code point. */
const astralClasses = new Map<number, number>();

/**
 * Splits a text into words: runs of Unicode letters, marks and numbers, handed to `visit` one by
 * one with nothing allocated per word but the word. Chinese and Japanese runs go through
 * `Intl.Segmenter` (ICU's dictionary segmentation). ICU's segmenter applied to all text ran at
 * 6 MB/s on a FRUS volume; for space-separated scripts the class split gives the same words, and a
 * table of classes per code unit reads them at the speed of a loop, without a match object per word.
 *
 * @example forEachWord('毛泽东同志 wrote to Filippov', 'zh', visit) // 毛泽东 · 同志 · wrote · to · Filippov
 */
export function forEachWord(text: string, language: string, visit: WordVisitor): void {
  forEachSpan(text, language, (start, end) => visit(text.slice(start, end), start, end));
}

/**
 * The words of a text as `forEachWord` splits them, by their place only: for callers that look
 * words up in place (span.cache.ts) and would otherwise cut a string per word.
 */
export function forEachSpan(text: string, language: string, visit: SpanVisitor): void {
  const length = text.length;
  let start = -1;
  let unspaced = false;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      code = text.codePointAt(i) as number;
      width = code > 0xffff ? 2 : 1;
    }
    const kind = classOf(code);
    if (kind >= WORD) {
      if (start < 0) start = i;
      if (kind === UNSPACED_WORD) unspaced = true;
    } else if (start >= 0) {
      emit(text, start, i, unspaced, language, visit);
      start = -1;
      unspaced = false;
    }
    i += width - 1;
  }
  if (start >= 0) emit(text, start, length, unspaced, language, visit);
}

function emit(
  text: string,
  start: number,
  end: number,
  unspaced: boolean,
  language: string,
  visit: SpanVisitor,
): void {
  if (unspaced) segmentUnspaced(text.slice(start, end), start, language, visit);
  else visit(start, end);
}

/**
 * Whether the UTF-16 code unit at `i` is part of a word (a letter, mark or number), by the same
 * table the tokenizer reads words with: for scanners that look at a few words of a text only.
 */
export function isWordCharAt(text: string, i: number): boolean {
  let code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i) as number;
  else if (code >= 0xdc00 && code <= 0xdfff && i > 0) code = text.codePointAt(i - 1) as number;
  return classOf(code) >= WORD;
}

function classOf(code: number): number {
  if (code > 0xffff) {
    let kind = astralClasses.get(code);
    if (kind === undefined) {
      kind = classify(String.fromCodePoint(code));
      astralClasses.set(code, kind);
    }
    return kind;
  }
  let kind = classes[code] as number;
  if (kind === UNKNOWN) {
    kind = classify(String.fromCharCode(code));
    classes[code] = kind;
  }
  return kind;
}

function classify(char: string): number {
  if (!WORD_CHAR.test(char)) return OTHER;
  return UNSPACED.test(char) ? UNSPACED_WORD : WORD;
}

function segmentUnspaced(word: string, offset: number, language: string, visit: SpanVisitor): void {
  let last = 0;
  const part = (from: number, to: number) => visit(offset + from, offset + to);
  for (const run of word.matchAll(UNSPACED_RUN)) {
    if (run.index > last) part(last, run.index);
    const locale = /^(ja|zh)/.test(language)
      ? language
      : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(run[0])
        ? 'ja'
        : 'zh';
    for (const segment of segmentWords(segmenterFor(locale), run[0])) {
      if (segment.isWordLike) {
        const from = run.index + segment.index;
        part(from, from + segment.segment.length);
      }
    }
    last = run.index + run[0].length;
  }
  if (last < word.length) part(last, word.length);
}

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}
