import type { Authority, AuthorityDescription, NameForm } from '../record/record.types.ts';

/** The `source` of the authorities that ship with Chancery (`data/authorities/`). */
export const SHIPPED_SOURCE = 'authority file';

/**
 * One authority from the authorities of several sources that name the same person, place or
 * body: every name form and description kept with its source and the member it came from, the
 * members listed with the authority file's first (records link members, never the merged id).
 *
 * @example mergeAuthorities([shippedStalin, frusStalin], { id: 'stalin', name: 'Joseph Stalin' })
 */
export function mergeAuthorities(
  members: readonly Authority[],
  identity: { id: string; name: string },
): Authority {
  const shipped = (a: Authority) => Number(a.source === SHIPPED_SOURCE);
  const ordered = [...members].sort(
    (a, b) => shipped(b) - shipped(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const first = ordered[0] as Authority;
  const names: NameForm[] = [];
  const seen = new Set<string>();
  for (const member of ordered) {
    for (const form of [{ form: member.name, kind: 'variant' as const }, ...member.names]) {
      const key = `${form.form}\u0000${member.source ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind =
        form.form === identity.name ? 'preferred' : form.kind === 'preferred' ? 'variant' : form.kind;
      names.push({
        ...form,
        kind,
        ...(member.source && !form.source ? { source: member.source } : {}),
        member: member.id,
      });
    }
  }
  const descriptions: AuthorityDescription[] = ordered.flatMap((member) =>
    member.descriptions?.length
      ? member.descriptions
      : member.description
        ? [{ text: member.description, source: member.source ?? SHIPPED_SOURCE }]
        : [],
  );
  const externalIds = ordered.flatMap((m) => m.externalIds ?? []);
  const offices = ordered.flatMap((m) => m.offices ?? []);
  return {
    id: identity.id,
    kind: first.kind,
    name: identity.name,
    names,
    description: first.description ?? descriptions[0]?.text ?? null,
    ...(descriptions.length ? { descriptions } : {}),
    ...(externalIds.length ? { externalIds } : {}),
    ...(offices.length ? { offices } : {}),
    members: ordered.map((m) => m.id),
  };
}

/** Longest slug kept whole; a longer name is cut and told apart by a hash of the whole. */
const SLUG_LENGTH = 60;

/** A readable, stable id from a name: "Andrei A. Gromyko" → "andrei-a-gromyko". */
export function slugOf(name: string): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'authority';
  if (slug.length <= SLUG_LENGTH) return slug;
  let hash = 0;
  for (let i = 0; i < slug.length; i++) hash = (Math.imul(hash, 31) + slug.charCodeAt(i)) >>> 0;
  return `${slug.slice(0, SLUG_LENGTH).replace(/-$/, '')}-${hash.toString(36)}`;
}
