import { Command } from 'commander';
import { isChanceryError } from '../errors.ts';
import { registerAuditCommand } from './audit.command.ts';
import { registerBackupCommands } from './backup.command.ts';
import { registerCopyCommand } from './copy.command.ts';
import { registerExportCommand } from './export.command.ts';
import { registerIngestCommand } from './ingest.command.ts';
import { registerJobsCommand, registerReindexCommand } from './jobs.command.ts';
import { registerListCommand } from './list.command.ts';
import { registerPeopleCommand } from './people.command.ts';
import { registerPublishCommand } from './publish.command.ts';
import { registerSearchCommand } from './search.command.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerShowCommand } from './show.command.ts';
import { registerThreadCommand } from './thread.command.ts';
import { registerTokenCommand, registerUserCommand } from './user.command.ts';

const program = new Command('chancery')
  .description('Chancery: an archive of translated primary-source documents.')
  .option(
    '--db <db>',
    'the archive: a SQLite file (or sqlite:FILE), or a postgres:// URL (default ./data/chancery.db, or $CHANCERY_DB)',
  )
  .showHelpAfterError();

// `chancery export | head`: a reader that stops early ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

registerIngestCommand(program);
registerListCommand(program);
registerShowCommand(program);
registerThreadCommand(program);
registerPeopleCommand(program);
registerSearchCommand(program);
registerExportCommand(program);
registerCopyCommand(program);
registerServeCommand(program);
registerJobsCommand(program);
registerReindexCommand(program);
registerBackupCommands(program);
registerUserCommand(program);
registerTokenCommand(program);
registerAuditCommand(program);
registerPublishCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!isChanceryError(error)) throw error;
  process.stderr.write(`chancery: ${error.message}\n`);
  process.exitCode = 1;
}
