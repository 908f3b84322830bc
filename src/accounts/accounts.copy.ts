import type { AccountStore } from './accounts.types.ts';
import type { AuditLog } from './audit.types.ts';
import { AUDIT_PAGE_MAX } from './audit.where.ts';

/** What a copy of the accounts moved. */
export interface AccountCopyCounts {
  users: number;
  tokens: number;
  auditEntries: number;
}

/**
 * Copies the accounts and the audit log of an archive into another (`chancery copy`, after the
 * records): every user with its role, password hash and state, every API token (its digest, so
 * that scripts keep working; revoked ones stay revoked), and the audit log entry by entry in its
 * order, so that who changed what stays known after a move. Sessions and failed logins are not
 * copied: people log in again on the new server. The target numbers the entries anew, in the same
 * order (PostgreSQL may have left gaps in the original's numbers).
 *
 * @example await copyAccounts(sqliteArchive, postgresArchive)
 */
export async function copyAccounts(
  from: { accounts: AccountStore; audit: AuditLog },
  to: { accounts: AccountStore; audit: AuditLog },
): Promise<AccountCopyCounts> {
  const users = await from.accounts.listUsers();
  for (const user of users) await to.accounts.addUser(user);
  const tokens = await from.accounts.listTokens();
  for (const token of tokens) await to.accounts.addToken(token);
  let auditEntries = 0;
  let after = 0;
  for (;;) {
    const page = await from.audit.list({ after, limit: AUDIT_PAGE_MAX });
    for (const { seq, ...entry } of page) {
      await to.audit.append(entry);
      after = seq;
    }
    auditEntries += page.length;
    if (page.length < AUDIT_PAGE_MAX) break;
  }
  return { users: users.length, tokens: tokens.length, auditEntries };
}
