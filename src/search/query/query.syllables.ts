import { nameKeys } from '../../names/translit/name.keys.ts';
import type { QueryNode } from './query.types.ts';

/**
 * How many words from `at` on read as one Chinese name in the systems (Palladius, pinyin,
 * Wade–Giles), at most `maxWords`: 2 for "Кан Шэн", "Kang Sheng" or "Ху Ши", whose words are
 * syllables of one name and no names of their own, though Кан is also the Russian form of the
 * Vietnamese Can and Ху of Huu. 0 when no run of two words or more from there reads so.
 *
 * @example chineseNameAt(parseQuery('Ху Ши').children, 0, 3) // 2
 */
export function chineseNameAt(children: readonly QueryNode[], at: number, maxWords: number): number {
  const words: string[] = [];
  for (let i = at; i < children.length && words.length < maxWords; i++) {
    const child = children[i] as QueryNode;
    if (child.kind !== 'word') break;
    words.push(child.text);
  }
  for (let length = words.length; length >= 2; length--) {
    if (nameKeys(words.slice(0, length).join(' ')).some((k) => k.family === 'zh')) return length;
  }
  return 0;
}
