import { userInfo } from 'node:os';
import pg from 'pg';

/**
 * The PostgreSQL server the tests use: `CHANCERY_TEST_PG`, by default the machine's own cluster
 * over its Unix socket (`.ci/run` starts it). Tests that need it fail, loudly, when it cannot be
 * reached: they are never skipped.
 */
export const TEST_PG = process.env.CHANCERY_TEST_PG ?? 'postgres:///postgres?host=/var/run/postgresql';

/** A database of one test file: made empty at the start, dropped at the end. */
export interface TestDatabase {
  /** The database's URL, with a schema of its own when `schema` is given (a fresh, empty store). */
  url(schema?: string): string;
  /** Runs SQL on the database as the test server's superuser: to set up what no store would write. */
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the test server (`chancery_test_<label>_<pid>`), dropping
 * any left over by an earlier run that died.
 *
 * @example const db = await createTestDatabase('search'); after(() => db.drop());
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `chancery_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}`;
  const admin = new pg.Client(clientConfig(TEST_PG));
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${TEST_PG} (set CHANCERY_TEST_PG, or start it: pg_ctlcluster 15 main start): ${(error as Error).message}`,
    );
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url(schema?: string) {
      const url = new URL(TEST_PG);
      url.pathname = `/${name}`;
      if (schema) url.searchParams.set('schema', schema);
      return url.toString();
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ ...clientConfig(TEST_PG), database: name });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new pg.Client(clientConfig(TEST_PG));
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function clientConfig(db: string): pg.ClientConfig {
  const url = new URL(db);
  return {
    host: url.searchParams.get('host') ?? (url.hostname || '/var/run/postgresql'),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
    ...(url.port ? { port: Number(url.port) } : {}),
    user: url.username ? decodeURIComponent(url.username) : (process.env.PGUSER ?? userInfo().username),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}
