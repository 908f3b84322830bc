import type { Store } from '../store/store.types.ts';
import { RECONCILED_KINDS, type Reconciliation, reconcileAuthorities } from './authorities.reconcile.ts';
import type { AuthorityIndex } from './authority.index.ts';

/**
 * Reconciles the authorities the archive holds with the authority file, saves the result, and
 * gives it to the in-memory index: after an ingest, and from `chancery people --reconcile`.
 * Saving writes only what changed, so running it again changes nothing.
 *
 * @example await reconcileArchive({ store, authorities });
 */
export async function reconcileArchive(deps: {
  store: Store;
  authorities: AuthorityIndex;
}): Promise<Reconciliation> {
  const stored = (await deps.store.listAuthorities()).filter((a) => RECONCILED_KINDS.includes(a.kind));
  const reconciliation = reconcileAuthorities([...deps.authorities.base, ...stored]);
  await deps.store.saveReconciliation(reconciliation);
  deps.authorities.reset(reconciliation.authorities, await deps.store.reconciliationVersion());
  return reconciliation;
}
