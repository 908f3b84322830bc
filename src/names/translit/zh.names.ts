import { readTable } from './romanization.tables.ts';

/** Where the dictionary tables live (not romanization systems: names, from a published dictionary). */
const DICTIONARIES_DIR = new URL('../../../data/dictionaries/', import.meta.url);

interface ZhNames {
  /** Folded Latin name → the pinyin of the Chinese names CC-CEDICT gives it for. */
  byLatin: Map<string, string[]>;
  /** Chinese characters, simplified or traditional → the dictionary's pinyin of them. */
  byHan: Map<string, string[]>;
}

let table: ZhNames | undefined;

/**
 * The pinyin (toneless, run together, ü as v: zh keys) of the Chinese names CC-CEDICT gives this
 * Latin name for, where the name is no reading of them: "Chiang Kai-shek" → jiangjieshi, "Hong
 * Kong" → xianggang, "Syngman Rhee" → lichengwan (`data/dictionaries/zh-names.tsv`, extracted by
 * scripts/zh-names.extract.ts). The Wade–Giles of Chiang Kai-shek's name is Chiang Chieh-shih:
 * his own spelling, like Sun Yat-sen's, is Cantonese, and no system derives it.
 *
 * @example dictionaryPinyinOfLatin('Chiang Kai-shek') // ['jiangjieshi']
 */
export function dictionaryPinyinOfLatin(form: string): readonly string[] {
  return zhNames().byLatin.get(foldLatin(form)) ?? [];
}

/**
 * The dictionary's pinyin of a Chinese name it holds, where the characters have several readings.
 *
 * @example dictionaryPinyinOfHan('蔣介石') // ['jiangjieshi']
 */
export function dictionaryPinyinOfHan(form: string): readonly string[] {
  return zhNames().byHan.get(form.replace(/[\s·・]/g, '')) ?? [];
}

/**
 * Letters only, lower case, marks and initials dropped: "Chiang Kai-Shek" and "Chiang Kaishek"
 * are one name, and "Nikita S. Khrushchev", as the volumes write him, is the dictionary's "Nikita
 * Khrushchev".
 */
function foldLatin(form: string): string {
  return form
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1)
    .join('');
}

function zhNames(): ZhNames {
  if (table) return table;
  const byLatin = new Map<string, string[]>();
  const byHan = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, pinyin: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(pinyin)) list.push(pinyin);
    map.set(key, list);
  };
  for (const row of readTable('zh-names.tsv', DICTIONARIES_DIR)) {
    const pinyin = row.pinyin ?? '';
    add(byLatin, foldLatin(row.latin ?? ''), pinyin);
    add(byHan, row.simplified ?? '', pinyin);
    add(byHan, row.traditional ?? '', pinyin);
  }
  table = { byLatin, byHan };
  return table;
}
