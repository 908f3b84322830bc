import type { Authority, AuthorityKind } from '../record/record.types.ts';
import { mergeAuthorities, SHIPPED_SOURCE, slugOf } from './authority.merge.ts';
import { normalizeName } from './name.normalize.ts';
import { type ReviewItem, reconcilePeople } from './people.reconcile.ts';

/** The archive's authorities as reconciled: what records link (members) and what readers see. */
export interface Reconciliation {
  /** Reconciled people, places and organizations; each lists its `members`. */
  authorities: Authority[];
  /** Member id → reconciled id, for every member (a reconciled id is not a member of itself). */
  groupOf: Map<string, string>;
  review: ReviewItem[];
}

/**
 * Reconciles every authority the archive holds, the authority file's included: people on the
 * evidence of names, descriptions, offices and dates (people.reconcile.ts); places and
 * organizations when they share a name form ("Seoul" of a FRUS dateline and the authority file's
 * Seoul; "org:secretary-state" of every volume). Glossary terms stay with their volume.
 * Deterministic: the same authorities give the same result, whatever order they came in.
 *
 * @example const reconciled = reconcileAuthorities([...shipped, ...(await store.listAuthorities())]);
 */
export function reconcileAuthorities(authorities: readonly Authority[]): Reconciliation {
  const byId = new Map<string, Authority>();
  // The authority file and the store can hold the same id: the authority file's wins.
  for (const authority of authorities) {
    if (!byId.has(authority.id) || authority.source === SHIPPED_SOURCE) byId.set(authority.id, authority);
  }
  const all = [...byId.values()];
  // One id space for every kind: the authority file's ids first, then each kind in turn.
  const taken = new Set(all.filter((a) => a.source === SHIPPED_SOURCE).map((a) => a.id));
  const places = reconcileByName(
    all.filter((a) => a.kind === 'place'),
    taken,
  );
  const organizations = reconcileByName(
    all.filter((a) => a.kind === 'organization'),
    taken,
  );
  const people = reconcilePeople(
    all.filter((a) => a.kind === 'person'),
    taken,
  );
  const groupOf = new Map([...people.groupOf, ...places.groupOf, ...organizations.groupOf]);
  return {
    authorities: [...people.people, ...places.authorities, ...organizations.authorities],
    groupOf,
    review: people.review,
  };
}

/**
 * Places and bodies are one when two sources write one of their names alike; the authority
 * file's id and name stand for the whole. Union–find over shared normalized forms.
 */
function reconcileByName(
  authorities: Authority[],
  taken: Set<string>,
): {
  authorities: Authority[];
  groupOf: Map<string, string>;
} {
  const sorted = [...authorities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const byForm = new Map<string, number>();
  for (const [index, authority] of sorted.entries()) {
    for (const form of [authority.name, ...authority.names.map((n) => n.form)]) {
      const key = normalizeName(form);
      if (!key) continue;
      const other = byForm.get(key);
      if (other === undefined) byForm.set(key, index);
      else {
        const [a, b] = [find(index), find(other)];
        // Two entries of the authority file are two places even when they share a name.
        if (a !== b && !(isShipped(sorted[a]) && isShipped(sorted[b])))
          parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, Authority[]>();
  for (const [index, authority] of sorted.entries()) {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), authority]);
  }
  const result: Authority[] = [];
  const groupOf = new Map<string, string>();
  for (const members of groups.values()) {
    const shipped = members.find(isShipped);
    const name = shipped?.name ?? (members[0] as Authority).name;
    let id = shipped?.id ?? (members.length === 1 ? (members[0] as Authority).id : slugOf(name));
    // The authority file's id is its own (reserved beforehand); any other is made free of them.
    if (!shipped) for (let n = 2; taken.has(id); n++) id = `${slugOf(name)}-${n}`;
    taken.add(id);
    result.push(mergeAuthorities(members, { id, name }));
    for (const member of members) groupOf.set(member.id, id);
  }
  return { authorities: result, groupOf };
}

function isShipped(authority: Authority | undefined): boolean {
  return authority?.source === SHIPPED_SOURCE;
}

/** Kinds that reconcile: glossary terms belong to their volume. */
export const RECONCILED_KINDS: readonly AuthorityKind[] = ['person', 'place', 'organization'];
