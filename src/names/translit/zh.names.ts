import { readTable } from './romanization.tables.ts';

/** Where the dictionary tables live (not romanization systems: names, from a published dictionary). */
const DICTIONARIES_DIR = new URL('../../../data/dictionaries/', import.meta.url);

interface ZhNames {
  /** Folded Latin name → the Chinese names (simplified) CC-CEDICT gives it for. */
  byLatin: Map<string, string[]>;
  /** A Chinese name the dictionary holds, simplified or traditional → its simplified characters. */
  byHan: Map<string, string[]>;
}

let table: ZhNames | undefined;

/**
 * The Chinese names (in simplified characters) CC-CEDICT gives this Latin name for, where the
 * name is no reading of them: "Chiang Kai-shek" → 蒋介石, "Hong Kong" → 香港, "Syngman Rhee" →
 * 李承晚 (`data/dictionaries/zh-names.tsv`, extracted by scripts/zh-names.extract.ts). The
 * Wade–Giles of Chiang Kai-shek's name is Chiang Chieh-shih: his own spelling, like Sun Yat-sen's,
 * is Cantonese, and no system derives it.
 *
 * @example dictionaryHanOfLatin('Chiang Kai-shek') // ['蒋介石']
 */
export function dictionaryHanOfLatin(form: string): readonly string[] {
  // Initials alone ("J.", "A. B.") fold to nothing, and are no name.
  const folded = foldLatin(form);
  return folded ? (zhNames().byLatin.get(folded) ?? []) : [];
}

/**
 * A Chinese name the dictionary gives a Latin name for, in simplified characters.
 *
 * @example dictionaryHanOfHan('蔣介石') // ['蒋介石']
 */
export function dictionaryHanOfHan(form: string): readonly string[] {
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
  const add = (map: Map<string, string[]>, key: string, han: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(han)) list.push(han);
    map.set(key, list);
  };
  for (const row of readTable('zh-names.tsv', DICTIONARIES_DIR)) {
    const simplified = row.simplified ?? '';
    const latin = foldLatin(row.latin ?? '');
    if (latin) add(byLatin, latin, simplified);
    add(byHan, simplified, simplified);
    add(byHan, row.traditional ?? '', simplified);
  }
  table = { byLatin, byHan };
  return table;
}
