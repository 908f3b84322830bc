import { writtenFitsName } from '../../../names/written-name.fit.ts';
import type { BlockType, ChanceryRecord } from '../../../record/record.types.ts';
import {
  type AgentDraft,
  type FrusDocumentContext,
  type MentionDraft,
  type NoteDraft,
  readDocumentParts,
  type SignatureDraft,
} from './frus-record.assemble.ts';
import { type BlockDraft, TeiBlockWriter } from './tei-blocks.writer.ts';
import { BLOCK_ELEMENTS, IGNORED_ELEMENTS, KNOWN_DOCUMENT_ELEMENTS } from './tei-elements.vocabulary.ts';
import { TeiTextBuffer } from './tei-text.buffer.ts';

interface Frame {
  name: string;
  onClose: (() => void) | null;
}

/**
 * Builds one record from the events inside a FRUS `div[@type="document"]`. The body becomes
 * blocks: an element that opens a block inside another (a list inside a list item) ends the
 * stretch of the outer one, which goes on as a new block after it. Footnotes become the text's
 * notes, called by a `footnote-ref` mark where they stand; `pb` becomes a `page-break` mark.
 *
 * @example
 * const doc = new FrusDocumentBuilder({ 'xml:id': 'd4', n: '4', type: 'document' }, context);
 * // doc.open(…); doc.text(…); doc.close(…); …
 * const record = doc.finish();
 */
export class FrusDocumentBuilder {
  readonly divId: string;
  private readonly attributes: Record<string, string>;
  private readonly context: FrusDocumentContext;
  private readonly startLine: number;
  private readonly stack: Frame[] = [];
  private readonly writer = new TeiBlockWriter();
  private readonly notes: NoteDraft[] = [];
  private readonly mentions: MentionDraft[] = [];
  private readonly agents: AgentDraft[] = [];
  /** `signed` of the document itself (not of its attachments), with a `persName/@corresp` inside. */
  private readonly signatures: SignatureDraft[] = [];
  private signature: SignatureDraft | null = null;
  private readonly captures: { text: TeiTextBuffer; inNote: boolean }[] = [];
  private readonly openerSegs: string[] = [];
  private label: TeiTextBuffer | null = null;
  private note: TeiTextBuffer | null = null;
  private readonly sourceNotes: { text: string; line: number }[] = [];
  private head: TeiTextBuffer | null = null;
  private title: string | null = null;
  private titleLine: number | null = null;
  private attachmentDepth = 0;
  private quoteDepth = 0;
  private ignoredDepth = 0;
  private noteCount = 0;
  // Pages: the first is where the document's first words are; a `pb` after its last words belongs to the next.
  private firstPage: string | null;
  private lastPage: string | null;
  private pageBeforeLast: string | null = null;
  private sawText = false;
  private textSincePage = true;
  // The first dateline of the document itself (not of an attachment) gives place and date.
  private dateline: { draft: BlockDraft; start: number | null; end: number | null; line: number } | null =
    null;
  private datelineDone = false;
  private place: string | null = null;
  private placeLine: number | null = null;
  private dateDisplay = '';
  private dateLine: number | null = null;
  private readonly dateBounds: Record<string, string>[] = [];
  private dateSupplied = false;

  constructor(attributes: Record<string, string>, context: FrusDocumentContext) {
    this.attributes = attributes;
    this.divId = attributes['xml:id'] ?? '';
    this.context = context;
    this.startLine = context.line();
    this.firstPage = context.page;
    this.lastPage = context.page;
  }

  open(name: string, attributes: Record<string, string>): void {
    const frame: Frame = { name, onClose: null };
    this.stack.push(frame);
    if (!KNOWN_DOCUMENT_ELEMENTS.has(name)) this.context.unknownElement(name);
    if (name === 'pb') {
      this.pageBreak(attributes.n);
      return;
    }
    if (name === 'lb') {
      this.lineBreak();
      return;
    }
    if (this.ignoredDepth > 0 || IGNORED_ELEMENTS.has(name)) {
      this.ignoredDepth++;
      frame.onClose = () => this.ignoredDepth--;
      return;
    }
    if (name === 'persName' || name === 'gloss') this.openName(name, attributes, frame);
    if (this.note) return;
    if (name === 'note') {
      this.openNote(attributes, frame);
      return;
    }
    if (this.head || this.label) return;
    if (name === 'head' && this.stack.length === 1 && this.title === null) {
      const head = new TeiTextBuffer();
      this.head = head;
      this.titleLine = this.context.line();
      frame.onClose = () => {
        this.title = head.toString();
        this.head = null;
      };
      return;
    }
    this.openStructure(name, attributes, frame);
  }

  close(): void {
    const frame = this.stack.pop();
    frame?.onClose?.();
    this.writer.closeLooseAbove(this.stack.length);
  }

  text(text: string): void {
    if (this.ignoredDepth > 0) return;
    if (this.captures.length > 0) {
      for (const capture of this.captures)
        if (capture.inNote === (this.note !== null)) capture.text.append(text);
    }
    if (this.label) {
      this.label.append(text);
      return;
    }
    if (this.note) {
      this.note.append(text);
      return;
    }
    if (this.head) {
      this.head.append(text);
      this.markText(text);
      return;
    }
    let block = this.writer.current;
    if (!block) {
      if (isBlank(text)) return;
      block = this.writer.open(this.quoteDepth > 0 ? 'quote' : 'paragraph', this.stack.length, true);
    }
    block.text.append(text);
    if (!this.textSincePage || !this.sawText) this.markText(text);
  }

  finish(): ChanceryRecord {
    this.writer.closeAll();
    const lastPage = this.textSincePage ? this.lastPage : (this.pageBeforeLast ?? this.lastPage);
    return readDocumentParts({
      context: this.context,
      attributes: this.attributes,
      divId: this.divId,
      title: this.title,
      blocks: this.writer.blocks,
      notes: this.notes,
      sourceNotes: this.sourceNotes,
      mentions: this.mentions,
      agents: this.agents,
      signatures: this.signatures,
      openerSegs: this.openerSegs,
      place: this.place,
      date: {
        display: this.dateDisplay,
        attributes: this.dateBounds,
        supplied: this.dateSupplied,
      },
      pages: this.firstPage ? { first: this.firstPage, last: lastPage ?? this.firstPage } : null,
      lines: { id: this.startLine, title: this.titleLine, date: this.dateLine, place: this.placeLine },
    });
  }

  private openStructure(name: string, attributes: Record<string, string>, frame: Frame): void {
    const parent = this.stack.at(-2)?.name;
    switch (name) {
      case 'attachment':
        this.writer.closeLoose();
        this.attachmentDepth++;
        frame.onClose = () => this.attachmentDepth--;
        return;
      case 'label': {
        const label = new TeiTextBuffer();
        this.label = label;
        frame.onClose = () => {
          this.label = null;
          const text = label.toString();
          if (text) this.writer.label(text);
        };
        return;
      }
      case 'quote':
      case 'q':
        if (this.writer.current && !this.writer.current.loose) return;
        this.writer.closeLoose();
        this.quoteDepth++;
        frame.onClose = () => this.quoteDepth--;
        return;
      case 'cell': {
        const row = this.writer.current;
        if (row?.type === 'table-row' && !row.text.isEmpty) row.text.append(' | ');
        return;
      }
      case 'seg':
        if (parent === 'opener') {
          this.openBlock('paragraph', frame);
          if (this.attachmentDepth === 0) this.capture(frame, (text) => this.openerSegs.push(text));
        }
        return;
      case 'dateline':
        this.openDateline(frame);
        return;
      case 'signed':
        this.openBlock('signature', frame);
        if (this.attachmentDepth === 0 && this.signature === null) {
          const signature: SignatureDraft = { text: '', corresp: null };
          this.signature = signature;
          this.capture(frame, (text) => {
            this.signature = null;
            signature.text = text;
            if (text) this.signatures.push(signature);
          });
        }
        return;
      case 'placeName':
        if (this.dateline && this.place === null) {
          this.placeLine = this.context.line();
          this.capture(frame, (text) => {
            this.place = text.replace(/^\[|[\],]+$/g, '').trim() || null;
          });
        }
        return;
      case 'date':
        if (this.dateline) this.openDate(attributes, frame);
        return;
    }
    const type = BLOCK_ELEMENTS[name];
    if (type) this.openBlock(type === 'paragraph' && this.quoteDepth > 0 ? 'quote' : type, frame);
  }

  private openDateline(frame: Frame): void {
    const draft = this.openBlock('dateline', frame);
    if (this.datelineDone || this.attachmentDepth > 0) return;
    const dateline = { draft, start: null, end: null, line: this.context.line() };
    this.dateline = dateline;
    frame.onClose = () => {
      const text = draft.text.toString();
      if (dateline.start !== null && dateline.end !== null) {
        // "January 12, 1955." : the current encoding puts the dateline's full stop inside the date.
        this.dateDisplay = text
          .slice(dateline.start, dateline.end)
          .replace(/\s+/g, ' ')
          .replace(/(\d)\.$/, '$1')
          .trim();
        const open = text.lastIndexOf('[', dateline.start);
        this.dateSupplied =
          open > text.lastIndexOf(']', dateline.start) && text.indexOf(']', dateline.end) !== -1;
        this.datelineDone = true;
      }
      this.dateline = null;
      this.writer.close(draft);
    };
  }

  private openDate(attributes: Record<string, string>, frame: Frame): void {
    const dateline = this.dateline;
    if (!dateline) return;
    this.dateBounds.push(attributes);
    this.dateLine ??= this.context.line();
    if (dateline.start === null) dateline.start = dateline.draft.text.nextStart;
    frame.onClose = () => {
      dateline.end = dateline.draft.text.offset;
    };
  }

  private openName(name: string, attributes: Record<string, string>, frame: Frame): void {
    const type = attributes.type;
    const inHead = this.head !== null && this.note === null;
    if (inHead && (type === 'from' || type === 'to')) {
      const corresp = attributes.corresp?.startsWith('#') ? attributes.corresp.slice(1) : null;
      this.capture(frame, (text) => {
        if (text) this.agents.push({ role: type, text, corresp });
      });
      return;
    }
    const ref = name === 'persName' ? attributes.corresp : attributes.target;
    if (name === 'persName' && this.signature && ref?.startsWith('#'))
      this.signature.corresp ??= ref.slice(1);
    if (!ref?.startsWith('#') && (name === 'gloss' || type)) return;
    const kind = name === 'persName' ? 'person' : 'term';
    const authority = ref
      ? (kind === 'person' ? this.context.persons : this.context.terms).get(ref.slice(1))
      : undefined;
    const block = this.note || this.head ? null : (this.writer.current ?? null);
    this.capture(frame, (form) => {
      if (!form) return;
      // The edition's link is taken unless the written name cannot be that person's.
      const linked =
        kind === 'person' && authority && !writtenFitsName(form, authority.forms) ? undefined : authority;
      if (authority && !linked) this.context.doubtfulLink(form, authority.name);
      const mention: MentionDraft = {
        kind,
        authorityId: linked?.id ?? null,
        name: linked?.name ?? form,
        form,
        textId: 'original',
      };
      this.mentions.push(mention);
      if (block) block.owned.push(mention);
    });
  }

  private openNote(attributes: Record<string, string>, frame: Frame): void {
    this.noteCount++;
    const n = attributes.n ?? '';
    const note: NoteDraft = {
      id: attributes['xml:id'] ?? `${this.divId}-note${this.noteCount}`,
      n,
      text: '',
      blockId: null,
    };
    const typed = attributes.type === 'source' && this.attachmentDepth === 0;
    // A few notes in the head say "Source: …" without being typed as the source note.
    const inHead = this.head !== null;
    // The older encoding's source note stands unnumbered before the head: a note, not a footnote.
    if (n !== '') {
      this.notes.push(note);
      const block = this.head ? null : this.writer.current;
      if (block) {
        const at = block.text.offset;
        block.marks.push({ type: 'footnote-ref', text: n, start: at, end: at, ref: note.id });
        block.owned.push(note);
      }
    }
    const buffer = new TeiTextBuffer();
    this.note = buffer;
    frame.onClose = () => {
      this.note = null;
      note.text = buffer.toString();
      if (typed || (inHead && /^Source:/.test(note.text))) {
        this.sourceNotes.push({ text: note.text, line: this.context.line() });
      }
    };
  }

  private capture(frame: Frame, done: (text: string) => void): void {
    const capture = { text: new TeiTextBuffer(), inNote: this.note !== null };
    this.captures.push(capture);
    const previous = frame.onClose;
    frame.onClose = () => {
      previous?.();
      this.captures.splice(this.captures.indexOf(capture), 1);
      done(capture.text.toString());
    };
  }

  /** Opens a block for the element of `frame`, written when the element closes. */
  private openBlock(type: BlockType, frame: Frame): BlockDraft {
    const draft = this.writer.open(type, this.stack.length, false);
    const previous = frame.onClose;
    frame.onClose = () => {
      previous?.();
      this.writer.close(draft);
    };
    return draft;
  }

  private pageBreak(n: string | undefined): void {
    if (!n) return;
    if (!this.sawText) this.firstPage = n;
    this.pageBeforeLast = this.lastPage;
    this.lastPage = n;
    this.textSincePage = false;
    if (this.note || this.head || this.ignoredDepth > 0) return;
    this.writer.pointMark({ type: 'page-break', text: n });
  }

  private lineBreak(): void {
    if (this.note) {
      this.note.append(' ');
      return;
    }
    if (this.head) {
      this.head.append(' ');
      return;
    }
    if (this.label) {
      this.label.append(' ');
      return;
    }
    for (const capture of this.captures) capture.text.append(' ');
    this.writer.current?.text.lineBreak();
  }

  private markText(text: string): void {
    if (isBlank(text)) return;
    this.sawText = true;
    this.textSincePage = true;
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
