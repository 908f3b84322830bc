import type { Actor } from '../accounts/accounts.types.ts';
import { reconcileArchive } from '../names/archive.reconcile.ts';
import type { Reconciliation } from '../names/authorities.reconcile.ts';
import { type AuthorityDecision, checkDecision, membersNamed } from '../names/authority.decisions.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { Store } from '../store/store.types.ts';
import { checkNote } from './record.edit.ts';

/**
 * An editor's decision on people, places or organizations (merge two, split one, rename it, add or
 * remove a name form with its source, settle a review item): checked against the archive as it
 * is, kept with who, when and why and its audit entry, then the archive reconciled again with it,
 * so that every record linking the authorities follows at once and after every later ingest.
 * The reconciliation after the decision.
 *
 * @example await decideAuthority(app, { kind: 'merge', into: 'frus1952-54v15p1-p_KIS1', from: 'kim-il-sung' }, 'One man', actor)
 */
export async function decideAuthority(
  deps: { store: Store; authorities: AuthorityIndex; now?: () => Date },
  decision: AuthorityDecision,
  note: string,
  actor: Actor,
): Promise<Reconciliation> {
  const why = checkNote(note);
  // Checked against the authorities it names alone: the reconciliation after it reads the rest.
  const named = membersNamed(decision);
  const groups = await deps.store.getReconciledOfMembers(named);
  checkDecision(decision, groups);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const member = named[0];
  await deps.store.addAuthorityDecision(
    { decision, at, actor: actor.name, note: why },
    {
      at,
      actor: actor.name,
      action: `authority.${decision.kind}`,
      target: groups.get(member ?? '')?.id ?? member ?? '',
      detail: { ...decision },
      reason: why,
      address: actor.address,
    },
  );
  return reconcileArchive(deps);
}
