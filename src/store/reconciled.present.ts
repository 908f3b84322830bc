import type { Agent, ChanceryRecord, Mention } from '../record/record.types.ts';

/** What a member id stands for once reconciled. */
export interface Reconciled {
  id: string;
  name: string;
}

/**
 * Member id → reconciled id and name, from the reconciled authorities (`[id, name]`) and the
 * members each stands for (`[member, id]`), as every store backend keeps them. An export names
 * reconciled ids: they stand for themselves.
 */
export function reconciledMembers(
  names: Iterable<[string, string]>,
  memberRows: Iterable<[string, string]>,
): Map<string, Reconciled> {
  const byId = new Map(names);
  const members = new Map<string, Reconciled>();
  for (const [member, id] of memberRows) members.set(member, { id, name: byId.get(id) ?? id });
  for (const [id, name] of byId) if (!members.has(id)) members.set(id, { id, name });
  return members;
}

/**
 * The record as readers see it: each linked person, place or body under its reconciled id and
 * preferred name; the name the document used stays as the alias where it differs.
 */
export function presentReconciled(record: ChanceryRecord, members: Map<string, Reconciled>): ChanceryRecord {
  if (members.size === 0) return record;
  const agent = (a: Agent): Agent => {
    const reconciled = a.personId ? members.get(a.personId) : undefined;
    const office = a.officeId ? members.get(a.officeId) : undefined;
    if (!reconciled && !office) return a;
    const next: Agent = { ...a };
    if (reconciled) {
      next.personId = reconciled.id;
      next.name = reconciled.name;
      next.alias = a.alias ?? (isOtherName(a.name, reconciled.name) ? a.name : null);
    }
    if (office) next.officeId = office.id;
    return next;
  };
  const mention = (m: Mention): Mention => {
    const reconciled = m.authorityId ? members.get(m.authorityId) : undefined;
    return reconciled ? { ...m, authorityId: reconciled.id, name: reconciled.name } : m;
  };
  return {
    ...record,
    authors: record.authors.map(agent),
    recipients: record.recipients.map(agent),
    intermediaries: record.intermediaries.map(agent),
    ...(record.participants ? { participants: record.participants.map(agent) } : {}),
    mentions: record.mentions.map(mention),
  };
}

/** Authorities listed A–Z: people surname first, by name without case, diacritics or a leading article. */
export function authoritySortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(?:the|al|el)[\s-]+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Acheson" is Dean Acheson named short, not another name of him; "Filippov" is. */
function isOtherName(written: string, preferred: string): boolean {
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const w = key(written);
  const p = key(preferred);
  return w !== p && !p.split(' ').includes(w) && !w.split(' ').every((part) => p.split(' ').includes(part));
}
