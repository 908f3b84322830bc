import type { SearchIndex } from '../../search/search-index.types.ts';
import type { Store } from '../store.types.ts';
import type { ReplicaMonitor } from './replica.monitor.ts';

/**
 * The reads that a reading room and an API make, which a replica may answer. Everything else
 * (writes; exports and copies, which walk the archive through long-lived reads that a standby may
 * cancel while it replays) goes to the primary.
 */
const STORE_READS = [
  'getRecord',
  'getRecordWithPublication',
  'getRecordVersion',
  'listVersions',
  'listRecords',
  'countRecords',
  'getRecordSummaries',
  'getRecordPlacement',
  'listChanges',
  'getSource',
  'getCollection',
  'listCollections',
  'getAuthority',
  'listAuthorities',
  'reconciliationVersion',
  'getReconciled',
  'listReconciled',
  'countReconciled',
  'listReview',
] as const satisfies readonly (keyof Store)[];

const SEARCH_READS = [
  'count',
  'page',
  'hitSources',
  'nameForms',
  'generation',
  'listCorrespondence',
  'findCorrespondence',
  'countDocumentsLinking',
] as const satisfies readonly (keyof SearchIndex)[];

/**
 * Errors after which a read is answered by the primary: the replica cannot be reached or is
 * restarting (connection errors, class 08, 57P01–57P03), has not yet replayed the database's creation (3D000), or cancelled the query to replay the
 * primary's changes (40001, "conflict with recovery"). Other errors (a search past its time
 * budget, a bad query) are the read's own and are thrown as they are.
 */
function replicaUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  if (/^(ECONNREFUSED|ECONNRESET|ENOENT|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(code)) return true;
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '40001', '3D000'].includes(code)) return true;
  const message = (error as { message?: string }).message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}

/**
 * A store and a search index that answer reads from the replica while the monitor finds it up to
 * date, and from the primary otherwise; writes always go to the primary. A read the replica fails
 * to answer (it went down between two checks) is answered by the primary, and the replica left
 * aside until the monitor finds it back: a reader never sees the replica's failure.
 *
 * @example const reader = routeReads({ primary: app, replica, monitor });
 */
export function routeReads(deps: {
  primary: { store: Store; search: SearchIndex };
  replica: { store: Store; search: SearchIndex };
  monitor: ReplicaMonitor;
}): { store: Store; search: SearchIndex } {
  const { monitor } = deps;
  const route = <T extends object>(primary: T, replica: T, reads: readonly string[]): T => {
    const routed = new Set(reads);
    return new Proxy(primary, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || !routed.has(property) || typeof value !== 'function') {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (...args: unknown[]) => {
          if (monitor.route.target === 'primary') return value.apply(target, args);
          try {
            return await (Reflect.get(replica, property) as (...a: unknown[]) => Promise<unknown>).apply(
              replica,
              args,
            );
          } catch (error) {
            if (!replicaUnavailable(error)) throw error;
            if ((error as { code?: string }).code !== '40001') monitor.markDown(error);
            return value.apply(target, args);
          }
        };
      },
    });
  };
  return {
    store: route(deps.primary.store, deps.replica.store, STORE_READS),
    search: route(deps.primary.search, deps.replica.search, SEARCH_READS),
  };
}
