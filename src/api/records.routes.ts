import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import { parseLimit } from '../paging/page.params.ts';
import { RecordSchema } from '../record/record.schema.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../record/record.types.ts';
import { resolveFields } from '../search/query/query.resolve.ts';
import type { QueryNode } from '../search/query/query.types.ts';
import { splitPlan } from '../search/search.plan.ts';
import { answerPlan } from '../search/search.service.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import { readable, recordForViewer } from '../web/record.access.ts';
import { errorResponses, RecordListSchema, VersionListSchema } from './api.schemas.ts';

/** Records per page of `/api/records` unless `limit` says otherwise, and the most it may say. */
export const RECORDS_DEFAULT_LIMIT = 50;
export const RECORDS_MAX_LIMIT = 500;

const ListQuery = z.object({
  collection: z.string().optional().openapi({ description: 'Collection id, e.g. `frus1951v07p2`.' }),
  type: z
    .enum(DOCUMENT_TYPES)
    .optional()
    .openapi({ description: 'Document type.', param: { schema: { type: 'string' } } }),
  from: z.string().optional().openapi({ description: 'Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.' }),
  to: z.string().optional().openapi({ description: 'Latest date, as `from`.' }),
  person: z
    .string()
    .optional()
    .openapi({ description: 'A person as author, recipient or named: authority id or any name form.' }),
  limit: z
    .string()
    .optional()
    .openapi({ description: `Records per page, 1–${RECORDS_MAX_LIMIT} (default ${RECORDS_DEFAULT_LIMIT}).` }),
  cursor: z.string().optional().openapi({ description: 'The `next` of the previous page.' }),
});

const IdParam = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'da-726b9b4bc6e2' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/records',
  summary: 'List records, in date order, with filters',
  description:
    'Filters combine. Pages follow one another by cursor: pass `next` as `cursor` until it is null. A cursor belongs to its filters.',
  request: { query: ListQuery },
  responses: {
    200: { description: 'A page of records.', content: { 'application/json': { schema: RecordListSchema } } },
    ...errorResponses(400),
  },
});

const recordRoute = createRoute({
  method: 'get',
  path: '/records/{id}',
  summary: 'One record, as canonical JSON',
  description: 'With `ETag` and `Last-Modified`; `If-None-Match` and `If-Modified-Since` answer 304.',
  request: { params: IdParam },
  responses: {
    200: { description: 'The record.', content: { 'application/json': { schema: RecordSchema } } },
    304: { description: 'Unchanged since the `ETag` or date given.' },
    ...errorResponses(404, 410),
  },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/records/{id}/versions',
  summary: 'The versions of a record (1 is the first ingested)',
  request: { params: IdParam },
  responses: {
    200: { description: 'Its versions.', content: { 'application/json': { schema: VersionListSchema } } },
    ...errorResponses(404, 410),
  },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/records/{id}/versions/{version}',
  summary: 'One earlier version of a record',
  request: {
    params: IdParam.extend({
      version: z.string().openapi({ param: { name: 'version', in: 'path' }, example: '1' }),
    }),
  },
  responses: {
    200: { description: 'The record as it was.', content: { 'application/json': { schema: RecordSchema } } },
    ...errorResponses(400, 404, 410),
  },
});

/**
 * `/records`, `/records/{id}`, `/records/{id}/versions`, `/records/{id}/versions/{version}`.
 *
 * @example registerRecordRoutes(api, { store, search, authorities });
 */
export function registerRecordRoutes(
  api: OpenAPIHono,
  deps: { store: Store; search: SearchIndex; authorities: AuthorityIndex },
): void {
  const { store, authorities } = deps;

  api.openapi(listRoute, async (c) => {
    const query = c.req.query();
    const limit = parseLimit(query.limit, { max: RECORDS_MAX_LIMIT, fallback: RECORDS_DEFAULT_LIMIT });
    const filters = recordFilters(query);
    const fingerprint = createHash('sha256').update(JSON.stringify(filters)).digest('hex').slice(0, 12);
    const offset = query.cursor === undefined ? 0 : readCursor(query.cursor, fingerprint);
    const node = resolveFields(filterQuery(filters), authorities);
    // Offsets run in steps of the page size; the page that holds `offset` is read and cut.
    const page = Math.floor(offset / limit) + 1;
    const found = await answerPlan(splitPlan(node), { page, pageSize: limit, facetLimit: 1 }, deps);
    const skip = offset - (page - 1) * limit;
    const hits = found.hits.slice(skip);
    const items = await store.getRecordSummaries(hits.map((h) => h.id));
    const end = offset + hits.length;
    return c.json(
      {
        total: found.total,
        limit,
        items,
        next: end < found.total && hits.length > 0 ? writeCursor(end, fingerprint) : null,
      },
      200,
    );
  });

  api.openapi(recordRoute, async (c) => {
    const id = c.req.param('id');
    const record = await readableRecord(c, id);
    const versions = await store.listVersions(id);
    return sendCached(c, JSON.stringify(record), versions.at(-1)?.savedAt ?? null);
  });

  /** The record if this caller may read it; else the error a withdrawn or missing record answers. */
  const readableRecord = async (c: Context, id: string) => {
    const access = await recordForViewer(c, store, id);
    if (access.kind === 'withdrawn') {
      const { changedAt, reason } = access.publication;
      throw new ChanceryError(
        'record.withdrawn',
        `Record "${id}" was withdrawn${changedAt ? ` on ${changedAt.slice(0, 10)}` : ''}: ${reason}. Its citation stays at /documents/${encodeURIComponent(id)}/cite.ris.`,
      );
    }
    const record = readable(access);
    if (!record) throw notFound(id);
    return record;
  };

  api.openapi(versionsRoute, async (c) => {
    const id = c.req.param('id');
    await readableRecord(c, id);
    const versions = await store.listVersions(id);
    if (versions.length === 0) throw notFound(id);
    return c.json({ id, versions }, 200);
  });

  api.openapi(versionRoute, async (c) => {
    const id = c.req.param('id');
    const raw = c.req.param('version');
    const version = parseLimit(raw, { name: 'version', max: 1_000_000, fallback: 1 });
    await readableRecord(c, id);
    const record = await store.getRecordVersion(id, version);
    if (!record) {
      throw new ChanceryError(
        'record.not_found',
        `Record "${id}" has no version ${version}. GET /api/records/${encodeURIComponent(id)}/versions lists them.`,
      );
    }
    return c.json(record as z.infer<typeof RecordSchema>, 200);
  });
}

interface RecordFilters {
  collection?: string;
  type?: DocumentType;
  from?: string;
  to?: string;
  person?: string;
}

/** The filters of a listing, each checked: a type outside the vocabulary or a malformed date is a 400. */
function recordFilters(query: Record<string, string>): RecordFilters {
  const filters: RecordFilters = {};
  if (query.collection) filters.collection = query.collection;
  if (query.person) filters.person = query.person;
  if (query.type !== undefined) {
    if (!(DOCUMENT_TYPES as readonly string[]).includes(query.type)) {
      throw new ChanceryError(
        'request.invalid_parameter',
        `type must be one of ${DOCUMENT_TYPES.join(', ')}; not "${query.type.slice(0, 40)}".`,
        { field: 'type' },
      );
    }
    filters.type = query.type as DocumentType;
  }
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (!/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u.test(value)) {
      throw new ChanceryError(
        'request.invalid_parameter',
        `${name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${value.slice(0, 40)}".`,
        { field: name },
      );
    }
    filters[name] = value;
  }
  return filters;
}

function filterQuery(filters: RecordFilters): QueryNode {
  const children: QueryNode[] = [];
  if (filters.collection) children.push({ kind: 'field', field: 'collection', value: filters.collection });
  if (filters.type) children.push({ kind: 'field', field: 'type', value: filters.type });
  if (filters.person) children.push({ kind: 'field', field: 'person', value: filters.person });
  if (filters.from || filters.to) {
    children.push({ kind: 'date', from: startOf(filters.from), to: endOf(filters.to) });
  }
  return { kind: 'and', children };
}

function startOf(date: string | undefined): string | null {
  if (!date) return null;
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function endOf(date: string | undefined): string | null {
  if (!date) return null;
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** A cursor is opaque to clients: the offset reached and the filters it belongs to. */
function writeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

function readCursor(cursor: string, fingerprint: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const { o, f } = (parsed ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0 || f !== fingerprint) {
    throw new ChanceryError(
      'request.invalid_cursor',
      'This cursor was not handed out for this listing. Start again without `cursor`, and pass each page’s `next` unchanged with the same filters.',
      { field: 'cursor' },
    );
  }
  return o;
}

function notFound(id: string): ChanceryError {
  return new ChanceryError(
    'record.not_found',
    `No record with id "${id.slice(0, 200)}". GET /api/records lists them.`,
  );
}

/**
 * A JSON body with its validators: a strong `ETag` from the bytes sent and `Last-Modified` from
 * when the version was saved; a conditional request that matches gets 304 and no body.
 */
export function sendCached(c: Context, json: string, savedAt: string | null): Response {
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  const headers: Record<string, string> = { etag, 'cache-control': 'no-cache' };
  const modified = savedAt ? new Date(savedAt) : null;
  if (modified && !Number.isNaN(modified.getTime())) headers['last-modified'] = modified.toUTCString();
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const unchanged = ifNoneMatch
    ? ifNoneMatch
        .split(',')
        .some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}` || tag.trim() === '*')
    : Boolean(
        ifModifiedSince &&
          modified &&
          !Number.isNaN(Date.parse(ifModifiedSince)) &&
          Math.floor(modified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000),
      );
  if (unchanged) return c.body(null, 304, headers);
  return c.body(json, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
}
