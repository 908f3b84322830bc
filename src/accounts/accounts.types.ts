import type { AuditLog } from './audit.types.ts';

/**
 * The accounts port: people who keep or read the archive, their sessions, their API tokens and
 * their failed logins, in the archive's own database (SQLite or PostgreSQL). Secrets never reach
 * it: sessions and tokens are stored as SHA-256 digests of what the browser or script holds,
 * passwords as scrypt hashes (password.hash.ts).
 */

/** What an account may do: a reader sees what is restricted to readers, an editor keeps records, an admin keeps accounts. */
export type Role = 'reader' | 'editor' | 'admin';

export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

export interface User {
  id: string;
  /** The login name: lower case, unique. */
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface Session {
  /** SHA-256 of the cookie's value. */
  digest: string;
  userId: string;
  /** The token every form of this session carries (CSRF). */
  csrf: string;
  createdAt: string;
  expiresAt: string;
  /** Where the login came from. */
  address: string;
}

/** A token's reach: `read` for reading, `write` for changing the archive too. */
export type TokenScope = 'read' | 'write';

export interface ApiToken {
  id: string;
  userId: string;
  label: string;
  scope: TokenScope;
  /** SHA-256 of the token. */
  digest: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface AccountStore {
  addUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | null>;
  getUserByName(name: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** Changes a user's role, password or state; false when there is no such user. */
  updateUser(id: string, change: Partial<Pick<User, 'role' | 'passwordHash' | 'disabled'>>): Promise<boolean>;

  addSession(session: Session): Promise<void>;
  /** The session and its user, when the session has not expired at `now`. */
  getSession(digest: string, now: string): Promise<{ session: Session; user: User } | null>;
  deleteSession(digest: string): Promise<void>;
  /** Ends every session of a user (logout everywhere, a new password, a disabled account); how many. */
  deleteSessionsOf(userId: string): Promise<number>;

  addToken(token: ApiToken): Promise<void>;
  /** The token and its user, when the token is not revoked. */
  getToken(digest: string): Promise<{ token: ApiToken; user: User } | null>;
  listTokens(userId?: string): Promise<ApiToken[]>;
  /** Revokes a token at `at`; false when there is none or it was revoked before. */
  revokeToken(id: string, at: string): Promise<boolean>;

  /** Counts a failed login under each key (an account, an address). */
  recordLoginFailure(keys: readonly string[], at: string): Promise<void>;
  /** Failed logins under `key` since `since`. */
  countLoginFailures(key: string, since: string): Promise<number>;
  clearLoginFailures(key: string): Promise<void>;

  /** Keeps the digest of the one-time token that creates the first admin, replacing any earlier one. */
  setSetupToken(digest: string, expiresAt: string): Promise<void>;
  /** Whether `digest` is the setup token's and it has not expired at `now`. */
  hasSetupToken(digest: string, now: string): Promise<boolean>;
  /** Uses the setup token: true once, when `digest` is the token's and it has not expired at `now`. */
  takeSetupToken(digest: string, now: string): Promise<boolean>;
}

/** What the account services need: the accounts, the audit log, and the time (a test may set it). */
export interface AccountDeps {
  accounts: AccountStore;
  audit: AuditLog;
  now?: () => Date;
}

/** Who makes a change and from where: an account's name and the client's address, or the command line. */
export interface Actor {
  name: string;
  address: string;
}
