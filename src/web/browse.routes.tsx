import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import {
  CITATION_FORMATS,
  type CitationFormat,
  loadCitation,
  writeCitations,
} from '../citation/citation.export.ts';
import { normalizeName } from '../names/name.normalize.ts';
import type { Authority } from '../record/record.types.ts';
import { archiveFacetValues, typeValue } from '../search/query/query.resolve.ts';
import type { QueryNode } from '../search/query/query.types.ts';
import type { SearchDependencies } from '../search/search.service.ts';
import {
  allOf,
  EVERYTHING,
  facetFilter,
  facetValuesOf,
  findAuthority,
  parsePageParam,
  runQuery,
} from './browse.queries.ts';
import { NotFoundPage } from './error.page.tsx';
import {
  ArchivePage,
  CollectionPage,
  CollectionsPage,
  compareFonds,
  type FondGroup,
  fondOf,
} from './holdings.page.tsx';
import { renderPage } from './page.render.ts';
import { recordForViewer } from './record.access.ts';
import { siteBaseUrl } from './site.url.ts';
import { CorrespondencePage, groupByDay, TimelinePage, timelineHref } from './timeline.page.tsx';

export interface BrowseDependencies extends SearchDependencies {
  baseUrl?: string;
}

/** Documents listed per page of an archive, a collection, a month or a thread. */
const LIST_SIZE = 50;

const STATIC_FILES: Record<string, { body: string; type: string }> = {
  '/static/permalink.js': {
    body: readFileSync(new URL('./static/permalink.js', import.meta.url), 'utf8'),
    type: 'text/javascript; charset=utf-8',
  },
  '/static/browse.css': {
    body: readFileSync(new URL('./browse.css', import.meta.url), 'utf8'),
    type: 'text/css; charset=utf-8',
  },
};

/**
 * Browsing the archive by who, where and when: people, places, archives, collections, the
 * timeline and the correspondence; citation downloads; the scripts and styles those pages load.
 *
 * @example app.route('/', createBrowseRoutes({ store, search, authorities }));
 */
export function createBrowseRoutes(deps: BrowseDependencies): Hono {
  const { store, search, authorities } = deps;
  const app = new Hono();

  for (const [path, file] of Object.entries(STATIC_FILES)) {
    app.get(path, (c) =>
      c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'public, max-age=3600' }),
    );
  }

  app.get('/archives/:name', async (c) => {
    const name = c.req.param('name');
    const page = parsePageParam(c.req.query('page'));
    const values = archiveFacetValues(name, authorities);
    const found = page
      ? await runQuery(deps, facetFilter('archive', ['archive'], values), { page, pageSize: LIST_SIZE })
      : null;
    if (!found || found.total === 0 || found.hits.length === 0) return renderPage(c, <NotFoundPage />, 404);
    const records = await Promise.all(found.hits.map((hit) => store.getRecord(hit.id)));
    const wanted = new Set(values);
    const groups = new Map<string, FondGroup>();
    for (const [index, record] of records.entries()) {
      const hit = found.hits[index];
      if (!record || !hit) continue;
      for (const location of record.archivalLocations) {
        if (!wanted.has(normalizeName(location.repository))) continue;
        const fond = fondOf(location);
        const group = groups.get(fond) ?? { fond, items: [] };
        group.items.push({ id: record.id, title: record.title, date: hit.date, location });
        groups.set(fond, group);
      }
    }
    const fonds = [...groups.values()].sort((a, b) => compareFonds(a.fond, b.fond));
    const fullName = authorities.find(name, 'organization')?.name ?? null;
    return renderPage(
      c,
      <ArchivePage
        name={name}
        fullName={fullName && fullName !== name ? fullName : null}
        total={found.total}
        fonds={fonds}
        page={page}
        pageCount={Math.ceil(found.total / LIST_SIZE)}
      />,
    );
  });

  app.get('/collections', async (c) => {
    const [collections, all] = await Promise.all([
      store.listCollections(),
      runQuery(deps, EVERYTHING, { pageSize: 0 }),
    ]);
    const counts = new Map(all.facets.collection.map((v) => [v.value, v.count]));
    return renderPage(
      c,
      <CollectionsPage
        collections={collections.map((collection) => ({ collection, count: counts.get(collection.id) ?? 0 }))}
      />,
    );
  });

  app.get('/collections/:id', async (c) => {
    const id = c.req.param('id');
    const page = parsePageParam(c.req.query('page'));
    const collection = await store.getCollection(id);
    if (!collection) return renderPage(c, <NotFoundPage />, 404);
    const counted = await runQuery(deps, facetFilter('collection', ['collection'], [id]), { pageSize: 0 });
    const pageCount = Math.max(1, Math.ceil(counted.total / LIST_SIZE));
    if (page > pageCount) return renderPage(c, <NotFoundPage />, 404);
    const documents = await store.listRecords({
      collectionId: id,
      limit: LIST_SIZE,
      offset: (page - 1) * LIST_SIZE,
    });
    return renderPage(
      c,
      <CollectionPage
        collection={collection}
        total={counted.total}
        documents={documents}
        page={page}
        pageCount={pageCount}
        pageSize={LIST_SIZE}
      />,
    );
  });

  app.get('/timeline', async (c) => {
    const year = /^\d{4}$/u.test(c.req.query('year') ?? '') ? (c.req.query('year') as string) : null;
    const month =
      year && /^(0[1-9]|1[0-2])$/u.test(c.req.query('month') ?? '') ? (c.req.query('month') as string) : null;
    const type = c.req.query('type')?.trim() || null;
    const person = c.req.query('person')?.trim() || null;
    const page = parsePageParam(c.req.query('page'));
    const filters = { year, month, type, person };
    // An authority id (a person page's link) or any name form, as `person:` in search reads it.
    const who = person
      ? (personAuthority(await findAuthority(person, deps)) ??
        authorities.find(person, 'person') ??
        authorities.findByRomanization(person, 'person'))
      : undefined;
    const base = allOf(
      type ? facetFilter('type', ['type'], [typeValue(type)]) : null,
      person
        ? facetFilter(
            'person',
            ['author', 'recipient', 'person'],
            facetValuesOf(person.startsWith('n:') ? person : `n:${normalizeName(person)}`, who),
          )
        : null,
    );
    const within = (from: string, to: string): QueryNode => allOf(base, { kind: 'date', from, to });
    const everything = await runQuery(deps, base, { pageSize: 0 });
    const common = {
      filters,
      types: everything.facets.type,
      personUnknown: Boolean(person && !who && !person.startsWith('n:')),
      page,
    };
    if (!year) {
      const bars = [...everything.facets.year]
        .sort((a, b) => (a.value < b.value ? -1 : 1))
        .map((v) => ({ label: v.value, count: v.count, href: timelineHref({ ...filters, year: v.value }) }));
      return renderPage(
        c,
        <TimelinePage {...common} bars={bars} days={[]} total={everything.total} pageCount={1} />,
      );
    }
    if (!month) {
      const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
      const counts = await Promise.all(
        months.map((m) => runQuery(deps, within(`${year}-${m}-01`, `${year}-${m}-31`), { pageSize: 0 })),
      );
      const total = await runQuery(deps, within(`${year}-01-01`, `${year}-12-31`), { pageSize: 0 });
      const bars = months.map((m, i) => ({
        label: MONTH_ABBREVIATIONS[i] ?? m,
        count: counts[i]?.total ?? 0,
        href: timelineHref({ ...filters, month: m }),
      }));
      return renderPage(
        c,
        <TimelinePage {...common} bars={bars} days={[]} total={total.total} pageCount={1} />,
      );
    }
    const found = await runQuery(deps, within(`${year}-${month}-01`, `${year}-${month}-31`), {
      page,
      pageSize: LIST_SIZE,
    });
    const summaries = await store.getRecordSummaries(found.hits.map((h) => h.id));
    return renderPage(
      c,
      <TimelinePage
        {...common}
        bars={[]}
        days={groupByDay(summaries)}
        total={found.total}
        pageCount={Math.max(1, Math.ceil(found.total / LIST_SIZE))}
      />,
    );
  });

  app.get('/correspondence', async (c) => {
    const a = c.req.query('a');
    const b = c.req.query('b');
    if (!a || !b) {
      return renderPage(
        c,
        <CorrespondencePage pairs={await search.listCorrespondence({ limit: 300 })} thread={null} />,
      );
    }
    const records = await search.findCorrespondence({ a, b });
    if (records.length === 0) return renderPage(c, <NotFoundPage />, 404);
    const [authorityA, authorityB] = await Promise.all([findAuthority(a, deps), findAuthority(b, deps)]);
    const thread = {
      a: { id: a, name: authorityA?.name ?? writtenName(a) },
      b: { id: b, name: authorityB?.name ?? writtenName(b) },
      records,
    };
    return renderPage(c, <CorrespondencePage pairs={[]} thread={thread} />);
  });

  for (const format of Object.keys(CITATION_FORMATS) as CitationFormat[]) {
    app.get(`/documents/:id/cite.${format}`, async (c) => {
      // A withdrawn record is still cited: works that cite it must keep leading to it.
      const access = await recordForViewer(c, store, c.req.param('id'));
      if (access.kind === 'none') return renderPage(c, <NotFoundPage documentId={c.req.param('id')} />, 404);
      const { record } = access;
      const citation = await loadCitation(record, { ...deps, baseUrl: siteBaseUrl(c, deps.baseUrl) });
      const fileName = `${record.id.replace(/[^\w.-]+/gu, '_')}.${format}`;
      return c.body(writeCitations([citation], format), 200, {
        'content-type': `${CITATION_FORMATS[format]}; charset=utf-8`,
        'content-disposition': `attachment; filename="${fileName}"`,
      });
    });
  }

  return app;
}

function personAuthority(authority: Authority | undefined): Authority | undefined {
  return authority?.kind === 'person' ? authority : undefined;
}

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A key no authority stands for is the name as written: `n:embassy in korea`. */
function writtenName(key: string): string {
  return key.startsWith('n:') ? key.slice(2) : key;
}
