import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChanceryError } from '../../errors.ts';
import { jobSchemaOf } from '../../jobs/postgres/pgboss.job-queue.ts';
import { openPool } from './postgres.pool.ts';
import { type PostgresAddress, parsePostgresUrl } from './postgres.url.ts';

/**
 * `chancery backup` and `chancery restore` of a PostgreSQL archive, by PostgreSQL's own tools:
 * `pg_dump` (one snapshot, so consistent at one moment while a server reads and an ingest writes)
 * in its custom format, and `pg_restore`. The archive is its schema and its job queue's schema
 * (pg-boss); nothing else in the database is touched.
 */

/**
 * Dumps the archive at `db` to `file`, written beside it and renamed into place when whole.
 *
 * @example await backupPostgres('postgres:///chancery?host=/var/run/postgresql', 'chancery.dump');
 */
export async function backupPostgres(db: string, file: string): Promise<{ bytes: number }> {
  const address = parsePostgresUrl(db);
  const partial = `${file}.partial`;
  try {
    await run(
      'pg_dump',
      ['--format=custom', ...schemasOf(address).flatMap((s) => ['--schema', s]), '--file', partial],
      address,
    );
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: statSync(file).size };
}

/**
 * Replaces the archive at `db` with the dump in `file`, after checking that it is a dump of a
 * Chancery archive in the same schema. In one transaction: the archive's schemas are dropped and
 * made again from the dump, and a dump that fails half-way (cut short, damaged) leaves the archive
 * as it was. Stop the server and any ingest first.
 *
 * @example await restorePostgres('postgres:///chancery?host=/var/run/postgresql', 'chancery.dump');
 */
export async function restorePostgres(db: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(file)) throw new ChanceryError('store.not_found', `${file}: no such backup file.`);
  const address = parsePostgresUrl(db);
  const entries = await tableOfContents(file, address);
  const [schema, bossSchema] = schemasOf(address);
  const tables = new Set(entries.filter((e) => e.kind === 'TABLE').map((e) => `${e.schema}.${e.name}`));
  if (!tables.has(`${schema}.records`) || !tables.has(`${schema}.schema_migrations`)) {
    const other = entries.find((e) => e.kind === 'TABLE' && e.name === 'records');
    throw new ChanceryError(
      'store.backup_invalid',
      other
        ? `${file} holds the archive of schema "${other.schema}", not "${schema}": restore it to a URL with ?schema=${other.schema}; nothing was restored.`
        : `${file} is a pg_dump archive but not of a Chancery archive; nothing was restored.`,
    );
  }
  // The archive's own database, made when missing, as on first use.
  await (await openPool(address)).end();

  // The dump as SQL, without its CREATE SCHEMA entries (the schemas are made below, where
  // `public` may already hold pg_trgm), run by psql in a transaction that is committed only once
  // pg_restore has read the whole file.
  const list = entries.filter((e) => e.kind !== 'SCHEMA' && !(e.kind === 'COMMENT' && e.name === 'SCHEMA'));
  const dir = mkdtempSync(join(tmpdir(), 'chancery-restore-'));
  try {
    const listFile = join(dir, 'list');
    writeFileSync(listFile, `${list.map((e) => e.line).join('\n')}\n`);
    const preamble = [
      '\\set ON_ERROR_STOP on',
      'BEGIN;',
      ...emptied(schema),
      `DROP SCHEMA IF EXISTS ${bossSchema} CASCADE;`,
      `CREATE SCHEMA ${bossSchema};`,
      'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;',
      '',
    ].join('\n');
    await restoreThroughPsql(file, listFile, preamble, address);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { bytes: statSync(file).size };
}

/**
 * SQL that leaves the archive's schema empty. A schema of its own is dropped and made again;
 * `public` keeps itself and what extensions put there (pg_trgm, which another archive of the
 * database may index with), and loses its tables, sequences and functions.
 */
function emptied(schema: string): string[] {
  if (schema !== 'public') return [`DROP SCHEMA IF EXISTS ${schema} CASCADE;`, `CREATE SCHEMA ${schema};`];
  return [
    `DO $$ DECLARE relation record; BEGIN
       FOR relation IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
         -- Tables first: a column's own sequence goes with its table, and cannot go before it.
         ORDER BY c.relkind = 'S'
       LOOP
         EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
           CASE relation.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
           relation.relname);
       END LOOP;
       -- The archive's own functions (the audit log's guard), not an extension's.
       FOR relation IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public'
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       LOOP
         EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', relation.signature);
       END LOOP;
     END $$;`,
  ];
}

/** The archive's schema, and its job queue's. */
function schemasOf(address: PostgresAddress): [string, string] {
  return [address.schema, jobSchemaOf(address.schema)];
}

interface TocEntry {
  line: string;
  kind: string;
  schema: string;
  name: string;
}

/** The entries of a custom-format dump (`pg_restore --list`), or `store.backup_invalid` if it is none. */
async function tableOfContents(file: string, address: PostgresAddress): Promise<TocEntry[]> {
  let listing: string;
  try {
    listing = await run('pg_restore', ['--list', file], address);
  } catch (error) {
    if (error instanceof ChanceryError && error.code === 'store.tool_missing') throw error;
    throw new ChanceryError(
      'store.backup_invalid',
      `${file} is not a backup of a PostgreSQL archive (a pg_dump custom-format file made by chancery backup); nothing was restored.`,
    );
  }
  // "215; 1259 393217 TABLE public schema_migrations root"
  return listing
    .split('\n')
    .filter((line) => /^\d+;/.test(line))
    .map((line) => {
      const [, kind = '', schema = '', name = ''] =
        /^\d+; \d+ \d+ (\S+(?: DATA)?) (\S+) (\S+)/.exec(line) ?? [];
      return { line, kind, schema, name };
    });
}

/** pg_restore's SQL into psql, after `preamble`; COMMIT is written only when pg_restore ended well. */
function restoreThroughPsql(
  file: string,
  listFile: string,
  preamble: string,
  address: PostgresAddress,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = environmentOf(address);
    const restore = spawn('pg_restore', ['--no-owner', '--use-list', listFile, '--file', '-', file], { env });
    const psql = spawn('psql', ['--quiet', '--no-psqlrc', '--file', '-'], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let restoreErrors = '';
    let psqlErrors = '';
    restore.stderr.on('data', (chunk) => {
      restoreErrors += chunk;
    });
    psql.stderr.on('data', (chunk) => {
      psqlErrors += chunk;
    });
    for (const child of [restore, psql])
      child.on('error', (error) => reject(toolError(error, child === psql ? 'psql' : 'pg_restore')));
    // psql may stop at an error before reading everything: the rest of the pipe is not wanted.
    psql.stdin.on('error', () => {});
    psql.stdin.write(preamble);
    restore.stdout.pipe(psql.stdin, { end: false });
    restore.on('close', (code) => {
      if (code === 0) {
        psql.stdin.end('COMMIT;\n');
      } else {
        // Ending psql without COMMIT rolls the transaction back.
        psql.kill('SIGTERM');
        reject(restoreFailed(file, restoreErrors));
      }
    });
    psql.on('close', (code) => {
      if (code === 0 && restore.exitCode === 0) resolve();
      else if (restore.exitCode === 0 || restore.exitCode === null) {
        restore.kill('SIGTERM');
        reject(restoreFailed(file, psqlErrors));
      }
    });
  });
}

function restoreFailed(file: string, stderr: string): ChanceryError {
  const reason =
    stderr.split('\n').find((line) => /error/i.test(line)) ?? stderr.trim().split('\n')[0] ?? 'unknown error';
  return new ChanceryError(
    'store.backup_invalid',
    `${file} could not be restored (${reason.replace(/^(pg_restore|psql):\s*/, '').trim()}); nothing was restored.`,
  );
}

/** Runs one of PostgreSQL's client programs against `address`; its standard output, or its first error. */
function run(program: string, args: string[], address: PostgresAddress): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: environmentOf(address) });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', (error) => reject(toolError(error, program)));
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else
        reject(
          new ChanceryError(
            'store.connection',
            `${program} on ${address.display} failed: ${err.trim().split('\n')[0] ?? `exit ${code}`}.`,
          ),
        );
    });
  });
}

function toolError(error: Error, program: string): Error {
  if ((error as { code?: string }).code !== 'ENOENT') return error;
  return new ChanceryError(
    'store.tool_missing',
    `${program} is not installed: backup and restore of a PostgreSQL archive need PostgreSQL's client programs (apt-get install postgresql-client-15).`,
  );
}

/** The connection as libpq's environment variables: the password never appears in a process list. */
function environmentOf(address: PostgresAddress): NodeJS.ProcessEnv {
  const { config } = address;
  return {
    ...process.env,
    PGHOST: String(config.host),
    PGDATABASE: String(config.database),
    ...(config.port ? { PGPORT: String(config.port) } : {}),
    ...(config.user ? { PGUSER: config.user } : {}),
    ...(typeof config.password === 'string' ? { PGPASSWORD: config.password } : {}),
  };
}
