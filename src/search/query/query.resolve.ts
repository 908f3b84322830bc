import type { AuthorityIndex } from '../../names/authority.index.ts';
import { normalizeName } from '../../names/name.normalize.ts';
import { officeId } from '../../names/office.name.ts';
import type { Authority, AuthorityKind } from '../../record/record.types.ts';
import type { IndexFacet, QueryNode } from './query.types.ts';

/**
 * Turns `field:value` nodes into filters on the values the index stores: `author:Filippov`
 * becomes the author facet value `stalin`, plus the written forms for names the authority file
 * does not know. Backend-independent: every storage driver receives the same resolved tree.
 */
export function resolveFields(node: QueryNode, authorities: AuthorityIndex): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map((c) => resolveFields(c, authorities)) };
    case 'not':
      return { kind: 'not', child: resolveFields(node.child, authorities) };
    case 'field':
      return resolveField(node.field, node.value, authorities);
    default:
      return node;
  }
}

function resolveField(
  field: Extract<QueryNode, { kind: 'field' }>['field'],
  value: string,
  authorities: AuthorityIndex,
): QueryNode {
  const filter = (facets: IndexFacet[], values: string[]): QueryNode => ({
    kind: 'filter',
    field,
    facets,
    values,
  });
  switch (field) {
    case 'author':
      return filter(['author', 'author-office'], agentValues(value, authorities));
    case 'recipient':
      return filter(['recipient', 'recipient-office'], agentValues(value, authorities));
    case 'person':
      return filter(['author', 'recipient', 'person'], agentValues(value, authorities));
    case 'place':
      return filter(['place'], nameValues(value, 'place', authorities));
    case 'archive':
      return filter(['archive'], archiveFacetValues(value, authorities));
    case 'type':
      return filter(['type'], [typeValue(value)]);
    case 'lang':
      return filter(['lang'], [languageValue(value)]);
    case 'collection':
      return filter(['collection'], [value]);
  }
}

/** How the index stores a person or place: the authority id, else the normalized written name. */
export function nameFacetValue(authorityId: string | null, name: string): string {
  return authorityId ?? `n:${normalizeName(name)}`;
}

/**
 * Who an author, recipient or person field means: the person of that name ("Dean Acheson"), or
 * everyone a partial name fits ("Acheson": any Acheson; a field searches, it does not decide who
 * is who), or an office or body ("Secretary of State"), with the written name for records whose
 * agent is linked to none.
 */
function agentValues(value: string, authorities: AuthorityIndex): string[] {
  const offices = [authorities.find(value, 'organization')];
  const values = [...peopleNamed(value, authorities), ...offices].flatMap((a) =>
    a ? authorityFacetValues(a) : [],
  );
  return unique([nameFacetValue(null, value), officeId(value), ...values]);
}

/** The people a field's value names: by their name forms, else by how the name sounds in another script. */
export function peopleNamed(value: string, authorities: AuthorityIndex): Authority[] {
  const people = authorities.findAll(value, 'person');
  if (people.length > 0) return people;
  const bySound = authorities.findByRomanization(value, 'person');
  return bySound ? [bySound] : [];
}

function nameValues(value: string, kind: AuthorityKind, authorities: AuthorityIndex): string[] {
  const authority = authorities.find(value, kind) ?? authorities.findByRomanization(value, kind);
  return authority ? authorityFacetValues(authority) : [nameFacetValue(null, value)];
}

/**
 * Every value the index may hold for a person, place or body: the id of each source's record of
 * it (records link those), its own id, and each of its name forms as a written name (for records
 * whose agent is linked to none).
 */
export function authorityFacetValues(authority: Authority): string[] {
  const forms = [authority.name, ...authority.names.map((n) => n.form)];
  return unique([
    authority.id,
    ...(authority.members ?? []),
    ...forms.map((form) => nameFacetValue(null, form)),
  ]);
}

/** The values the index holds for an archive: each name form of it, normalized (RGASPI, РГАСПИ). */
export function archiveFacetValues(name: string, authorities: AuthorityIndex): string[] {
  const archive = authorities.find(name, 'organization');
  const forms = archive ? [archive.name, ...archive.names.map((n) => n.form)] : [name];
  return unique(forms.map(normalizeName));
}

/** `type:memorandum of conversation` and `type:Memorandum-of-Conversation` are one type. */
export function typeValue(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

const LANGUAGE_NAMES: Record<string, string> = {
  russian: 'ru',
  english: 'en',
  chinese: 'zh',
  korean: 'ko',
  german: 'de',
  french: 'fr',
  japanese: 'ja',
};

/** `lang:ru`, `lang:zh-Hans` and `lang:Russian` name languages by their primary subtag. */
export function languageValue(value: string): string {
  const lower = value.trim().toLowerCase();
  return LANGUAGE_NAMES[lower] ?? lower.split('-')[0] ?? lower;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
