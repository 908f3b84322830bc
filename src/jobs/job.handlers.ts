import { rm } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { resolveRelations } from '../correspondence/relations.resolve.ts';
import type { FormatReader } from '../ingest/formats/format.types.ts';
import { type IngestReport, ingestPaths } from '../ingest/ingest.batch.ts';
import type { FileReport } from '../ingest/ingest.report.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { Store } from '../store/store.types.ts';
import type { FileOutcome, JobHandlers, JobProgress, JobQueue, JobRun } from './job-queue.types.ts';

/** Records written again per transaction of a reindex, and per progress report. */
const REINDEX_PAGE = 250;
/** A job's progress is written to the database at most this often (and at its end). */
const PROGRESS_EVERY_MS = 500;

/** What jobs work on: the archive (its primary, where writes go) and the queue, for jobs that queue others. */
export interface JobDependencies {
  store: Store;
  search: SearchIndex;
  authorities: AuthorityIndex;
  readers: FormatReader[];
  jobs: JobQueue;
  /** Threads that read files beside the writer during an ingest job (as `chancery ingest`). */
  readerThreads?: number;
}

/**
 * The handlers of every kind of job, on one archive:
 *
 * - `ingest`: files already on disk, through the code path of `chancery ingest`; the relations of
 *   what it saved become a `relations` job. A file that yields no record fails the run, naming it
 *   and why (it is retried: an upload may still be arriving), after the others are saved.
 * - `relations`: replies, copies and attachments of the records given, resolved against the archive.
 * - `reindex`: the search index written again from every record, a page per transaction, then
 *   compacted.
 *
 * @example const worker = await app.jobs.work(jobHandlers({ ...app, jobs: app.jobs }));
 */
export function jobHandlers(deps: JobDependencies): JobHandlers {
  return {
    ingest: async (run) => {
      const progress = throttled(run);
      const report = await ingestPaths({
        paths: run.data.paths,
        store: deps.store,
        search: deps.search,
        authorities: deps.authorities,
        readers: deps.readers,
        readerThreads: deps.readerThreads ?? 0,
        onProgress: (p) => progress({ done: p.filesDone, total: p.filesTotal, note: p.file }),
        resolveRelations: async (ids) => {
          if (ids.length > 0) await deps.jobs.add('relations', { ids: [...ids] });
        },
      });
      await progress.flush({
        done: report.files.length,
        total: report.files.length,
        note: summarize(report),
        files: report.files.map((f) => outcomeOf(f, run.data.paths)),
      });
      const failed = report.files.filter((f) => f.status === 'failed');
      // An upload's folder goes once all of it is in the archive (each source is kept there, byte
      // for byte); with a file that failed it stays for the retry.
      if (failed.length === 0 && run.data.removeAfter) {
        for (const path of run.data.paths) await rm(path, { recursive: true, force: true });
      }
      if (failed.length > 0) {
        const reasons = failed.map((f) => f.problems.map((p) => p.message).join('; ') || f.path);
        throw new Error(
          `${failed.length} of ${report.files.length} files yielded no record: ${reasons.join(' | ')}`,
        );
      }
    },
    relations: async (run) => {
      await run.report({ done: 0, total: run.data.ids.length });
      await resolveRelations({ store: deps.store, search: deps.search, ids: run.data.ids });
      await run.report({ done: run.data.ids.length, total: run.data.ids.length });
    },
    reindex: async (run) => {
      const progress = throttled(run);
      const total = await deps.store.countRecords();
      let done = 0;
      let after: string | null = '';
      while (after !== null) {
        after = await deps.store.reindexRecords({ after, limit: REINDEX_PAGE });
        if (after !== null) done = Math.min(total, done + REINDEX_PAGE);
        progress({ done, total, ...(after ? { note: after } : {}) });
      }
      await deps.store.compactIndex();
      await progress.flush({ done: total, total });
    },
  };
}

/** A progress report written at most every PROGRESS_EVERY_MS; `flush` writes the last one. */
function throttled(run: JobRun): ((p: JobProgress) => void) & { flush(p: JobProgress): Promise<void> } {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  const report = (p: JobProgress) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    // Progress is for the reader of `chancery jobs`: a report that could not be written does not stop the job.
    pending = pending.then(() => run.report(p)).catch(() => {});
  };
  return Object.assign(report, {
    flush: async (p: JobProgress) => {
      await pending;
      await run.report(p);
    },
  });
}

/** A file's report as a job keeps it: its name within the paths given, its counts, its problems. */
function outcomeOf(file: FileReport, paths: readonly string[]): FileOutcome {
  const root = paths.find((p) => file.path.startsWith(`${p}/`));
  return {
    file: root ? relative(root, file.path) : basename(file.path),
    status: file.status,
    format: file.format,
    ingested: file.ingested,
    updated: file.updated,
    unchanged: file.unchanged,
    held: file.held,
    problems: [...file.problems, ...file.warnings].map((p) => p.message),
  };
}

function summarize(report: IngestReport): string {
  return `${report.ingested} ingested, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} files failed`;
}
