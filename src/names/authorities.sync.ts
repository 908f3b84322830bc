import type { Store } from '../store/store.types.ts';
import type { AuthorityIndex } from './authority.index.ts';

/** Loads under way, per index: requests that find the index behind wait for one load. */
const loading = new WeakMap<AuthorityIndex, Promise<void>>();

/**
 * Brings the in-memory authorities up to the store's reconciliation, when this or another
 * process (an ingest beside a server, another web process) reconciled since: every process then
 * expands names the same way. A look at one number when nothing changed.
 *
 * @example await syncAuthorities({ store, authorities }); // before answering a request
 */
export async function syncAuthorities(deps: { store: Store; authorities: AuthorityIndex }): Promise<void> {
  const version = await deps.store.reconciliationVersion();
  if (version === deps.authorities.storeVersion) return;
  let load = loading.get(deps.authorities);
  if (!load) {
    load = (async () => {
      // With nothing reconciled yet, the authority file alone.
      deps.authorities.reset(await deps.store.listReconciled(), version);
    })().finally(() => loading.delete(deps.authorities));
    loading.set(deps.authorities, load);
  }
  await load;
}
