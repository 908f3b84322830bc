import type pg from 'pg';
import { dayBefore, type TokenRow, tokenOf, type UserRow, userOf } from '../account.rows.ts';
import type { AccountStore, ApiToken, Session, User } from '../accounts.types.ts';

/** The accounts of a PostgreSQL archive, in its schema (migration 4). */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  async addUser(user: User): Promise<void> {
    await this.pool.query(
      'INSERT INTO users (id, name, role, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [user.id, user.name, user.role, user.passwordHash, user.disabled, user.createdAt],
    );
  }

  async getUser(id: string): Promise<User | null> {
    return userOf((await this.pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0]);
  }

  async getUserByName(name: string): Promise<User | null> {
    return userOf((await this.pool.query<UserRow>('SELECT * FROM users WHERE name = $1', [name])).rows[0]);
  }

  async listUsers(): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>('SELECT * FROM users ORDER BY name');
    return rows.map((row) => userOf(row) as User);
  }

  async countUsers(): Promise<number> {
    return Number((await this.pool.query('SELECT count(*) AS n FROM users')).rows[0].n);
  }

  async updateUser(
    id: string,
    change: Partial<Pick<User, 'role' | 'passwordHash' | 'disabled'>>,
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE users SET role = coalesce($1, role), password_hash = coalesce($2, password_hash),
       disabled = coalesce($3, disabled) WHERE id = $4`,
      [change.role ?? null, change.passwordHash ?? null, change.disabled ?? null, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async addSession(session: Session): Promise<void> {
    // Expired sessions go as new ones come: the table holds the live ones and a few more.
    await this.pool.query('DELETE FROM sessions WHERE expires_at <= $1', [session.createdAt]);
    await this.pool.query(
      'INSERT INTO sessions (digest, user_id, csrf, created_at, expires_at, address) VALUES ($1, $2, $3, $4, $5, $6)',
      [session.digest, session.userId, session.csrf, session.createdAt, session.expiresAt, session.address],
    );
  }

  async getSession(digest: string, now: string): Promise<{ session: Session; user: User } | null> {
    const { rows } = await this.pool.query<
      UserRow & { digest: string; csrf: string; session_created: string; expires_at: string; address: string }
    >(
      `SELECT s.digest, s.csrf, s.created_at AS session_created, s.expires_at, s.address, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.digest = $1 AND s.expires_at > $2`,
      [digest, now],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      session: {
        digest: row.digest,
        userId: row.id,
        csrf: row.csrf,
        createdAt: row.session_created,
        expiresAt: row.expires_at,
        address: row.address,
      },
      user: userOf(row) as User,
    };
  }

  async deleteSession(digest: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE digest = $1', [digest]);
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount ?? 0;
  }

  async addToken(token: ApiToken): Promise<void> {
    await this.pool.query(
      'INSERT INTO api_tokens (id, user_id, label, scope, digest, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [token.id, token.userId, token.label, token.scope, token.digest, token.createdAt, token.revokedAt],
    );
  }

  async getToken(digest: string): Promise<{ token: ApiToken; user: User } | null> {
    const { rows } = await this.pool.query<TokenRow>(
      'SELECT * FROM api_tokens WHERE digest = $1 AND revoked_at IS NULL',
      [digest],
    );
    const row = rows[0];
    if (!row) return null;
    const user = await this.getUser(row.user_id);
    return user ? { token: tokenOf(row), user } : null;
  }

  async listTokens(userId?: string): Promise<ApiToken[]> {
    const { rows } = userId
      ? await this.pool.query<TokenRow>(
          'SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id',
          [userId],
        )
      : await this.pool.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id');
    return rows.map(tokenOf);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [at, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async recordLoginFailure(keys: readonly string[], at: string): Promise<void> {
    // Failures older than a day count for nothing: they go as new ones come.
    await this.pool.query('DELETE FROM login_failures WHERE at < $1', [dayBefore(at)]);
    await this.pool.query('INSERT INTO login_failures (key, at) SELECT unnest($1::text[]), $2', [keys, at]);
  }

  async countLoginFailures(key: string, since: string): Promise<number> {
    const { rows } = await this.pool.query(
      'SELECT count(*) AS n FROM login_failures WHERE key = $1 AND at > $2',
      [key, since],
    );
    return Number(rows[0].n);
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.pool.query('DELETE FROM login_failures WHERE key = $1', [key]);
  }

  async setSetupToken(digest: string, expiresAt: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO setup_token (one, digest, expires_at) VALUES (1, $1, $2)
       ON CONFLICT (one) DO UPDATE SET digest = excluded.digest, expires_at = excluded.expires_at`,
      [digest, expiresAt],
    );
  }

  async hasSetupToken(digest: string, now: string): Promise<boolean> {
    const result = await this.pool.query('SELECT 1 FROM setup_token WHERE digest = $1 AND expires_at > $2', [
      digest,
      now,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async takeSetupToken(digest: string, now: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM setup_token WHERE digest = $1 AND expires_at > $2', [
      digest,
      now,
    ]);
    return (result.rowCount ?? 0) > 0;
  }
}
