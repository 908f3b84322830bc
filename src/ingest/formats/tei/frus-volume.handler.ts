import { AuthorityIndex } from '../../../names/authority.index.ts';
import { findMentions } from '../../../names/mention.find.ts';
import { normalizeName } from '../../../names/name.normalize.ts';
import type { Agent, Authority } from '../../../record/record.types.ts';
import { detach } from '../../../texts/string.detach.ts';
import type { ReadItem, ReadProblem } from '../format.types.ts';
import { FrusDocumentBuilder } from './frus-document.builder.ts';
import { FrusHeaderCollector } from './frus-header.collector.ts';
import { type FrusAuthorityRef, FrusListCollector } from './frus-lists.collector.ts';
import { FrusObservations } from './frus-observations.collector.ts';
import type { XmlEventSink, XmlFault, XmlPosition } from './xml-resync.parser.ts';

export interface FrusVolumeOptions {
  /** File name, for the volume id when the file gives none. */
  fileName: string;
  /** Authorities known before this file (the batch adds each one read). */
  authorities: AuthorityIndex;
  position(): XmlPosition;
}

/**
 * Turns the parse events of a FRUS volume into read items, in file order: the volume's
 * collection when the header ends, the terms and persons as authorities, then one record per
 * `div[@type="document"]`. Elements are matched by local name, so both encodings (and any
 * prefix) read alike. Items wait in a queue that the reader empties after each chunk.
 */
export class FrusVolumeHandler implements XmlEventSink {
  private readonly options: FrusVolumeOptions;
  private readonly items: ReadItem[] = [];
  private readonly persons = new Map<string, FrusAuthorityRef>();
  private readonly terms = new Map<string, FrusAuthorityRef>();
  private readonly volumePersons = new AuthorityIndex();
  private readonly reportedElements = new Set<string>();
  private readonly agents = new Map<string, Agent>();
  private observations: FrusObservations | null = null;
  private readonly normalized = new Map<string, string>();
  private depth = 0;
  private rootId: string | null = null;
  private header: FrusHeaderCollector | null = null;
  private headerDepth = 0;
  private headerRead: FrusHeaderCollector | null = null;
  private collectionId: string | null = null;
  private list: FrusListCollector | null = null;
  private listDepth = 0;
  private doc: FrusDocumentBuilder | null = null;
  private docDepth = 0;
  private docLine = 0;
  private skipDepth: number | null = null;
  private page: string | null = null;
  private documents = 0;
  private editors: string[] = [];

  constructor(options: FrusVolumeOptions) {
    this.options = options;
  }

  /** Items read so far, handed over once. */
  drain(): ReadItem[] {
    return this.items.splice(0);
  }

  open(qualified: string, attributes: Record<string, string>): void {
    const name = localName(qualified);
    this.depth++;
    if (name === 'pb' && attributes.n) this.page = attributes.n;
    if (this.doc) {
      if (name === 'div' && attributes.type === 'document') {
        this.problem(
          'ingest.xml_document',
          `a document div inside document ${this.doc.divId}: read as part of it.`,
        );
      }
      this.doc.open(name, attributes);
      return;
    }
    if (this.skipDepth !== null) return;
    if (this.header) {
      this.header.open(name, attributes);
      return;
    }
    if (this.list) {
      this.list.open(name, attributes);
      return;
    }
    if (name === 'TEI') this.rootId = detachOrNull(attributes['xml:id']);
    else if (name === 'teiHeader') {
      this.header = new FrusHeaderCollector();
      this.headerDepth = this.depth;
    } else if (name === 'div') this.openDiv(attributes);
  }

  close(qualified: string): void {
    const depth = this.depth--;
    if (this.doc) {
      if (depth === this.docDepth) this.finishDocument();
      else this.doc.close();
      return;
    }
    if (this.skipDepth !== null) {
      if (depth === this.skipDepth) this.skipDepth = null;
      return;
    }
    if (this.header) {
      if (depth !== this.headerDepth) {
        this.header.close(localName(qualified));
        return;
      }
      this.headerRead = this.header;
      this.header = null;
      this.emitCollection();
      return;
    }
    if (this.list) {
      const done =
        depth === this.listDepth ? this.finishList(this.list) : this.list.close(localName(qualified));
      for (const authority of done) this.emitAuthority(authority);
    }
  }

  text(text: string): void {
    if (this.doc) this.doc.text(text);
    else if (this.skipDepth !== null) return;
    else if (this.header) this.header.text(text);
    else if (this.list) this.list.text(text);
  }

  fault(fault: XmlFault): void {
    const doc = this.doc;
    const lost = doc ? ` Document ${doc.divId} (from line ${this.docLine}) is left out.` : '';
    const message = fault.truncated
      ? `the file ends inside an element (${fault.reason}): it looks cut short.${lost} Documents before it are kept.`
      : `the XML is not well-formed (${fault.reason.replace(/\.$/, '')}).${lost} Reading goes on at the next <div type="document">; correct the XML and ingest the file again to have every document.`;
    this.items.push({
      kind: 'problem',
      problem: {
        code: fault.truncated ? 'ingest.truncated' : 'ingest.xml_malformed',
        message,
        line: fault.line,
        column: fault.column,
      },
    });
    if (this.list) for (const authority of this.finishList(this.list)) this.emitAuthority(authority);
    if (this.header) {
      this.headerRead = this.header;
      this.emitCollection();
    }
    this.doc = null;
    this.header = null;
    this.list = null;
    this.skipDepth = null;
  }

  resumed(): void {
    this.depth = 0;
  }

  private openDiv(attributes: Record<string, string>): void {
    const id = attributes['xml:id'];
    if (attributes.type === 'document') {
      this.openDocument(attributes);
      return;
    }
    if (id !== 'persons' && id !== 'terms') return;
    this.emitCollection();
    this.list = new FrusListCollector({
      kind: id === 'persons' ? 'person' : 'term',
      volumeId: this.volumeId(),
      line: () => this.options.position().line,
    });
    this.listDepth = this.depth;
  }

  private openDocument(attributes: Record<string, string>): void {
    this.emitCollection();
    this.documents++;
    if (!attributes['xml:id']) {
      const n = attributes.n ? ` (n="${attributes.n}")` : '';
      this.problem(
        'ingest.xml_document',
        `a <div type="document">${n} has no xml:id, so it has no citable id: it is left out. Give it one (xml:id="d${attributes.n ?? 'N'}") and ingest the file again.`,
      );
      this.skipDepth = this.depth;
      return;
    }
    const volumeId = this.volumeId();
    this.docDepth = this.depth;
    this.docLine = this.options.position().line;
    this.doc = new FrusDocumentBuilder(attributes, {
      volumeId,
      position: this.documents,
      page: this.page,
      persons: this.persons,
      terms: this.terms,
      editors: this.editors,
      resolveAgent: (raw) => this.resolveAgent(raw),
      listedPerson: (raw) => {
        const listed = this.volumePersons.resolveAgent(raw);
        return listed.personId ? listed : null;
      },
      heldOffice: (personId, office, date) => this.observed().heldOffice(personId, office, date),
      normalizeName: (form) => this.normalizeName(form),
      line: () => this.options.position().line,
      unknownElement: (name) => this.unknownElement(name),
      doubtfulLink: (written, listed) => this.doubtfulLink(written, listed),
    });
  }

  private finishDocument(): void {
    const doc = this.doc;
    if (!doc) return;
    this.doc = null;
    const record = doc.finish();
    // Names of the authority file in the text ("Kaesong" in a telegram), and the place of the
    // dateline, which the volume itself makes a place of the archive.
    record.mentions.push(...findMentions(record.texts, this.options.authorities));
    if (record.place) record.mentions.push(this.observed().place(record.place));
    this.items.push({ kind: 'record', record });
  }

  private finishList(list: FrusListCollector): Authority[] {
    this.list = null;
    const done = list.finish();
    for (const { kind, message, line } of list.problems) {
      this.items.push({ kind: 'problem', problem: { code: 'ingest.xml_document', kind, message, line } });
    }
    return done;
  }

  private emitAuthority(authority: Authority): void {
    const ref = {
      id: authority.id,
      name: authority.name,
      forms: [authority.name, ...authority.names.map((n) => n.form)],
    };
    const target = authority.kind === 'person' ? this.persons : this.terms;
    for (const external of authority.externalIds ?? []) target.set(external.value, ref);
    if (authority.kind === 'person') this.volumePersons.add(authority);
    this.items.push({ kind: 'authority', authority });
  }

  private emitCollection(): void {
    if (this.collectionId !== null) return;
    const id = this.volumeId();
    this.collectionId = id;
    const collection = (this.headerRead ?? new FrusHeaderCollector()).toCollection(id);
    this.editors = collection.editors ?? [];
    this.items.push({ kind: 'collection', collection });
  }

  private volumeId(): string {
    return (
      this.collectionId ??
      this.rootId ??
      this.headerRead?.idno ??
      this.header?.idno ??
      this.options.fileName.replace(/\.[^.]*$/, '')
    );
  }

  /**
   * A sender, recipient or signer the markup does not link: this volume's persons by any name
   * form or by surname; else an office or body, or a person of the volume's own observations.
   * Nothing is matched across volumes here: the "Marshall" of 1955 is not the "Marshall" of 1951
   * unless reconciliation finds the evidence (src/names/people.reconcile.ts).
   */
  private resolveAgent(raw: string): Agent {
    // The same few senders recur through a volume.
    const cached = this.agents.get(raw);
    if (cached) return { ...cached };
    const local = this.volumePersons.resolveAgent(raw);
    const agent = local.personId ? local : this.observed().agent(raw);
    this.agents.set(raw, agent);
    return { ...agent };
  }

  /** The people and offices of this volume outside its persons list, handed out at its end. */
  finish(): void {
    for (const authority of this.observations?.finish() ?? [])
      this.items.push({ kind: 'authority', authority });
  }

  private observed(): FrusObservations {
    this.observations ??= new FrusObservations(this.volumeId());
    return this.observations;
  }

  private normalizeName(form: string): string {
    let key = this.normalized.get(form);
    if (key === undefined) {
      key = normalizeName(form);
      this.normalized.set(form, key);
    }
    return key;
  }

  private unknownElement(name: string): void {
    if (this.reportedElements.has(name)) return;
    this.reportedElements.add(name);
    const where = this.doc ? ` in document ${this.doc.divId}` : '';
    this.problem(
      'ingest.xml_document',
      `<${name}>${where} is not an element the FRUS reader knows; its text is kept as running text. (Reported once per file.)`,
      `unknown-element:${name}`,
    );
  }

  private doubtfulLink(written: string, listed: string): void {
    const kind = `doubtful-link:${written}\u0000${listed}`;
    if (this.reportedElements.has(kind)) return;
    this.reportedElements.add(kind);
    this.problem(
      'ingest.xml_document',
      `a <persName> links "${written}" to the persons-list entry "${listed}", whose names it shares nothing with: such a name is kept as written, not linked to the entry. (The first such link in the file; the count is of the pairs of name and entry.)`,
      'doubtful-link',
    );
  }

  private problem(code: ReadProblem['code'], message: string, kind?: string): void {
    const { line, column } = this.options.position();
    this.items.push({ kind: 'problem', problem: { code, message, line, column, ...(kind ? { kind } : {}) } });
  }
}

function detachOrNull(text: string | undefined): string | null {
  return text ? detach(text) : null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
