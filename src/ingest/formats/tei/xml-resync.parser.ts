import { SaxesParser } from 'saxes';
import { describeXmlReason } from '../../../xml/xml.entities.ts';

/** Where the parser is in the whole input: 1-based line, and column on that line. */
export interface XmlPosition {
  line: number;
  column: number;
}

/** A well-formedness error: the parser's reading of what follows it cannot be trusted. */
export interface XmlFault extends XmlPosition {
  /** The parser's message ("unexpected close tag.", "unclosed tag: div"). */
  reason: string;
  /** The input ended inside an element: the file was cut short. */
  truncated: boolean;
}

/** Receives the parse as events; element names are given as written (with any prefix). */
export interface XmlEventSink {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
  /** After a fault no more events come until `resumed`; whatever was half built is to be dropped. */
  fault(fault: XmlFault): void;
  /** Parsing starts again at `position`, on an element the resync pattern matched. */
  resumed(position: XmlPosition): void;
}

export interface ResyncOptions {
  /** An opening tag from which parsing can start afresh (a FRUS document's `<div type="document">`). */
  resyncAt: RegExp;
  /** Called with the document type declaration, if there is one; may throw to refuse the document. */
  onDoctype?: (doctype: string) => void;
}

/** A start tag longer than this is not one the resync pattern is waiting for. */
const MAX_TAG_CHARS = 16 * 1024;

/**
 * A streaming XML parser (saxes) that survives malformed input. saxes reports a well-formedness
 * error and goes on, but what it reads after one may be wrong, so here the first error stops the
 * events: the sink is told, the input is skipped to the next tag that matches `resyncAt`, and a
 * new parser in fragment mode starts there. The closing tags of the elements that were open before
 * the fault then have no opening tag in the new parser; those errors alone are expected and ignored.
 *
 * Memory: one chunk of input, plus at most one start tag held across chunks while skipping.
 *
 * @example
 * const parser = new ResyncingXmlParser(sink, { resyncAt: /<div\b[^>]*\btype="document"[^>]*>/ });
 * for await (const chunk of file.chunks()) parser.write(chunk);
 * parser.end();
 */
export class ResyncingXmlParser {
  private readonly sink: XmlEventSink;
  private readonly resyncAt: RegExp;
  private readonly onDoctype: ((doctype: string) => void) | undefined;
  private parser: SaxesParser | null = null;
  /** Line and column in the whole input where the current parser's first character is. */
  private baseLine = 1;
  private baseColumn = 0;
  /** Offset in the whole input of the current parser's first character. */
  private parserStart = 0;
  /** Elements open in the current parser, counted from its start. */
  private depth = 0;
  private faultAt: number | null = null;
  private faultPosition: XmlPosition = { line: 1, column: 0 };
  private resynced = false;
  /** Input being skipped after a fault, waiting for a resync tag; and its position. */
  private skipped = '';
  private skippedLine = 1;
  private skippedColumn = 0;
  private consumed = 0;
  private ending = false;
  /** The end of a chunk that may be an entity reference cut in two, written with the next chunk. */
  private held = '';
  /** The "&" found here is one character past where saxes stands. */
  private columnShift = 0;
  private injectedFaultAt: number | null = null;

  constructor(sink: XmlEventSink, options: ResyncOptions) {
    this.sink = sink;
    this.onDoctype = options.onDoctype;
    this.resyncAt = new RegExp(options.resyncAt.source, options.resyncAt.flags.replace(/[gy]/g, ''));
    this.parser = this.createParser(false);
  }

  /** Position of the parser in the whole input (for a start tag: where it ends). */
  position(): XmlPosition {
    const parser = this.parser;
    if (!parser) return { line: this.skippedLine, column: this.skippedColumn };
    return parser.line === 1
      ? { line: this.baseLine, column: this.baseColumn + parser.column }
      : { line: this.baseLine + parser.line - 1, column: parser.column };
  }

  write(chunk: string): void {
    let input = chunk;
    let offset = this.consumed;
    this.consumed += chunk.length;
    while (input.length > 0) {
      const rest = this.parser ? this.feed(input, offset) : this.skip(input, offset);
      input = rest.input;
      offset = rest.offset;
    }
  }

  end(): void {
    const parser = this.parser;
    if (!parser) return;
    this.ending = true;
    // What was held back for the next chunk has none: saxes judges it as the end of the input.
    if (this.held) parser.write(this.held);
    this.held = '';
    if (this.faultAt === null) parser.close();
  }

  /** Writes to the parser; hands back the input from a fault on, if one happened. */
  private feed(chunk: string, offset: number): { input: string; offset: number } {
    const parser = this.parser as SaxesParser;
    const text = this.held + chunk;
    const textOffset = offset - this.held.length;
    this.held = '';
    const ampersand = findBareAmpersand(text);
    if (ampersand.hold !== null) this.held = text.slice(ampersand.hold);
    const end = ampersand.bare ?? ampersand.hold ?? text.length;
    parser.write(text.slice(0, end));
    if (ampersand.bare !== null && this.faultAt === null) {
      // After a write saxes's `position` counts the chunk twice: the fault's offset is known here.
      this.injectedFaultAt = textOffset + end;
      this.columnShift = 1;
      parser.fail('a bare "&" that begins no entity reference (write it as "&amp;")');
    }
    const faultAt = this.faultAt;
    if (faultAt === null) return { input: '', offset: offset + chunk.length };
    const position = this.faultPosition;
    this.parser = null;
    this.faultAt = null;
    this.skippedLine = position.line;
    this.skippedColumn = position.column;
    const all = text + this.held;
    this.held = '';
    const from = Math.min(Math.max(0, faultAt - textOffset), all.length);
    return { input: all.slice(from), offset: textOffset + from };
  }

  /** Skips input up to the next resync tag; hands back the input from that tag on. */
  private skip(input: string, offset: number): { input: string; offset: number } {
    const text = this.skipped + input;
    const textOffset = offset - this.skipped.length;
    this.skipped = '';
    const match = this.resyncAt.exec(text);
    if (!match) {
      const lastTag = text.lastIndexOf('<');
      const keepFrom = lastTag >= 0 && text.length - lastTag < MAX_TAG_CHARS ? lastTag : text.length;
      this.advanceSkipped(text, keepFrom);
      this.skipped = text.slice(keepFrom);
      return { input: '', offset: offset + input.length };
    }
    this.advanceSkipped(text, match.index);
    this.baseLine = this.skippedLine;
    this.baseColumn = this.skippedColumn;
    this.parserStart = textOffset + match.index;
    this.depth = 0;
    this.resynced = true;
    this.parser = this.createParser(true);
    this.sink.resumed({ line: this.baseLine, column: this.baseColumn + 1 });
    return { input: text.slice(match.index), offset: this.parserStart };
  }

  private advanceSkipped(text: string, upTo: number): void {
    let lastBreak = -1;
    for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) {
      this.skippedLine++;
      lastBreak = i;
    }
    this.skippedColumn = lastBreak === -1 ? this.skippedColumn + upTo : upTo - lastBreak - 1;
  }

  private createParser(fragment: boolean): SaxesParser {
    const parser = new SaxesParser({ fragment });
    const sink = this.sink;
    if (this.onDoctype) parser.on('doctype', this.onDoctype);
    parser.on('opentag', (tag) => {
      if (this.faultAt !== null) return;
      this.depth++;
      sink.open(tag.name, tag.attributes as Record<string, string>);
      if (tag.isSelfClosing) {
        this.depth--;
        sink.close(tag.name);
      }
    });
    parser.on('closetag', (tag) => {
      if (this.faultAt !== null || tag.isSelfClosing) return;
      this.depth--;
      sink.close(tag.name);
    });
    parser.on('text', (text) => {
      if (this.faultAt === null) sink.text(text);
    });
    parser.on('cdata', (text) => {
      if (this.faultAt === null) sink.text(text);
    });
    parser.on('error', (error) => {
      if (this.faultAt !== null) return;
      const reason = describeXmlReason(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
      // After a resync the ancestors of the first document close without having opened here.
      if (this.resynced && this.depth === 0 && reason.startsWith('unmatched closing tag')) return;
      this.faultAt = this.injectedFaultAt ?? this.parserStart + parser.position;
      this.injectedFaultAt = null;
      const truncated = this.ending && /^(unclosed tag|unexpected end)/.test(reason);
      const at = this.position();
      this.faultPosition = at;
      sink.fault({ line: at.line, column: at.column + this.columnShift, reason, truncated });
      this.columnShift = 0;
    });
    return parser;
  }
}

const ENTITY_REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#\d+|#x[\dA-Fa-f]+);/y;
/** Longest entity reference waited for across a chunk boundary. */
const MAX_REFERENCE_CHARS = 64;

/**
 * saxes reads everything after a "&" up to the next ";" as an entity name, so a bare "&" in the
 * text would swallow the input (and hold it in memory) until a semicolon turns up, and report the
 * error there. Finding it here puts the fault where it is. A "&" near the chunk's end that may
 * begin a reference cut in two is held back (`hold`) for the next chunk.
 */
function findBareAmpersand(text: string): { bare: number | null; hold: number | null } {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    ENTITY_REFERENCE.lastIndex = i;
    if (ENTITY_REFERENCE.test(text)) continue;
    if (text.length - i < MAX_REFERENCE_CHARS && text.indexOf(';', i) === -1) return { bare: null, hold: i };
    if (text.lastIndexOf('<!--', i) > text.lastIndexOf('-->', i)) continue;
    if (text.lastIndexOf('<![CDATA[', i) > text.lastIndexOf(']]>', i)) continue;
    if (text.lastIndexOf('<?', i) > text.lastIndexOf('?>', i)) continue;
    return { bare: i, hold: null };
  }
  return { bare: null, hold: null };
}
