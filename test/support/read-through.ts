import { chooseReader } from '../../src/ingest/file.prepare.ts';
import type { FormatReader, ReadProblem, SourceInput } from '../../src/ingest/formats/format.types.ts';
import { enrichRecord } from '../../src/ingest/record.enrich.ts';
import { observeAgents } from '../../src/names/agent.observe.ts';
import type { AuthorityIndex } from '../../src/names/authority.index.ts';
import type { ChanceryRecord } from '../../src/record/record.types.ts';
import { buildIndexDocument } from '../../src/search/index-document.build.ts';

/** What one input came to: the format chosen, the records as they would be saved, the problems reported. */
export interface ReadThrough {
  format: string;
  records: ChanceryRecord[];
  problems: ReadProblem[];
}

/**
 * Takes one input through everything the batch does with it short of writing to the store:
 * detection (the best reader, its size limit), reading, enrichment (alignment, draft comparison),
 * the agents observed, and the analysis the indexer runs on each record. Throws what the batch
 * would catch (a ChanceryError) or what it would not (a fault).
 *
 * @example const { records } = await readThrough(sourceInputFromBytes('page.txt', bytes), { readers: READERS, authorities });
 */
export async function readThrough(
  input: SourceInput,
  options: { readers: FormatReader[]; authorities: AuthorityIndex },
): Promise<ReadThrough> {
  const reader = chooseReader(input, options.readers);
  const result: ReadThrough = { format: reader.format, records: [], problems: [] };
  for await (const item of reader.read(input, { authorities: options.authorities })) {
    if (item.kind === 'problem') result.problems.push(item.problem);
    if (item.kind !== 'record') continue;
    const enriched = enrichRecord(item.record, { readFrom: reader.format });
    // The batch observes agents in what it reads, not in Chancery's own exports (ingest.batch.ts).
    const exported = reader.format === 'chancery-json' || reader.format === 'tei-chancery';
    const record = exported ? enriched : observeAgents(enriched).record;
    buildIndexDocument(record);
    result.records.push(record);
  }
  return result;
}
