import type { Store } from '../store/store.types.ts';
import { RECONCILED_KINDS, type Reconciliation, reconcileAuthorities } from './authorities.reconcile.ts';
import { applyDecisions } from './authority.decisions.ts';
import type { AuthorityIndex } from './authority.index.ts';

/**
 * Reconciles the authorities the archive holds with the authority file, applies the editors'
 * decisions on them (merges, splits, names) in their order, saves the result, and
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
  const sources = [...deps.authorities.base, ...stored];
  // Editors' merges, splits and names, over what the sources say.
  const decisions = (await deps.store.listAuthorityDecisions()).map((entry) => entry.decision);
  const reconciliation = applyDecisions(
    reconcileAuthorities(sources),
    // The authority file's entry where a source holds the same id, as reconcileAuthorities takes it.
    new Map([...stored, ...deps.authorities.base].map((a) => [a.id, a])),
    decisions,
  );
  await deps.store.saveReconciliation(reconciliation);
  deps.authorities.reset(reconciliation.authorities, await deps.store.reconciliationVersion());
  return reconciliation;
}
