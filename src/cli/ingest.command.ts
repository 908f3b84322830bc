import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { FileReport, IngestProgress, IngestReport } from '../ingest/ingest.batch.ts';
import { parseCount, withApp } from './cli.options.ts';
import { INGEST_NICE, ingestInWorker, READER_THREADS } from './ingest.thread.ts';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'Ingest files and directories (recursively). Formats are detected: archive pages (plain text, Markdown, PDF text), TEI editions (FRUS), Chancery JSON. Prints a line per file (ok, skipped or FAILED, with its warnings) and a summary; exits 1 when any file failed, that is yielded no record. Warnings and skipped files (a README or an image in a folder) leave the exit code at 0.',
    )
    .argument('<paths...>', 'files or directories')
    .option('--quiet', 'print the summary only, not a line per file')
    .option(
      '--queue',
      'queue the ingest as a background job (a worker of chancery serve or chancery jobs --work runs it) instead of ingesting now',
    )
    .option(
      '--nice <n>',
      `processor priority of the ingest, as the Unix nice value (0 normal to 19 lowest; default ${INGEST_NICE}): a bulk ingest yields the processor to a server on the same machine, and loses nothing on an idle one`,
      parseCount,
    )
    .option(
      '--reader-threads <n>',
      `threads that read and analyze files ahead of the one that writes (default ${READER_THREADS} on this machine; 0 reads in the writer)`,
      parseCount,
    )
    .action(
      async (
        paths: string[],
        options: { quiet?: boolean; queue?: boolean; readerThreads?: number; nice?: number },
        command: Command,
      ) => {
        if (options.queue) {
          await queueIngest(paths, command);
          return;
        }
        const { db } = command.optsWithGlobals<{ db?: string }>();
        const report = await runIngest({
          db,
          paths,
          quiet: options.quiet ?? false,
          nice: options.nice ?? INGEST_NICE,
          ...(options.readerThreads !== undefined ? { readerThreads: options.readerThreads } : {}),
        });
        if (report.failed > 0) process.exitCode = 1;
      },
    );
}

/** The files as a job: their absolute paths, for a worker that may run in another directory. */
async function queueIngest(paths: string[], command: Command): Promise<void> {
  await withApp(command, async (app) => {
    const id = await app.jobs.add('ingest', { paths: paths.map((p) => resolve(p)) });
    process.stdout.write(`Queued ingest job ${id}; chancery jobs shows its progress.\n`);
  });
}

async function runIngest(options: {
  db?: string;
  paths: string[];
  quiet: boolean;
  nice: number;
  readerThreads?: number;
}): Promise<IngestReport> {
  const { paths, quiet } = options;
  const progress = process.stderr.isTTY ? startProgressBar() : undefined;
  const report = await ingestInWorker(
    {
      db: options.db,
      paths,
      progress: progress !== undefined,
      ...(options.readerThreads !== undefined ? { readerThreads: options.readerThreads } : {}),
    },
    {
      progress: progress?.update,
      file: (file) => {
        if (!quiet && !progress) process.stdout.write(describeFile(file));
      },
    },
    { nice: options.nice },
  ).finally(() => progress?.stop());
  if (!quiet && progress) for (const file of report.files) process.stdout.write(describeFile(file));
  process.stdout.write(`${summaryLine(report)}\n`);
  return report;
}

/**
 * "3 files: 2 ok (1 with warnings), 1 skipped, 0 failed; records: 5 ingested, 0 updated, 0 unchanged".
 *
 * @example summaryLine(report)
 */
export function summaryLine(report: IngestReport): string {
  return `${report.files.length} files: ${report.ok} ok (${report.warnings} with warnings), ${report.skipped} skipped, ${report.failed} failed; records: ${report.ingested} ingested, ${report.updated} updated, ${report.unchanged} unchanged${report.held ? `, ${report.held} held for review (an editor corrected them and their source changed)` : ''}`;
}

function describeFile(file: FileReport): string {
  const counts = [
    file.ingested && `${file.ingested} ingested`,
    file.updated && `${file.updated} updated`,
    file.unchanged && `${file.unchanged} unchanged`,
    file.held && `${file.held} held for review`,
  ].filter(Boolean);
  const status = file.status === 'failed' ? 'FAILED' : file.status;
  const what = [file.format, file.layout && file.layout !== file.format ? file.layout : null]
    .filter(Boolean)
    .join(', ');
  const warned = file.warnings.length > 0 ? `; ${plural(file.warnings.length, 'kind')} of warning` : '';
  const detail = [...counts, ...(what ? [what] : [])].join(', ');
  if (file.status === 'skipped') {
    return `${status.padEnd(7)} ${file.path}: ${file.problems.map((p) => p.message).join('; ')}\n`;
  }
  const lines = [`${status.padEnd(7)} ${file.path}${detail ? ` (${detail}${warned})` : ''}`];
  for (const note of file.notes) lines.push(`          note: ${note}`);
  for (const warning of file.warnings) {
    const more = warning.count > 1 ? ` (${warning.count} times)` : '';
    lines.push(`          warning ${warning.code}: ${warning.message}${more}`);
  }
  for (const problem of file.problems) lines.push(`          ${problem.code}: ${problem.message}`);
  return `${lines.join('\n')}\n`;
}

/** A progress bar on a terminal: documents and MB per second, and the time left. */
function startProgressBar(): { update: (p: IngestProgress) => void; stop: () => void } {
  const bar = new SingleBar({
    format:
      '{bar} {percentage}% | {mb}/{totalMb} MB | {records} docs | {docsPerSecond} docs/s | {mbPerSecond} MB/s | {eta_formatted} left',
    stream: process.stderr,
    etaBuffer: 50,
  });
  const started = performance.now();
  let begun = false;
  return {
    update(p) {
      const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
      const payload = {
        mb: (p.bytesDone / 1e6).toFixed(1),
        totalMb: (p.bytesTotal / 1e6).toFixed(1),
        records: p.records,
        docsPerSecond: Math.round(p.records / seconds),
        mbPerSecond: (p.bytesDone / 1e6 / seconds).toFixed(1),
      };
      if (!begun) {
        bar.start(Math.max(p.bytesTotal, 1), p.bytesDone, payload);
        begun = true;
      }
      bar.update(p.bytesDone, payload);
    },
    stop: () => bar.stop(),
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
