import { randomUUID } from 'node:crypto';
import { ChanceryError } from '../errors.ts';
import type { AccountDeps, Actor, ApiToken, TokenScope, User } from './accounts.types.ts';
import { digestOf, newSecret } from './secret.token.ts';
import { audit, nowOf, userNamed } from './users.service.ts';

/**
 * An API token for scripts, of `read` or `write` scope, for an account; the secret is given once
 * and only its digest kept. A reader's account cannot have a token that writes.
 *
 * @example const { secret } = await addToken(deps, { user: 'ada', scope: 'read', label: 'harvest' }, actor)
 */
export async function addToken(
  deps: AccountDeps,
  input: { user: string; scope: string; label: string },
  actor: Actor,
): Promise<{ secret: string; token: ApiToken }> {
  const user = await userNamed(deps, input.user);
  if (input.scope !== 'read' && input.scope !== 'write') {
    throw new ChanceryError(
      'account.invalid',
      `The scope "${input.scope.slice(0, 40)}" is neither read nor write.`,
    );
  }
  if (input.scope === 'write' && user.role === 'reader') {
    throw new ChanceryError(
      'account.invalid',
      `"${user.name}" is a reader: a token of theirs can only read.`,
    );
  }
  const label = input.label.trim().slice(0, 200);
  const secret = newSecret('chancery');
  const token: ApiToken = {
    id: randomUUID(),
    userId: user.id,
    label,
    scope: input.scope as TokenScope,
    digest: digestOf(secret),
    createdAt: nowOf(deps).toISOString(),
    revokedAt: null,
  };
  await deps.accounts.addToken(token);
  await audit(deps, actor, 'token.add', token.id, { user: user.name, scope: token.scope, label });
  return { secret, token };
}

/** The token of a secret and its account, while neither the token is revoked nor the account disabled. */
export async function tokenOf(
  deps: Pick<AccountDeps, 'accounts'>,
  secret: string,
): Promise<{ token: ApiToken; user: User } | null> {
  if (!secret.startsWith('chancery_')) return null;
  const found = await deps.accounts.getToken(digestOf(secret));
  return found && !found.user.disabled ? found : null;
}

/** Revokes a token; `owner`, when given, must be its account (a user revoking their own). */
export async function revokeToken(deps: AccountDeps, id: string, actor: Actor, owner?: User): Promise<void> {
  const token = (await deps.accounts.listTokens(owner?.id)).find((t) => t.id === id && t.revokedAt === null);
  if (!token || !(await deps.accounts.revokeToken(id, nowOf(deps).toISOString()))) {
    throw new ChanceryError(
      'account.not_found',
      `No token "${id.slice(0, 80)}" to revoke. \`chancery token list\` lists them.`,
    );
  }
  await audit(deps, actor, 'token.revoke', id);
}
