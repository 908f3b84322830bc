import { ChanceryError } from '../errors.ts';
import type { AccountDeps, Actor, Session, User } from './accounts.types.ts';
import { UNUSABLE_HASH, verifyPassword } from './password.hash.ts';
import { digestOf, newSecret } from './secret.token.ts';
import { addUser, audit, nowOf } from './users.service.ts';

/** How long a login lasts. */
export const SESSION_DAYS = 14;
/** Failed logins counted over this window… */
const FAILURE_WINDOW_MS = 15 * 60_000;
/** …past which an account is refused until the window has passed (OWASP: limit per account)… */
export const ACCOUNT_FAILURES = 5;
/** …and past which an address is (many accounts tried from one place). */
export const ADDRESS_FAILURES = 20;
/** How long the first admin's setup link works. */
const SETUP_HOURS = 24;

/** A session started: the cookie's secret (kept by the browser alone) and its form token. */
export interface StartedSession {
  secret: string;
  session: Session;
  user: User;
}

/**
 * Logs in: the password checked against the account's hash, failures counted per account and per
 * address, and past either limit refused without looking at the password. Success starts a new
 * session (never one the browser brought: no session fixation). Both outcomes are audited.
 */
export async function login(
  deps: AccountDeps,
  input: { name: string; password: string; address: string },
): Promise<StartedSession> {
  const name = input.name.trim().toLowerCase().slice(0, 100);
  const now = nowOf(deps);
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const accountKey = `account:${name}`;
  const addressKey = `address:${input.address}`;
  const actor = { name: name || '(none)', address: input.address };
  if (
    (await deps.accounts.countLoginFailures(accountKey, since)) >= ACCOUNT_FAILURES ||
    (await deps.accounts.countLoginFailures(addressKey, since)) >= ADDRESS_FAILURES
  ) {
    await audit(deps, actor, 'session.login_throttled', name);
    throw new ChanceryError(
      'auth.throttled',
      'Too many failed logins for this account or from this address; try again in 15 minutes.',
    );
  }
  const user = await deps.accounts.getUserByName(name);
  // An unknown name costs what a wrong password does: the time tells nothing of which it was.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !matches || user.disabled) {
    await deps.accounts.recordLoginFailure([accountKey, addressKey], now.toISOString());
    await audit(
      deps,
      actor,
      'session.login_failed',
      name,
      user?.disabled && matches ? { disabled: true } : {},
    );
    throw new ChanceryError('auth.failed', 'The name or the password is wrong.');
  }
  await deps.accounts.clearLoginFailures(accountKey);
  const started = await startSession(deps, user, input.address);
  await audit(deps, { name: user.name, address: input.address }, 'session.login', user.name);
  return started;
}

/** The session of a cookie's secret and its user, while neither has ended. */
export async function sessionOf(
  deps: AccountDeps,
  secret: string,
): Promise<{ session: Session; user: User } | null> {
  if (!secret.startsWith('session_')) return null;
  const found = await deps.accounts.getSession(digestOf(secret), nowOf(deps).toISOString());
  return found && !found.user.disabled ? found : null;
}

export async function logout(deps: AccountDeps, secret: string, actor: Actor): Promise<void> {
  await deps.accounts.deleteSession(digestOf(secret));
  await audit(deps, actor, 'session.logout', actor.name);
}

/** Ends every session of the account, in every browser. */
export async function logoutEverywhere(deps: AccountDeps, user: User, actor: Actor): Promise<number> {
  const ended = await deps.accounts.deleteSessionsOf(user.id);
  await audit(deps, actor, 'session.logout_everywhere', user.name, { sessionsEnded: ended });
  return ended;
}

/**
 * On an archive without accounts, a one-time setup secret (its digest kept, replacing any earlier
 * one) whose link creates the first admin; null once an account exists. Never a default password.
 */
export async function startSetup(deps: AccountDeps): Promise<string | null> {
  if ((await deps.accounts.countUsers()) > 0) return null;
  const secret = newSecret('setup');
  const expires = new Date(nowOf(deps).getTime() + SETUP_HOURS * 3_600_000);
  await deps.accounts.setSetupToken(digestOf(secret), expires.toISOString());
  return secret;
}

/** Creates the first admin with the setup secret, which works once, and logs them in. */
export async function completeSetup(
  deps: AccountDeps,
  input: { secret: string; name: string; password: string; address: string },
): Promise<StartedSession> {
  const refused = () =>
    new ChanceryError(
      'auth.forbidden',
      'This setup link has been used or has expired. Start `chancery serve` again on an archive without accounts for a new one, or add an admin with `chancery user add NAME --role admin`.',
    );
  // The secret (and that no account exists yet) is checked before the form's fields, and spent
  // only by an account made.
  if (!(await setupTokenValid(deps, input.secret))) throw refused();
  const actor = { name: 'setup', address: input.address };
  const user = await addUser(deps, { name: input.name, role: 'admin', password: input.password }, actor);
  if (!(await deps.accounts.takeSetupToken(digestOf(input.secret), nowOf(deps).toISOString())))
    throw refused();
  const started = await startSession(deps, user, input.address);
  await audit(deps, { name: user.name, address: input.address }, 'session.login', user.name, { setup: true });
  return started;
}

/** Whether the setup secret is the current one and has not expired (without spending it). */
export async function setupTokenValid(deps: AccountDeps, secret: string): Promise<boolean> {
  if (!secret.startsWith('setup_') || (await deps.accounts.countUsers()) > 0) return false;
  return deps.accounts.hasSetupToken(digestOf(secret), nowOf(deps).toISOString());
}

async function startSession(deps: AccountDeps, user: User, address: string): Promise<StartedSession> {
  const secret = newSecret('session');
  const now = nowOf(deps);
  const session: Session = {
    digest: digestOf(secret),
    userId: user.id,
    csrf: newSecret('csrf'),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    address,
  };
  await deps.accounts.addSession(session);
  return { secret, session, user };
}
