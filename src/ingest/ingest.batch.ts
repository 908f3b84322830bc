import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasCorrespondents, resolveRelations } from '../correspondence/relations.resolve.ts';
import { ChanceryError, isChanceryError } from '../errors.ts';
import { observeAgents } from '../names/agent.observe.ts';
import { reconcileArchive } from '../names/archive.reconcile.ts';
import { AuthorityIndex } from '../names/authority.index.ts';
import type { Authority, ChanceryRecord, SourceFormat } from '../record/record.types.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { SaveOutcome, Store } from '../store/store.types.ts';
import type { FormatReader, ReadProblem, SourceInput } from './formats/format.types.ts';
import {
  addWarning,
  emptyReport,
  type FileReport,
  type IngestReport,
  settleStatus,
  summarize,
} from './ingest.report.ts';
import { nonDocumentReason } from './non-document.ts';
import { enrichRecord } from './record.enrich.ts';
import { openSourceFile } from './source-file.ts';

export type { FileReport, IngestReport } from './ingest.report.ts';

export interface IngestProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  records: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface IngestOptions {
  paths: string[];
  store: Store;
  /** The archive's search index: relations between records are found through its threads. */
  search: Pick<SearchIndex, 'findCorrespondence'>;
  authorities: AuthorityIndex;
  readers: FormatReader[];
  onProgress?: (progress: IngestProgress) => void;
  onFile?: (report: FileReport) => void;
  /** Called with the records each transaction saved. */
  onSaved?: (records: readonly ChanceryRecord[]) => void;
  /** Called when a file brought authorities (persons, offices, places): the archive reconciles them. */
  onAuthorities?: () => void;
}

/** Records (and authorities) saved per transaction when a file holds many (a TEI volume). */
const SAVE_BATCH = 250;
const DETECT_THRESHOLD = 0.5;

/**
 * Ingests files and directories (recursively): detect → read → save, one report per file. A bad
 * file is reported with the reason and the rest of the batch goes on; a file is never written to.
 *
 * @example
 * const report = await ingestPaths({ paths: ['../shared/seeds'], store, search, authorities, readers: READERS });
 */
export async function ingestPaths(options: IngestOptions): Promise<IngestReport> {
  const { files, missing } = await expandPaths(options.paths);
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  const reports: FileReport[] = missing.map((path) => ({
    ...emptyReport(path),
    status: 'failed',
    problems: [{ code: 'ingest.not_found', message: `${path}: no such file or directory.` }],
  }));
  const seen = new Map<string, FileReport>();
  // Only records between two known people can reply to, copy or accompany another.
  const correspondence: string[] = [];
  let authoritiesChanged = false;
  const batch: IngestOptions = {
    ...options,
    // Readers see the authority file only: what a file yields depends on the file, not on what
    // the archive held before it. Who is who across sources is reconciliation's work, after.
    authorities: new AuthorityIndex(options.authorities.base),
    onAuthorities: () => {
      authoritiesChanged = true;
    },
    onSaved: (records) => {
      for (const record of records) if (hasCorrespondents(record)) correspondence.push(record.id);
      options.onSaved?.(records);
    },
  };
  let bytesDone = 0;
  let records = 0;
  for (const [index, file] of files.entries()) {
    const earlier = seen.get(file.real);
    const report = earlier
      ? {
          ...emptyReport(file.path),
          status: earlier.status,
          notes: [`the same file as ${earlier.path}, given twice: read once`],
        }
      : await ingestFile(file, batch, (n, bytesRead) => {
          records += n;
          options.onProgress?.({
            file: file.path,
            filesDone: index,
            filesTotal: files.length,
            records,
            bytesDone: bytesDone + Math.min(bytesRead, file.size),
            bytesTotal,
          });
        });
    seen.set(file.real, report);
    bytesDone += file.size;
    reports.push(report);
    options.onFile?.(report);
    options.onProgress?.({
      file: file.path,
      filesDone: index + 1,
      filesTotal: files.length,
      records,
      bytesDone,
      bytesTotal,
    });
  }
  // Replies, copies and attachments are found among the records the archive holds once all are saved.
  await resolveRelations({ store: options.store, search: options.search, ids: correspondence });
  // The people each source named become the archive's people, reconciled across sources.
  const unreconciled = (await options.store.countReconciled()) === 0 && options.authorities.base.length > 0;
  if (authoritiesChanged || unreconciled) {
    await reconcileArchive({ store: options.store, authorities: options.authorities });
  }
  return summarize(reports);
}

/** Called as records are saved, with how many bytes of the file have been read so far. */
type OnRecords = (count: number, bytesRead: number) => void;

async function ingestFile(
  file: FoundFile,
  options: IngestOptions,
  onRecords: OnRecords,
): Promise<FileReport> {
  const report = emptyReport(file.path);
  try {
    const source = await openSourceFile(file.path);
    report.encoding = source.encoding;
    if (source.encoding !== 'utf-8' && source.encoding !== 'binary')
      report.notes.push(`decoded from ${source.encoding}`);
    const reader = chooseReader(source, options.readers);
    report.format = reader.format;
    await readIntoStore(source, reader, options, report, onRecords);
  } catch (error) {
    if (!isChanceryError(error)) throw error;
    const skip = file.inFolder ? nonDocumentReason(file.path, error) : null;
    if (skip) report.status = 'skipped';
    report.problems.push({
      code: error.code,
      message: skip ? `${basename(file.path)} is ${skip}; skipped.` : error.message,
    });
  }
  return settleStatus(report);
}

export function chooseReader(source: SourceInput, readers: FormatReader[]): FormatReader {
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

async function readIntoStore(
  source: SourceInput,
  reader: FormatReader,
  options: IngestOptions,
  report: FileReport,
  onRecords: OnRecords,
): Promise<void> {
  const { store, authorities } = options;
  let pending: ChanceryRecord[] = [];
  let pendingAuthorities: Authority[] = [];
  let sourceSaved = false;
  const flush = async () => {
    if (pendingAuthorities.length > 0) {
      if ((await store.saveAuthorities(pendingAuthorities)) > 0) options.onAuthorities?.();
      pendingAuthorities = [];
    }
    if (pending.length === 0) return;
    if (!sourceSaved) {
      await store.saveSource({
        sha256: source.sha256,
        fileName: source.name,
        format: reader.format,
        bytes: await readFile(source.path),
      });
      sourceSaved = true;
    }
    const outcomes = await store.saveRecords(pending);
    options.onSaved?.(pending);
    for (const outcome of outcomes) count(report, outcome);
    onRecords(pending.length, source.bytesRead());
    pending = [];
  };
  const problem = (p: ReadProblem) => {
    const where =
      p.line !== undefined ? `, line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : '';
    addWarning(report, {
      code: p.code,
      message: `${source.name}${where}: ${p.message}`,
      ...(p.kind ? { kind: p.kind } : {}),
    });
  };
  try {
    for await (const item of reader.read(source, { authorities })) {
      if (item.kind === 'record') {
        report.layout ??= item.record.source.layout ?? null;
        const enriched = enrichRecord(withSource(item.record, source, reader), { readFrom: reader.format });
        // Every person and office a record names becomes an authority of its source (agent.observe.ts).
        const observed = isChanceryExport(reader.format)
          ? { record: enriched, authorities: [] }
          : observeAgents(enriched);
        pending.push(observed.record);
        pendingAuthorities.push(...observed.authorities);
        if (pending.length >= SAVE_BATCH) await flush();
      } else if (item.kind === 'collection') {
        await store.saveCollection(item.collection);
      } else if (item.kind === 'authority') {
        pendingAuthorities.push(item.authority);
        if (pendingAuthorities.length >= SAVE_BATCH) await flush();
      } else {
        problem(item.problem);
      }
    }
  } finally {
    // Records read before a fault are kept.
    await flush();
  }
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

function count(report: FileReport, outcome: SaveOutcome): void {
  report[outcome]++;
}

interface FoundFile {
  path: string;
  real: string;
  size: number;
  /** Found by walking a folder rather than named: a non-document there is skipped, not failed. */
  inFolder: boolean;
}

/** Files in argument order; a directory's files recursively in name order, hidden ones skipped. */
async function expandPaths(paths: string[]): Promise<{ files: FoundFile[]; missing: string[] }> {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const visit = async (path: string, inFolder: boolean): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) {
      missing.push(path);
    } else if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort();
      for (const entry of entries) await visit(join(path, entry), true);
    } else if (info.isFile()) {
      files.push({ path, real: await realpath(path), size: info.size, inFolder });
    }
  };
  for (const path of paths) await visit(path, false);
  return { files, missing };
}
