import type {
  Agent,
  ArchivalLocation,
  Block,
  ChanceryRecord,
  DocumentNumber,
  Mention,
} from '../../../record/record.types.ts';
import { type AgentDraft, readAgents, type SignatureDraft } from './frus-agents.read.ts';
import { buildFrusDate, dateBounds } from './frus-date.parse.ts';
import { typeFromHead } from './frus-head.parse.ts';
import type { FrusAuthorityRef } from './frus-lists.collector.ts';
import { readClassification, readSourceNote } from './frus-source-note.parse.ts';

/** What a document needs from the volume around it. */
export interface FrusDocumentContext {
  volumeId: string;
  /** Position of the document in the volume, from 1. */
  position: number;
  /** The page the document begins on: the last `pb` before it. */
  page: string | null;
  persons: ReadonlyMap<string, FrusAuthorityRef>;
  terms: ReadonlyMap<string, FrusAuthorityRef>;
  editors: readonly string[];
  resolveAgent(raw: string): Agent;
  /** A person of the volume's persons list by a name form or surname; null when the list has none or several. */
  listedPerson(raw: string): Agent | null;
  /** A person held an office at a date ("1951-07-13"), as a document's head and signature say. */
  heldOffice(personId: string, office: string, date: string | null): void;
  /** `normalizeName`, remembered for the volume: the same few names recur in it. */
  normalizeName(form: string): string;
  /** Current line in the file, for provenance. */
  line(): number;
  /** An element the reader does not know: its text is kept as inline text. */
  unknownElement(name: string): void;
  /** A `persName` links a written name to a persons-list entry it cannot name ("Saud" to John S. D. Eisenhower). */
  doubtfulLink(written: string, listed: string): void;
}

export interface NoteDraft {
  id: string;
  n: string;
  text: string;
  blockId: string | null;
}

export interface MentionDraft extends Mention {
  blockId?: string;
}

export type { AgentDraft, SignatureDraft } from './frus-agents.read.ts';

export const FRUS_RIGHTS =
  'Public domain. Foreign Relations of the United States is a work of the United States Government ' +
  '(U.S. Department of State, Office of the Historian) and is not subject to copyright in the United States.';

/** Everything a FRUS document's events gave, before it is read into a record. */
export interface FrusDocumentParts {
  context: FrusDocumentContext;
  attributes: Record<string, string>;
  divId: string;
  title: string | null;
  blocks: Block[];
  notes: NoteDraft[];
  sourceNotes: { text: string; line: number }[];
  mentions: MentionDraft[];
  agents: AgentDraft[];
  signatures: SignatureDraft[];
  openerSegs: string[];
  place: string | null;
  date: { display: string; attributes: Record<string, string>[]; supplied: boolean };
  pages: { first: string; last: string } | null;
  lines: { id: number; title: number | null; date: number | null; place: number | null };
}

/**
 * Reads what a document's events gave into a canonical record: the type from the head's
 * wording, sender and recipient, the date, the source note as an archival location, the
 * mentions once each per block.
 */
export function readDocumentParts(parts: FrusDocumentParts): ChanceryRecord {
  const { context, attributes, divId } = parts;
  const n = attributes.n ?? null;
  const title = parts.title || (n ? `Document ${n}` : divId);
  const sources = parts.sourceNotes.map((note) => ({ ...readSourceNote(note.text), line: note.line }));
  const segClassification = parts.openerSegs.map(readClassification).find((c) => c !== null) ?? null;
  const archivalLocations: ArchivalLocation[] = sources.map(({ location }) => ({
    ...location,
    classification: location.classification ?? segClassification,
  }));
  const despatchNumber = parts.openerSegs.map((s) => /^No\.\s*(\S+)$/.exec(s)?.[1]).find(Boolean) ?? null;
  const type = typeFromHead(title, {
    subtype: attributes.subtype,
    sourceType: sources.map((s) => s.messageKind).find(Boolean) ?? null,
    despatchNumber,
  });
  const numbers: DocumentNumber[] = n ? [{ kind: 'document', value: n }] : [];
  if (despatchNumber)
    numbers.push({ kind: type === 'airgram' ? 'airgram' : 'despatch', value: despatchNumber });
  const date = buildFrusDate({
    display: parts.date.display,
    bounds: parts.date.attributes.map(dateBounds).filter((b) => b !== null),
    supplied: parts.date.supplied,
    docMin: attributeByLocalName(attributes, 'doc-dateTime-min'),
    docMax: attributeByLocalName(attributes, 'doc-dateTime-max'),
  });
  const documentDate = date.min?.slice(0, 10) ?? null;
  const { authors, recipients } = readAgents({
    drafts: parts.agents,
    signatures: parts.signatures,
    title,
    context: {
      ...context,
      heldOffice: (personId, office) => context.heldOffice(personId, office, documentDate),
    },
  });
  const provenance: Record<string, { line: number }> = { id: { line: parts.lines.id } };
  if (parts.lines.title !== null) provenance.title = { line: parts.lines.title };
  if (parts.lines.date !== null) provenance.date = { line: parts.lines.date };
  if (parts.lines.place !== null && parts.place) provenance.place = { line: parts.lines.place };
  const firstSource = sources[0];
  if (firstSource) provenance.archivalLocations = { line: firstSource.line };
  return {
    id: `${context.volumeId}-${divId}`,
    title,
    type,
    date,
    authors,
    recipients,
    intermediaries: [],
    numbers,
    summary: null,
    originalLanguage: 'en',
    place: parts.place,
    archivalLocations,
    credits: context.editors.map((name) => ({ role: 'editor' as const, name })),
    rights: FRUS_RIGHTS,
    source: {
      file: '',
      url: `https://history.state.gov/historicaldocuments/${context.volumeId}/${divId}`,
      recordId: divId,
      format: 'tei-frus',
      sha256: '',
    },
    texts: [
      {
        id: 'original',
        kind: 'original',
        language: 'en',
        blocks: parts.blocks,
        notes: parts.notes.map((note) => ({
          id: note.id,
          n: note.n,
          text: note.text,
          blockId: note.blockId,
        })),
      },
    ],
    handling: [],
    mentions: uniqueMentions(parts.mentions),
    relations: [],
    alignments: [],
    collections: [{ id: context.volumeId, position: context.position }],
    pages: parts.pages,
    provenance,
  };
}

function uniqueMentions(drafts: MentionDraft[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const draft of drafts) {
    const key = `${draft.kind}\u0000${draft.authorityId ?? ''}\u0000${draft.form}\u0000${draft.blockId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mention: Mention = {
      kind: draft.kind,
      authorityId: draft.authorityId,
      name: draft.name,
      form: draft.form,
    };
    if (draft.textId) mention.textId = draft.textId;
    if (draft.blockId) mention.blockId = draft.blockId;
    mentions.push(mention);
  }
  return mentions;
}

/** `frus:doc-dateTime-min` under whatever prefix the file binds the FRUS namespace to. */
export function attributeByLocalName(attributes: Record<string, string>, local: string): string | undefined {
  for (const key in attributes) {
    if (key === local || key.endsWith(`:${local}`)) return attributes[key];
  }
  return undefined;
}
