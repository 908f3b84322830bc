/**
 * The reading room under load: 200 connections held open for a minute on a mix of document,
 * search, person, timeline and API requests, and beside them a new client every 200 ms whose
 * first request is timed (is a newcomer served while the open connections keep the server busy?).
 * The newcomers' target is for connections held open: those of the first 5 s, while the 200
 * arrive at once on cold caches, are printed apart.
 *
 *   npx tsx bench/load.ts                         # the 45 FRUS volumes, the two of the tests, the seeds
 *   BENCH_DB=archive.db npx tsx bench/load.ts     # an archive already ingested (kept)
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=100 npx tsx bench/load.ts
 *   BENCH_WORKERS=1 npx tsx bench/load.ts         # web processes (default 2, one per core)
 *   BENCH_INGEST=1 npx tsx bench/load.ts          # with an ingest writing to the archive meanwhile
 *   BENCH_INGEST=1 BENCH_INGEST_NICE=0 npx tsx bench/load.ts  # that ingest at normal priority (default nice 10)
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" npx tsx bench/load.ts  # the server's node options (profiles)
 *
 * With BENCH_INGEST the archive is always built afresh without the last 15 volumes, which
 * `chancery ingest` then writes into it, in a process of its own, while the load runs.
 *
 * The server is `chancery serve` in a process of its own, as it runs in production (its search
 * workers included); the load comes from autocannon in this process. Prints requests per second,
 * latency p50/p99 of the load, errors, timeouts and non-2xx answers, and the newcomers' p50/p99
 * and slowest, with the target beside each (0 errors and timeouts, p99 under 1 s, a newcomer
 * answered within 1 s p99).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openApp } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CHANCERY = fileURLToPath(new URL('../bin/chancery.js', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const NEWCOMER_EVERY_MS = 200;
/** Seconds from the start of the load before newcomers count toward the target. */
const WARM_UP_S = 5;
const TIMEOUT_S = 10;
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WITH_INGEST = process.env.BENCH_INGEST === '1';
/** `chancery ingest --nice`: unset, the command's own default. */
const INGEST_NICE = process.env.BENCH_INGEST_NICE;

const given = WITH_INGEST ? undefined : process.env.BENCH_DB;
const dir = given ? null : mkdtempSync(join(tmpdir(), 'chancery-bench-load-'));
const db = given ?? join(dir as string, 'archive.db');
const VOLUMES = `${SHARED}corpus/frus-volumes/`;
const volumes = readdirSync(VOLUMES)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => `${VOLUMES}${f}`);
/** What the archive holds before the load, and what an ingest writes into it meanwhile. */
const held = WITH_INGEST ? volumes.slice(0, -15) : [VOLUMES];
const written = WITH_INGEST ? volumes.slice(-15) : [];
let server: ChildProcess | null = null;
try {
  const paths = await urlMix(db);
  const started = await startServer(db);
  server = started.child;
  console.log(
    `server: chancery serve --workers ${WORKERS} on ${started.base}; ${paths.length} URLs in the mix${WITH_INGEST ? `; an ingest writing meanwhile (nice ${INGEST_NICE ?? 'default'})` : ''}`,
  );
  const ingest = WITH_INGEST ? startIngest(db, written, await recordCount(db)) : null;
  const newcomers = timeNewcomers(started.base, paths);
  const result = await autocannon({
    url: started.base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: TIMEOUT_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: pick(paths) }) }],
  });
  const firsts = await newcomers.stop();
  const ingested = ingest ? await ingest.stop() : null;
  // The target is for connections held open: newcomers from the first WARM_UP_S, while the 200
  // arrive at once and every cache is cold, are printed apart.
  const held = firsts.filter((f) => f.at >= WARM_UP_S * 1000).map((f) => f.ms);
  const cold = firsts.filter((f) => f.at < WARM_UP_S * 1000).map((f) => f.ms);
  const p = (q: number) => percentile(held, q);
  console.log(`load: ${CONNECTIONS} connections for ${SECONDS} s`);
  console.log(`  requests/s        ${result.requests.average.toFixed(0)}`);
  console.log(`  latency p50       ${result.latency.p50} ms`);
  console.log(`  latency p99       ${result.latency.p99} ms      (target < 1000 ms)`);
  console.log(`  errors            ${result.errors}          (target 0)`);
  console.log(`  timeouts          ${result.timeouts}          (target 0)`);
  console.log(`  non-2xx           ${result.non2xx}`);
  if (ingested) console.log(`  ingest meanwhile  ${ingested}`);
  console.log(
    `newcomers: a new connection's first request; ${held.length} once the ${CONNECTIONS} were open (after ${WARM_UP_S} s)`,
  );
  console.log(
    `  p50 ${p(50).toFixed(0)} ms, p99 ${p(99).toFixed(0)} ms (target < 1000 ms), slowest ${Math.max(...held).toFixed(0)} ms`,
  );
  console.log(
    `  in the first ${WARM_UP_S} s (cold): ${cold.length}, p50 ${percentile(cold, 50).toFixed(0)} ms, slowest ${Math.max(0, ...cold).toFixed(0)} ms`,
  );
} finally {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** The archive ingested (unless given), and the URLs of the mix drawn from what it holds. */
async function urlMix(path: string): Promise<string[]> {
  const app = await openApp({ db: path });
  try {
    if ((await app.store.countRecords()) === 0) {
      process.stderr.write('ingesting the FRUS volumes…\n');
      await ingestPaths({
        paths: [`${SHARED}seeds`, `${SHARED}corpus/frus`, ...held],
        store: app.store,
        search: app.search,
        authorities: app.authorities,
        readers: app.readers,
      });
    }
    const records = await app.store.listRecords({ limit: 100_000 });
    const documents = Array.from(
      { length: 60 },
      (_, i) => records[Math.floor((i * records.length) / 60)]?.id,
    );
    const people = (await app.store.listReconciled({ kind: 'person', limit: 40 })).map((p) => p.id);
    const searches = [
      'Stalin',
      'Громыко',
      '周恩来',
      'armistice Kaesong',
      'author:Acheson',
      'Chou En-lai',
      'negotiat*',
    ];
    return [
      ...documents.flatMap((id) => (id ? [`/documents/${encodeURIComponent(id)}`] : [])),
      ...searches.map((q) => `/search?q=${encodeURIComponent(q)}`),
      ...searches.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      ...people.map((id) => `/people/${encodeURIComponent(id)}`),
      ...['1951', '1955', '1962'].map((year) => `/timeline?year=${year}`),
      ...documents.slice(0, 10).flatMap((id) => (id ? [`/api/records/${encodeURIComponent(id)}`] : [])),
    ];
  } finally {
    await app.close();
  }
}

/** `chancery serve` on a free port; resolves once it prints its address. */
function startServer(path: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []),
        CHANCERY,
        '--db',
        path,
        'serve',
        '--workers',
        String(WORKERS),
        '--port',
        '0',
        '--host',
        '127.0.0.1',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.once('exit', (code) => reject(new Error(`chancery serve exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const address = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
      if (address) resolve({ child, base: address[0] });
    });
  });
}

async function recordCount(path: string): Promise<number> {
  const app = await openApp({ db: path });
  try {
    return await app.store.countRecords();
  } finally {
    await app.close();
  }
}

/** `chancery ingest` of volumes the archive does not hold yet, into it, in a process of its own. */
function startIngest(path: string, files: string[], before: number): { stop: () => Promise<string> } {
  const started = performance.now();
  const nice = INGEST_NICE === undefined ? [] : ['--nice', INGEST_NICE];
  const child = spawn(process.execPath, [CHANCERY, '--db', path, 'ingest', '--quiet', ...nice, ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let summary = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    summary += chunk.toString();
  });
  const done = new Promise<string>((resolve) =>
    child.once('exit', (code) =>
      resolve(
        `${summary.trim().split('\n').at(-1)} (exit ${code}, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      ),
    ),
  );
  return {
    stop: async () => {
      if (child.exitCode !== null) return done;
      // Still writing when the load ends: stopped, which the archive survives (its transactions).
      child.kill('SIGTERM');
      await done;
      const written = (await recordCount(path)) - before;
      return `${files.length} volumes, still writing when the load ended (stopped): ${written} records written meanwhile`;
    },
  };
}

/** A new connection every few hundred milliseconds, each timed from connect to the end of its answer. */
function timeNewcomers(base: string, paths: string[]): { stop: () => Promise<{ at: number; ms: number }[]> } {
  const begun = performance.now();
  const times: { at: number; ms: number }[] = [];
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      const req = request(`${base}${pick(paths)}`, { agent: false, timeout: TIMEOUT_S * 1000 }, (res) => {
        res.resume();
        res.on('end', () => {
          times.push({ at: started - begun, ms: performance.now() - started });
          resolve();
        });
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => {
        times.push({ at: started - begun, ms: TIMEOUT_S * 1000 });
        resolve();
      });
      req.end();
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  }, NEWCOMER_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return times;
    },
  };
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
