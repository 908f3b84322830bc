const NEWLINE = 10;
const SPACE = 32;
/** XML white space only: a no-break space in the text is the editor's, not the encoder's. */
const XML_SPACE = /[ \t\r\n]+/g;
const OPENING = new Set([...'([“'].map((c) => c.charCodeAt(0)));
const CLOSING = new Set([...')],;:”'].map((c) => c.charCodeAt(0)));

/**
 * Text of one TEI element as it reads, built from the parser's text events: white space that
 * comes from the encoding's line wrapping and indentation collapses to one space, `<lb/>` becomes
 * a line break, and no space leads or trails. `offset` is where the next character will go, so
 * point marks (a footnote call, a page break) can be placed while the text is being built.
 *
 * @example
 * const text = new TeiTextBuffer();
 * text.append('  Department of\n      State ');
 * text.toString(); // 'Department of State'
 */
export class TeiTextBuffer {
  private text = '';
  /** Last character written, kept apart: reading it from `text` would flatten the string each time. */
  private last = NEWLINE;
  private pendingSpace = false;

  append(raw: string): void {
    const length = raw.length;
    if (length === 0) return;
    if (isXmlSpace(raw)) {
      this.pendingSpace = true;
      return;
    }
    // Line by line rather than with a regular expression: pretty-printed text is lines of words
    // between indentation, and slices of the event's string cost no copy of its characters.
    let start = 0;
    for (;;) {
      const newline = raw.indexOf('\n', start);
      const end = newline === -1 ? length : newline;
      let from = start;
      let to = end;
      while (from < to && isSpaceCode(raw.charCodeAt(from))) from++;
      while (to > from && isSpaceCode(raw.charCodeAt(to - 1))) to--;
      if (from > start) this.pendingSpace = true;
      if (to > from) this.write(from === 0 && to === length ? raw : raw.slice(from, to));
      if (to < end) this.pendingSpace = true;
      if (newline === -1) return;
      this.pendingSpace = true;
      start = newline + 1;
    }
  }

  /** Writes words (no white space at either end), a space before them if one fits. */
  private write(words: string): void {
    const text = needsCollapsing(words) ? words.replace(XML_SPACE, ' ') : words;
    if (this.pendingSpace && this.spaceFits(text.charCodeAt(0))) this.text += ' ';
    this.text += text;
    this.last = text.charCodeAt(text.length - 1);
    this.pendingSpace = false;
  }

  lineBreak(): void {
    if (this.text.length > 0 && this.last !== NEWLINE) {
      this.text += '\n';
      this.last = NEWLINE;
    }
    this.pendingSpace = false;
  }

  /** Where the next character goes: a point mark placed now stands before it. */
  get offset(): number {
    return this.text.length;
  }

  /** Where the next text will start: after the space that separates it from what is there. */
  get nextStart(): number {
    return this.pendingSpace && this.text.length > 0 && this.last !== NEWLINE && !OPENING.has(this.last)
      ? this.text.length + 1
      : this.text.length;
  }

  get isEmpty(): boolean {
    return this.text.length === 0;
  }

  toString(): string {
    return this.last === NEWLINE && this.text.length > 0 ? this.text.trimEnd() : this.text;
  }

  /**
   * Pretty-printed TEI indents inside inline elements ("(<persName>⏎  Henderson⏎</persName>)"):
   * that white space is no space after an opening bracket or before a closing one or a comma.
   */
  private spaceFits(next: number): boolean {
    if (this.text.length === 0 || this.last === NEWLINE || OPENING.has(this.last)) return false;
    return !CLOSING.has(next);
  }
}

function isXmlSpace(text: string): boolean {
  // Indentation between tags is most of the text events: both its ends are white space.
  if (!isSpaceCode(text.charCodeAt(0)) || !isSpaceCode(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length - 1; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

function isSpaceCode(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === 9 || c === 13;
}

/** Words that hold no tab, carriage return or double space are already as they read. */
function needsCollapsing(words: string): boolean {
  return words.includes('  ') || words.includes('\t') || words.includes('\r');
}
