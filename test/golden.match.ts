/**
 * The matching rules of `shared/golden/README.md`, as code: a golden `record` is matched against a
 * record the way the README says, and every difference is reported with its path.
 */

export interface GoldenFile {
  'source.file': string;
  record: Record<string, unknown>;
  absentFromBlocks?: string[];
}

/** One difference between a golden fact and the record: where, and what. */
export interface Mismatch {
  path: string;
  message: string;
}

/** Runs of spaces and line breaks count as one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * All differences between a record and a golden file: the `record` facts, the file name, and the
 * strings that must be absent from every block.
 *
 * @example assert.deepEqual(matchGolden(record, golden), [])
 */
export function matchGolden(record: unknown, golden: GoldenFile): Mismatch[] {
  const mismatches = matchValue(record, golden.record, 'record');
  const file = (record as { source?: { file?: unknown } } | null)?.source?.file;
  if (file !== golden['source.file']) {
    mismatches.push({
      path: 'source.file',
      message: `expected "${golden['source.file']}", got ${show(file)}`,
    });
  }
  mismatches.push(...absentFromBlocks(record, golden.absentFromBlocks ?? []));
  return mismatches;
}

/** Differences between an actual value and an expected one, under the README's rules. */
export function matchValue(actual: unknown, expected: unknown, path: string): Mismatch[] {
  if (expected === null) {
    return actual === null || actual === undefined
      ? []
      : [{ path, message: `expected absent or null, got ${show(actual)}` }];
  }
  if (Array.isArray(expected)) return matchArray(actual, expected, path);
  if (typeof expected === 'object') return matchObject(actual, expected as Record<string, unknown>, path);
  if (typeof expected === 'string') {
    return typeof actual === 'string' && normalizeWhitespace(actual) === normalizeWhitespace(expected)
      ? []
      : [{ path, message: `expected "${expected}", got ${show(actual)}` }];
  }
  return actual === expected ? [] : [{ path, message: `expected ${show(expected)}, got ${show(actual)}` }];
}

function matchArray(actual: unknown, expected: unknown[], path: string): Mismatch[] {
  if (!Array.isArray(actual)) return [{ path, message: `expected an array, got ${show(actual)}` }];
  const mismatches: Mismatch[] = [];
  expected.forEach((element, i) => {
    const tries = actual.map((candidate, k) => matchValue(candidate, element, `${path}[${k}]`));
    if (tries.some((t) => t.length === 0)) return;
    // Report the closest element, so the message says what differs, not only that nothing matched.
    const closest = tries.sort((a, b) => a.length - b.length)[0];
    mismatches.push({
      path: `${path}[expected ${i}]`,
      message: `no element matches ${JSON.stringify(element)}${closest ? `; closest: ${closest.map((m) => `${m.path}: ${m.message}`).join('; ')}` : ' (the array is empty)'}`,
    });
  });
  return mismatches;
}

function matchObject(actual: unknown, expected: Record<string, unknown>, path: string): Mismatch[] {
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
    return [{ path, message: `expected an object, got ${show(actual)}` }];
  }
  const object = actual as Record<string, unknown>;
  const mismatches: Mismatch[] = [];
  for (const [key, want] of Object.entries(expected)) {
    if (key === '#blocks') {
      mismatches.push(...matchCount(blocksOf(object).length, want, `${path}.#blocks`));
    } else if (key.startsWith('#marks.')) {
      const type = key.slice('#marks.'.length);
      const count = blocksOf(object)
        .flatMap(marksOf)
        .filter((m) => m.type === type).length;
      mismatches.push(...matchCount(count, want, `${path}.${key}`));
    } else if (/[~^$]$/.test(key)) {
      mismatches.push(...matchAffix(field(object, key.slice(0, -1)), want, key.slice(-1), `${path}.${key}`));
    } else {
      mismatches.push(...matchValue(field(object, key), want, `${path}.${key}`));
    }
  }
  return mismatches;
}

function matchAffix(actual: unknown, expected: unknown, sign: string, path: string): Mismatch[] {
  if (typeof expected !== 'string' || typeof actual !== 'string') {
    return [{ path, message: `expected a string ${describe(sign)} ${show(expected)}, got ${show(actual)}` }];
  }
  const have = normalizeWhitespace(actual);
  const want = normalizeWhitespace(expected);
  const ok = sign === '~' ? have.includes(want) : sign === '^' ? have.startsWith(want) : have.endsWith(want);
  return ok
    ? []
    : [{ path, message: `expected a string ${describe(sign)} "${want}", got "${have.slice(0, 160)}"` }];
}

function matchCount(actual: number, expected: unknown, path: string): Mismatch[] {
  return actual === expected ? [] : [{ path, message: `expected ${show(expected)}, got ${actual}` }];
}

/** The strings that page chrome, headings, markup and record fields must not leave in any block. */
function absentFromBlocks(record: unknown, strings: readonly string[]): Mismatch[] {
  const texts = (record as { texts?: unknown } | null)?.texts;
  const mismatches: Mismatch[] = [];
  for (const [t, text] of (Array.isArray(texts) ? texts : []).entries()) {
    for (const [b, block] of blocksOf(text).entries()) {
      const content = normalizeWhitespace(String((block as { text?: unknown }).text ?? ''));
      for (const needle of strings) {
        if (content.includes(normalizeWhitespace(needle))) {
          mismatches.push({
            path: `record.texts[${t}].blocks[${b}].text`,
            message: `holds "${needle}", which belongs to no block`,
          });
        }
      }
    }
  }
  return mismatches;
}

/** A key names a field; a dotted key ("source.file") a path, when no field has the dotted name. */
function field(object: Record<string, unknown>, key: string): unknown {
  if (key in object || !key.includes('.')) return object[key];
  return key
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], object);
}

function blocksOf(text: unknown): Record<string, unknown>[] {
  const blocks = (text as { blocks?: unknown } | null)?.blocks;
  return Array.isArray(blocks) ? (blocks as Record<string, unknown>[]) : [];
}

function marksOf(block: Record<string, unknown>): { type?: unknown }[] {
  return Array.isArray(block.marks) ? (block.marks as { type?: unknown }[]) : [];
}

function describe(sign: string): string {
  return sign === '~' ? 'containing' : sign === '^' ? 'starting with' : 'ending with';
}

function show(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? 'nothing' : json.length > 160 ? `${json.slice(0, 160)}…` : json;
}

/** How many of a golden file's facts a record holds: each leaf of `record` and each `absentFromBlocks` string is one fact (`source.file` names the case, not a fact). */
export interface FactCount {
  held: number;
  total: number;
}

/**
 * Counts the facts of a golden file that a record holds, for a figure of how far a reader gets
 * rather than pass or fail. An expected array element counts the facts of the record's element
 * that holds most of them; `#blocks` and `#marks.*` counts are facts of their own.
 *
 * @example const { held, total } = countFacts(record, golden);
 */
export function countFacts(record: unknown, golden: GoldenFile): FactCount {
  const facts = countValue(record, golden.record, 'record');
  const absent = golden.absentFromBlocks ?? [];
  const present = new Set(
    absentFromBlocks(record, absent).map((m) => /holds "(.*)", which/.exec(m.message)?.[1]),
  );
  return {
    held: facts.held + absent.filter((s) => !present.has(s)).length,
    total: facts.total + absent.length,
  };
}

function countValue(actual: unknown, expected: unknown, path: string): FactCount {
  if (Array.isArray(expected)) {
    const list = Array.isArray(actual) ? actual : [];
    return expected.reduce<FactCount>(
      (sum, element) => {
        const best = list
          .map((candidate) => countValue(candidate, element, path))
          .reduce((a, b) => (b.held > a.held ? b : a), { held: 0, total: 0 });
        const total = countValue(undefined, element, path).total;
        return { held: sum.held + best.held, total: sum.total + total };
      },
      { held: 0, total: 0 },
    );
  }
  if (expected !== null && typeof expected === 'object') {
    const object = (actual !== null && typeof actual === 'object' ? actual : {}) as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).reduce<FactCount>(
      (sum, [key, want]) => {
        const part =
          want !== null && typeof want === 'object'
            ? countValue(field(object, key), want, `${path}.${key}`)
            : { held: matchObject(object, { [key]: want }, path).length === 0 ? 1 : 0, total: 1 };
        return { held: sum.held + part.held, total: sum.total + part.total };
      },
      { held: 0, total: 0 },
    );
  }
  return { held: matchValue(actual, expected, path).length === 0 ? 1 : 0, total: 1 };
}
