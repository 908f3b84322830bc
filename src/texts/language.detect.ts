/**
 * Language of a text from its script, and for Latin and Cyrillic script from the short words
 * every text of a language is full of. Deliberately small: the archive's texts are whole
 * paragraphs in a handful of languages, and a wrong guess on a two-word line is worse than none.
 */

/** ISO 639-1 codes of the language names archive pages print ("Original Language: Russian"). */
const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['russian', 'ru'],
  ['русский', 'ru'],
  ['english', 'en'],
  ['chinese', 'zh'],
  ['korean', 'ko'],
  ['japanese', 'ja'],
  ['german', 'de'],
  ['french', 'fr'],
  ['spanish', 'es'],
  ['italian', 'it'],
  ['portuguese', 'pt'],
  ['polish', 'pl'],
  ['czech', 'cs'],
  ['slovak', 'sk'],
  ['hungarian', 'hu'],
  ['romanian', 'ro'],
  ['bulgarian', 'bg'],
  ['serbian', 'sr'],
  ['croatian', 'hr'],
  ['serbo-croatian', 'sh'],
  ['slovenian', 'sl'],
  ['albanian', 'sq'],
  ['ukrainian', 'uk'],
  ['belarusian', 'be'],
  ['mongolian', 'mn'],
  ['vietnamese', 'vi'],
  ['arabic', 'ar'],
  ['hebrew', 'he'],
  ['persian', 'fa'],
  ['farsi', 'fa'],
  ['turkish', 'tr'],
  ['greek', 'el'],
  ['hindi', 'hi'],
  ['indonesian', 'id'],
  ['dutch', 'nl'],
  ['swedish', 'sv'],
  ['finnish', 'fi'],
  ['estonian', 'et'],
  ['latvian', 'lv'],
  ['lithuanian', 'lt'],
  ['georgian', 'ka'],
  ['armenian', 'hy'],
]);

/**
 * The ISO 639-1 code of a language name, or null when the name is not known.
 *
 * @example languageFromName('Russian') // 'ru'
 */
export function languageFromName(name: string): string | null {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, '')
    .replace(/[.:]$/, '');
  return LANGUAGE_NAMES.get(key) ?? (/^[a-z]{2}$/.test(key) ? key : null);
}

/** Frequent short words, enough to tell the languages of one script apart in a paragraph. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'with',
    'on',
    'as',
    'we',
    'our',
    'this',
    'be',
    'not',
    'by',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'von',
    'zu',
    'ein',
    'eine',
    'wir',
    'auf',
    'dem',
  ],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'pour', 'dans', 'du', 'pas', 'nous', 'sur', 'au'],
  es: ['el', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'para', 'con', 'es', 'se', 'no', 'su', 'al'],
  it: ['il', 'gli', 'che', 'di', 'della', 'per', 'una', 'non', 'con', 'sono', 'del', 'alla', 'è'],
  pl: ['nie', 'się', 'jest', 'że', 'na', 'do', 'jak', 'oraz', 'przez', 'dla', 'już', 'tak'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'мы', 'о', 'из', 'то', 'для', 'же', 'к', 'от'],
  uk: ['і', 'що', 'не', 'на', 'з', 'це', 'як', 'ми', 'до', 'та', 'від', 'для', 'є', 'й'],
  bg: ['и', 'на', 'да', 'се', 'че', 'не', 'за', 'от', 'са', 'е', 'по', 'ще', 'със'],
};

const SCRIPT_LANGUAGES: readonly { script: RegExp; languages: readonly string[] | string }[] = [
  { script: /\p{Script=Hangul}/u, languages: 'ko' },
  { script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, languages: 'ja' },
  { script: /\p{Script=Han}/u, languages: 'zh' },
  { script: /\p{Script=Cyrillic}/u, languages: ['ru', 'uk', 'bg'] },
  { script: /\p{Script=Greek}/u, languages: 'el' },
  { script: /\p{Script=Arabic}/u, languages: 'ar' },
  { script: /\p{Script=Hebrew}/u, languages: 'he' },
  { script: /\p{Script=Georgian}/u, languages: 'ka' },
  { script: /\p{Script=Armenian}/u, languages: 'hy' },
  { script: /\p{Script=Latin}/u, languages: ['en', 'de', 'fr', 'es', 'it', 'pl'] },
];

const LETTERS = /\p{L}/gu;

/** Characters whose script is remembered: every letter of the archive's scripts, bounded against noise. */
const SCRIPT_MEMORY = 20_000;

/** The script of each letter met, looked up once: a text is thousands of the same few letters. */
const scripts = new Map<string, (typeof SCRIPT_LANGUAGES)[number] | null>();

function scriptOf(letter: string): (typeof SCRIPT_LANGUAGES)[number] | null {
  let entry = scripts.get(letter);
  if (entry === undefined) {
    entry = SCRIPT_LANGUAGES.find((s) => s.script.test(letter)) ?? null;
    if (scripts.size >= SCRIPT_MEMORY) scripts.clear();
    scripts.set(letter, entry);
  }
  return entry;
}

/** Words of a spaced script: letters, with an apostrophe inside (l'armée, don't). */
const LETTER_RUNS = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * The ISO 639-1 code of the language a text is written in, or null when the text is too short or
 * too mixed to say (a bare number, "FILIPPOV [Stalin]").
 *
 * @example detectLanguage('Товарищ Филиппов! Что касается переговоров о прекращении военных действий') // 'ru'
 * @example detectLanguage('We agree with you that the proposal is unacceptable') // 'en'
 */
export function detectLanguage(text: string): string | null {
  const letters = text.match(LETTERS) ?? [];
  if (letters.length < 3) return null;
  const counts = new Map<(typeof SCRIPT_LANGUAGES)[number], number>();
  for (const ch of letters) {
    const entry = scriptOf(ch);
    if (entry) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  const [dominant, count = 0] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  // Kana mixed with Han is Japanese even when Han characters are the majority.
  if (counts.has(SCRIPT_LANGUAGES[1] as (typeof SCRIPT_LANGUAGES)[number])) return 'ja';
  if (!dominant || count < letters.length / 2) return null;
  if (typeof dominant.languages === 'string') return dominant.languages;
  return byFunctionWords(text, dominant.languages);
}

function byFunctionWords(text: string, languages: readonly string[]): string | null {
  // The scripts told apart by function words (Latin, Cyrillic) put spaces between words: a run of
  // letters is a word, found ten times faster than by ICU's segmenter.
  const words = text.toLowerCase().match(LETTER_RUNS) ?? [];
  // Letters only one language of the script has settle it (Ukrainian і/ї/є/ґ).
  if (languages.includes('uk') && words.some((w) => /[іїєґ]/u.test(w))) return 'uk';
  let best: string | null = null;
  let bestScore = 0;
  for (const language of languages) {
    const set = new Set(FUNCTION_WORDS[language] ?? []);
    const score = words.filter((w) => set.has(w)).length;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Han',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Greek',
  'Arabic',
  'Hebrew',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/**
 * The script most letters of a text are written in ("Latin", "Cyrillic", "Han", …), or null when
 * it has no letters. Tells an English header line from a Russian paragraph even when the line is
 * too short to name its language ("CABLE Nº 21756").
 */
export function dominantScript(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) {
    let script = scriptNames.get(ch);
    if (script === undefined) {
      script = SCRIPT_TESTS.find(([, test]) => test.test(ch))?.[0] ?? null;
      if (scriptNames.size >= SCRIPT_MEMORY) scriptNames.clear();
      scriptNames.set(ch, script);
    }
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The script name of each character met, looked up once (as `scriptOf` does for letters). */
const scriptNames = new Map<string, string | null>();

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'mn', 'kk']);

/** The script a language is usually written in: "ru" → "Cyrillic", "zh" → "Han", "en" → "Latin". */
export function scriptOfLanguage(language: string): string {
  const base = language.split('-')[0] ?? language;
  if (CYRILLIC_LANGUAGES.has(base)) return 'Cyrillic';
  const bySingleScript: Record<string, string> = {
    zh: 'Han',
    ja: 'Han',
    ko: 'Hangul',
    el: 'Greek',
    ar: 'Arabic',
    fa: 'Arabic',
    he: 'Hebrew',
  };
  return bySingleScript[base] ?? 'Latin';
}
