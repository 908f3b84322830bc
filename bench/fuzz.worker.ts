/**
 * The body of a bench/fuzz.ts worker: draws the cases of one format (the same for the same seed in
 * every worker), runs them from a given index on, and tells the main thread as each starts and
 * ends, so that a case that never ends is known by its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { READERS } from '../src/ingest/formats/format.readers.ts';
import { AuthorityIndex } from '../src/names/authority.index.ts';
import { loadAuthorities } from '../src/names/authority.loader.ts';
import { runFuzzCase } from '../test/fuzz/fuzz.case.ts';
import { type FuzzFormat, loadFuzzBases } from '../test/fuzz/fuzz.corpus.ts';
import { FUZZ_SCALE } from '../test/fuzz/fuzz.mutations.ts';
import { caseInput, sampleFuzzCases } from '../test/fuzz/fuzz.plan.ts';
import { recordProblem } from '../test/fuzz/fuzz.validate.ts';

export interface FuzzJob {
  format: FuzzFormat;
  seed: number;
  count: number;
  from: number;
  volumes: string[];
}

export type FuzzMessage =
  | { kind: 'start'; index: number; describe: string; base: string }
  | { kind: 'end'; index: number; outcome: import('../test/fuzz/fuzz.case.ts').CaseOutcome }
  | { kind: 'done' };

const job = workerData as FuzzJob;
const tell = (message: FuzzMessage) => parentPort?.postMessage(message);
const authorities = new AuthorityIndex(loadAuthorities());
const bases = await loadFuzzBases({ volumes: job.volumes });
const cases = sampleFuzzCases(bases, job.format, { count: job.count, seed: job.seed, scale: FUZZ_SCALE });
for (let index = job.from; index < cases.length; index++) {
  const fuzzCase = cases[index];
  if (!fuzzCase) continue;
  tell({ kind: 'start', index, describe: fuzzCase.mutation.describe, base: fuzzCase.base.name });
  const { name, bytes } = caseInput(fuzzCase);
  const outcome = await runFuzzCase(name, bytes, { readers: READERS, authorities, validate: recordProblem });
  tell({ kind: 'end', index, outcome });
}
tell({ kind: 'done' });
