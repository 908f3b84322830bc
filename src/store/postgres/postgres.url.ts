import { userInfo } from 'node:os';
import type { ClientConfig } from 'pg';
import { ChanceryError } from '../../errors.ts';

/** A PostgreSQL address as Chancery reads it: what `pg` connects with, and how to name it in a message. */
export interface PostgresAddress {
  config: ClientConfig;
  /** The URL without its password: safe to print, to log and to put in an error message. */
  display: string;
  /** The schema the archive lives in (`?schema=`), `public` by default. */
  schema: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** True for the URLs that select the PostgreSQL backend. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Reads a `postgres://user:password@host:port/database?host=/socket/dir&schema=name` URL. A host
 * given as `?host=` is a Unix socket directory, as libpq reads it; `schema` keeps the archive's
 * tables in a schema of their own (tests give each store one).
 *
 * @example parsePostgresUrl('postgres:///chancery?host=/var/run/postgresql').display
 * // 'postgres:///chancery?host=/var/run/postgresql'
 */
export function parsePostgresUrl(db: string): PostgresAddress {
  let url: URL;
  try {
    url = new URL(db);
  } catch {
    throw new ChanceryError(
      'store.url',
      `"${redact(db)}" is not a PostgreSQL URL: write it as postgres://user:password@host:port/database (or postgres:///database?host=/var/run/postgresql for a local socket).`,
    );
  }
  if (!/^postgres(ql)?:$/i.test(url.protocol)) {
    throw new ChanceryError(
      'store.url',
      `"${redact(db)}" is not a PostgreSQL URL: it must begin with postgres://.`,
    );
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) {
    throw new ChanceryError(
      'store.url',
      `${redact(db)} names no database: put its name after the host (postgres://host/chancery).`,
    );
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!SCHEMA_NAME.test(schema)) {
    throw new ChanceryError(
      'store.url',
      `${redact(db)}: schema "${schema}" must be lower-case letters, digits and underscores.`,
    );
  }
  const port = url.port ? Number(url.port) : undefined;
  const config: ClientConfig = {
    host:
      url.searchParams.get('host') ??
      (url.hostname ? decodeURIComponent(url.hostname) : '/var/run/postgresql'),
    database,
    ...(port ? { port } : {}),
    // Without a user, the operating system's, as libpq has it.
    user: url.username ? decodeURIComponent(url.username) : (process.env.PGUSER ?? userInfo().username),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.searchParams.get('port') ? { port: Number(url.searchParams.get('port')) } : {}),
  };
  return { config, display: redact(db), schema };
}

/** The URL with its password replaced by `***`. */
export function redact(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1:***@');
}
