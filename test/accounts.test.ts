import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ACCOUNT_FAILURES,
  ADDRESS_FAILURES,
  completeSetup,
  login,
  logoutEverywhere,
  sessionOf,
  setupTokenValid,
  startSetup,
} from '../src/accounts/sessions.service.ts';
import { addToken, revokeToken, tokenOf } from '../src/accounts/tokens.service.ts';
import { addUser, setDisabled, setPassword, setRole } from '../src/accounts/users.service.ts';
import { type App, openApp } from '../src/app.ts';
import { isChanceryError } from '../src/errors.ts';
import { bothBackends } from './support/backends.ts';

/**
 * Accounts on both backends, through the services the web and the command line use: passwords
 * (scrypt, never stored as given), sessions (a new one per login, ended by logout everywhere, a new
 * password or a disabled account), login limits per account and per address, API tokens with a
 * scope, the one-time setup of the first admin, and the audit log they all write, which the
 * database refuses to rewrite.
 */
const { backends, database } = bothBackends('accounts');

const CLI = { name: 'cli:test', address: 'cli' };
const PASSWORD = 'correct horse battery staple';

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    assert.ok(isChanceryError(error), String(error));
    return error.code;
  }
  assert.fail('expected a refusal');
}

for (const [backend, dbFor] of backends) {
  describe(`accounts on ${backend}`, () => {
    let app: App;
    let clock = new Date('2026-12-05T12:00:00Z');
    const deps = () => ({ accounts: app.accounts, audit: app.audit, now: () => clock });
    before(async () => {
      app = await openApp({ db: dbFor('accounts') });
    });
    after(() => app.close());

    test('the first admin comes from a one-time setup secret, never a default password', async () => {
      const secret = (await startSetup(deps())) as string;
      assert.match(secret, /^setup_[\w-]{43}$/);
      assert.equal(await setupTokenValid(deps(), secret), true);
      assert.equal(await setupTokenValid(deps(), `${secret}x`), false);
      assert.equal(
        await refusal(
          completeSetup(deps(), {
            secret: 'setup_wrong',
            name: 'root',
            password: PASSWORD,
            address: '10.0.0.1',
          }),
        ),
        'auth.forbidden',
      );
      // A bad password does not spend the secret.
      assert.equal(
        await refusal(
          completeSetup(deps(), { secret, name: 'root', password: 'short', address: '10.0.0.1' }),
        ),
        'account.invalid',
      );
      const started = await completeSetup(deps(), {
        secret,
        name: 'Root',
        password: PASSWORD,
        address: '10.0.0.1',
      });
      assert.equal(started.user.name, 'root');
      assert.equal(started.user.role, 'admin');
      assert.notEqual(started.user.passwordHash, PASSWORD);
      assert.match(started.user.passwordHash, /^scrypt\$32768\$8\$1\$/);
      assert.equal(
        await refusal(
          completeSetup(deps(), { secret, name: 'root2', password: PASSWORD, address: '10.0.0.1' }),
        ),
        'auth.forbidden',
      );
      assert.equal(await startSetup(deps()), null, 'no setup once an account exists');
    });

    test('login starts a new session each time; a wrong password, an unknown name and a disabled account are one refusal', async () => {
      await addUser(deps(), { name: 'ada', role: 'editor', password: PASSWORD }, CLI);
      const first = await login(deps(), { name: 'ada', password: PASSWORD, address: '10.0.0.2' });
      const second = await login(deps(), { name: 'ADA ', password: PASSWORD, address: '10.0.0.2' });
      assert.notEqual(first.secret, second.secret);
      assert.notEqual(first.session.csrf, second.session.csrf);
      assert.equal((await sessionOf(deps(), first.secret))?.user.name, 'ada');
      assert.equal(await sessionOf(deps(), first.session.digest), null, 'the stored digest opens nothing');
      assert.equal(
        await refusal(login(deps(), { name: 'ada', password: `${PASSWORD}!`, address: '10.0.0.2' })),
        'auth.failed',
      );
      assert.equal(
        await refusal(login(deps(), { name: 'nobody', password: PASSWORD, address: '10.0.0.2' })),
        'auth.failed',
      );
      // Sessions expire.
      clock = new Date(clock.getTime() + 15 * 86_400_000);
      assert.equal(await sessionOf(deps(), first.secret), null);
      clock = new Date('2026-12-05T12:00:00Z');
      // Logout everywhere ends both.
      assert.equal(await logoutEverywhere(deps(), first.user, { name: 'ada', address: '10.0.0.2' }), 2);
      assert.equal(await sessionOf(deps(), second.secret), null);
      // A new password, and a disabled account, end sessions too.
      const third = await login(deps(), { name: 'ada', password: PASSWORD, address: '10.0.0.2' });
      await setPassword(deps(), 'ada', `${PASSWORD} two`, CLI);
      assert.equal(await sessionOf(deps(), third.secret), null);
      const fourth = await login(deps(), { name: 'ada', password: `${PASSWORD} two`, address: '10.0.0.2' });
      await setDisabled(deps(), 'ada', true, CLI);
      assert.equal(await sessionOf(deps(), fourth.secret), null);
      assert.equal(
        await refusal(login(deps(), { name: 'ada', password: `${PASSWORD} two`, address: '10.0.0.2' })),
        'auth.failed',
      );
      await setDisabled(deps(), 'ada', false, CLI);
    });

    test('failed logins are limited per account and per address, for 15 minutes', async () => {
      await addUser(deps(), { name: 'bob', role: 'reader', password: PASSWORD }, CLI);
      for (let i = 0; i < ACCOUNT_FAILURES; i++) {
        assert.equal(
          await refusal(login(deps(), { name: 'bob', password: 'wrong password!', address: `10.1.0.${i}` })),
          'auth.failed',
        );
      }
      // The right password from a new address is refused too while the account is locked.
      assert.equal(
        await refusal(login(deps(), { name: 'bob', password: PASSWORD, address: '10.2.0.1' })),
        'auth.throttled',
      );
      clock = new Date(clock.getTime() + 16 * 60_000);
      assert.equal(
        (await login(deps(), { name: 'bob', password: PASSWORD, address: '10.2.0.1' })).user.name,
        'bob',
      );
      // One address trying many accounts.
      for (let i = 0; i < ADDRESS_FAILURES; i++) {
        await refusal(login(deps(), { name: `guess${i}`, password: 'wrong password!', address: '10.9.9.9' }));
      }
      assert.equal(
        await refusal(login(deps(), { name: 'bob', password: PASSWORD, address: '10.9.9.9' })),
        'auth.throttled',
      );
      assert.equal(
        (await login(deps(), { name: 'bob', password: PASSWORD, address: '10.9.9.8' })).user.name,
        'bob',
      );
      // Failures a day old go when new ones are counted: the table does not grow without end.
      clock = new Date(clock.getTime() + 2 * 86_400_000);
      await refusal(login(deps(), { name: 'bob', password: 'wrong password!', address: '10.7.7.7' }));
      assert.equal(await app.accounts.countLoginFailures('address:10.9.9.9', '1970-01-01T00:00:00Z'), 0);
      clock = new Date('2026-12-05T12:00:00Z');
    });

    test('API tokens: a secret given once, a scope, revocable; a reader cannot have a token that writes', async () => {
      const { secret, token } = await addToken(
        deps(),
        { user: 'ada', scope: 'write', label: 'uploads' },
        CLI,
      );
      assert.match(secret, /^chancery_/);
      assert.equal((await tokenOf(deps(), secret))?.token.scope, 'write');
      assert.equal((await tokenOf(deps(), secret))?.user.name, 'ada');
      assert.equal(
        await refusal(addToken(deps(), { user: 'bob', scope: 'write', label: 'x' }, CLI)),
        'account.invalid',
      );
      const read = await addToken(deps(), { user: 'bob', scope: 'read', label: 'harvest' }, CLI);
      await setDisabled(deps(), 'bob', true, CLI);
      assert.equal(await tokenOf(deps(), read.secret), null, "a disabled account's token stops working");
      await revokeToken(deps(), token.id, CLI);
      assert.equal(await tokenOf(deps(), secret), null);
      assert.equal(await refusal(revokeToken(deps(), token.id, CLI)), 'account.not_found');
    });

    test('roles: the last admin is neither demoted nor disabled', async () => {
      assert.equal(await refusal(setRole(deps(), 'root', 'editor', CLI)), 'account.invalid');
      assert.equal(await refusal(setDisabled(deps(), 'root', true, CLI)), 'account.invalid');
      await setRole(deps(), 'ada', 'admin', CLI);
      await setRole(deps(), 'root', 'editor', CLI);
      assert.equal((await app.accounts.getUserByName('root'))?.role, 'editor');
      assert.equal(await refusal(setRole(deps(), 'ada', 'owner', CLI)), 'account.invalid');
      assert.equal(
        await refusal(addUser(deps(), { name: 'ada', role: 'reader', password: PASSWORD }, CLI)),
        'account.exists',
      );
      assert.equal(
        await refusal(addUser(deps(), { name: '../x', role: 'reader', password: PASSWORD }, CLI)),
        'account.invalid',
      );
    });

    test('every change is in the audit log, newest first, which the database refuses to rewrite', async () => {
      const entries = await app.audit.list({ limit: 1000 });
      const actions = entries.map((e) => e.action);
      for (const action of [
        'user.add',
        'user.password',
        'user.disable',
        'user.enable',
        'user.role',
        'session.login',
        'session.login_failed',
        'session.login_throttled',
        'session.logout_everywhere',
        'token.add',
        'token.revoke',
      ]) {
        assert.ok(actions.includes(action), `${action} audited`);
      }
      assert.deepEqual(
        entries.map((e) => e.seq),
        [...entries.map((e) => e.seq)].sort((a, b) => b - a),
      );
      const role = entries.find((e) => e.action === 'user.role' && e.target === 'root');
      assert.deepEqual(role?.detail, { from: 'admin', to: 'editor' });
      assert.equal(role?.actor, 'cli:test');
      assert.equal(role?.address, 'cli');
      const failed = entries.find((e) => e.action === 'session.login_failed');
      assert.match(failed?.address ?? '', /^10\./);
      assert.deepEqual(
        (await app.audit.list({ actor: 'setup' })).map((e) => e.action),
        ['user.add'],
      );
      assert.equal((await app.audit.list({ limit: 2, before: entries[0]?.seq })).length, 2);
      // Neither the log's own code nor anyone with the database can rewrite it.
      const rewrite = backend === 'SQLite' ? rewriteSqlite(dbFor('accounts')) : rewritePostgres();
      await assert.rejects(rewrite, /append-only/);
    });
  });
}

async function rewriteSqlite(path: string): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  try {
    db.prepare("UPDATE audit_log SET actor = 'nobody'").run();
  } finally {
    db.close();
  }
}

async function rewritePostgres(): Promise<void> {
  await database().query('SET search_path = accounts; DELETE FROM audit_log');
}
