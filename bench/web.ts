/**
 * Server time of the reading room's pages on the sample archive plus the FRUS volumes, and
 * requests per second of the document page under 50 concurrent connections.
 *
 *   npx tsx bench/web.ts
 *   BENCH_ROUNDS=400 BENCH_SECONDS=10 npx tsx bench/web.ts
 *
 * Server time is measured in-process with `app.request()` (routing, store, rendering, no socket),
 * the HTML read to its end; each page type is requested BENCH_ROUNDS times, cycling through its
 * URLs, after a warm-up round. Throughput is measured with autocannon against a real server on
 * 127.0.0.1 that this script starts. The store is a SQLite file in a temporary directory, as
 * `chancery serve` would open it. Prints p50/p95 per page type, the largest HTML per type, and
 * checks the two targets: p95 < 30 ms for a document page, no document page of ordinary length
 * over 150 KB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openApp, SAMPLE_DIR } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { EVERYTHING, runQuery } from '../src/web/browse.queries.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { listenWeb, portOf } from '../src/web/web.listen.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CORPUS = [
  SAMPLE_DIR,
  `${SHARED}corpus/frus/`,
  `${SHARED}corpus/frus-current/frus1955-57v23p2-excerpt.xml`,
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DOCUMENT_P95_MS = 30;
const MAX_HTML_BYTES = 150 * 1024;
/** A document "of ordinary length": its texts together under this many characters (a long FRUS memorandum is more). */
const ORDINARY_TEXT_CHARS = 40_000;

const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-web-'));
try {
  const app = await openApp({ db: join(dir, 'bench.db'), searchThreads: 2 });
  const report = await ingestPaths({
    paths: CORPUS,
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  console.log(`corpus: ${await app.store.countRecords()} records (${report.failed} files failed)`);
  for (const authority of await app.store.listAuthorities()) app.authorities.add(authority);
  const web = createWebApp(app);

  const summaries = await app.store.listRecords();
  const textChars = new Map<string, number>();
  for await (const record of app.store.streamRecords()) {
    textChars.set(
      record.id,
      record.texts.reduce((sum, t) => sum + t.blocks.reduce((s, b) => s + b.text.length, 0), 0),
    );
  }
  const everything = await runQuery(app, EVERYTHING, { pageSize: 0 });
  const people = everything.facets.person.slice(0, 20).map((v) => `/people/${encodeURIComponent(v.value)}`);
  const places = everything.facets.place.slice(0, 20).map((v) => `/places/${encodeURIComponent(v.value)}`);
  const archives = everything.facets.archive.map((v) => `/archives/${encodeURIComponent(v.label)}`);
  const collections = (await app.store.listCollections()).flatMap((c) => [
    `/collections/${encodeURIComponent(c.id)}`,
    `/collections/${encodeURIComponent(c.id)}?page=2`,
  ]);
  const pairs = (await app.search.listCorrespondence({ limit: 20 })).map(
    (p) => `/correspondence?a=${encodeURIComponent(p.author.key)}&b=${encodeURIComponent(p.recipient.key)}`,
  );
  const years = everything.facets.year.map((v) => v.value);
  const pageTypes: [string, string[]][] = [
    ['home', ['/']],
    [
      'search',
      [
        '/search?q=Stalin',
        '/search?q=armistice',
        '/search?q=Kaesong%20type%3Acable',
        '/search?q=person%3ARhee',
      ],
    ],
    ['document', summaries.map((s) => `/documents/${encodeURIComponent(s.id)}`)],
    ['cite.ris', summaries.slice(0, 50).map((s) => `/documents/${encodeURIComponent(s.id)}/cite.ris`)],
    ['person', ['/people/stalin', '/people/mao-zedong', ...people]],
    ['place', ['/places/kaesong', ...places]],
    ['archive', archives],
    ['collection', collections],
    [
      'timeline',
      ['/timeline', ...years.flatMap((y) => [`/timeline?year=${y}`, `/timeline?year=${y}&month=07`])],
    ],
    ['correspondence', ['/correspondence', ...pairs]],
  ];

  console.log(`\nserver time, in-process, ${ROUNDS} requests per page type`);
  console.log('page type        p50 ms   p95 ms   max ms   largest HTML');
  let documentP95 = 0;
  const oversized: string[] = [];
  for (const [name, paths] of pageTypes) {
    if (paths.length === 0) continue;
    for (const path of paths.slice(0, 20)) await (await web.request(path)).text(); // warm-up
    const times: number[] = [];
    let largest = 0;
    const rounds = Math.max(ROUNDS, name === 'document' ? paths.length : 0);
    for (let i = 0; i < rounds; i++) {
      const path = paths[i % paths.length] as string;
      const start = performance.now();
      const response = await web.request(path);
      const body = await response.text();
      times.push(performance.now() - start);
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
      const bytes = Buffer.byteLength(body);
      largest = Math.max(largest, bytes);
      if (name === 'document' && bytes > MAX_HTML_BYTES) {
        const id = decodeURIComponent(path.slice('/documents/'.length));
        const chars = textChars.get(id) ?? 0;
        const entry = `${id} (${Math.round(bytes / 1024)} KB HTML, ${chars} characters of text)`;
        if (chars <= ORDINARY_TEXT_CHARS && !oversized.includes(entry)) oversized.push(entry);
      }
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    if (name === 'document') documentP95 = p95;
    console.log(
      `${name.padEnd(16)} ${p50.toFixed(2).padStart(6)}   ${p95.toFixed(2).padStart(6)}   ${(times.at(-1) ?? 0).toFixed(2).padStart(6)}   ${(largest / 1024).toFixed(1)} KB`,
    );
  }

  const server = await listenWeb(web, { port: 0, hostname: '127.0.0.1' });
  const port = portOf(server);
  const cable = summaries.find((s) => s.title.startsWith('Cable No. 21756')) ?? summaries[0];
  const url = `http://127.0.0.1:${port}/documents/${encodeURIComponent(cable?.id ?? '')}`;
  const result = await autocannon({ url, connections: 50, duration: SECONDS });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  console.log(
    `\ndocument page over HTTP, 50 connections, ${SECONDS} s (autocannon): ${url.replace(/:\d+/, ':PORT')}`,
  );
  console.log(
    `  ${result.requests.average.toFixed(0)} requests/s on average, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );

  console.log('\nchecks');
  console.log(
    `  document page p95 ${documentP95.toFixed(2)} ms < ${DOCUMENT_P95_MS} ms: ${documentP95 < DOCUMENT_P95_MS ? 'ok' : 'FAILED'}`,
  );
  console.log(
    `  document pages of ordinary length (≤ ${ORDINARY_TEXT_CHARS} characters of text) over 150 KB: ${oversized.length === 0 ? 'none, ok' : `FAILED: ${oversized.join('; ')}`}`,
  );
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
