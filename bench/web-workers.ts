/**
 * The reading room in 1, 2 and 4 web processes (`chancery serve --workers N`): requests per
 * second, latency p99 and errors of the document page and of the search page under 200
 * connections, on SQLite and on PostgreSQL, beside the ceiling of the machine: a bare node:http
 * server in as many processes, answering every request with the bytes of the same page (no
 * routing, store or rendering). Requests per second are what matter; the ceiling says how much
 * of the machine the reading room leaves unused.
 *
 *   npx tsx bench/web-workers.ts
 *   BENCH_SECONDS=20 BENCH_PG='postgres:///chancery_bench_web?host=/var/run/postgresql' npx tsx bench/web-workers.ts
 *
 * The corpus is bench/web's (the sample, the FRUS documents of the tests, an excerpt of a current
 * FRUS volume), ingested into a SQLite file and copied into a fresh PostgreSQL database
 * (BENCH_PG, dropped and made again). Each server is `chancery serve` in processes of its own;
 * the load comes from autocannon in this process, on the same machine (its cores are shared with
 * the servers, as the figures say). Pages cycle through 60 documents and 6 searches; each run is
 * preceded by a warm-up of 2 seconds that is not counted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openApp, SAMPLE_DIR } from '../src/app.ts';
import { ingestPaths } from '../src/ingest/ingest.batch.ts';
import { copyArchive } from '../src/store/archive.copy.ts';
import { parsePostgresUrl } from '../src/store/postgres/postgres.url.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CHANCERY = fileURLToPath(new URL('../bin/chancery.js', import.meta.url));
const CORPUS = [
  SAMPLE_DIR,
  `${SHARED}corpus/frus/`,
  `${SHARED}corpus/frus-current/frus1955-57v23p2-excerpt.xml`,
];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 200;
const WORKERS = [1, 2, 4];
const PG_URL = process.env.BENCH_PG ?? 'postgres:///chancery_bench_web?host=/var/run/postgresql';
const SEARCHES = ['Stalin', 'armistice Kaesong', 'author:Acheson', 'Громыко', 'negotiat*', 'Chou En-lai'];

interface Figures {
  rps: number;
  p99: number;
  /** Connection errors, requests unanswered after 10 s, answers other than 2xx (a 503 is a search past its time budget). */
  errors: number;
  timeouts: number;
  non2xx: number;
}

const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-workers-'));
try {
  const sqlite = join(dir, 'archive.db');
  const documents = await prepare(sqlite);
  await copyInto(sqlite, PG_URL);
  const pages: [string, string[]][] = [
    ['document', documents],
    ['search', SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`)],
  ];
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s a run, ${cpus().length} cores shared by the servers and the load; requests/s, latency p99, and errors/timeouts/non-2xx`,
  );
  const results = new Map<string, Figures>();
  // The bytes of each page as Chancery answers it, for the bare server to answer with.
  const bodies = new Map<string, Buffer>();
  for (const workers of WORKERS) {
    for (const [label, db] of [
      ['SQLite', sqlite],
      ['PostgreSQL', PG_URL],
    ] as const) {
      const server = await startChancery(db, workers);
      try {
        for (const [page, paths] of pages) {
          if (!bodies.has(page))
            bodies.set(page, Buffer.from(await (await fetch(`${server.base}${paths[0]}`)).arrayBuffer()));
          results.set(`${label} ${page} ${workers}`, await load(server.base, paths));
        }
      } finally {
        await stop(server.child);
      }
    }
    for (const [page, paths] of pages) {
      const bare = await startBare(bodies.get(page) as Buffer, workers, dir);
      try {
        results.set(`bare ${page} ${workers}`, await load(bare.base, paths));
      } finally {
        await stop(bare.child);
      }
    }
  }
  for (const [page] of pages) {
    console.log(`\n${page} page`);
    console.log(
      `workers   ${['SQLite', 'PostgreSQL', 'ceiling: bare node:http'].map((h) => h.padEnd(34)).join('')}`,
    );
    for (const workers of WORKERS) {
      const cell = (label: string) => {
        const f = results.get(`${label} ${page} ${workers}`) as Figures;
        const failed = `${f.errors}/${f.timeouts}/${f.non2xx}`;
        return `${f.rps.toFixed(0).padStart(6)} req/s ${String(f.p99).padStart(5)} ms ${failed.padStart(9)}`.padEnd(
          34,
        );
      };
      console.log(`${String(workers).padEnd(10)}${cell('SQLite')}${cell('PostgreSQL')}${cell('bare')}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The corpus ingested into a SQLite file; the document pages to request, spread over the archive. */
async function prepare(path: string): Promise<string[]> {
  const app = await openApp({ db: path });
  try {
    const report = await ingestPaths({
      paths: CORPUS,
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
    });
    const records = await app.store.listRecords({ limit: 100_000 });
    console.log(`corpus: ${records.length} records (${report.failed} files failed)`);
    return Array.from({ length: 60 }, (_, i) => records[Math.floor((i * records.length) / 60)]?.id)
      .filter((id): id is string => id !== undefined)
      .map((id) => `/documents/${encodeURIComponent(id)}`);
  } finally {
    await app.close();
  }
}

/** The archive copied into a PostgreSQL database made afresh. */
async function copyInto(from: string, url: string): Promise<void> {
  const { config } = parsePostgresUrl(url);
  const admin = new pg.Client({ ...config, database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${config.database}" WITH (FORCE)`);
  await admin.end();
  const source = await openApp({ db: from });
  const target = await openApp({ db: url });
  try {
    const counts = await copyArchive(source.store, target.store);
    console.log(`copied ${counts.records} records into ${url}`);
  } finally {
    await source.close();
    await target.close();
  }
}

async function load(base: string, paths: string[]): Promise<Figures> {
  let i = 0;
  const requests = [
    { setupRequest: (req: { path: string }) => ({ ...req, path: paths[i++ % paths.length] as string }) },
  ];
  await autocannon({ url: base, connections: CONNECTIONS, duration: 2, timeout: 10, requests });
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    requests,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    // autocannon counts a timeout as an error too.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** `chancery serve --workers N` on a free port, without a job worker; resolves once it prints its address. */
function startChancery(db: string, workers: number): Promise<{ child: ChildProcess; base: string }> {
  return started(
    spawn(
      process.execPath,
      [
        CHANCERY,
        '--db',
        db,
        'serve',
        '--workers',
        String(workers),
        '--no-jobs',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
      ],
      // What a server says as it is stopped with requests still queued is not the benchmark's.
      { stdio: ['ignore', 'pipe', 'ignore'] },
    ),
  );
}

/** N processes of node:http on one port (node:cluster, as `serve --workers`), each answering with `body`. */
function startBare(
  body: Buffer,
  workers: number,
  dir: string,
): Promise<{ child: ChildProcess; base: string }> {
  const file = join(dir, 'page.html');
  writeFileSync(file, body);
  const script = `
    const cluster = require('node:cluster');
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    if (cluster.isPrimary) {
      for (let i = 0; i < ${workers}; i++) cluster.fork();
      cluster.once('listening', (_w, a) => console.log('http://127.0.0.1:' + a.port + '/'));
      process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.kill(); process.exit(0); });
    } else {
      http.createServer((req, res) => res.end(body)).listen(0, '127.0.0.1');
    }`;
  // A file, not `node -e`: a cluster's primary forks the script it runs.
  const scriptFile = join(dir, 'bare-server.cjs');
  writeFileSync(scriptFile, script);
  return started(spawn(process.execPath, [scriptFile], { stdio: ['ignore', 'pipe', 'inherit'] }));
}

function started(child: ChildProcess): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const address = /http:\/\/[\d.]+:\d+/.exec(chunk.toString());
      if (address) resolve({ child, base: address[0] });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
