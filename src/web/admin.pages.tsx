import { ROLES, type User } from '../accounts/accounts.types.ts';
import type { AuditEntry } from '../accounts/audit.types.ts';
import { PASSWORD_MIN } from '../accounts/users.service.ts';
import { CsrfField, Problem } from './account.pages.tsx';
import { DataTable } from './data-table.component.tsx';
import { Layout } from './layout.component.tsx';

export function UsersPage(props: { users: User[]; csrf: string; problem?: string; notice?: string }) {
  const { csrf } = props;
  return (
    <Layout title="Accounts">
      <div class="page">
        <h1>Accounts</h1>
        <p>
          <a href="/account">Your account</a> · <a href="/admin/audit">Audit log</a>
        </p>
        <Problem message={props.problem} />
        {props.notice ? <p role="status">{props.notice}</p> : null}
        <DataTable headings={['Name', 'Role', 'State', 'Created', 'Change']}>
          {props.users.map((u) => {
            const base = `/admin/users/${encodeURIComponent(u.name)}`;
            return (
              <tr>
                <td>{u.name}</td>
                <td>{u.role}</td>
                <td>{u.disabled ? 'disabled' : 'active'}</td>
                <td>{u.createdAt.slice(0, 10)}</td>
                <td>
                  <form method="post" action={`${base}/role`} class="inline-form">
                    <CsrfField token={csrf} />
                    <select name="role" aria-label={`Role of ${u.name}`}>
                      {ROLES.map((r) => (
                        <option value={r} selected={r === u.role}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit">Set role</button>
                  </form>
                  <form
                    method="post"
                    action={`${base}/${u.disabled ? 'enable' : 'disable'}`}
                    class="inline-form"
                  >
                    <CsrfField token={csrf} />
                    <button type="submit">{u.disabled ? 'Enable' : 'Disable'}</button>
                  </form>
                </td>
              </tr>
            );
          })}
        </DataTable>
        <h2>Add an account</h2>
        <form method="post" action="/admin/users" class="account-form">
          <CsrfField token={csrf} />
          <label>
            Name <input name="name" required />
          </label>
          <label>
            Role{' '}
            <select name="role">
              {ROLES.map((r) => (
                <option value={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Password (at least {PASSWORD_MIN} characters){' '}
            <input
              name="password"
              type="password"
              autocomplete="new-password"
              minlength={PASSWORD_MIN}
              required
            />
          </label>
          <button type="submit">Add</button>
        </form>
      </div>
    </Layout>
  );
}

export function AuditPage(props: { entries: AuditEntry[]; query: string; next: string | null }) {
  return (
    <Layout title="Audit log">
      <div class="page">
        <h1>Audit log</h1>
        <p>Every change, newest first: who, when, from where, what, and why. Nothing here can be changed.</p>
        <DataTable headings={['#', 'When', 'Who', 'From', 'What', 'To what', 'Detail', 'Why']}>
          {props.entries.map((e) => (
            <tr>
              <td>{e.seq}</td>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.address}</td>
              <td>{e.action}</td>
              <td>{e.target}</td>
              <td>{Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </DataTable>
        {props.next ? (
          <p>
            <a href={`/admin/audit?${props.query}before=${props.next}`}>Older entries</a>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}
