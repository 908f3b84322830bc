import type { AuthorityIndex } from '../../names/authority.index.ts';
import type { Authority } from '../../record/record.types.ts';
import { entityToken } from '../entity.token.ts';
import { chineseNameAt } from './query.syllables.ts';
import type { QueryNode } from './query.types.ts';

/** The longest run of words tried as one name ("Kim Il Sung", "Kim Il-sung" is one word). */
const MAX_NAME_WORDS = 4;

/**
 * Replaces words and phrases that name a person, place or organization of the authority file
 * with a `name` node that matches every form of it: `Stalin` then finds Filippov and Филиппов,
 * `Kaesong` finds Кайдзъё. A name is looked up by its normalized form first, then by its
 * romanization key (Kim Il-sung, Ким Ир Сен, 김일성).
 *
 * @example expandNames(parseQuery('Kim Il Sung armistice'), authorities)
 */
export function expandNames(node: QueryNode, authorities: AuthorityIndex): QueryNode {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: expandRuns(node.children, authorities) };
    case 'or':
      return { kind: 'or', children: node.children.map((child) => expandNames(child, authorities)) };
    case 'not':
      return { kind: 'not', child: expandNames(node.child, authorities) };
    case 'word':
    case 'phrase': {
      const [expanded] = expandRuns([node], authorities);
      return expanded ?? node;
    }
    default:
      return node;
  }
}

function expandRuns(children: QueryNode[], authorities: AuthorityIndex): QueryNode[] {
  const out: QueryNode[] = [];
  // Words before this are syllables of a Chinese name no authority knows.
  let syllablesUntil = 0;
  for (let i = 0; i < children.length; ) {
    const child = children[i] as QueryNode;
    if (child.kind === 'phrase') {
      out.push(nameNode(child.text, authorities) ?? child);
      i++;
      continue;
    }
    if (child.kind !== 'word') {
      out.push(expandNames(child, authorities));
      i++;
      continue;
    }
    let matched = false;
    for (let length = Math.min(MAX_NAME_WORDS, children.length - i); length >= 2 && !matched; length--) {
      const run = children.slice(i, i + length);
      if (!run.every((n) => n.kind === 'word')) continue;
      const text = run.map((n) => (n as { text: string }).text).join(' ');
      const name = nameNode(text, authorities);
      if (name) {
        out.push(name);
        i += length;
        matched = true;
      }
    }
    if (matched) continue;
    // A syllable of a Chinese name no authority knows is read as Chinese only: "Мао" of "Мао
    // Чжоу" is Mao, but "Ху" of "Ху Ши" (Hu Shih) is not Tran Van Huu, whose name Russian writes
    // so. The spellings the texts write of the whole are then looked for (query.variants.ts).
    syllablesUntil = Math.max(syllablesUntil, i + chineseNameAt(children, i, MAX_NAME_WORDS));
    out.push(nameNode(child.text, authorities, { chinese: i < syllablesUntil }) ?? child);
    i++;
  }
  return out;
}

function nameNode(
  text: string,
  authorities: AuthorityIndex,
  options: { chinese?: boolean } = {},
): QueryNode | undefined {
  const authority = findNamed(text, authorities, options);
  if (!authority) return undefined;
  const forms = new Map<string, string>([[text, 'und']]);
  forms.set(authority.name, 'und');
  for (const name of authority.names) forms.set(name.form, name.language ?? 'und');
  return {
    kind: 'name',
    text,
    authorityId: authority.id,
    forms: [...forms].map(([form, language]) => ({ form, language })),
    entities: (authority.members ?? [authority.id]).map(entityToken),
  };
}

function findNamed(
  text: string,
  authorities: AuthorityIndex,
  options: { chinese?: boolean },
): Authority | undefined {
  for (const kind of ['person', 'place', 'organization'] as const) {
    const found = authorities.find(text, kind);
    if (found) return found;
  }
  for (const kind of ['person', 'place'] as const) {
    const found = authorities.findByRomanization(text, kind, options);
    if (found) return found;
  }
  return undefined;
}
