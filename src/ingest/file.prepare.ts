import { ChanceryError, type ErrorCode, isChanceryError } from '../errors.ts';
import { observeAgents } from '../names/agent.observe.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import { overLimit } from '../record/record.limits.ts';
import type { Authority, ChanceryRecord, Collection, SourceFormat } from '../record/record.types.ts';
import { buildIndexDocument, type IndexDocument } from '../search/index-document.build.ts';
import type { FormatReader, ReadProblem, SourceInput } from './formats/format.types.ts';
import { enrichRecord } from './record.enrich.ts';
import { openSourceFile } from './source-file.ts';

/** Records (and authorities) saved per transaction when a file holds many (a TEI volume). */
export const SAVE_BATCH = 250;
const DETECT_THRESHOLD = 0.5;

/**
 * What reading a file gives the writer, in the order it is to be saved. Plain data: it crosses
 * from a reader thread to the writer as a message (src/ingest/prepare.pool.ts).
 */
export type PreparedItem =
  /** The file is text (or a PDF) and has been hashed. */
  | { kind: 'opened'; encoding: string; sha256: string; name: string }
  /** A reader took the file. */
  | { kind: 'detected'; format: SourceFormat }
  | { kind: 'collection'; collection: Collection }
  /** A problem inside the file that did not stop it (a warning, unless the file yields no record). */
  | { kind: 'problem'; problem: ReadProblem }
  /**
   * One transaction's worth: authorities, then records, each record with its index document.
   * `bytesRead` is how far into the file reading had got: the progress the save reports.
   */
  | {
      kind: 'batch';
      authorities: Authority[];
      records: ChanceryRecord[];
      documents: IndexDocument[];
      bytesRead: number;
    }
  /** A Chancery error stopped the file; what was read before it came in the batches before. */
  | { kind: 'failed'; code: ErrorCode; message: string };

export interface PrepareContext {
  readers: readonly FormatReader[];
  /** The authority file only: what a file yields depends on the file, not on the archive. */
  authorities: AuthorityIndex;
}

/**
 * Reads one file for the writer: opens and decodes it, lets the best reader take it, and turns
 * what the reader yields into batches of records ready to save: enriched (alignments, draft
 * comparison), their agents observed as authorities, and analyzed for the search index. All of
 * it depends on the file alone, so files can be prepared in several threads at once while one
 * writer saves them in order (src/ingest/ingest.batch.ts).
 *
 * Never throws a Chancery error: it ends the items as `failed`. Anything else is a bug, thrown.
 *
 * @example for await (const item of prepareFile(path, { readers: READERS, authorities })) save(item);
 */
export async function* prepareFile(path: string, context: PrepareContext): AsyncIterable<PreparedItem> {
  let source: SourceInput;
  try {
    source = await openSourceFile(path);
  } catch (error) {
    if (!isChanceryError(error)) throw error;
    yield { kind: 'failed', code: error.code, message: error.message };
    return;
  }
  yield* prepareSource(source, context);
}

/** `prepareFile` of a file already opened (or made in memory, as the fuzz tests make theirs). */
export async function* prepareSource(
  source: SourceInput,
  context: PrepareContext,
): AsyncIterable<PreparedItem> {
  const batch: Batch = { authorities: [], records: [], documents: [] };
  try {
    yield { kind: 'opened', encoding: source.encoding, sha256: source.sha256, name: source.name };
    const reader = chooseReader(source, context.readers);
    yield { kind: 'detected', format: reader.format };
    for await (const item of reader.read(source, { authorities: context.authorities })) {
      if (item.kind === 'record') {
        // A record past the documented limits (a line of 200,000 bracketed notes) is left out, said why.
        const broken = overLimit(item.record);
        if (broken) {
          yield { kind: 'problem', problem: overLimitProblem(item.record, broken) };
          continue;
        }
        const enriched = enrichRecord(withSource(item.record, source, reader), { readFrom: reader.format });
        // Every person and office a record names becomes an authority of its source (agent.observe.ts).
        const observed = isChanceryExport(reader.format)
          ? { record: enriched, authorities: [] }
          : observeAgents(enriched);
        batch.records.push(observed.record);
        batch.documents.push(buildIndexDocument(observed.record));
        batch.authorities.push(...observed.authorities);
        if (batch.records.length >= SAVE_BATCH) yield take(batch, source);
      } else if (item.kind === 'collection') {
        yield { kind: 'collection', collection: item.collection };
      } else if (item.kind === 'authority') {
        batch.authorities.push(item.authority);
        if (batch.authorities.length >= SAVE_BATCH) yield take(batch, source);
      } else {
        yield { kind: 'problem', problem: item.problem };
      }
    }
    if (batch.authorities.length > 0 || batch.records.length > 0) yield take(batch, source);
  } catch (error) {
    // Records read before a fault are kept.
    if (batch.authorities.length > 0 || batch.records.length > 0) yield take(batch, source);
    if (!isChanceryError(error)) throw error;
    yield { kind: 'failed', code: error.code, message: error.message };
  }
}

function overLimitProblem(record: ChanceryRecord, broken: string): ReadProblem {
  return {
    code: 'record.invalid',
    kind: 'record-limits',
    message: `record ${record.id} was left out: ${broken}. Split the document into smaller files.`,
  };
}

interface Batch {
  authorities: Authority[];
  records: ChanceryRecord[];
  documents: IndexDocument[];
}

function take(batch: Batch, source: SourceInput): PreparedItem {
  const item: PreparedItem = { kind: 'batch', ...batch, bytesRead: source.bytesRead() };
  batch.authorities = [];
  batch.records = [];
  batch.documents = [];
  return item;
}

export function chooseReader(source: SourceInput, readers: readonly FormatReader[]): FormatReader {
  const scored = readers
    .map((reader) => ({ reader, score: reader.detect(source) }))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < DETECT_THRESHOLD) {
    throw new ChanceryError(
      'ingest.unknown_format',
      `${source.name}: not a format Chancery reads. It is not an archive page (plain text, Markdown or PDF text with Citation/Summary sections), a TEI edition, or Chancery JSON.`,
      { file: source.name },
    );
  }
  if (best.reader.maxBytes !== undefined && source.size > best.reader.maxBytes) {
    throw new ChanceryError(
      'ingest.too_large',
      `${source.name}: ${(source.size / 1e6).toFixed(1)} MB is too large for one ${best.reader.format} document (at most ${(best.reader.maxBytes / 1e6).toFixed(0)} MB); split the file.`,
      { file: source.name },
    );
  }
  return best.reader;
}

/** The batch, not the reader, knows the file: it fills the record's source fields. */
function withSource(record: ChanceryRecord, source: SourceInput, reader: FormatReader): ChanceryRecord {
  if (isChanceryExport(reader.format)) return record;
  return {
    ...record,
    source: { ...record.source, file: source.name, sha256: source.sha256, encoding: source.encoding },
  };
}

/** Chancery's own exports (JSON, TEI) carry each record's own source: the file read is a copy. */
function isChanceryExport(format: SourceFormat): boolean {
  return format === 'chancery-json' || format === 'tei-chancery';
}
