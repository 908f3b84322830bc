import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteAuthorities } from '../../store/sqlite/sqlite.authorities.ts';
import type { CountReply, CountRequest } from './sqlite.count.thread.ts';
import { SqliteMatches } from './sqlite.matches.ts';

/**
 * The counting worker of a SQLite archive (sqlite.count.thread.ts): its own read-only
 * connection, its own facet columns, one count at a time.
 */
const { path } = workerData as { path: string };
const db = new Database(path, { readonly: true, fileMustExist: true });
const authorities = new SqliteAuthorities(db);
const matches = new SqliteMatches(db, () => authorities.grouping());
const port = parentPort;
if (!port) throw new Error('sqlite.count.worker.ts runs as a worker thread');

port.on('message', ({ id, plan, facetLimit }: CountRequest) => {
  let reply: CountReply;
  try {
    reply = { id, count: matches.count(plan, facetLimit) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
