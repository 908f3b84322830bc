import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hasCorrespondents, resolveRelations } from '../correspondence/relations.resolve.ts';
import { ChanceryError, isChanceryError } from '../errors.ts';
import { reconcileArchive } from '../names/archive.reconcile.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { SaveOutcome, Store } from '../store/store.types.ts';
import type { PreparedItem } from './file.prepare.ts';
import type { FormatReader, ReadProblem } from './formats/format.types.ts';
import {
  addWarning,
  emptyReport,
  type FileIssue,
  type FileReport,
  type IngestReport,
  settleStatus,
  summarize,
} from './ingest.report.ts';
import { nonDocumentReason } from './non-document.ts';
import { type FilePreparation, prepareFiles } from './prepare.pool.ts';

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
  /**
   * Threads that read, enrich and analyze files while this one saves them (src/ingest/prepare.pool.ts);
   * 0, the default, reads each file here before saving it. The records are the same either way.
   */
  readerThreads?: number;
  onProgress?: (progress: IngestProgress) => void;
  onFile?: (report: FileReport) => void;
  /** Called with the records each transaction saved. */
  onSaved?: (records: readonly ChanceryRecord[]) => void;
  /** Called when a file brought authorities (persons, offices, places): the archive reconciles them. */
  onAuthorities?: () => void;
}

/**
 * Ingests files and directories (recursively): detect → read → save, one report per file. A bad
 * file is reported with the reason and the rest of the batch goes on; a file is never written to.
 *
 * @example
 * const report = await ingestPaths({ paths: ['../shared/seeds'], store, search, authorities, readers: READERS });
 */
export async function ingestPaths(options: IngestOptions): Promise<IngestReport> {
  const { files, missing } = await expandPaths(options.paths);
  const reports: FileReport[] = missing.map((path) => ({
    ...emptyReport(path),
    status: 'failed',
    problems: [{ code: 'ingest.not_found', message: `${path}: no such file or directory.` }],
  }));
  // Only records between two known people can reply to, copy or accompany another.
  const correspondence: string[] = [];
  let authoritiesChanged = false;
  const batch: IngestOptions = {
    ...options,
    onAuthorities: () => {
      authoritiesChanged = true;
    },
    onSaved: (records) => {
      for (const record of records) if (hasCorrespondents(record)) correspondence.push(record.id);
      options.onSaved?.(records);
    },
  };
  // A file given twice is read once.
  const real = new Set<string>();
  const unique = files.filter((file) => !real.has(file.real) && real.add(file.real));
  const prepared = prepareFiles(
    unique.map((file) => file.path),
    {
      threads: options.readerThreads ?? 0,
      readers: options.readers,
      // Readers see the authority file only: what a file yields depends on the file, not on what
      // the archive held before it. Who is who across sources is reconciliation's work, after.
      authorities: options.authorities.base,
    },
  );
  try {
    await ingestFiles(files, prepared, batch, reports);
  } finally {
    await prepared.close();
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

/** Saves the files in order as they are prepared, reporting on each and on the progress. */
async function ingestFiles(
  files: FoundFile[],
  prepared: FilePreparation,
  options: IngestOptions,
  reports: FileReport[],
): Promise<void> {
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  const seen = new Map<string, FileReport>();
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
      : await ingestFile(file, prepared.next(), options, (n, bytesRead) => {
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
}

/** Called as records are saved, with how many bytes of the file have been read so far. */
type OnRecords = (count: number, bytesRead: number) => void;

/** Saves what the reading of one file gives, in order, and reports on the file. */
async function ingestFile(
  file: FoundFile,
  items: AsyncIterable<PreparedItem>,
  options: IngestOptions,
  onRecords: OnRecords,
): Promise<FileReport> {
  const { store } = options;
  const report = emptyReport(file.path);
  let opened: { sha256: string; name: string } | null = null;
  let sourceSaved = false;
  const fail = (error: ChanceryError) => {
    const skip = file.inFolder ? nonDocumentReason(file.path, error) : null;
    if (skip) report.status = 'skipped';
    report.problems.push({
      code: error.code,
      message: skip ? `${basename(file.path)} is ${skip}; skipped.` : error.message,
    });
  };
  try {
    for await (const item of items) {
      if (item.kind === 'opened') {
        opened = item;
        report.encoding = item.encoding;
        if (item.encoding !== 'utf-8' && item.encoding !== 'binary')
          report.notes.push(`decoded from ${item.encoding}`);
      } else if (item.kind === 'detected') {
        report.format = item.format;
      } else if (item.kind === 'collection') {
        await store.saveCollection(item.collection);
      } else if (item.kind === 'problem') {
        addWarning(report, describeProblem(item.problem, opened?.name ?? basename(file.path)));
      } else if (item.kind === 'failed') {
        fail(new ChanceryError(item.code, item.message));
      } else {
        if (item.authorities.length > 0 && (await store.saveAuthorities(item.authorities)) > 0)
          options.onAuthorities?.();
        if (item.records.length === 0) continue;
        for (const record of item.records) report.layout ??= record.source.layout ?? null;
        if (!sourceSaved && opened && report.format) {
          await store.saveSource({
            sha256: opened.sha256,
            fileName: opened.name,
            format: report.format,
            bytes: await readFile(file.path),
          });
          sourceSaved = true;
        }
        const outcomes = await store.saveRecords(item.records, { documents: item.documents });
        options.onSaved?.(item.records);
        for (const outcome of outcomes) count(report, outcome);
        onRecords(item.records.length, item.bytesRead);
      }
    }
  } catch (error) {
    // A save that failed on bad input stops the file; the rest of the batch goes on.
    if (!isChanceryError(error)) throw error;
    fail(error);
  }
  return settleStatus(report);
}

function describeProblem(p: ReadProblem, fileName: string): FileIssue {
  const where =
    p.line !== undefined ? `, line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : '';
  return { code: p.code, message: `${fileName}${where}: ${p.message}`, ...(p.kind ? { kind: p.kind } : {}) };
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
