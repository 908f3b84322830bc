import pg from 'pg';
import { ChanceryError } from '../../errors.ts';
import type { PostgresAddress } from './postgres.url.ts';

/** Connections per process: a search asks for its count and its page at once, an ingest writes beside them. */
const POOL_SIZE = 4;

// int8 (count(*), sums) as numbers: no count of this archive comes near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens a pool on the database of `address`, creating the database when it does not exist yet
 * (a fresh archive is made on first use), and its schema. Every failure to reach it is a
 * `store.connection` error naming the URL, without its password, and the reason.
 *
 * @example const pool = await openPool(parsePostgresUrl('postgres:///chancery?host=/var/run/postgresql'));
 */
export async function openPool(address: PostgresAddress): Promise<pg.Pool> {
  try {
    await ensureDatabase(address);
  } catch (error) {
    throw connectionError(address, error);
  }
  const pool = new pg.Pool({
    ...address.config,
    max: POOL_SIZE,
    options: sessionOptions(address),
  });
  // An idle connection that the server closed is dropped from the pool, not a crash of the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${address.schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw connectionError(address, error);
  }
  return pool;
}

/**
 * A pool on a read replica: nothing is created or migrated (a hot standby takes no writes), and
 * no connection is made until the first query, so a replica that is down does not stop a server
 * from starting. A replica that does not answer within two seconds is taken as down.
 */
export function openReadPool(address: PostgresAddress): pg.Pool {
  const pool = new pg.Pool({
    ...address.config,
    max: POOL_SIZE,
    connectionTimeoutMillis: 2000,
    options: sessionOptions(address),
  });
  pool.on('error', () => {});
  return pool;
}

/**
 * The settings of every connection to an archive: its schema first (pg_trgm's operators live in
 * public), and the planner told that a page read out of order costs little more than one read in
 * order, as on the solid-state disks archives run on (PostgreSQL's default of 4 assumes spinning
 * ones). The index rows' vectors live out of line (TOAST), which the cost of a sequential scan
 * does not count: with the default, a name in 13 % of 76,295 documents was matched by reading
 * every vector (930 ms) instead of through its GIN index (57 ms).
 *
 * @example new pg.Client({ ...address.config, options: sessionOptions(address) })
 */
export function sessionOptions(address: PostgresAddress): string {
  return `-c search_path=${address.schema},public -c random_page_cost=1.1`;
}

/** Creates the database when the server has none of that name. */
async function ensureDatabase(address: PostgresAddress): Promise<void> {
  const probe = new pg.Client(address.config);
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (error) {
    await probe.end().catch(() => {});
    if ((error as { code?: string }).code !== '3D000') throw error;
  }
  const admin = new pg.Client({ ...address.config, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(address.config.database as string)}`);
  } catch (error) {
    // Another process created it meanwhile.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}

/** The reason a connection failed, in words a reader can act on. */
export function connectionError(address: PostgresAddress, error: unknown): ChanceryError {
  if (error instanceof ChanceryError) return error;
  const e = error as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused: is PostgreSQL running, and listening there?',
    ENOENT: 'there is no server socket there: is PostgreSQL running, and is the socket directory right?',
    ENOTFOUND: 'the host name is unknown',
    EAI_AGAIN: 'the host name could not be resolved',
    ETIMEDOUT: 'the connection timed out',
    '28P01': 'the password was refused',
    '28000': 'the server refused this user',
    '42501': 'this user may not create the database or its schema',
    '3D000': 'the database does not exist and could not be created',
  };
  const reason = (e.code && reasons[e.code]) ?? e.message ?? String(error);
  return new ChanceryError('store.connection', `Cannot open the archive at ${address.display}: ${reason}.`);
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
