import { basename } from 'node:path';
import type { SourceLayout } from '../record/record.types.ts';

/**
 * What became of one file: `ok` when it yielded records (with `warnings` for what the reader did
 * not expect in it), `skipped` when it is no document (a README or an image found in a folder),
 * `failed` when it yielded no record.
 */
export type FileStatus = 'ok' | 'skipped' | 'failed';

/** A problem or a warning: a dotted code and a message that names the file and the reason. */
export interface FileIssue {
  code: string;
  message: string;
  /** The sort of problem within its code, when a code covers several (see `ReadProblem.kind`). */
  kind?: string;
}

/** A warning, given once per kind (code) per file; `count` says how often that kind came up. */
export interface FileWarning extends FileIssue {
  count: number;
}

/** What happened to one file of a batch. */
export interface FileReport {
  path: string;
  status: FileStatus;
  format: string | null;
  /** The page layout detection found (`source.layout`), for archive pages. */
  layout: SourceLayout | null;
  encoding: string | null;
  ingested: number;
  updated: number;
  unchanged: number;
  /** Records an editor corrected whose source changed: the new reading waits for an editor. */
  held: number;
  /** Why the file failed, or why it was skipped. Empty for a file that is `ok`. */
  problems: FileIssue[];
  /** What the reader did not expect in a file it took records from; once per kind. */
  warnings: FileWarning[];
  /** Remarks ("decoded from windows-1251", "given twice"). */
  notes: string[];
}

export interface IngestReport {
  files: FileReport[];
  ingested: number;
  updated: number;
  unchanged: number;
  held: number;
  /** Files that yielded records, with or without warnings. */
  ok: number;
  /** Of the `ok` files, those with warnings. */
  warnings: number;
  skipped: number;
  failed: number;
}

/** A report for a file before anything is known about it. */
export function emptyReport(path: string): FileReport {
  return {
    path,
    status: 'ok',
    format: null,
    layout: null,
    encoding: null,
    ingested: 0,
    updated: 0,
    unchanged: 0,
    held: 0,
    problems: [],
    warnings: [],
    notes: [],
  };
}

/** Adds a warning, or counts it when a warning of its kind was already given for the file. */
export function addWarning(report: FileReport, issue: FileIssue): void {
  const earlier = report.warnings.find((w) => w.code === issue.code && w.kind === issue.kind);
  if (earlier) earlier.count++;
  else report.warnings.push({ ...issue, count: 1 });
}

/**
 * Settles a file's status once it has been read: a file that yielded no record fails, and what the
 * reader said about it becomes the reason; a file with records is ok, and what the reader said
 * about it stays as warnings.
 */
export function settleStatus(report: FileReport): FileReport {
  if (report.status === 'skipped' || report.problems.length > 0) {
    report.status = report.status === 'skipped' ? 'skipped' : 'failed';
    return report;
  }
  if (report.ingested + report.updated + report.unchanged + report.held > 0) {
    report.status = 'ok';
    return report;
  }
  report.status = 'failed';
  report.problems = report.warnings.map(({ code, message }) => ({ code, message }));
  report.warnings = [];
  if (report.problems.length === 0) {
    report.problems.push({
      code: 'ingest.missing_field',
      message: `${basename(report.path)}: the file holds no document.`,
    });
  }
  return report;
}

/** The totals of a batch from its file reports. */
export function summarize(files: FileReport[]): IngestReport {
  const count = (status: FileStatus) => files.filter((f) => f.status === status).length;
  const total = (key: 'ingested' | 'updated' | 'unchanged' | 'held') =>
    files.reduce((sum, f) => sum + f[key], 0);
  return {
    files,
    ingested: total('ingested'),
    updated: total('updated'),
    unchanged: total('unchanged'),
    held: total('held'),
    ok: count('ok'),
    warnings: files.filter((f) => f.status === 'ok' && f.warnings.length > 0).length,
    skipped: count('skipped'),
    failed: count('failed'),
  };
}
