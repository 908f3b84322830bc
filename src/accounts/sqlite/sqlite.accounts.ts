import type Database from 'better-sqlite3';
import { dayBefore, type TokenRow, tokenOf, type UserRow, userOf } from '../account.rows.ts';
import type { AccountStore, ApiToken, Session, User } from '../accounts.types.ts';

/** The accounts of a SQLite archive, in its own file (migration 10). */
export class SqliteAccountStore implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  async addUser(user: User): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO users (id, name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(user.id, user.name, user.role, user.passwordHash, user.disabled ? 1 : 0, user.createdAt);
  }

  async getUser(id: string): Promise<User | null> {
    return userOf(this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined);
  }

  async getUserByName(name: string): Promise<User | null> {
    return userOf(this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined);
  }

  async listUsers(): Promise<User[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(
      (row) => userOf(row) as User,
    );
  }

  async countUsers(): Promise<number> {
    return Number(this.db.prepare('SELECT count(*) FROM users').pluck().get());
  }

  async updateUser(
    id: string,
    change: Partial<Pick<User, 'role' | 'passwordHash' | 'disabled'>>,
  ): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE users SET role = coalesce(?, role), password_hash = coalesce(?, password_hash),
         disabled = coalesce(?, disabled) WHERE id = ?`,
      )
      .run(
        change.role ?? null,
        change.passwordHash ?? null,
        change.disabled === undefined ? null : change.disabled ? 1 : 0,
        id,
      );
    return result.changes > 0;
  }

  async addSession(session: Session): Promise<void> {
    // Expired sessions go as new ones come: the table holds the live ones and a few more.
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(session.createdAt);
    this.db
      .prepare(
        'INSERT INTO sessions (digest, user_id, csrf, created_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        session.digest,
        session.userId,
        session.csrf,
        session.createdAt,
        session.expiresAt,
        session.address,
      );
  }

  async getSession(digest: string, now: string): Promise<{ session: Session; user: User } | null> {
    const row = this.db
      .prepare(
        `SELECT s.digest, s.user_id, s.csrf, s.created_at AS session_created, s.expires_at, s.address, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.digest = ? AND s.expires_at > ?`,
      )
      .get(digest, now) as
      | (UserRow & {
          digest: string;
          user_id: string;
          csrf: string;
          session_created: string;
          expires_at: string;
          address: string;
        })
      | undefined;
    if (!row) return null;
    return {
      session: {
        digest: row.digest,
        userId: row.user_id,
        csrf: row.csrf,
        createdAt: row.session_created,
        expiresAt: row.expires_at,
        address: row.address,
      },
      user: userOf(row) as User,
    };
  }

  async deleteSession(digest: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE digest = ?').run(digest);
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  async addToken(token: ApiToken): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO api_tokens (id, user_id, label, scope, digest, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(token.id, token.userId, token.label, token.scope, token.digest, token.createdAt, token.revokedAt);
  }

  async getToken(digest: string): Promise<{ token: ApiToken; user: User } | null> {
    const row = this.db
      .prepare('SELECT * FROM api_tokens WHERE digest = ? AND revoked_at IS NULL')
      .get(digest) as TokenRow | undefined;
    if (!row) return null;
    const user = await this.getUser(row.user_id);
    return user ? { token: tokenOf(row), user } : null;
  }

  async listTokens(userId?: string): Promise<ApiToken[]> {
    const rows = (
      userId
        ? this.db.prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at, id').all(userId)
        : this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all()
    ) as TokenRow[];
    return rows.map(tokenOf);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return (
      this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id)
        .changes > 0
    );
  }

  async recordLoginFailure(keys: readonly string[], at: string): Promise<void> {
    const insert = this.db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
    this.db.transaction(() => {
      // Failures older than a day count for nothing: they go as new ones come.
      this.db.prepare('DELETE FROM login_failures WHERE at < ?').run(dayBefore(at));
      for (const key of keys) insert.run(key, at);
    })();
  }

  async countLoginFailures(key: string, since: string): Promise<number> {
    return Number(
      this.db.prepare('SELECT count(*) FROM login_failures WHERE key = ? AND at > ?').pluck().get(key, since),
    );
  }

  async clearLoginFailures(key: string): Promise<void> {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }

  async setSetupToken(digest: string, expiresAt: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO setup_token (one, digest, expires_at) VALUES (1, ?, ?)
         ON CONFLICT (one) DO UPDATE SET digest = excluded.digest, expires_at = excluded.expires_at`,
      )
      .run(digest, expiresAt);
  }

  async hasSetupToken(digest: string, now: string): Promise<boolean> {
    return (
      this.db.prepare('SELECT 1 FROM setup_token WHERE digest = ? AND expires_at > ?').get(digest, now) !==
      undefined
    );
  }

  async takeSetupToken(digest: string, now: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM setup_token WHERE digest = ? AND expires_at > ?').run(digest, now)
        .changes > 0
    );
  }
}
