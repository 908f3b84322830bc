import pg from 'pg';
import { sessionOptions } from './postgres.pool.ts';
import { type PostgresAddress, parsePostgresUrl } from './postgres.url.ts';

/** How often the replica's replay is compared with the primary's WAL. */
const CHECK_EVERY_MS = 1000;
/** A replica further behind than this serves no reads until it catches up. */
export const MAX_LAG_MS = 5000;
/** Samples of the primary's WAL position kept to tell how long the replica has been behind. */
const SAMPLES_KEPT = 600;

/** Where reads go now, and why. */
export interface ReadRoute {
  target: 'replica' | 'primary';
  /** Why the reads are on the primary: the replica is down, behind, or not a replica of it. */
  reason: string | null;
  /** How long the replica has been missing writes the primary had, at the last check (ms). */
  lagMs: number | null;
}

export interface ReplicaMonitorOptions {
  primary: string;
  replica: string;
  maxLagMs?: number;
  checkEveryMs?: number;
  /** Where changes of route are said (a server's log). */
  log: (message: string) => void;
}

/**
 * Watches a streaming replica against its primary and says where reads should go. Every second
 * it reads the primary's WAL position (`pg_current_wal_lsn()`) and the replica's last replayed
 * one (`pg_last_wal_replay_lsn()`). Keeping the primary's positions with their times, it knows
 * how long ago the primary was where the replica is now: the replica's lag in time, whether or
 * not the primary is busy (the time of the last replayed transaction, the usual measure, grows on
 * an idle primary). Reads go to the replica while it is up, a standby, at the primary's schema
 * version, and less than `maxLagMs` behind; else to the primary, and each change is logged.
 *
 * @example const monitor = new ReplicaMonitor({ primary, replica, log: console.error }); await monitor.start();
 */
export class ReplicaMonitor {
  private readonly primary: pg.Pool;
  private readonly replica: pg.Pool;
  private readonly replicaDisplay: string;
  private readonly maxLagMs: number;
  private readonly checkEveryMs: number;
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private current: ReadRoute = { target: 'primary', reason: 'not checked yet', lagMs: null };

  constructor(private readonly options: ReplicaMonitorOptions) {
    this.primary = smallPool(parsePostgresUrl(options.primary));
    const replica = parsePostgresUrl(options.replica);
    this.replica = smallPool(replica);
    this.replicaDisplay = replica.display;
    this.maxLagMs = options.maxLagMs ?? MAX_LAG_MS;
    this.checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
  }

  /** Checks once (so the first reads already go the right way), then every second. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  get route(): ReadRoute {
    return this.current;
  }

  /** A read on the replica failed as a replica that is down fails: reads go to the primary until a check finds it back. */
  markDown(error: unknown): void {
    this.switchTo({ target: 'primary', reason: `it is down (${describe(error)})`, lagMs: null });
  }

  /** Compares the replica with the primary once. */
  check(): Promise<void> {
    this.checking ??= this.compare().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    await Promise.all([this.primary.end(), this.replica.end()]);
  }

  private async compare(): Promise<void> {
    let primary: { lsn: string; schema: number };
    try {
      primary = await readPosition(this.primary, 'pg_current_wal_lsn()');
    } catch {
      // The primary itself is down: nothing to compare with; writes and their errors say so.
      return;
    }
    const now = Date.now();
    this.samples.push({ at: now, lsn: parseLsn(primary.lsn) });
    if (this.samples.length > SAMPLES_KEPT) this.samples.shift();
    let replica: { lsn: string | null; schema: number; standby: boolean };
    try {
      const { rows } = await this.replica.query<{ standby: boolean; lsn: string | null; schema: number }>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn,
           (SELECT max(version) FROM schema_migrations) AS schema`,
      );
      replica = rows[0] as { lsn: string | null; schema: number; standby: boolean };
    } catch (error) {
      this.markDown(error);
      return;
    }
    if (!replica.standby || replica.lsn === null) {
      this.switchTo({ target: 'primary', reason: 'it is not a standby in recovery', lagMs: null });
      return;
    }
    const lagMs = this.lagOf(parseLsn(replica.lsn), now);
    if (replica.schema !== primary.schema) {
      this.switchTo({
        target: 'primary',
        reason: `its schema is at version ${replica.schema}, the primary's at ${primary.schema}`,
        lagMs,
      });
    } else if (lagMs > this.maxLagMs) {
      this.switchTo({
        target: 'primary',
        reason: `it is ${(lagMs / 1000).toFixed(1)} s behind the primary (more than ${this.maxLagMs / 1000} s)`,
        lagMs,
      });
    } else {
      this.switchTo({ target: 'replica', reason: null, lagMs });
    }
  }

  /** How long ago the primary first wrote what the replica has not replayed yet; 0 when it has replayed all. */
  private lagOf(replayed: bigint, now: number): number {
    const missing = this.samples.find((s) => s.lsn > replayed);
    return missing ? now - missing.at : 0;
  }

  private switchTo(route: ReadRoute): void {
    const before = this.current;
    this.current = route;
    if (before.target === route.target && before.reason === route.reason) return;
    // A lag that only changes by its figure is one state, not a new message a second.
    if (before.reason?.includes('behind') && route.reason?.includes('behind')) return;
    if (route.target === 'replica') {
      this.options.log(
        `chancery: reading from the replica at ${this.replicaDisplay}; writes go to the primary`,
      );
    } else {
      this.options.log(
        `chancery: reading from the primary, not the replica at ${this.replicaDisplay}: ${route.reason}; reads go back to the replica once it is up to date`,
      );
    }
  }
}

async function readPosition(pool: pg.Pool, lsn: string): Promise<{ lsn: string; schema: number }> {
  const { rows } = await pool.query<{ lsn: string; schema: number }>(
    `SELECT ${lsn}::text AS lsn, (SELECT max(version) FROM schema_migrations) AS schema`,
  );
  return rows[0] as { lsn: string; schema: number };
}

/** An LSN (`16/B374D848`: two 32-bit halves in hex) as a number that compares. */
export function parseLsn(lsn: string): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function smallPool(address: PostgresAddress): pg.Pool {
  const pool = new pg.Pool({
    ...address.config,
    max: 1,
    connectionTimeoutMillis: 2000,
    options: sessionOptions(address),
  });
  pool.on('error', () => {});
  return pool;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOENT: 'no server socket',
    ETIMEDOUT: 'no answer',
    '57P01': 'shut down by its administrator',
    '57P03': 'starting up',
    '3D000': 'no such database there yet',
  };
  return (e.code && reasons[e.code]) ?? e.message ?? String(error);
}
