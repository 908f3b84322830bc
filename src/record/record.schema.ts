import { z } from 'zod';
import { markChars, RECORD_LIMITS, tooManyMarkChars } from './record.limits.ts';
import { type ChanceryRecord, DOCUMENT_TYPES } from './record.types.ts';

/**
 * The canonical record as a schema: what an import (Chancery JSON, Chancery TEI) must be before it
 * is used, and what the JSON API answers (src/api/api.schemas.ts describes its responses with it).
 * One schema, so that what the API gives out is what ingest takes back. Field names are the
 * product's fixed ones (PRODUCT.md); the types they check are those of record.types.ts (a
 * compile-time check at the end of this file keeps the two in step). `.meta({ id })` names the
 * parts that the OpenAPI description shows as components.
 */

const nullableString = z.string().nullable();

export const MARK_TYPES = [
  'deletion',
  'insertion',
  'folio',
  'editorial-note',
  'signature',
  'footnote-ref',
  'page-break',
] as const;
export const BLOCK_TYPES = [
  'paragraph',
  'heading',
  'list-item',
  'signature',
  'quote',
  'table-row',
  'closer',
  'dateline',
  'address',
] as const;
export const TEXT_KINDS = ['original', 'translation', 'draft', 'transcription', 'ocr'] as const;
export const SOURCE_FORMATS = [
  'archive-page-text',
  'archive-page-markdown',
  'archive-page-pdf-text',
  'archive-page-pdf',
  'tei-frus',
  'chancery-json',
  'tei-chancery',
] as const;
export const SOURCE_LAYOUTS = ['scraped-text', 'markdown', 'line-broken', 'one-line', 'pdf'] as const;
export const HANDLING_EVENTS = [
  'sent',
  'received',
  'ciphered',
  'deciphered',
  'printed',
  'copied',
  'distributed',
  'filed',
  'registered',
] as const;
export const AUTHORITY_KINDS = ['person', 'place', 'organization', 'term'] as const;
export const RELATION_TYPES = [
  'draft-of',
  'reply-to',
  'attachment-of',
  'same-as',
  'has-draft',
  'has-attachment',
] as const;
export const CREDIT_ROLES = [
  'translator',
  'contributor',
  'funder',
  'editor',
  'transcriber',
  'publication',
] as const;

const { texts, blocks, blockChars, marks, listItems } = RECORD_LIMITS;

/** A list of the record whose length has a documented limit. */
const list = <T extends z.ZodType>(item: T, max: number = listItems) => z.array(item).max(max);

export const AgentSchema = z
  .object({
    name: z.string(),
    alias: nullableString,
    personId: nullableString,
    raw: z.string().optional(),
    office: nullableString.optional(),
    officeId: nullableString.optional(),
  })
  .meta({ id: 'Agent' });

export const ArchivalLocationSchema = z
  .object({
    repository: z.string(),
    fond: nullableString.optional(),
    opis: nullableString.optional(),
    delo: nullableString.optional(),
    papka: nullableString.optional(),
    folios: z.strictObject({ first: z.number().int(), last: z.number().int() }).nullable().optional(),
    file: nullableString.optional(),
    classification: nullableString.optional(),
    raw: z.string(),
  })
  .meta({ id: 'ArchivalLocation' });

const MarkSchema = z.strictObject({
  type: z.enum(MARK_TYPES),
  text: z.string().max(blockChars),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  ref: z.string().optional(),
});

const BlockSchema = z
  .strictObject({
    id: z.string(),
    type: z.enum(BLOCK_TYPES),
    text: z.string().max(blockChars),
    marks: z.array(MarkSchema).max(marks),
  })
  .superRefine((block, context) => {
    const chars = markChars(block.marks);
    if (chars > RECORD_LIMITS.markChars)
      context.addIssue({ code: 'custom', path: ['marks'], message: tooManyMarkChars('', chars) });
  });

export const TextSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TEXT_KINDS),
    language: z.string(),
    blocks: z.array(BlockSchema).max(blocks),
    notes: list(
      z.strictObject({
        id: z.string(),
        n: z.string(),
        text: z.string().max(blockChars),
        blockId: nullableString,
      }),
      blocks,
    ).optional(),
  })
  .meta({ id: 'Text' });

const HandlingEventSchema = z.strictObject({
  event: z.enum(HANDLING_EVENTS),
  at: nullableString,
  agent: nullableString,
  place: nullableString.optional(),
  number: nullableString.optional(),
  copies: nullableString.optional(),
  copyNumbers: z.array(z.number().int()).max(listItems).optional(),
  destination: nullableString.optional(),
  raw: z.string(),
});

const MentionSchema = z.strictObject({
  kind: z.enum(AUTHORITY_KINDS),
  authorityId: nullableString,
  name: z.string(),
  form: z.string(),
  textId: z.string().optional(),
  blockId: z.string().optional(),
});

const RelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: z.string(),
  source: z.string().optional(),
  basis: z.string().optional(),
});

const AlignmentSchema = z.strictObject({
  source: z.string(),
  target: z.string(),
  links: list(
    z.strictObject({ source: list(z.string()), target: list(z.string()), score: z.number() }),
    blocks * 2,
  ),
});

const DraftComparisonSchema = z.strictObject({
  draft: z.string(),
  final: z.string(),
  blocks: list(
    z.strictObject({
      draft: list(z.string()),
      final: list(z.string()),
      changes: z.array(z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
    }),
    blocks,
  ),
});

export const RecordSchema = z
  .object({
    id: z.string().min(1),
    title: z.string(),
    type: z.enum(DOCUMENT_TYPES),
    date: z.strictObject({
      display: z.string(),
      min: nullableString,
      max: nullableString,
      certainty: z.enum(['exact', 'approximate', 'inferred', 'unknown']),
      timeZone: nullableString.optional(),
    }),
    authors: list(AgentSchema),
    recipients: list(AgentSchema),
    intermediaries: list(AgentSchema),
    participants: list(AgentSchema).optional(),
    numbers: list(z.strictObject({ kind: z.string(), value: z.string() })),
    summary: nullableString,
    originalLanguage: nullableString,
    place: nullableString.optional(),
    archivalLocations: list(ArchivalLocationSchema),
    credits: list(z.strictObject({ role: z.enum(CREDIT_ROLES), name: z.string() })),
    rights: nullableString,
    source: z.strictObject({
      file: z.string(),
      url: nullableString,
      recordId: nullableString,
      format: z.enum(SOURCE_FORMATS),
      sha256: z.string(),
      encoding: z.string().optional(),
      layout: z.enum(SOURCE_LAYOUTS).optional(),
      uploaded: nullableString.optional(),
    }),
    texts: z.array(TextSchema).max(texts),
    handling: list(HandlingEventSchema),
    mentions: list(MentionSchema),
    relations: list(RelationSchema),
    alignments: list(AlignmentSchema, texts),
    comparisons: list(DraftComparisonSchema, texts).optional(),
    collections: list(z.strictObject({ id: z.string(), position: z.number().int() })),
    pages: z.strictObject({ first: z.string(), last: z.string() }).nullable().optional(),
    provenance: z.record(z.string(), z.strictObject({ line: z.number().int() })).optional(),
  })
  .meta({ id: 'Record', description: 'The canonical JSON record, as `chancery show ID --json` prints it.' });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Fails to compile when the schema and the model's types (record.types.ts) drift apart. */
export type RecordSchemaMatchesModel = Assert<Same<z.infer<typeof RecordSchema>, ChanceryRecord>>;
