/**
 * The cost of `nameKeys` on the name forms a search index meets: every distinct capitalized word
 * n-gram (one to three words) of each document of the FRUS volumes in ../shared, and of the
 * Russian seed pages, in document order.
 *
 *   npx tsx bench/name-keys.ts
 *   BENCH_VOLUMES=46 npx tsx bench/name-keys.ts
 *
 * Prints the time to load the module (its tables are built then), the cost of one call on a form
 * never seen (no cache), per script, and the average cost per call over the whole stream with
 * the cache of `nameKeys` (20,000 recent forms), as the search engine calls it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scriptOf } from '../src/names/translit/script.text.ts';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../data/sample/', import.meta.url));
const VOLUMES = Number(process.env.BENCH_VOLUMES ?? 12);

const loadStart = performance.now();
const { createNameKeys, nameKeys } = await import('../src/names/translit/name.keys.ts');
const loadMs = performance.now() - loadStart;

const WORD = /[\p{Lu}\p{Lo}][\p{L}\p{M}’'-]*/u;
const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}’'-]*|[^\s\p{L}\p{M}]+/gu;

/** The distinct capitalized n-grams of one text, in the order they first occur. */
function nameGrams(text: string): string[] {
  const grams = new Set<string>();
  const tokens = text.match(TOKEN) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
      const words = tokens.slice(i, i + n);
      if (!words.every((word) => WORD.test(word) && WORD.exec(word)?.index === 0)) break;
      grams.add(words.join(' '));
    }
  }
  return [...grams];
}

const documents: string[][] = [];
const volumes = readdirSync(`${SHARED}corpus/frus-volumes`)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .slice(0, VOLUMES);
for (const volume of volumes) {
  const xml = readFileSync(`${SHARED}corpus/frus-volumes/${volume}`, 'utf8');
  for (const part of xml.split(/<div[^>]*type="document"/).slice(1)) {
    documents.push(nameGrams(part.replace(/<[^>]+>/g, ' ')));
  }
}
for (const file of readdirSync(SAMPLE)) documents.push(nameGrams(readFileSync(`${SAMPLE}${file}`, 'utf8')));

const stream = documents.flat();
const distinct = [...new Set(stream)];
console.log(
  `${volumes.length} FRUS volumes + seeds: ${documents.length} documents, ${stream.length} calls, ${distinct.length} distinct forms`,
);
console.log(`module load (tables built): ${loadMs.toFixed(0)} ms`);

// One pass over the distinct forms in the order they first occur, with no cache of forms: the
// first indexing of a corpus. The readers' memory of words fills as it goes, as it would then.
const uncached = createNameKeys({ cacheSize: 0 });
const seenWords = new Set<string>();
const cost = new Map<string, { calls: number; ms: number }>();
const add = (group: string, ms: number) => {
  const entry = cost.get(group) ?? { calls: 0, ms: 0 };
  entry.calls++;
  entry.ms += ms;
  cost.set(group, entry);
};
let keys = 0;
for (const form of distinct) {
  const words = form.toLowerCase().split(/[^\p{L}\p{M}]+/u);
  const fresh = words.every((word) => !seenWords.has(word));
  const start = performance.now();
  keys += uncached(form).length;
  const ms = performance.now() - start;
  add('all', ms);
  add(scriptOf(form) ?? 'other', ms);
  if (fresh) add('forms of words not seen before', ms);
  for (const word of words) seenWords.add(word);
}
const us = (group: string) => {
  const entry = cost.get(group);
  return entry ? `${((entry.ms * 1000) / entry.calls).toFixed(1)} µs per call (${entry.calls} forms)` : '—';
};
console.log(
  `no cache of forms, each distinct form once: ${us('all')}, ${(keys / distinct.length).toFixed(1)} keys per form`,
);
for (const group of ['latin', 'cyrillic', 'han', 'hangul', 'other', 'forms of words not seen before']) {
  if (cost.has(group)) console.log(`  ${group}: ${us(group)}`);
}

const start = performance.now();
for (const form of stream) nameKeys(form);
const streamUs = ((performance.now() - start) * 1000) / stream.length;
console.log(`the stream with nameKeys' cache: ${streamUs.toFixed(1)} µs per call on average`);
