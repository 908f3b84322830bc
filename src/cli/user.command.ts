import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Actor } from '../accounts/accounts.types.ts';
import { addToken, revokeToken } from '../accounts/tokens.service.ts';
import { addUser, setDisabled, setPassword, setRole, userNamed } from '../accounts/users.service.ts';
import { ChanceryError } from '../errors.ts';
import { withApp } from './cli.options.ts';

/** Who changes accounts from the command line: the system user, on the server itself. */
export function cliActor(): Actor {
  return { name: `cli:${userInfo().username}`, address: 'cli' };
}

export function registerUserCommand(program: Command): void {
  const user = program
    .command('user')
    .description(
      'Accounts of editors, admins and readers: add, list, disable, enable, a new password, a role.',
    );
  const passwordOption = [
    '--password-stdin',
    'read the password from the first line of standard input (else it is asked for, unseen)',
  ] as const;
  user
    .command('add <name>')
    .description('Add an account; the password is asked for (or read with --password-stdin)')
    .requiredOption('--role <role>', 'reader, editor or admin')
    .option(...passwordOption)
    .action(async (name: string, options: { role: string; passwordStdin?: boolean }, command: Command) => {
      const password = await readPassword(options.passwordStdin ?? false);
      await withApp(command, async (app) => {
        const added = await addUser(app, { name, role: options.role, password }, cliActor());
        process.stdout.write(`Added ${added.role} "${added.name}".\n`);
      });
    });
  user
    .command('list')
    .description('List the accounts: name, role, state, created')
    .option('--json', 'one account per line as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        for (const u of await app.accounts.listUsers()) {
          const shown = { name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt };
          process.stdout.write(
            options.json
              ? `${JSON.stringify(shown)}\n`
              : `${u.name.padEnd(24)} ${u.role.padEnd(7)} ${u.disabled ? 'disabled' : 'active  '} ${u.createdAt}\n`,
          );
        }
      });
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${verb} <name>`)
      .description(
        disabled
          ? 'Disable an account: its sessions end and its tokens stop working'
          : 'Enable a disabled account',
      )
      .action(async (name: string, _options: unknown, command: Command) => {
        await withApp(command, async (app) => {
          await setDisabled(app, name, disabled, cliActor());
          process.stdout.write(`${disabled ? 'Disabled' : 'Enabled'} "${name}".\n`);
        });
      });
  }
  user
    .command('password <name>')
    .description('Set a new password; every session of the account ends')
    .option(...passwordOption)
    .action(async (name: string, options: { passwordStdin?: boolean }, command: Command) => {
      const password = await readPassword(options.passwordStdin ?? false);
      await withApp(command, async (app) => {
        await setPassword(app, name, password, cliActor());
        process.stdout.write(`New password set for "${name}"; their sessions have ended.\n`);
      });
    });
  user
    .command('role <name> <role>')
    .description('Change the role of an account (reader, editor, admin)')
    .action(async (name: string, role: string, _options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        await setRole(app, name, role, cliActor());
        process.stdout.write(`"${name}" is now ${role}.\n`);
      });
    });
}

export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API tokens for scripts: add, list, revoke.');
  token
    .command('add <user>')
    .description('Add a token for an account and print it, once: only its digest is kept')
    .option('--scope <scope>', 'read, or write (editors and admins)', 'read')
    .option('--label <label>', 'what the token is for', '')
    .action(async (name: string, options: { scope: string; label: string }, command: Command) => {
      await withApp(command, async (app) => {
        const { secret, token: added } = await addToken(
          app,
          { user: name, scope: options.scope, label: options.label },
          cliActor(),
        );
        process.stderr.write(`Token ${added.id} (${added.scope}) for "${name}"; it is not shown again:\n`);
        process.stdout.write(`${secret}\n`);
      });
    });
  token
    .command('list')
    .description('List tokens: id, account, scope, label, created, revoked')
    .option('--user <name>', 'the tokens of one account')
    .option('--json', 'one token per line as JSON')
    .action(async (options: { user?: string; json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const owner = options.user ? await userNamed(app, options.user) : undefined;
        const names = new Map((await app.accounts.listUsers()).map((u) => [u.id, u.name]));
        for (const t of await app.accounts.listTokens(owner?.id)) {
          const shown = {
            id: t.id,
            user: names.get(t.userId) ?? t.userId,
            scope: t.scope,
            label: t.label,
            createdAt: t.createdAt,
            revokedAt: t.revokedAt,
          };
          process.stdout.write(
            options.json
              ? `${JSON.stringify(shown)}\n`
              : `${t.id}  ${shown.user.padEnd(16)} ${t.scope.padEnd(5)} ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}  ${t.label}\n`,
          );
        }
      });
    });
  token
    .command('revoke <id>')
    .description('Revoke a token: it stops working at once')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        await revokeToken(app, id, cliActor());
        process.stdout.write(`Revoked token ${id}.\n`);
      });
    });
}

/** The password from standard input's first line, or asked for on a terminal without echo. */
async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    if (!fromStdin) {
      throw new ChanceryError(
        'cli.usage',
        'No terminal to ask for the password on: pass it with --password-stdin.',
      );
    }
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line) throw new ChanceryError('cli.usage', '--password-stdin: standard input held no password.');
    return line;
  }
  const first = await ask('Password: ');
  const again = await ask('Password again: ');
  if (first !== again) throw new ChanceryError('cli.usage', 'The two passwords differ; nothing was changed.');
  return first;
}

function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // What is typed is not echoed: readline writes through this, which writes the prompt only.
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) write.call(rl, prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
