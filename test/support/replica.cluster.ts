import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** PostgreSQL 15's programs, as Debian installs them (postgresql-15). */
const PG_BIN = process.env.CHANCERY_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PRIMARY_PORT = 5432;
const REPLICA_PORT = 5433;

/** A primary and its hot standby, made for one test file and removed after it. */
export interface ReplicaPair {
  /** `postgres://` URLs of a database on either server (sockets in a directory of the pair's own). */
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Waits until the standby has replayed all the primary has written; how long that took (ms). */
  caughtUp(timeoutMs?: number): Promise<number>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Makes a PostgreSQL 15 cluster in a temporary directory and a streaming replica of it, as an
 * institution runs them: the primary with `wal_level = replica` (the default), the standby made by
 * `pg_basebackup -R` (which writes its `primary_conninfo` and `standby.signal`) and started as a
 * hot standby. Both listen only on Unix sockets in that directory, so nothing clashes with the
 * machine's own cluster or another test run. PostgreSQL refuses to run as root: as root (CI), its
 * programs run as the `postgres` user.
 *
 * @example const pair = await startReplicaPair(); after(() => pair.destroy());
 */
export async function startReplicaPair(): Promise<ReplicaPair> {
  const base = mkdtempSync(join(tmpdir(), 'chancery-replica-'));
  const primaryDir = join(base, 'primary');
  const replicaDir = join(base, 'replica');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(base, uid, gid);
  }
  const pgRun = async (program: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, program), ...args]]
      : [join(PG_BIN, program), args];
    try {
      await run(file, argv, { cwd: base });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${program} ${args.join(' ')} failed: ${e.stderr || e.message}`);
    }
  };
  // The tests connect as the user running them, a superuser of the new cluster.
  const user = userInfo().username;
  await pgRun('initdb', [
    '-D',
    primaryDir,
    `--username=${user}`,
    '--auth=trust',
    '--no-sync',
    '--locale=C',
    '-E',
    'UTF8',
  ]);
  appendFileSync(
    join(primaryDir, 'postgresql.conf'),
    [
      `port = ${PRIMARY_PORT}`,
      "listen_addresses = ''",
      `unix_socket_directories = '${base}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'shared_buffers = 16MB',
      // A test's cluster need not survive a crash of the machine.
      'fsync = off',
      '',
    ].join('\n'),
  );
  const pgCtl = (dir: string, action: string, ...more: string[]) =>
    pgRun('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', ...more, action]);
  await pgCtl(primaryDir, 'start');
  await pgRun('pg_basebackup', [
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
    '--checkpoint=fast',
    '-h',
    base,
    '-p',
    String(PRIMARY_PORT),
    '-U',
    user,
  ]);
  appendFileSync(join(replicaDir, 'postgresql.conf'), `port = ${REPLICA_PORT}\nhot_standby = on\n`);
  await pgCtl(replicaDir, 'start');

  const url = (port: number, database: string) =>
    `postgres:///${database}?host=${encodeURIComponent(base)}&port=${port}`;
  const query = async <T extends pg.QueryResultRow>(port: number, sql: string): Promise<T | undefined> => {
    const client = new pg.Client({ host: base, port, user, database: 'postgres' });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows[0];
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl: (database) => url(PRIMARY_PORT, database),
    replicaUrl: (database) => url(REPLICA_PORT, database),
    async caughtUp(timeoutMs = 30_000) {
      const started = performance.now();
      const target = (await query<{ lsn: string }>(PRIMARY_PORT, 'SELECT pg_current_wal_lsn()::text AS lsn'))
        ?.lsn;
      for (;;) {
        const reached = await query<{ ok: boolean }>(
          REPLICA_PORT,
          `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS ok`,
        );
        if (reached?.ok) return performance.now() - started;
        if (performance.now() - started > timeoutMs)
          throw new Error(`the replica did not replay up to ${target} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    pauseReplay: async () => void (await query(REPLICA_PORT, 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await query(REPLICA_PORT, 'SELECT pg_wal_replay_resume()')),
    stopReplica: () => pgCtl(replicaDir, 'stop', '-m', 'fast'),
    startReplica: () => pgCtl(replicaDir, 'start'),
    async destroy() {
      await pgCtl(replicaDir, 'stop', '-m', 'immediate').catch(() => {});
      await pgCtl(primaryDir, 'stop', '-m', 'immediate').catch(() => {});
      rmSync(base, { recursive: true, force: true });
    },
  };
}
