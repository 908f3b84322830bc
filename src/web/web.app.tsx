import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AccountStore } from '../accounts/accounts.types.ts';
import type { AuditLog } from '../accounts/audit.types.ts';
import { apiNotFound, createApi, openApiDocument } from '../api/api.app.ts';
import { errorResponse, httpStatusFor, setRetryAfter } from '../api/http.errors.ts';
import { sendCached } from '../api/records.routes.ts';
import { loadCitation } from '../citation/citation.export.ts';
import { isChanceryError } from '../errors.ts';
import type { JobQueue } from '../jobs/job-queue.types.ts';
import { syncAuthorities } from '../names/authorities.sync.ts';
import { createOaiRoutes, type OaiDependencies } from '../oai/oai.routes.ts';
import { teiOaiFormat } from '../oai/oai.tei.ts';
import { parsePage } from '../paging/page.params.ts';
import type { RecordSource } from '../record/record.types.ts';
import { FACETS, type FacetName } from '../search/query/query.types.ts';
import { MAX_FACET_VALUES, type SearchDependencies, searchArchive } from '../search/search.service.ts';
import type { Store } from '../store/store.types.ts';
import { createAccountRoutes } from './account.routes.tsx';
import { createAdminRoutes } from './admin.routes.tsx';
import { ApiDocsPage } from './api-docs.page.tsx';
import { identify, viewerOf } from './auth.middleware.ts';
import { createAuthorityRoutes } from './authorities.routes.tsx';
import { createAuthorityEditRoutes } from './authority-edit.routes.tsx';
import { EVERYTHING, parsePageParam, runQuery } from './browse.queries.ts';
import { createBrowseRoutes } from './browse.routes.tsx';
import { loadDocumentLinks } from './correspondence.queries.ts';
import { DocumentPage } from './document.page.tsx';
import { createEditRoutes } from './edit.routes.tsx';
import { AccessPage, BadRequestPage, BusyPage, NotFoundPage, ServerErrorPage } from './error.page.tsx';
import { createExportRoutes, recordTei } from './export.routes.ts';
import { HomePage, summarizeArchive } from './home.page.tsx';
import { STYLESHEET_PATH } from './layout.component.tsx';
import { renderPage } from './page.render.ts';
import { PublicationPanel, RestrictedNotice, WithdrawnPage } from './publication.pages.tsx';
import { createPublicationRoutes } from './publication.routes.tsx';
import { createReadingRoomRoutes } from './reading-room.routes.ts';
import { isEditor, type RecordAccess, readable, recordForViewer } from './record.access.ts';
import { requestLimits } from './request.limits.ts';
import { FacetValuesPage, SearchPage } from './search.page.tsx';
import { siteBaseUrl } from './site.url.ts';
import { createUploadRoutes } from './upload.routes.tsx';

/** The store, the search index and the authorities, which every page reads, and settings. */
export interface WebDependencies extends SearchDependencies {
  /** This archive's public base URL ("https://chancery.example"); the request's origin when absent. */
  baseUrl?: string;
  /** Documents per sitemap (default 50,000, the protocol's most). */
  sitemapSize?: number;
  /** OAI-PMH settings beyond the defaults (page sizes, the admin's address). */
  oai?: Pick<OaiDependencies, 'pageSize' | 'adminEmail' | 'repositoryName'>;
  /** Accounts and the audit log (on the primary): without them the reading room has no login. */
  accounts?: AccountStore;
  audit?: AuditLog;
  /** The primary, where corrections are written (default: `store`, when it is not a replica's). */
  writer?: Store;
  /** Background jobs and the folder uploads are written to: without both, no upload page. */
  jobs?: JobQueue;
  uploadsDir?: string;
}

/** Pages load nothing but their own stylesheet (and, later, their own scripts). */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** Source files are whatever an archive sent: a browser must never run them as a page of ours. */
const DOWNLOAD_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Documents listed per page of the home page. */
const PAGE_SIZE = 100;
/** Recent additions shown on the home page. */
const RECENT_COUNT = 5;

// Read once at start-up: the stylesheet is part of the program, not of the archive.
const STYLESHEET = readFileSync(new URL('./chancery.css', import.meta.url), 'utf8');

/**
 * The reading room: server-rendered pages over the store port, readable without JavaScript.
 *
 * Routes: `/` (the documents in date order, `?page=N`), `/documents/:id` (a document),
 * `/documents/:id.json` (its canonical JSON), `/documents/:id/source` (the original file, byte
 * for byte), `/static/chancery.css`.
 *
 * @example
 * const web = createWebApp({ store, search, authorities });
 * const response = await web.request('/documents/113644');
 */
export function createWebApp(deps: WebDependencies): Hono {
  const { store, search, authorities } = deps;
  const app = new Hono();

  // Registered first so that it runs after `pageHeaders` has set the page policy: a download gets a stricter one.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-disposition')?.startsWith('attachment')) {
      c.res.headers.set('content-security-policy', DOWNLOAD_POLICY);
    }
  });
  app.use('*', pageHeaders);
  app.use('*', ...requestLimits());
  const accounts = deps.accounts && deps.audit ? { accounts: deps.accounts, audit: deps.audit } : null;
  // Who is asking (a session cookie, an API token), before any route: a token that only reads is
  // refused a change wherever it is sent.
  if (accounts) app.use('*', identify(accounts));
  // Names are expanded as the archive last reconciled them, whichever process did it.
  app.use('*', async (_c, next) => {
    await syncAuthorities(deps);
    await next();
  });

  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

  app.get('/', async (c) => {
    const all = await runQuery(deps, EVERYTHING, { pageSize: 0 });
    const pageCount = Math.max(1, Math.ceil(all.total / PAGE_SIZE));
    const page = parsePageParam(c.req.query('page'));
    if (page > pageCount) return renderPage(c, <NotFoundPage />, 404);
    const [documents, recent, collections] = await Promise.all([
      store.listRecords({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      store.listRecords({ limit: RECENT_COUNT, order: 'added' }),
      store.listCollections(),
    ]);
    const collectionCounts = new Map(all.facets.collection.map((v) => [v.value, v.count]));
    return renderPage(
      c,
      <HomePage
        overview={summarizeArchive(all)}
        documents={documents}
        page={page}
        pageCount={pageCount}
        recent={recent}
        collections={collections.map((collection) => ({
          collection,
          count: collectionCounts.get(collection.id) ?? 0,
        }))}
      />,
    );
  });

  const api = createApi(deps);
  app.get('/api', (c) =>
    renderPage(c, <ApiDocsPage doc={openApiDocument(api, siteBaseUrl(c, deps.baseUrl))} />),
  );
  app.route('/api', api);
  app.route('/', createOaiRoutes({ ...deps, ...deps.oai, formats: [teiOaiFormat()] }));
  app.route('/', createExportRoutes(deps));
  app.route('/', createReadingRoomRoutes());
  app.route('/', createAuthorityRoutes(deps));
  app.route('/', createBrowseRoutes(deps));
  if (accounts) {
    app.route('/', createAccountRoutes(accounts));
    app.route('/', createAdminRoutes(accounts));
    app.route('/', createEditRoutes({ writer: deps.writer ?? store, store }));
    app.route('/', createPublicationRoutes({ writer: deps.writer ?? store }));
    app.route('/', createAuthorityEditRoutes({ writer: deps.writer ?? store, authorities }));
    if (deps.jobs && deps.uploadsDir) {
      app.route(
        '/',
        createUploadRoutes({ jobs: deps.jobs, audit: accounts.audit, uploadsDir: deps.uploadsDir }),
      );
    }
  }

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) return renderPage(c, <SearchPage q="" />);
    try {
      const result = await searchArchive({ q, page: parsePage(c.req.query('page')) }, deps);
      return renderPage(c, <SearchPage q={q} result={result} />);
    } catch (error) {
      return searchFailure(c, q, error);
    }
  });

  app.get('/search/facets/:facet', async (c) => {
    const facet = c.req.param('facet') as FacetName;
    const q = (c.req.query('q') ?? '').trim();
    if (!FACETS.includes(facet) || !q) return renderPage(c, <NotFoundPage />, 404);
    try {
      const result = await searchArchive({ q, page: 1, pageSize: 0, facetLimit: MAX_FACET_VALUES }, deps);
      return renderPage(c, <FacetValuesPage q={q} facet={facet} result={result} />);
    } catch (error) {
      return searchFailure(c, q, error);
    }
  });

  app.get('/documents/:id/source', async (c) => {
    const id = c.req.param('id');
    const record = readable(await recordForViewer(c, store, id));
    const source = record ? await store.getSource(record.source.sha256) : null;
    if (!record || !source) return renderPage(c, <NotFoundPage documentId={id} />, 404);
    return c.body(new Uint8Array(source.bytes), 200, {
      'content-type': sourceContentType(record.source),
      'content-disposition': contentDisposition(record.source.file),
    });
  });

  app.get('/documents/:id', async (c) => {
    const id = c.req.param('id');
    const access = await recordForViewer(c, store, id);
    if (access.kind !== 'none') return renderDocument(c, access);
    // `/documents/ID.json` and `ID.tei.xml` are matched here too: Hono's `:id` takes the dot with it.
    const teiId = id.endsWith('.tei.xml') ? id.slice(0, -'.tei.xml'.length) : null;
    const teiRecord = teiId ? readable(await recordForViewer(c, store, teiId)) : null;
    if (teiRecord) {
      return c.body(await recordTei(teiRecord, deps, siteBaseUrl(c, deps.baseUrl)), 200, {
        'content-type': 'application/tei+xml; charset=utf-8',
      });
    }
    const jsonId = id.endsWith('.json') ? id.slice(0, -'.json'.length) : null;
    const jsonRecord = jsonId ? readable(await recordForViewer(c, store, jsonId)) : null;
    if (jsonRecord) {
      const versions = await store.listVersions(jsonRecord.id);
      return sendCached(c, `${JSON.stringify(jsonRecord, null, 2)}\n`, versions.at(-1)?.savedAt ?? null);
    }
    return renderPage(c, <NotFoundPage documentId={teiId ?? jsonId ?? id} />, 404);
  });

  app.notFound((c) => (isApiPath(c.req.path) ? apiNotFound(c) : renderPage(c, <NotFoundPage />, 404)));

  app.onError((error, c) => {
    if (isApiPath(c.req.path)) return errorResponse(c, error);
    if (isChanceryError(error)) {
      const status = httpStatusFor(error.code);
      if (status === 400 || status === 413 || status === 414)
        return renderPage(c, <BadRequestPage message={error.message} />, status);
      if (status === 404) return renderPage(c, <NotFoundPage />, 404);
      if (status === 401 || status === 403 || status === 429) {
        setRetryAfter(c, error.code);
        return renderPage(c, <AccessPage title={ACCESS_TITLES[status]} message={error.message} />, status);
      }
      if (status === 503) {
        setRetryAfter(c, error.code);
        return renderPage(c, <BusyPage message={error.message} />, 503);
      }
    }
    console.error(`reading room: ${c.req.method} ${c.req.path}:`, error);
    return renderPage(c, <ServerErrorPage />, 500);
  });

  async function renderDocument(
    c: Context,
    access: Exclude<RecordAccess, { kind: 'none' }>,
  ): Promise<Response> {
    const { record } = access;
    if (access.kind === 'withdrawn') {
      const citation = await loadCitation(record, {
        store,
        authorities,
        baseUrl: siteBaseUrl(c, deps.baseUrl),
      });
      return renderPage(
        c,
        <WithdrawnPage record={record} publication={access.publication} citation={citation} />,
        410,
      );
    }
    // Editors see who sees the record, and set it, on its page: as the primary has it, which a
    // replica may not have yet (the page an editor is sent back to after setting it shows what was set).
    const publication = isEditor(c) ? await (deps.writer ?? store).getPublication(record.id) : null;
    const [versions, collections, placement, links, citation] = await Promise.all([
      store.listVersions(record.id),
      Promise.all(
        record.collections.map(async (membership) => ({
          membership,
          collection: await store.getCollection(membership.id),
        })),
      ),
      store.getRecordPlacement(record.id),
      loadDocumentLinks({ store, search, authorities, record }),
      loadCitation(record, { store, authorities, baseUrl: siteBaseUrl(c, deps.baseUrl) }),
    ]);
    return renderPage(
      c,
      <DocumentPage
        record={record}
        authorities={authorities}
        versions={versions}
        collections={collections}
        placement={placement}
        links={links}
        citation={citation}
        notice={
          publication ? (
            <PublicationPanel
              id={record.id}
              publication={publication}
              csrf={viewerOf(c)?.via === 'session' ? (viewerOf(c)?.csrf ?? null) : null}
            />
          ) : access.kind === 'restricted' ? (
            <RestrictedNotice />
          ) : undefined
        }
      />,
    );
  }

  return app;
}

const ACCESS_TITLES = { 401: 'Log in first', 403: 'Not allowed', 429: 'Too many attempts' } as const;

/** Under /api every answer is JSON, errors included. */
function isApiPath(path: string): boolean {
  return path === '/api' ? false : path.startsWith('/api/');
}

const FORMAT_MEDIA_TYPES: Record<RecordSource['format'], string> = {
  'archive-page-text': 'text/plain',
  'archive-page-markdown': 'text/markdown',
  'archive-page-pdf-text': 'text/plain',
  'archive-page-pdf': 'application/pdf',
  'tei-frus': 'application/tei+xml',
  'chancery-json': 'application/json',
  'tei-chancery': 'application/tei+xml',
};

/** The stored bytes are not re-encoded, so the charset is the one they were decoded from. */
function sourceContentType(source: RecordSource): string {
  const mediaType = FORMAT_MEDIA_TYPES[source.format] ?? 'application/octet-stream';
  // A PDF is bytes, not text: it has no charset.
  if (source.encoding === 'binary') return mediaType;
  return `${mediaType}; charset=${source.encoding ?? 'utf-8'}`;
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 name, so that quotes or Cyrillic in a name stay harmless. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/gu,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The search page with what went wrong: a query it cannot read (400, with how to fix it) or one
 * stopped past its time budget (503, with `Retry-After`). Anything else is a fault, for onError.
 */
function searchFailure(c: Context, q: string, error: unknown): Response | Promise<Response> {
  if (!isChanceryError(error)) throw error;
  const status = httpStatusFor(error.code);
  if (status !== 400 && status !== 503) throw error;
  setRetryAfter(c, error.code);
  return renderPage(c, <SearchPage q={q} error={error.message} />, status);
}
