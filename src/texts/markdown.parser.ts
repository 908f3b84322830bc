import MarkdownIt from 'markdown-it';

/** The most characters a link's text may span: CommonMark bounds a link label at 999. */
const LABEL_CHARS = 1000;
/** The most brackets a link's text may hold open at once: no document nests 32 deep. */
const LABEL_DEPTH = 32;

/**
 * The Markdown parser of archive pages: HTML on (the archive writes a draft's insertions as
 * `<sup>…</sup>`, which must reach the inline tokens), nothing rendered. markdown-it looks for the
 * end of a link's text from every `[` to the end of the paragraph, so a paragraph of many
 * unclosed brackets took time quadratic in them (26,303 `[` before a line of 494,057 characters:
 * 7 s); here a link's text ends within its bounds or is no link, and the brackets stay text.
 *
 * @example markdownParser().parse(page, {})
 */
export function markdownParser(): MarkdownIt {
  const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
  // Each instance has its own copy of the helpers: this changes ours alone.
  const parseLinkLabel = markdown.helpers.parseLinkLabel;
  markdown.helpers.parseLinkLabel = (state, start, disableNested) => {
    const end = Math.min(state.posMax, start + LABEL_CHARS);
    if (bracketsNestDeeper(state.src, start, end)) return -1;
    const posMax = state.posMax;
    state.posMax = end;
    try {
      return parseLinkLabel(state, start, disableNested);
    } finally {
      state.posMax = posMax;
    }
  };
  return markdown;
}

/** Whether brackets opened from `start` run deeper than a link's text can before `end`. */
function bracketsNestDeeper(src: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 0x5c /* \ */) i++;
    else if (ch === 0x5b /* [ */ && ++depth > LABEL_DEPTH) return true;
    else if (ch === 0x5d /* ] */ && --depth === 0) return false;
  }
  return false;
}
