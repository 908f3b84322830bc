import { ChanceryError } from '../errors.ts';
import type { Authority, NameForm } from '../record/record.types.ts';
import type { Reconciliation } from './authorities.reconcile.ts';
import { mergeAuthorities, slugOf } from './authority.merge.ts';

/**
 * An editor's decision about reconciled authorities. Each names the source authorities it is
 * about by their member ids (a persons-list entry, a signature, the authority file's entry), which
 * stay the same however often the archive is reconciled again: a reconciled id may change, what
 * a source gave may not. Decisions are kept in order and applied after every reconciliation, so
 * that an editor's merge survives the next ingest.
 */
export type AuthorityDecision =
  /** The authority holding `from` becomes part of the one holding `into`. */
  | { kind: 'merge'; into: string; from: string }
  /** These members leave their authority and become one of their own. */
  | { kind: 'split'; members: string[] }
  /** The authority holding `member` is called `name`, and described so. */
  | { kind: 'edit'; member: string; name?: string; description?: string | null }
  | { kind: 'add-name'; member: string; form: string; language: string | null; source: string }
  | { kind: 'remove-name'; member: string; form: string }
  /** The review item of `member` is settled: it is an authority of its own. */
  | { kind: 'distinct'; member: string };

/** A decision as kept: in order, with who made it, when and why. */
export interface AuthorityDecisionEntry {
  seq: number;
  decision: AuthorityDecision;
  at: string;
  actor: string;
  note: string;
}

/**
 * The reconciliation with the editors' decisions applied, in their order. A decision that no
 * longer applies (its members gone from the sources, a merge already made) changes nothing.
 * Deterministic, and a decision applied twice does what it did once.
 *
 * @example const decided = applyDecisions(reconcileAuthorities(all), sourcesById, decisions);
 */
export function applyDecisions(
  reconciliation: Reconciliation,
  sources: ReadonlyMap<string, Authority>,
  decisions: readonly AuthorityDecision[],
): Reconciliation {
  if (decisions.length === 0) return reconciliation;
  const groupOf = new Map(reconciliation.groupOf);
  const byId = new Map(reconciliation.authorities.map((a) => [a.id, a]));
  const membersOf = new Map<string, string[]>();
  for (const [member, id] of groupOf) membersOf.set(id, [...(membersOf.get(id) ?? []), member]);
  const changed = new Set<string>();
  const renamed = new Map<string, string>();
  let review = reconciliation.review;
  const settle = (member: string) => {
    review = review.filter((item) => item.memberId !== member);
  };

  for (const decision of decisions) {
    if (decision.kind === 'merge') {
      const into = groupOf.get(decision.into);
      const from = groupOf.get(decision.from);
      if (!into || !from || into === from || byId.get(into)?.kind !== byId.get(from)?.kind) continue;
      for (const member of membersOf.get(from) ?? []) groupOf.set(member, into);
      membersOf.set(into, [...(membersOf.get(into) ?? []), ...(membersOf.get(from) ?? [])]);
      membersOf.delete(from);
      byId.delete(from);
      renamed.set(from, into);
      changed.add(into);
      settle(decision.into);
      settle(decision.from);
    } else if (decision.kind === 'split') {
      const present = decision.members.filter((m) => groupOf.has(m));
      const group = groupOf.get(present[0] ?? '');
      if (!group || present.some((m) => groupOf.get(m) !== group)) continue;
      const rest = (membersOf.get(group) ?? []).filter((m) => !present.includes(m));
      if (rest.length === 0) continue;
      const first = sources.get([...present].sort()[0] as string);
      const id = freeId(slugOf(first?.name ?? present[0] ?? 'authority'), byId);
      byId.set(id, { ...(byId.get(group) as Authority), id, name: first?.name ?? id });
      membersOf.set(group, rest);
      membersOf.set(id, present);
      for (const member of present) groupOf.set(member, id);
      changed.add(group);
      changed.add(id);
      for (const member of present) settle(member);
    } else if (decision.kind === 'distinct') {
      settle(decision.member);
    }
  }

  // Authorities whose members changed are made again from their members' own forms.
  for (const id of changed) {
    const members = (membersOf.get(id) ?? []).flatMap((m) => sources.get(m) ?? []);
    const current = byId.get(id);
    if (!current || members.length === 0) continue;
    byId.set(id, mergeAuthorities(members, { id, name: current.name }));
  }
  // Names and descriptions follow the member they were given for, wherever it went since.
  for (const decision of decisions) {
    if (decision.kind === 'merge' || decision.kind === 'split' || decision.kind === 'distinct') continue;
    const id = groupOf.get(decision.member);
    const authority = id ? byId.get(id) : undefined;
    if (!id || !authority) continue;
    byId.set(id, edited(authority, decision));
  }
  // A candidate merged away is the authority it went into, through every later merge (an id a
  // split made again may have been merged away before: the walk stops where it has been).
  const survivor = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    while (renamed.has(at) && !seen.has(at) && byId.get(at) === undefined) {
      seen.add(at);
      at = renamed.get(at) as string;
    }
    return at;
  };
  return {
    authorities: [...byId.values()],
    groupOf,
    review: review.map((item) => ({ ...item, candidates: [...new Set(item.candidates.map(survivor))] })),
  };
}

function edited(
  authority: Authority,
  decision: Exclude<AuthorityDecision, { kind: 'merge' | 'split' | 'distinct' }>,
): Authority {
  switch (decision.kind) {
    case 'edit': {
      const name = decision.name ?? authority.name;
      return {
        ...authority,
        name,
        names: withPreferred(authority.names, name),
        ...(decision.description !== undefined ? { description: decision.description } : {}),
      };
    }
    case 'add-name': {
      if (authority.names.some((n) => n.form === decision.form && n.source === decision.source))
        return authority;
      const form: NameForm = {
        form: decision.form,
        kind: 'variant',
        source: decision.source,
        ...(decision.language ? { language: decision.language } : {}),
      };
      return { ...authority, names: [...authority.names, form] };
    }
    case 'remove-name':
      // The preferred name is changed, not removed: an authority always has one.
      if (decision.form === authority.name) return authority;
      return { ...authority, names: authority.names.filter((n) => n.form !== decision.form) };
  }
}

/** The forms with `name` as the one preferred form (added when no source wrote it so). */
function withPreferred(names: NameForm[], name: string): NameForm[] {
  const marked = names.map((n): NameForm => {
    if (n.form === name) return { ...n, kind: 'preferred' };
    return n.kind === 'preferred' ? { ...n, kind: 'variant' } : n;
  });
  return marked.some((n) => n.form === name)
    ? marked
    : [{ form: name, kind: 'preferred', source: 'editor' }, ...marked];
}

function freeId(base: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The members a decision names, the one it is about first: what checking it reads. */
export function membersNamed(decision: AuthorityDecision): string[] {
  switch (decision.kind) {
    case 'merge':
      return [decision.into, decision.from];
    case 'split':
      return decision.members;
    default:
      return [decision.member];
  }
}

/**
 * A decision checked against the reconciled authorities of the members it names (`membersNamed`),
 * by member: the members exist, a merge joins two authorities of one kind, a split leaves some
 * members behind. The message names what is wrong.
 */
export function checkDecision(decision: AuthorityDecision, groups: ReadonlyMap<string, Authority>): void {
  const known = (member: string, field: string): Authority => {
    const group = groups.get(member);
    if (!group)
      invalid(
        field,
        `"${member}" is no source's authority in this archive (the ids are listed on the authority's page)`,
      );
    return group;
  };
  switch (decision.kind) {
    case 'merge': {
      const into = known(decision.into, 'into');
      const from = known(decision.from, 'from');
      if (into.id === from.id) invalid('from', 'is already part of the same authority');
      if (into.kind !== from.kind)
        invalid('from', `is a ${from.kind}; only authorities of one kind are merged`);
      return;
    }
    case 'split': {
      if (decision.members.length === 0)
        invalid('members', 'choose the forms of the sources that are someone else');
      const of = decision.members.map((m) => known(m, 'members'));
      if (new Set(of.map((group) => group.id)).size > 1)
        invalid('members', 'belong to different authorities; split one at a time');
      const all = of[0]?.members?.length ?? 0;
      if (decision.members.length >= all) invalid('members', 'are every member; leave at least one behind');
      return;
    }
    case 'edit':
      known(decision.member, 'member');
      if (decision.name !== undefined && !decision.name.trim()) invalid('name', 'an authority needs a name');
      return;
    case 'add-name':
      known(decision.member, 'member');
      if (!decision.form.trim()) invalid('form', 'write the name form to add');
      if (!decision.source.trim())
        invalid('source', 'say where the form is found (a book, an archive, a document)');
      return;
    case 'remove-name':
    case 'distinct':
      known(decision.member, 'member');
      return;
  }
}

function invalid(field: string, message: string): never {
  throw new ChanceryError('request.invalid_parameter', `${field}: ${message}.`, { field });
}
