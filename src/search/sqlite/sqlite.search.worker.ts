import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteAuthorities } from '../../store/sqlite/sqlite.authorities.ts';
import { SqliteMatches } from './sqlite.matches.ts';
import { SqliteRanker } from './sqlite.rank.ts';
import type { SearchReply, SearchRequest } from './sqlite.search-threads.ts';

/**
 * A search worker of a SQLite archive (sqlite.search-threads.ts): its own read-only connection,
 * its own facet columns, one count or page at a time.
 */
const { path } = workerData as { path: string };
const db = new Database(path, { readonly: true, fileMustExist: true });
const authorities = new SqliteAuthorities(db);
const matches = new SqliteMatches(db, () => authorities.grouping());
const ranker = new SqliteRanker(db, matches);
const port = parentPort;
if (!port) throw new Error('sqlite.search.worker.ts runs as a worker thread');

port.on('message', (request: SearchRequest) => {
  let reply: SearchReply;
  try {
    reply =
      request.kind === 'count'
        ? { id: request.id, result: matches.count(request.plan, request.facetLimit) }
        : { id: request.id, result: ranker.page(request.plan, request.window) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
