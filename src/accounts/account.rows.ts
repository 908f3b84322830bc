import type { ApiToken, Role, TokenScope, User } from './accounts.types.ts';

/** A user as both backends' tables hold it (`disabled` is 0/1 in SQLite, a boolean in PostgreSQL). */
export interface UserRow {
  id: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number | boolean;
  created_at: string;
}

export interface TokenRow {
  id: string;
  user_id: string;
  label: string;
  scope: TokenScope;
  digest: string;
  created_at: string;
  revoked_at: string | null;
}

export function userOf(row: UserRow | undefined): User | null {
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
  };
}

export function tokenOf(row: TokenRow): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    scope: row.scope,
    digest: row.digest,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** The ISO time a day before `iso`. */
export function dayBefore(iso: string): string {
  return new Date(new Date(iso).getTime() - 86_400_000).toISOString();
}
