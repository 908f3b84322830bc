import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { ChanceryRecord } from '../src/record/record.types.ts';
import { CHANCERY_BIN, type CliResult, runChancery } from './support/cli.run.ts';
import { CABLE_SEED, FRUS_DIR, LETTER_SEED, SHARED_DIR } from './support/shared-paths.ts';

const run = promisify(execFile);
let dir: string;
let db: string;

/** Runs the CLI as a user would; resolves with the exit code instead of throwing on failure. */
function chancery(...args: string[]): Promise<CliResult> {
  return runChancery(db, ...args);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'chancery-cli-'));
  db = join(dir, 'archive.db');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('every command documents itself with --help', async () => {
  const top = await chancery('--help');
  assert.equal(top.code, 0);
  for (const command of ['ingest', 'serve', 'show', 'list', 'export', 'jobs', 'reindex']) {
    assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
    const help = await chancery(command, '--help');
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, new RegExp(`Usage: chancery ${command}`));
  }
});

test('ingest prints a summary, list and show print the records, export prints JSON Lines', async () => {
  const ingest = await chancery('ingest', CABLE_SEED, LETTER_SEED);
  assert.equal(ingest.code, 0, ingest.stderr + ingest.stdout);
  assert.match(
    ingest.stdout,
    /2 files: 2 ok \(0 with warnings\), 0 skipped, 0 failed; records: 2 ingested, 0 updated, 0 unchanged/,
  );

  const again = await chancery('ingest', '--quiet', CABLE_SEED, LETTER_SEED);
  assert.match(
    again.stdout,
    /^2 files: 2 ok \(0 with warnings\), 0 skipped, 0 failed; records: 0 ingested, 0 updated, 2 unchanged$/m,
  );

  const list = await chancery('list');
  const rows = list.stdout.trim().split('\n');
  assert.equal(rows.length, 2);
  assert.match(rows[0] ?? '', /^\S+\t1951-07-13\tcable\tCable No\. 21756/);
  const letterId = rows[1]?.split('\t')[0] ?? '';

  const json = await chancery('show', letterId, '--json');
  const record = JSON.parse(json.stdout) as ChanceryRecord;
  assert.equal(record.id, letterId);
  assert.equal(record.authors[0]?.alias, 'Filippov');
  assert.equal(record.source.file, '004_4e4ece4df42afde7.txt');

  const text = await chancery('show', letterId);
  assert.match(text.stdout, /Hand-delivered letter, Filippov \(Stalin\) to Mao Zedong/);
  assert.match(text.stdout, /ДЛЯ тов\. МАО ЦЗЕ-ДУНА/);

  const exported = await chancery('export', '--format', 'json');
  const lines = exported.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  const ids = lines.map((l) => (JSON.parse(l) as ChanceryRecord).id).sort();
  assert.deepEqual(ids, rows.map((r) => r.split('\t')[0]).sort());
});

test('an export imports again unchanged into another archive', async () => {
  const exported = await chancery('export', '--format', 'json');
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, exported.stdout);
  const otherDb = join(dir, 'other.db');
  const saved = db;
  db = otherDb;
  try {
    const imported = await chancery('ingest', file);
    assert.equal(imported.code, 0, imported.stdout);
    assert.match(imported.stdout, /2 ingested/);
    const reexported = await chancery('export');
    assert.equal(reexported.stdout, readFileSync(file, 'utf8'));
  } finally {
    db = saved;
  }
});

test('warnings and skipped files leave the exit code at 0: a FRUS volume with an unknown element, a folder with a README', async () => {
  // A database of its own: the other tests count the records of theirs.
  const ingest = await runChancery(
    join(dir, 'warnings.db'),
    'ingest',
    `${SHARED_DIR}corpus/frus-volumes/frus1969-76v28.xml`,
    `${SHARED_DIR}corpus/frus-current/`,
  );
  assert.equal(ingest.code, 0, ingest.stdout + ingest.stderr);
  assert.match(
    ingest.stdout,
    /^ok {6}\S*frus1969-76v28\.xml \(\d+ ingested, tei-frus; 2 kinds of warning\)$/m,
  );
  assert.match(
    ingest.stdout,
    /^ {10}warning ingest\.xml_document: frus1969-76v28\.xml, line \d+, column \d+: <affiliation>/m,
  );
  // The edition links "Rogers" to Peter W. Rodman's entry: the name is kept, the link is not.
  assert.match(
    ingest.stdout,
    /^ {10}warning ingest\.xml_document: frus1969-76v28\.xml, line \d+, column \d+: a <persName> links "Rogers" to the persons-list entry "Peter W\. Rodman"/m,
  );
  assert.match(ingest.stdout, /^skipped \S*frus-current\/README\.md: README\.md is a README file/m);
  assert.match(
    ingest.stdout,
    /^3 files: 2 ok \(1 with warnings\), 1 skipped, 0 failed; records: \d+ ingested/m,
  );
});

test('failures exit non-zero and say what is wrong', async () => {
  const bad = join(dir, 'notes.txt');
  writeFileSync(bad, 'just some notes\nnothing archival here\n');
  const ingest = await chancery('ingest', bad, CABLE_SEED);
  assert.equal(ingest.code, 1);
  assert.match(ingest.stdout, /notes\.txt.*not a format Chancery reads/s);
  assert.match(ingest.stdout, /1 failed/);

  const missing = await chancery('show', 'no-such-id');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No record with id "no-such-id"/);

  const badOption = await chancery('list', '--limit', 'many');
  assert.notEqual(badOption.code, 0);
  assert.match(badOption.stderr, /--limit must be a positive whole number/);
});

test('on a terminal, ingest draws a progress bar (documents and MB per second, time left), then the summary', async () => {
  // `script` gives the command a pseudo-terminal, as a user's shell would.
  const volume = `${FRUS_DIR}frus1955-57v23p2.xml`;
  const command = [process.execPath, CHANCERY_BIN, '--db', join(dir, 'tty.db'), 'ingest', volume]
    .map((arg) => `'${arg.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const { stdout } = await run('script', ['-qec', command, '/dev/null']);
  assert.match(stdout, /100% \| 2\.4\/2\.4 MB \| 265 docs \| \d+ docs\/s \| [\d.]+ MB\/s \| \d+s left/);
  assert.match(
    stdout,
    /1 files: 1 ok \(0 with warnings\), 0 skipped, 0 failed; records: 265 ingested, 0 updated, 0 unchanged/,
  );
  // Without a terminal (every other test here), no bar: the file lines and the summary only.
  const piped = await runChancery(join(dir, 'piped.db'), 'ingest', '--quiet', volume);
  assert.doesNotMatch(piped.stdout + piped.stderr, /docs\/s/);
});

test('CHANCERY_DB chooses the database when --db is not given', async () => {
  const envDb = join(dir, 'from-env.db');
  const { stdout } = await run(process.execPath, [CHANCERY_BIN, 'ingest', '--quiet', LETTER_SEED], {
    env: { ...process.env, CHANCERY_DB: envDb },
  });
  assert.match(stdout, /1 ingested/);
  const listed = await run(process.execPath, [CHANCERY_BIN, '--db', envDb, 'list'], {});
  assert.match(listed.stdout, /Hand-delivered letter/);
});

test('search prints a readable list, JSON with --json, and explains a malformed query', async () => {
  const readable = await chancery('search', 'Kaesong');
  assert.equal(readable.code, 0, readable.stderr);
  assert.match(readable.stdout, /^1 documents?; 1–1:/m);
  assert.match(readable.stdout, /\[Кайдзъё\]|\[Kaesong\]/, 'the matched words are marked');
  const json = JSON.parse((await chancery('search', 'Stalin', '--json', '--limit', '1')).stdout) as {
    total: number;
    hits: { id: string }[];
    facets: Record<string, unknown>;
  };
  assert.equal(json.total, 2);
  assert.equal(json.hits.length, 1);
  assert.ok('author' in json.facets);
  const bad = await chancery('search', '"unclosed');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /quotation mark is not closed/);
  const help = await chancery('search', '--help');
  assert.match(help.stdout, /date:FROM\.\.TO/);
});

test('output piped into a reader that stops early ends quietly, with exit code 0', async () => {
  await chancery('ingest', CABLE_SEED, LETTER_SEED);
  const child = spawn(process.execPath, [CHANCERY_BIN, '--db', db, 'export', '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the first write, as `| head -0` would be.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|at /);
});

test('ingest runs every thread at nice 10 unless told otherwise, so that a server on the machine is answered first', async () => {
  /** The nice values of a running ingest's threads, read from /proc once its worker is up. */
  const niceOfThreads = async (...options: string[]): Promise<Set<number>> => {
    const child = spawn(
      process.execPath,
      [
        CHANCERY_BIN,
        '--db',
        join(dir, `nice-${options.join('')}.db`),
        'ingest',
        '--quiet',
        ...options,
        FRUS_DIR,
      ],
      { stdio: 'ignore' },
    );
    try {
      const values = new Set<number>();
      for (let tries = 0; tries < 200 && child.exitCode === null; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        values.clear();
        try {
          for (const task of readdirSync(`/proc/${child.pid}/task`)) {
            // Field 19 of stat, counted after the command name's closing parenthesis.
            const stat = readFileSync(`/proc/${child.pid}/task/${task}/stat`, 'utf8');
            values.add(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
          }
        } catch {
          continue;
        }
        // The ingest's worker thread has started once the SQLite database file exists.
        if (existsSync(join(dir, `nice-${options.join('')}.db`))) return values;
      }
      throw new Error('the ingest ended before its threads could be read');
    } finally {
      child.kill('SIGKILL');
    }
  };
  // Never above the priority it was started with (this test may itself run under nice).
  const started = getPriority();
  assert.deepEqual(await niceOfThreads(), new Set([Math.max(started, 10)]));
  assert.deepEqual(await niceOfThreads('--nice', '0'), new Set([started]));
});
