/**
 * The audit log: an append-only list of every change to the archive and its accounts, who made
 * it, when, from where and why. The database refuses to change or delete an entry (a trigger on
 * both backends), so that not even Chancery's own code can rewrite it.
 */
export interface AuditEntry {
  /** Its place in the log, given by the database: 1, 2, 3… */
  seq: number;
  at: string;
  /** The account's name, or `cli:<system user>` for a command run on the server. */
  actor: string;
  /** What was done, dotted: `user.add`, `session.login_failed`, `token.revoke`… */
  action: string;
  /** What it was done to: a user's name, a record's id, a token's id. */
  target: string;
  /** What changed, when it says more than the action. */
  detail: Record<string, unknown>;
  /** Why, as the person said it; empty when no reason is asked for. */
  reason: string;
  /** From where: the client's address, or `cli`. */
  address: string;
}

export type AuditInput = Omit<AuditEntry, 'seq'>;

export interface AuditQuery {
  limit?: number;
  /** Entries before this seq (the next page of a list that runs newest first). */
  before?: number;
  /** Entries after this seq, oldest first: the whole log read in its order (a copy of the archive). */
  after?: number;
  actor?: string;
  action?: string;
  target?: string;
}

export interface AuditLog {
  append(entry: AuditInput): Promise<number>;
  /** Newest first; oldest first with `after`. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}
