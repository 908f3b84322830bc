import fc from 'fast-check';
import type { FuzzBase, FuzzFormat } from './fuzz.corpus.ts';
import { type Mutation, type MutationScale, mutationArbitrary } from './fuzz.mutations.ts';

/** One fuzzed input: which base, what was done to it, and the bytes that came of it. */
export interface FuzzCase {
  base: FuzzBase;
  mutation: Mutation;
}

/**
 * Cases of one format, as fast-check draws them: a base of the format and a mutation of it.
 *
 * @example fc.assert(fc.asyncProperty(fuzzCaseArbitrary(bases, 'chancery-json', TEST_SCALE), check));
 */
export function fuzzCaseArbitrary(
  bases: readonly FuzzBase[],
  format: FuzzFormat,
  scale: MutationScale,
): fc.Arbitrary<FuzzCase> {
  const ofFormat = bases.filter((b) => b.format === format);
  if (ofFormat.length === 0) throw new Error(`no base input of format ${format}`);
  const family = format === 'chancery-json' ? 'json' : format.startsWith('tei-') ? 'xml' : 'page';
  return fc.record({ base: fc.constantFrom(...ofFormat), mutation: mutationArbitrary(scale, family) });
}

/** The bytes of a case, under the base's file name. */
export function caseInput(fuzzCase: FuzzCase): { name: string; bytes: Buffer } {
  return { name: fuzzCase.base.name, bytes: fuzzCase.mutation.apply(Buffer.from(fuzzCase.base.text)) };
}

/** The same cases for the same seed, drawn up front: `npm run fuzz` runs them by index. */
export function sampleFuzzCases(
  bases: readonly FuzzBase[],
  format: FuzzFormat,
  options: { count: number; seed: number; scale: MutationScale },
): FuzzCase[] {
  return fc.sample(fuzzCaseArbitrary(bases, format, options.scale), {
    numRuns: options.count,
    seed: options.seed,
  });
}
