import { isChanceryError } from '../../src/errors.ts';
import type { FormatReader } from '../../src/ingest/formats/format.types.ts';
import type { AuthorityIndex } from '../../src/names/authority.index.ts';
import { sourceInputFromBytes } from '../support/memory-input.ts';
import { readThrough } from '../support/read-through.ts';

/**
 * What one fuzzed input came to:
 * - `read`: records (each valid), perhaps with problems reported;
 * - `refused`: a ChanceryError whose message names the file and says why;
 * - `unclear`: refused, or a problem reported, in words a user cannot act on (no file name, or a
 *   fault's words: "undefined", "Cannot read properties");
 * - `invalid`: a record that does not match the record schema;
 * - `crash`: anything else thrown: a fault.
 */
export type CaseOutcome =
  | { kind: 'read'; records: number; problems: number; ms: number }
  | { kind: 'refused'; code: string; message: string; ms: number }
  | { kind: 'unclear'; message: string; why: string; ms: number }
  | { kind: 'invalid'; message: string; ms: number }
  | { kind: 'crash'; message: string; ms: number };

export interface CaseOptions {
  readers: FormatReader[];
  authorities: AuthorityIndex;
  /** Checks a record against the record schema; returns what is wrong, or null. */
  validate: (record: unknown) => string | null;
}

/** The words of a fault, not of a message written for a user. */
const FAULT_WORDS =
  /\bundefined\b|\bNaN\b|\[object |Cannot read propert|is not a function|is not iterable|Unexpected token|Maximum call stack|Invalid array length|Invalid string length/;

/** Why a message would leave its reader at a loss, or null when it names the file and a reason. */
export function unclearMessage(message: string, fileName: string | null): string | null {
  if (fileName !== null && !message.includes(fileName)) return 'does not name the file';
  if (FAULT_WORDS.test(message)) return 'speaks of a fault, not of the input';
  if (message.length < (fileName?.length ?? 0) + 15) return 'gives no reason';
  return null;
}

/**
 * Runs one input through detection, its reader, enrichment and index analysis (test/support/
 * read-through.ts), all in memory, and says what it came to.
 *
 * @example const outcome = await runFuzzCase('mutant.txt', bytes, { readers: READERS, authorities, validate });
 */
export async function runFuzzCase(name: string, bytes: Buffer, options: CaseOptions): Promise<CaseOutcome> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  try {
    const input = sourceInputFromBytes(name, bytes);
    const result = await readThrough(input, options);
    for (const record of result.records) {
      const invalid = options.validate(record);
      if (invalid) return { kind: 'invalid', message: `${record.id}: ${invalid}`, ms: ms() };
    }
    for (const problem of result.problems) {
      // The batch puts the file's name before a problem's message (ingest.batch.ts).
      const why = unclearMessage(problem.message, null);
      if (why) return { kind: 'unclear', message: problem.message, why, ms: ms() };
    }
    return { kind: 'read', records: result.records.length, problems: result.problems.length, ms: ms() };
  } catch (error) {
    if (!isChanceryError(error)) {
      const e = error as Error;
      const frame = e?.stack?.split('\n').find((l) => l.includes('/src/')) ?? '';
      return { kind: 'crash', message: `${e?.name}: ${e?.message?.slice(0, 300)} ${frame.trim()}`, ms: ms() };
    }
    const why = unclearMessage(error.message, name);
    if (why) return { kind: 'unclear', message: error.message, why, ms: ms() };
    return { kind: 'refused', code: error.code, message: error.message, ms: ms() };
  }
}
