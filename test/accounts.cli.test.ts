import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CHANCERY_BIN, runChancery } from './support/cli.run.ts';

/**
 * Accounts from the command line, as an archive's admin runs them on the server: `chancery user`,
 * `chancery token`, `chancery audit`, and the first start of `chancery serve`, which prints the
 * one-time link of the first admin.
 */
const dir = mkdtempSync(join(tmpdir(), 'chancery-accounts-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'archive.db');
const PASSWORD = 'correct horse battery staple';

/** `chancery --db DB ARGS…` with `input` on standard input. */
function runWithInput(
  input: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHANCERY_BIN, '--db', db, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('the first start of serve prints a one-time link that opens the setup form of the first admin', async () => {
  const printed = await serveOutput(async (out) => {
    const link = /create the first admin at (\S+)/.exec(out)?.[1];
    assert.match(link ?? '', /^http:\/\/127\.0\.0\.1:\d+\/setup\?token=setup_[\w-]{43}$/);
    const page = await fetch(link as string);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Create the first admin/);
  });
  assert.match(printed, /works once, for 24 hours/);
});

test('user add, list, role, disable, enable and password, each audited; bad input is a clear refusal', async () => {
  const added = await runWithInput(
    `${PASSWORD}\n`,
    'user',
    'add',
    'Ada',
    '--role',
    'editor',
    '--password-stdin',
  );
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /Added editor "ada"/);
  assert.equal(
    (await runWithInput(`${PASSWORD}\n`, 'user', 'add', 'root', '--role', 'admin', '--password-stdin')).code,
    0,
  );
  const list = await runChancery(db, 'user', 'list', '--json');
  assert.deepEqual(
    list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((u) => [u.name, u.role, u.disabled]),
    [
      ['ada', 'editor', false],
      ['root', 'admin', false],
    ],
  );
  assert.doesNotMatch(list.stdout, /scrypt|correct horse/, 'no password or hash printed');
  const short = await runWithInput('short\n', 'user', 'add', 'bob', '--role', 'reader', '--password-stdin');
  assert.equal(short.code, 1);
  assert.match(short.stderr, /password has 5 characters; it needs 12/);
  const role = await runWithInput(
    `${PASSWORD}\n`,
    'user',
    'add',
    'bob',
    '--role',
    'owner',
    '--password-stdin',
  );
  assert.match(role.stderr, /role "owner" is none of reader, editor, admin/);
  const noTty = await runWithInput('', 'user', 'add', 'bob', '--role', 'reader');
  assert.match(noTty.stderr, /--password-stdin/);
  assert.equal((await runChancery(db, 'user', 'role', 'ada', 'admin')).code, 0);
  assert.equal((await runChancery(db, 'user', 'disable', 'ada')).code, 0);
  assert.equal((await runChancery(db, 'user', 'enable', 'ada')).code, 0);
  assert.equal(
    (await runWithInput(`${PASSWORD} 2\n`, 'user', 'password', 'ada', '--password-stdin')).code,
    0,
  );
  const missing = await runChancery(db, 'user', 'disable', 'nobody');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No account "nobody"/);
  // With an account, serve prints no setup link.
  assert.doesNotMatch(await serveOutput(), /first admin/);
});

test('token add prints the secret once; list shows it without; revoke stops it', async () => {
  const made = await runChancery(db, 'token', 'add', 'ada', '--scope', 'write', '--label', 'uploads');
  assert.equal(made.code, 0, made.stderr);
  const secret = made.stdout.trim();
  assert.match(secret, /^chancery_[\w-]{43}$/);
  const listed = (await runChancery(db, 'token', 'list', '--json')).stdout;
  assert.ok(!listed.includes(secret), 'the secret is not listed');
  const token = JSON.parse(listed.trim().split('\n')[0] as string);
  assert.deepEqual(
    [token.user, token.scope, token.label, token.revokedAt],
    ['ada', 'write', 'uploads', null],
  );
  assert.equal((await runChancery(db, 'token', 'revoke', token.id)).code, 0);
  const revoked = JSON.parse((await runChancery(db, 'token', 'list', '--json')).stdout.trim());
  assert.match(revoked.revokedAt, /^\d{4}-/);
  assert.equal((await runChancery(db, 'token', 'revoke', token.id)).code, 1);
});

test('audit lists every change newest first, with who and from where, and filters', async () => {
  const entries = (await runChancery(db, 'audit', '--json', '--limit', '100')).stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(entries.map((e) => e.action).reverse(), [
    'user.add',
    'user.add',
    'user.role',
    'user.disable',
    'user.enable',
    'user.password',
    'token.add',
    'token.revoke',
  ]);
  for (const e of entries) {
    assert.match(e.actor, /^cli:/);
    assert.equal(e.address, 'cli');
  }
  const roles = (await runChancery(db, 'audit', '--action', 'user.role')).stdout;
  assert.match(roles, /user\.role ada \{"from":"editor","to":"admin"\}/);
  assert.equal(roles.trim().split('\n').length, 1);
});

/**
 * Starts `chancery serve` on the test's archive, runs `whileUp` with what it printed once it
 * listens (and had a moment to print what follows the address), and gives back all it printed.
 */
async function serveOutput(whileUp: (out: string) => Promise<void> = async () => {}): Promise<string> {
  const child = spawn(process.execPath, [
    CHANCERY_BIN,
    '--db',
    db,
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
  ]);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (!out.includes('Chancery reading room')) return;
        clearTimeout(timer);
        setTimeout(resolve, 500);
      });
      child.on('exit', () => reject(new Error(`serve stopped: ${out}`)));
    });
    await whileUp(out);
    return out;
  } finally {
    child.kill('SIGTERM');
  }
}
