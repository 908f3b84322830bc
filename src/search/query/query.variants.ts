import { nameKeys } from '../../names/translit/name.keys.ts';
import { scriptOf } from '../../names/translit/script.text.ts';
import { foldTerm } from '../analysis/term.fold.ts';
import type { QueryNode } from './query.types.ts';

/** Forms the archive's vocabulary of names holds under some keys (SQLite: `search_name_keys`). */
export type NameFormLookup = (keys: readonly string[], limit: number) => Promise<string[]>;

/** Spellings of one name taken into a query: enough for every romanization, bounded. */
const MAX_VARIANTS = 24;
/** The longest run of words tried as one name ("Kim Il Sung"). */
const MAX_RUN = 3;

/**
 * Adds to each word or phrase of a query that could be a name the forms the archive's texts write
 * that name in, in other scripts and romanizations, whether or not any authority knows it:
 * "Громыко" → "Gromyko", "毛泽东" → "Mao Tse-tung", "Liu Shaoqi" → "Liu Shao-ch'i",
 * "Эйзенхауэр" → "Eisenhower". Forms meet by the keys of src/names/translit/name.keys.ts: the
 * precise families (Chinese, Korean, Russian systems) whatever the scripts, the loose phonetic
 * one only between scripts. Runs of words are tried whole first ("Kim Il Sung"), then word by word.
 *
 * @example await expandVariants(parseQuery('Громыко Berlin'), lookup)
 * // { kind: 'and', children: [{ kind: 'variants', text: 'Громыко', forms: ['Gromyko'] }, …] }
 */
export async function expandVariants(node: QueryNode, lookup: NameFormLookup): Promise<QueryNode> {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: await expandRuns(node.children, lookup) };
    case 'or':
      return { kind: 'or', children: await Promise.all(node.children.map((c) => expandVariants(c, lookup))) };
    case 'not':
      return { kind: 'not', child: await expandVariants(node.child, lookup) };
    case 'word':
    case 'phrase':
      return (await variantsOf(node.text, lookup)) ?? node;
    default:
      return node;
  }
}

async function expandRuns(children: QueryNode[], lookup: NameFormLookup): Promise<QueryNode[]> {
  const out: QueryNode[] = [];
  for (let i = 0; i < children.length; ) {
    const child = children[i] as QueryNode;
    if (child.kind !== 'word') {
      out.push(await expandVariants(child, lookup));
      i++;
      continue;
    }
    let taken = 0;
    for (let length = Math.min(MAX_RUN, children.length - i); length >= 2 && taken === 0; length--) {
      const run = children.slice(i, i + length);
      if (!run.every((n) => n.kind === 'word')) continue;
      const text = run.map((n) => (n as { text: string }).text).join(' ');
      const found = await variantsOf(text, lookup, { wholeOnly: true });
      if (found) {
        out.push(found);
        taken = length;
      }
    }
    if (taken === 0) {
      out.push((await variantsOf(child.text, lookup)) ?? child);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

async function variantsOf(
  text: string,
  lookup: NameFormLookup,
  options: { wholeOnly?: boolean } = {},
): Promise<QueryNode | undefined> {
  if (text.length < 2 || /^\p{N}+$/u.test(text)) return undefined;
  const keys = nameKeys(text);
  // A run of words is one name only when a system reads it whole (Chinese or Korean syllables).
  const precise = keys.filter((k) => k.family !== 'ph' && (!options.wholeOnly || k.family !== 'ru'));
  const loose = options.wholeOnly ? [] : keys.filter((k) => k.family === 'ph');
  const script = scriptOf(text);
  const typed = fold(text);
  const forms = new Set<string>();
  for (const form of await lookup(precise.map((k) => `${k.family}:${k.key}`), MAX_VARIANTS)) {
    if (fold(form) !== typed) forms.add(form);
  }
  // The loose phonetic key joins scripts only: "Даллес" and "Dulles", never "Dulles" and "Dallas".
  for (const form of await lookup(loose.map((k) => `${k.family}:${k.key}`), MAX_VARIANTS)) {
    if (fold(form) !== typed && scriptOf(form) !== script) forms.add(form);
  }
  if (forms.size === 0) return undefined;
  return { kind: 'variants', text, forms: [...forms].slice(0, MAX_VARIANTS) };
}

function fold(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldTerm)
    .join(' ');
}
