import { createHash, randomBytes } from 'node:crypto';

/**
 * A new secret for a cookie, an API token or a setup link: 32 random bytes in base64url, with a
 * prefix that says what it is (a token pasted in the wrong place is recognizable).
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a secret: its SHA-256, so that a copy of the database opens no session. */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
