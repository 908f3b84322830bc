import { russianNameParticles } from '../../names/translit/romanization.tables.ts';
import type { QueryNode } from './query.types.ts';

/** A name's first letter: a capital of any script. */
const NAME_START = /^\p{Lu}/u;

/**
 * The particles of names typed in Russian, read as the Latin particles they render, before any
 * name is looked up: "де Голль" asks for "de" and "Голль" (whose spellings are found by sound), as
 * "de Gaulle" is written; "фон" before a name is "von", not a name of its own. A particle counts
 * as one only before a capitalized word: "да Гама" is da Gama, "да здравствует" is Russian.
 *
 * @example withLatinParticles(parseQuery('де Голль')) // and(word "de", word "Голль")
 */
export function withLatinParticles(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
      return {
        kind: 'and',
        children: node.children.map((child, i) => {
          const next = node.children[i + 1];
          const particle =
            child.kind === 'word' && next?.kind === 'word' && NAME_START.test(next.text)
              ? russianNameParticles().get(child.text)
              : undefined;
          if (!particle?.length) return withLatinParticles(child);
          const words = particle.map((text): QueryNode => ({ kind: 'word', text }));
          return words.length === 1 ? (words[0] as QueryNode) : { kind: 'or', children: words };
        }),
      };
    case 'or':
      return { kind: 'or', children: node.children.map(withLatinParticles) };
    case 'not':
      return { kind: 'not', child: withLatinParticles(node.child) };
    default:
      return node;
  }
}
