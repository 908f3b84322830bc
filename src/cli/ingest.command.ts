import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { FileReport, IngestProgress, IngestReport } from '../ingest/ingest.batch.ts';
import { ingestInWorker } from './ingest.thread.ts';

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'Ingest files and directories (recursively). Formats are detected: archive pages (plain text, Markdown, PDF text), TEI editions (FRUS), Chancery JSON. Prints what was ingested, updated, unchanged and failed; exits 1 when any file failed.',
    )
    .argument('<paths...>', 'files or directories')
    .option('--quiet', 'print the summary only, not a line per file')
    .action(async (paths: string[], options: { quiet?: boolean }, command: Command) => {
      const { db } = command.optsWithGlobals<{ db?: string }>();
      const report = await runIngest({ db, paths, quiet: options.quiet ?? false });
      if (report.failed > 0) process.exitCode = 1;
    });
}

async function runIngest(options: { db?: string; paths: string[]; quiet: boolean }): Promise<IngestReport> {
  const { paths, quiet } = options;
  const progress = process.stderr.isTTY ? startProgressBar() : undefined;
  const report = await ingestInWorker(
    { db: options.db, paths, progress: progress !== undefined },
    {
      progress: progress?.update,
      file: (file) => {
        if (!quiet && !progress) process.stdout.write(describeFile(file));
      },
    },
  ).finally(() => progress?.stop());
  if (!quiet && progress) for (const file of report.files) process.stdout.write(describeFile(file));
  process.stdout.write(
    `${report.files.length} files: ${report.ingested} ingested, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed\n`,
  );
  return report;
}

function describeFile(file: FileReport): string {
  const counts = [
    file.ingested && `${file.ingested} ingested`,
    file.updated && `${file.updated} updated`,
    file.unchanged && `${file.unchanged} unchanged`,
  ].filter(Boolean);
  const status = file.problems.length > 0 ? 'FAILED' : 'ok';
  const lines = [`${status.padEnd(6)} ${file.path}${counts.length ? ` (${counts.join(', ')})` : ''}`];
  for (const note of file.notes) lines.push(`         note: ${note}`);
  for (const problem of file.problems) lines.push(`         ${problem.code}: ${problem.message}`);
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
