import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type App, openApp } from '../src/app.ts';
import { publishRecord } from '../src/editing/record.publish.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { bothBackends } from './support/backends.ts';
import {
  allFigures,
  collectionCounts,
  collectionRecordCounts,
  correspondenceCounts,
  type Figures,
  linkedCounts,
  totalCount,
} from './support/page.figures.ts';
import { FRUS_CURRENT_DIR, PAGES_DIR, SEEDS_DIR } from './support/shared-paths.ts';

/**
 * What is not published is invisible on every public surface (issue 15, item 5). Over the seeds
 * and the archive pages, every surface is read once with everything published and once after an
 * editor made one record a draft, one embargoed and one withdrawn: each surface must have shown
 * or counted one of them before (else the check would prove nothing), and show none after and
 * count each figure down by the hidden records it counted, but for
 * what a withdrawn record keeps (its notice, its citation) and a deleted header for harvesters.
 */
const { backends } = bothBackends('publication');
const EDITOR = { name: 'cli:test', address: 'cli' };

interface Hidden {
  draft: ChanceryRecord;
  embargoed: ChanceryRecord;
  withdrawn: ChanceryRecord;
}

/** Every public surface that lists documents, by its address: each must have shown a hidden one before. */
function listingSurfaces(people: string[], places: string[], archives: string[], collections: string[]) {
  return [
    '/',
    '/?page=1',
    '/search?q=Mao',
    '/search?q=Stalin',
    '/api/search?q=Mao',
    '/api/records?limit=100',
    ...people.map((id) => `/people/${encodeURIComponent(id)}`),
    ...places.map((id) => `/places/${encodeURIComponent(id)}`),
    ...archives.map((name) => `/archives/${encodeURIComponent(name)}`),
    ...collections.map((id) => `/collections/${encodeURIComponent(id)}`),
    '/oai?verb=ListIdentifiers&metadataPrefix=oai_dc',
    '/oai?verb=ListRecords&metadataPrefix=oai_dc',
    '/oai?verb=ListRecords&metadataPrefix=tei',
    '/sitemap.xml',
    '/export/records.jsonl',
    '/export/records.tei.xml',
    '/search.csv?q=Mao',
    '/search.ris?q=Mao',
    '/search.bib?q=Mao',
    // The thread between the draft's and the embargoed record's correspondents.
    '/correspondence?a=stalin&b=mao-zedong',
  ];
}

/**
 * A page that counts documents: how to read its figures, and how many of the hidden records each
 * figure counted (a figure that none of them is counted in counts none).
 */
interface CountingPage {
  path: string;
  figures: (body: string) => Figures;
  hiddenIn: Map<string, number>;
  /**
   * `exact`: each figure drops by the hidden records it counted. `at most`: by no more than that,
   * where the page counts only the records that match a query (which of the hidden ones match is
   * the search's to say, not this test's).
   */
  drop: 'exact' | 'at most';
}

/** Every public surface that only counts documents, with what the hidden records count on it. */
function countingSurfaces(hidden: ChanceryRecord[]): CountingPage[] {
  const tally = (keysOf: (r: ChanceryRecord) => (string | null | undefined)[]) => {
    const counted = new Map<string, number>();
    for (const r of hidden) {
      for (const key of new Set(keysOf(r))) if (key) counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    return counted;
  };
  const agents = (r: ChanceryRecord) => [
    ...r.authors,
    ...r.recipients,
    ...(r.participants ?? []),
    ...r.intermediaries,
  ];
  // An index counts a record for every person, body and place it names, by authority id (were two
  // of the ids one reconciled authority here, its figure would drop by both and this would say so).
  const namedIn = (path: string) =>
    tally((r) =>
      [...agents(r).flatMap((a) => [a.personId, a.officeId]), ...r.mentions.map((m) => m.authorityId)].map(
        (id) => id && `${path}/${encodeURIComponent(id)}`,
      ),
    );
  // A correspondent is the person, else the office (as the index keys an author or recipient).
  const correspondent = (a: ChanceryRecord['authors'][number]) => a.personId ?? a.officeId;
  const collections = [...tally((r) => r.collections.map((m) => m.id)).keys()];
  return [
    {
      path: '/timeline',
      figures: allFigures(totalCount, (body) => linkedCounts(body, 'href')),
      hiddenIn: tally((r) => ['all', r.date.min && `/timeline?year=${r.date.min.slice(0, 4)}`]),
      drop: 'exact',
    },
    {
      path: '/people',
      figures: (body) => linkedCounts(body, 'href'),
      hiddenIn: namedIn('/people'),
      drop: 'exact',
    },
    {
      path: '/places',
      figures: (body) => linkedCounts(body, 'href'),
      hiddenIn: namedIn('/places'),
      drop: 'exact',
    },
    {
      path: '/organizations',
      figures: (body) => linkedCounts(body, 'href'),
      hiddenIn: namedIn('/organizations'),
      drop: 'exact',
    },
    {
      path: '/collections',
      figures: collectionCounts,
      hiddenIn: tally((r) => r.collections.map((m) => `/collections/${encodeURIComponent(m.id)}`)),
      drop: 'exact',
    },
    {
      path: '/correspondence',
      figures: correspondenceCounts,
      hiddenIn: tally((r) =>
        r.authors.flatMap((a) => r.recipients.map((b) => `${correspondent(a)} → ${correspondent(b)}`)),
      ),
      drop: 'exact',
    },
    {
      // The people a search's documents name, by name: counted only where a hidden record matches.
      path: '/search/facets/person?q=Mao',
      figures: (body) => linkedCounts(body, 'text'),
      hiddenIn: tally((r) => [
        ...r.mentions.filter((m) => m.kind === 'person').map((m) => m.name),
        ...[...(r.participants ?? []), ...r.intermediaries].map((a) => a.name),
      ]),
      drop: 'at most',
    },
    {
      path: '/api/collections',
      figures: collectionRecordCounts,
      hiddenIn: tally((r) => r.collections.map((m) => m.id)),
      drop: 'exact',
    },
    ...collections.map(
      (id): CountingPage => ({
        path: `/api/collections/${encodeURIComponent(id)}`,
        figures: collectionRecordCounts,
        hiddenIn: tally((r) => r.collections.filter((m) => m.id === id).map((m) => m.id)),
        drop: 'exact',
      }),
    ),
  ];
}

async function read(
  web: ReturnType<typeof createWebApp>,
  path: string,
): Promise<{ status: number; body: string }> {
  const response = await web.request(path);
  return { status: response.status, body: await response.text() };
}

/** How many documents a surface counts, where it says so: totals of the API and of facets. */
function counts(body: string): number[] {
  try {
    const json = JSON.parse(body) as {
      total?: number;
      facets?: Record<string, { count: number }[]>;
      items?: { records?: number }[];
      records?: number;
    };
    return [
      json.total ?? 0,
      ...Object.values(json.facets ?? {}).flatMap((values) => values.map((v) => v.count)),
      ...(json.items ?? []).map((item) => item.records ?? 0),
      json.records ?? 0,
    ];
  } catch {
    return [];
  }
}

for (const [backend, dbFor] of backends) {
  describe(`what readers may not see is on no public surface, on ${backend}`, () => {
    let app: App;
    let web: ReturnType<typeof createWebApp>;
    let hidden: Hidden;
    const before_ = new Map<string, { status: number; body: string }>();
    const after_ = new Map<string, { status: number; body: string }>();
    let paths: string[] = [];
    let counting: CountingPage[] = [];
    const everyPath = () => [...paths, ...counting.map((page) => page.path)];

    before(async () => {
      app = await openApp({ db: dbFor('surfaces') });
      const pages = readdirSync(PAGES_DIR)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `${PAGES_DIR}${f}`);
      const report = await ingestPaths({
        paths: [SEEDS_DIR, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`, ...pages],
        ...app,
      });
      assert.equal(report.failed, 0);
      const records: ChanceryRecord[] = [];
      for await (const r of app.store.streamRecords()) records.push(r);
      const byTitle = (start: string) => records.find((r) => r.title.startsWith(start)) as ChanceryRecord;
      // A draft and an embargoed record that write to each other, and a withdrawn FRUS document
      // from a person to an office (so that people, organizations and a collection count it).
      const draft = byTitle('Cable No. 21756');
      const embargoed = byTitle('Hand-delivered letter');
      hidden = {
        draft,
        embargoed,
        withdrawn: records.find(
          (r) =>
            r.collections.length > 0 &&
            r.authors.some((a) => a.personId) &&
            r.recipients.some((a) => a.officeId && !a.personId),
        ) as ChanceryRecord,
      };
      assert.ok(hidden.draft && hidden.embargoed && hidden.withdrawn);
      const three = [hidden.draft, hidden.embargoed, hidden.withdrawn];
      const ids = (f: (r: ChanceryRecord) => (string | null | undefined)[]) => [
        ...new Set(three.flatMap(f).filter((x): x is string => Boolean(x))),
      ];
      paths = listingSurfaces(
        ids((r) => [...r.authors, ...r.recipients].map((a) => a.personId)),
        ids((r) => r.mentions.filter((m) => m.kind === 'place').map((m) => m.authorityId)),
        ids((r) => r.archivalLocations.map((l) => l.repository)),
        ids((r) => r.collections.map((m) => m.id)),
      );
      counting = countingSurfaces(three);
      web = createWebApp(app);
      for (const path of everyPath()) before_.set(path, await read(web, path));
      await publishRecord(app, { id: hidden.draft.id, state: 'draft' }, EDITOR);
      await publishRecord(app, { id: hidden.embargoed.id, state: 'embargoed', until: '2999-01-01' }, EDITOR);
      await publishRecord(
        app,
        { id: hidden.withdrawn.id, state: 'withdrawn', reason: 'Rights <b>not</b> cleared' },
        EDITOR,
      );
      for (const path of everyPath()) after_.set(path, await read(web, path));
    });
    after(() => app?.close());

    test('each list, search, page and export that showed a hidden record shows none of them after', () => {
      const all = [hidden.draft, hidden.embargoed, hidden.withdrawn];
      for (const path of paths) {
        const was = before_.get(path)?.body ?? '';
        const now = after_.get(path)?.body ?? '';
        assert.equal(after_.get(path)?.status, before_.get(path)?.status, `${path} answers as before`);
        assert.ok(
          all.some((r) => was.includes(r.id)),
          `${path} showed a hidden record before`,
        );
        for (const r of all) {
          // Harvesters are told that a hidden record is gone: its id in a deleted header, nothing else.
          const left = path.startsWith('/oai') ? withoutDeletedHeaders(now) : now;
          assert.ok(
            !left.includes(r.id),
            `${path} shows ${r.id} (${r.title.slice(0, 40)}) after it was hidden`,
          );
          assert.ok(!left.includes(r.title), `${path} shows the title of ${r.id}`);
        }
      }
    });

    test('the pages that count documents count each hidden record off where it counted, and name none of them', () => {
      for (const page of counting) {
        const was = before_.get(page.path);
        const now = after_.get(page.path);
        assert.equal(was?.status, 200, page.path);
        assert.equal(now?.status, 200, page.path);
        const before = page.figures(was?.body ?? '');
        const after = page.figures(now?.body ?? '');
        assert.ok(
          [...page.hiddenIn.keys()].some((key) => before.has(key)),
          `${page.path} counted a hidden record before`,
        );
        for (const key of after.keys()) assert.ok(before.has(key), `${page.path} counts ${key}, new after`);
        let dropped = 0;
        for (const [key, count] of before) {
          // A figure that counts nothing any more may be left off the page.
          const drop = count - (after.get(key) ?? 0);
          const hiddenIn = page.hiddenIn.get(key) ?? 0;
          const said = `${page.path}: ${key} counted ${count}, then ${count - drop}, and ${hiddenIn} of the hidden records there`;
          if (page.drop === 'exact') assert.equal(drop, hiddenIn, said);
          else assert.ok(drop >= 0 && drop <= hiddenIn, said);
          dropped += drop;
        }
        assert.ok(dropped > 0, `${page.path} counts as before`);
        for (const r of [hidden.draft, hidden.embargoed, hidden.withdrawn]) {
          assert.ok(!now?.body.includes(r.id), `${page.path} shows ${r.id}`);
          assert.ok(!now?.body.includes(r.title), `${page.path} shows the title of ${r.id}`);
        }
      }
    });

    test('totals and facet counts drop by the hidden records', () => {
      for (const path of everyPath().filter((p) => p.startsWith('/api/'))) {
        const was = counts(before_.get(path)?.body ?? '');
        const now = counts(after_.get(path)?.body ?? '');
        if (was.length === 0) continue;
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        assert.ok(sum(now) < sum(was), `${path} counts ${sum(now)}, as before (${sum(was)})`);
      }
      const total = (path: string, map: Map<string, { body: string }>) =>
        (JSON.parse(map.get(path)?.body ?? '{}') as { total: number }).total;
      assert.equal(total('/api/records?limit=100', after_), total('/api/records?limit=100', before_) - 3);
    });

    test('OAI-PMH gives each hidden record as deleted: its id, time and sets, never its metadata', async () => {
      const list = after_.get('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc')?.body ?? '';
      const records = after_.get('/oai?verb=ListRecords&metadataPrefix=oai_dc')?.body ?? '';
      for (const r of [hidden.draft, hidden.embargoed, hidden.withdrawn]) {
        assert.match(list, new RegExp(`<header status="deleted"><identifier>[^<]*${r.id}<`));
        assert.ok(!withoutDeletedHeaders(records).includes(r.id), 'no metadata');
      }
      const identifier = /<identifier>([^<]+)<\/identifier>/.exec(list)?.[1] ?? '';
      const prefix = identifier.slice(0, identifier.lastIndexOf(':') + 1);
      const draft = await read(
        web,
        `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${prefix}${hidden.draft.id}`,
      );
      assert.match(draft.body, /<header status="deleted">/);
      assert.ok(!draft.body.includes('<metadata>'));
      const withdrawn = await read(
        web,
        `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=${prefix}${hidden.withdrawn.id}`,
      );
      assert.match(withdrawn.body, /<header status="deleted">/);
    });

    test("a hidden record's own addresses answer 404, a withdrawn one's 410 with why, and its citation stays", async () => {
      for (const r of [hidden.draft, hidden.embargoed]) {
        for (const suffix of [
          '',
          '.json',
          '.tei.xml',
          '/source',
          '/cite.ris',
          '/history',
          '/compare?a=1&b=1',
        ]) {
          const { status, body } = await read(web, `/documents/${r.id}${suffix}`);
          assert.equal(status, 404, `/documents/${r.id}${suffix}`);
          assert.ok(!body.includes(r.title));
        }
        for (const api of ['', '/versions', '/versions/1'])
          assert.equal((await read(web, `/api/records/${r.id}${api}`)).status, 404);
      }
      const w = hidden.withdrawn;
      const page = await read(web, `/documents/${w.id}`);
      assert.equal(page.status, 410);
      assert.ok(page.body.includes('Rights &lt;b&gt;not&lt;/b&gt; cleared'), 'the reason, as text');
      assert.ok(page.body.includes('Chicago, note'), 'the citation is on the page');
      const firstBlock = w.texts[0]?.blocks.find((b) => b.text.length > 40)?.text.slice(0, 40) ?? '';
      assert.ok(firstBlock && !page.body.includes(firstBlock), 'no text of the document');
      assert.equal((await read(web, `/documents/${w.id}/cite.ris`)).status, 200);
      for (const suffix of ['.json', '.tei.xml', '/source', '/history'])
        assert.equal((await read(web, `/documents/${w.id}${suffix}`)).status, 404, suffix);
      const api = await read(web, `/api/records/${w.id}`);
      assert.equal(api.status, 410);
      assert.match(api.body, /record\.withdrawn/);
    });

    test('no published page links to a hidden record: neighbours, relations, threads', async () => {
      const hiddenIds = [hidden.draft.id, hidden.embargoed.id, hidden.withdrawn.id];
      for await (const r of app.store.streamRecords()) {
        const { body } = await read(web, `/documents/${r.id}`);
        for (const id of hiddenIds)
          assert.ok(
            !body.includes(`/documents/${encodeURIComponent(id)}"`) &&
              !body.includes(`/documents/${encodeURIComponent(id)}#`),
            `${r.id} links to ${id}`,
          );
      }
    });
  });
}

/** The markup with every deleted header of OAI-PMH taken out. */
function withoutDeletedHeaders(xml: string): string {
  return xml.replace(/<header status="deleted">.*?<\/header>/gs, '');
}
