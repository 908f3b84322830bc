import { randomUUID } from 'node:crypto';
import { ChanceryError } from '../errors.ts';
import { type AccountDeps, type Actor, ROLES, type Role, type User } from './accounts.types.ts';
import { hashPassword } from './password.hash.ts';

/** Login names: lower-case letters, digits and `.`, `_`, `-`, starting with a letter or digit. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** NIST SP 800-63B asks for at least 8 characters; an archive's keepers get 12. */
export const PASSWORD_MIN = 12;
/** Past this the hash would cost more than a password is worth. */
const PASSWORD_MAX = 1024;

/** The time of a change, as every table of accounts and the audit log write it. */
export function nowOf(deps: Pick<AccountDeps, 'now'>): Date {
  return deps.now?.() ?? new Date();
}

/**
 * Adds an account with its role and password, audited.
 *
 * @example await addUser(deps, { name: 'ada', role: 'editor', password: '…' }, { name: 'cli:root', address: 'cli' })
 */
export async function addUser(
  deps: AccountDeps,
  input: { name: string; role: string; password: string },
  actor: Actor,
): Promise<User> {
  const name = checkName(input.name);
  const role = checkRole(input.role);
  checkPassword(input.password);
  if (await deps.accounts.getUserByName(name)) {
    throw new ChanceryError('account.exists', `There is already an account "${name}"; choose another name.`);
  }
  const user: User = {
    id: randomUUID(),
    name,
    role,
    passwordHash: await hashPassword(input.password),
    disabled: false,
    createdAt: nowOf(deps).toISOString(),
  };
  await deps.accounts.addUser(user);
  await audit(deps, actor, 'user.add', name, { role });
  return user;
}

/** A new password for an account; every session of it ends. */
export async function setPassword(
  deps: AccountDeps,
  name: string,
  password: string,
  actor: Actor,
): Promise<void> {
  checkPassword(password);
  const user = await userNamed(deps, name);
  await deps.accounts.updateUser(user.id, { passwordHash: await hashPassword(password) });
  const ended = await deps.accounts.deleteSessionsOf(user.id);
  await audit(deps, actor, 'user.password', user.name, { sessionsEnded: ended });
}

export async function setRole(deps: AccountDeps, name: string, role: string, actor: Actor): Promise<void> {
  const user = await userNamed(deps, name);
  const next = checkRole(role);
  if (next === user.role) return;
  await refuseLastAdmin(deps, user, next !== 'admin');
  await deps.accounts.updateUser(user.id, { role: next });
  await audit(deps, actor, 'user.role', user.name, { from: user.role, to: next });
}

/** Disables an account (its sessions end, its tokens stop working) or enables it again. */
export async function setDisabled(
  deps: AccountDeps,
  name: string,
  disabled: boolean,
  actor: Actor,
): Promise<void> {
  const user = await userNamed(deps, name);
  if (user.disabled === disabled) return;
  if (disabled) await refuseLastAdmin(deps, user, true);
  await deps.accounts.updateUser(user.id, { disabled });
  const ended = disabled ? await deps.accounts.deleteSessionsOf(user.id) : 0;
  await audit(
    deps,
    actor,
    disabled ? 'user.disable' : 'user.enable',
    user.name,
    disabled ? { sessionsEnded: ended } : {},
  );
}

export async function userNamed(deps: Pick<AccountDeps, 'accounts'>, name: string): Promise<User> {
  const user = await deps.accounts.getUserByName(name.trim().toLowerCase());
  if (!user) {
    throw new ChanceryError('account.not_found', `No account "${name}". \`chancery user list\` lists them.`);
  }
  return user;
}

/** Appends an entry to the audit log at the deps' time. */
export async function audit(
  deps: AccountDeps,
  actor: Actor,
  action: string,
  target: string,
  detail: Record<string, unknown> = {},
  reason = '',
): Promise<void> {
  await deps.audit.append({
    at: nowOf(deps).toISOString(),
    actor: actor.name,
    action,
    target,
    detail,
    reason,
    address: actor.address,
  });
}

/** An archive always keeps one admin who can log in: the last one is neither demoted nor disabled. */
async function refuseLastAdmin(deps: AccountDeps, user: User, losing: boolean): Promise<void> {
  if (!losing || user.role !== 'admin' || user.disabled) return;
  const admins = (await deps.accounts.listUsers()).filter((u) => u.role === 'admin' && !u.disabled);
  if (admins.length <= 1) {
    throw new ChanceryError(
      'account.invalid',
      `"${user.name}" is the archive's last admin; make another admin first.`,
    );
  }
}

function checkName(name: string): string {
  const normalized = name.trim().toLowerCase();
  if (!NAME.test(normalized)) {
    throw new ChanceryError(
      'account.invalid',
      `The name "${name.slice(0, 80)}" cannot be used: 1 to 63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.`,
    );
  }
  return normalized;
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new ChanceryError(
      'account.invalid',
      `The role "${role.slice(0, 40)}" is none of ${ROLES.join(', ')}.`,
    );
  }
  return role as Role;
}

export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new ChanceryError(
      'account.invalid',
      `The password has ${length} characters; it needs ${PASSWORD_MIN} to ${PASSWORD_MAX} (a few words make a good one).`,
    );
  }
}
