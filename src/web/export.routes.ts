import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { loadCitation, writeCitations } from '../citation/citation.export.ts';
import { ChanceryError } from '../errors.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import { searchArchive } from '../search/search.service.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import { writeTeiCorpus, writeTeiDocument } from '../tei/tei.export.ts';
import { escapeXml } from '../xml/xml.escape.ts';
import { documentHref } from './browse.queries.ts';
import { siteBaseUrl } from './site.url.ts';

export interface ExportDependencies {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  baseUrl?: string;
  /** Documents per sitemap; above it `/sitemap.xml` is an index of several (the protocol allows 50,000). */
  sitemapSize?: number;
}

/** The most search hits one export holds: a search is a selection, not the archive (that is /export/). */
export const SEARCH_EXPORT_LIMIT = 1000;

/**
 * Bulk exports and discovery: every record as JSON Lines (`/export/records.jsonl`) and as a TEI
 * corpus (`/export/records.tei.xml`), streamed; one record as TEI (`/documents/:id.tei.xml`, routed
 * by the web app); sitemaps (`/sitemap.xml`, an index over `/sitemaps/documents-N.xml` when the
 * archive is large; `/robots.txt` names it); a search's hits as CSV, RIS or BibTeX
 * (`/search.csv?q=…`, `/search.ris?q=…`, `/search.bib?q=…`).
 *
 * @example app.route('/', createExportRoutes({ store, authorities }));
 */
export function createExportRoutes(deps: ExportDependencies): Hono {
  const { store } = deps;
  const app = new Hono();
  const sitemapSize = deps.sitemapSize ?? 50_000;

  app.get('/export/records.jsonl', (c) => {
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="records.jsonl"');
    return stream(c, async (out) => {
      for await (const record of store.streamRecords()) await out.write(`${JSON.stringify(record)}\n`);
    });
  });

  app.get('/export/records.tei.xml', (c) => {
    const baseUrl = siteBaseUrl(c, deps.baseUrl);
    c.header('content-type', 'application/tei+xml; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="records.tei.xml"');
    return stream(c, async (out) => {
      for await (const chunk of writeTeiCorpus(withCitations(store.streamRecords(), deps, baseUrl), {
        baseUrl,
      })) {
        await out.write(chunk);
      }
    });
  });

  app.get('/robots.txt', (c) =>
    c.text(`User-agent: *\nAllow: /\nSitemap: ${siteBaseUrl(c, deps.baseUrl)}/sitemap.xml\n`),
  );

  app.get('/sitemap.xml', async (c) => {
    const baseUrl = siteBaseUrl(c, deps.baseUrl);
    const total = await store.countRecords();
    if (total <= sitemapSize) return xml(c, urlSet(await sitemapEntries(store, 1, sitemapSize), baseUrl));
    const count = Math.ceil(total / sitemapSize);
    const maps = Array.from(
      { length: count },
      (_, i) => `<sitemap><loc>${escapeXml(`${baseUrl}/sitemaps/documents-${i + 1}.xml`)}</loc></sitemap>`,
    );
    return xml(
      c,
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${maps.join('')}</sitemapindex>`,
    );
  });

  app.get('/sitemaps/:file', async (c) => {
    const match = /^documents-([1-9]\d{0,5})\.xml$/u.exec(c.req.param('file'));
    const page = match ? Number(match[1]) : 0;
    const total = await store.countRecords();
    if (!match || (page - 1) * sitemapSize >= total) return c.notFound();
    return xml(c, urlSet(await sitemapEntries(store, page, sitemapSize), siteBaseUrl(c, deps.baseUrl)));
  });

  for (const format of ['csv', 'ris', 'bib'] as const) {
    app.get(`/search.${format}`, async (c) => {
      const q = (c.req.query('q') ?? '').trim();
      if (!q)
        throw new ChanceryError('request.missing_parameter', `Give a query: /search.${format}?q=Stalin.`, {
          field: 'q',
        });
      const ids: string[] = [];
      for (let page = 1; ids.length < SEARCH_EXPORT_LIMIT; page++) {
        const found = await searchArchive({ q, page, pageSize: 100 }, deps);
        ids.push(...found.hits.map((h) => h.id));
        if (found.hits.length < 100 || ids.length >= found.total) break;
      }
      const records = (
        await Promise.all(ids.slice(0, SEARCH_EXPORT_LIMIT).map((id) => store.getRecord(id)))
      ).filter((r): r is ChanceryRecord => r !== null);
      const baseUrl = siteBaseUrl(c, deps.baseUrl);
      const disposition = `attachment; filename="search.${format}"`;
      if (format === 'csv') {
        return c.body(searchCsv(records, baseUrl), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': disposition,
        });
      }
      const citations = await Promise.all(records.map((r) => loadCitation(r, { ...deps, baseUrl })));
      const type = format === 'ris' ? 'application/x-research-info-systems' : 'application/x-bibtex';
      return c.body(writeCitations(citations, format), 200, {
        'content-type': `${type}; charset=utf-8`,
        'content-disposition': disposition,
      });
    });
  }

  return app;
}

/** One record as a TEI document, with this archive's address for its links. */
export async function recordTei(
  record: ChanceryRecord,
  deps: ExportDependencies,
  baseUrl: string,
): Promise<string> {
  return writeTeiDocument(record, await loadCitation(record, { ...deps, baseUrl }), baseUrl);
}

async function* withCitations(
  records: AsyncIterable<ChanceryRecord>,
  deps: ExportDependencies,
  baseUrl: string,
) {
  for await (const record of records)
    yield { record, citation: await loadCitation(record, { ...deps, baseUrl }) };
}

/** The documents of sitemap `page`, with the time of their last change, in the order of changes. */
async function sitemapEntries(
  store: Store,
  page: number,
  size: number,
): Promise<{ id: string; lastmod: string }[]> {
  const entries: { id: string; lastmod: string }[] = [];
  let after: { changedAt: string; id: string } | undefined;
  let skip = (page - 1) * size;
  for (;;) {
    const { changes } = await store.listChanges({ limit: 1000, ...(after ? { after } : {}) });
    if (changes.length === 0) return entries;
    for (const change of changes) {
      if (change.deleted) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      entries.push({ id: change.id, lastmod: change.changedAt });
      if (entries.length >= size) return entries;
    }
    const last = changes.at(-1) as { changedAt: string; id: string };
    after = { changedAt: last.changedAt, id: last.id };
  }
}

function urlSet(entries: { id: string; lastmod: string }[], baseUrl: string): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(`${baseUrl}${documentHref(e.id)}`)}</loc><lastmod>${e.lastmod.slice(0, 19)}Z</lastmod></url>`,
  );
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`;
}

function xml(
  c: { body: (data: string, status: 200, headers: Record<string, string>) => Response },
  body: string,
): Response {
  return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, 200, {
    'content-type': 'application/xml; charset=utf-8',
  });
}

/**
 * Search hits as CSV (RFC 4180): a cell that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a return) is written with a leading apostrophe, and every cell is quoted.
 */
export function searchCsv(records: ChanceryRecord[], baseUrl: string): string {
  const header = ['id', 'title', 'date', 'type', 'authors', 'recipients', 'archival_locations', 'url'];
  const rows = records.map((r) => [
    r.id,
    r.title,
    r.date.display,
    r.type,
    r.authors.map((a) => a.name).join('; '),
    r.recipients.map((a) => a.name).join('; '),
    r.archivalLocations.map((l) => l.raw).join('; '),
    `${baseUrl}${documentHref(r.id)}`,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/gu, '""')}"`;
}
