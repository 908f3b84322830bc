import { ChanceryError } from '../../src/errors.ts';
import { prepareSource } from '../../src/ingest/file.prepare.ts';
import type { FormatReader, ReadProblem, SourceInput } from '../../src/ingest/formats/format.types.ts';
import type { AuthorityIndex } from '../../src/names/authority.index.ts';
import type { ChanceryRecord } from '../../src/record/record.types.ts';

/** What one input came to: the format chosen, the records as they would be saved, the problems reported. */
export interface ReadThrough {
  format: string;
  records: ChanceryRecord[];
  problems: ReadProblem[];
}

/**
 * Takes one input through everything the batch does with it short of writing to the store, by
 * the batch's own code (src/ingest/file.prepare.ts): detection (the best reader, its size limit),
 * reading, the record limits, enrichment (alignment, draft comparison), the agents observed, and
 * the analysis the indexer runs on each record. Throws the Chancery error that stopped the file,
 * as the batch reports it, or a fault.
 *
 * @example const { records } = await readThrough(sourceInputFromBytes('page.txt', bytes), { readers: READERS, authorities });
 */
export async function readThrough(
  input: SourceInput,
  options: { readers: FormatReader[]; authorities: AuthorityIndex },
): Promise<ReadThrough> {
  const result: ReadThrough = { format: '', records: [], problems: [] };
  for await (const item of prepareSource(input, options)) {
    if (item.kind === 'detected') result.format = item.format;
    else if (item.kind === 'problem') result.problems.push(item.problem);
    else if (item.kind === 'batch') result.records.push(...item.records);
    else if (item.kind === 'failed') throw new ChanceryError(item.code, item.message);
  }
  return result;
}
