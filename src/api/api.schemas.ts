import { z } from '@hono/zod-openapi';
import { FACETS } from '../search/query/query.types.ts';

/**
 * The schemas of the JSON API: the OpenAPI description is generated from these, and tests check
 * every endpoint's answers against the description. The record's schema is the one ingest checks
 * imports against (src/record/record.schema.ts): what the API gives out, ingest takes back.
 */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'record.not_found' }),
      message: z.string().openapi({ example: 'No record with id "x". GET /api/records lists them.' }),
    }),
  })
  .openapi('Error');

const nullableString = z.string().nullable();

export const RecordSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.string(),
    dateDisplay: z.string(),
    dateMin: nullableString,
    dateMax: nullableString.optional(),
    originalLanguage: nullableString,
    version: z.number().int(),
  })
  .openapi('RecordSummary');

export const RecordListSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Records that match the filters, on every page.' }),
    limit: z.number().int(),
    items: z.array(RecordSummarySchema),
    next: nullableString.openapi({ description: 'The cursor of the next page; null on the last.' }),
  })
  .openapi('RecordList');

export const VersionListSchema = z
  .object({
    id: z.string(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        sha256: z.string(),
        savedAt: z.string(),
        edit: z
          .object({
            kind: z.enum(['edit', 'restore', 'source']),
            editor: z.string(),
            note: z.string(),
            at: z.string(),
          })
          .optional()
          .openapi({
            description:
              "Present when an editor made the version: a correction, a restore, or a changed source's reading taken",
          }),
      }),
    ),
  })
  .openapi('VersionList');

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const SearchResponseSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        date: z.string(),
        snippet: z.string().openapi({ description: 'HTML-escaped passage, hits in `<mark>`.' }),
        score: z.number(),
      }),
    ),
    facets: z.object(
      Object.fromEntries(FACETS.map((f) => [f, z.array(FacetValueSchema)])) as Record<
        (typeof FACETS)[number],
        z.ZodArray<typeof FacetValueSchema>
      >,
    ),
  })
  .openapi('SearchResponse');

export const AuthoritySummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'place', 'organization', 'term']),
    name: z.string(),
    description: nullableString,
  })
  .openapi('AuthoritySummary');

export const AuthorityListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    items: z.array(AuthoritySummarySchema),
  })
  .openapi('AuthorityList');

export const AuthoritySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['person', 'place', 'organization', 'term']),
    name: z.string(),
    names: z.array(
      z
        .object({
          form: z.string(),
          language: z.string().optional(),
          kind: z.string(),
          years: z.string().optional(),
          source: z.string().optional(),
          member: z.string().optional(),
        })
        .catchall(z.unknown()),
    ),
    description: nullableString.optional(),
    externalIds: z.array(z.object({ scheme: z.string(), value: z.string() })).optional(),
    source: z.string().optional(),
    years: z.string().optional(),
    members: z.array(z.string()).optional(),
  })
  .catchall(z.unknown())
  .openapi('Authority');

export const CollectionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['volume', 'curated']),
    series: nullableString.optional(),
    subSeries: nullableString.optional(),
    volume: nullableString.optional(),
    editors: z.array(z.string()).optional(),
    published: nullableString.optional(),
    publisher: nullableString.optional(),
    place: nullableString.optional(),
    description: nullableString.optional(),
    records: z.number().int().optional().openapi({ description: 'How many records the collection holds.' }),
  })
  .openapi('Collection');

export const CollectionListSchema = z.object({ items: z.array(CollectionSchema) }).openapi('CollectionList');

export const ThreadSchema = z
  .object({
    a: z.object({ id: z.string(), name: z.string() }),
    b: z.object({ id: z.string(), name: z.string() }),
    records: z.array(
      RecordSummarySchema.extend({ authorIds: z.array(z.string()), recipientIds: z.array(z.string()) }),
    ),
  })
  .openapi('Thread');

/** The error answers every endpoint may give, for the OpenAPI description. */
export function errorResponses(...statuses: (400 | 404 | 406 | 410 | 503)[]) {
  const descriptions = {
    400: 'A parameter is malformed or out of range.',
    404: 'Nothing under this id.',
    406: 'The `Accept` header asks for something other than JSON.',
    410: 'The record was withdrawn (`record.withdrawn`): the message says when and why; its citation stays at /documents/{id}/cite.ris.',
    503: 'The search ran past its time budget and was stopped (`search.timeout`); `Retry-After` says when to try again.',
  };
  return Object.fromEntries(
    [...new Set([...statuses, 406 as const])].map((status) => [
      status,
      { description: descriptions[status], content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}
