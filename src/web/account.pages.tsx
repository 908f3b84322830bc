import type { ApiToken, User } from '../accounts/accounts.types.ts';
import { PASSWORD_MIN } from '../accounts/users.service.ts';
import { CSRF_FIELD } from './auth.middleware.ts';
import { DataTable } from './data-table.component.tsx';
import { Layout } from './layout.component.tsx';

/** A form's hidden CSRF token: every form Chancery renders carries one. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** A message of a form sent back: what was wrong. */
export function Problem({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="form-problem" role="alert">
      {message}
    </p>
  ) : null;
}

export function LoginPage(props: { csrf: string; next: string; name?: string; problem?: string }) {
  return (
    <Layout title="Log in">
      <div class="page">
        <h1>Log in</h1>
        <p>For the archive's editors and readers with an account.</p>
        <Problem message={props.problem} />
        <form method="post" action="/login" class="account-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            Name <input name="name" autocomplete="username" required value={props.name ?? ''} />
          </label>
          <label>
            Password <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button type="submit">Log in</button>
        </form>
      </div>
    </Layout>
  );
}

export function SetupPage(props: { csrf: string; secret: string; problem?: string }) {
  return (
    <Layout title="Create the first admin">
      <div class="page">
        <h1>Create the first admin</h1>
        <p>
          This archive has no account yet. The admin made here adds the others (or{' '}
          <code>chancery user add NAME --role editor</code>). This link works once.
        </p>
        <Problem message={props.problem} />
        <form method="post" action="/setup" class="account-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="token" value={props.secret} />
          <label>
            Name <input name="name" autocomplete="username" required />
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
          <button type="submit">Create the admin</button>
        </form>
      </div>
    </Layout>
  );
}

export function AccountPage(props: {
  user: User;
  csrf: string;
  tokens: ApiToken[];
  /** A token just made: its secret, shown this once. */
  newToken?: { secret: string; token: ApiToken };
  problem?: string;
  notice?: string;
}) {
  const { user, csrf } = props;
  return (
    <Layout title="Your account">
      <div class="page">
        <h1>Your account</h1>
        <p>
          Logged in as <strong>{user.name}</strong> ({user.role}).
          {user.role === 'admin' ? (
            <>
              {' '}
              <a href="/admin/users">Accounts</a> · <a href="/admin/audit">Audit log</a>
            </>
          ) : null}
        </p>
        <Problem message={props.problem} />
        {props.notice ? <p role="status">{props.notice}</p> : null}
        <form method="post" action="/logout" class="inline-form">
          <CsrfField token={csrf} />
          <button type="submit">Log out</button>
        </form>
        <form method="post" action="/logout/everywhere" class="inline-form">
          <CsrfField token={csrf} />
          <button type="submit">Log out everywhere</button>
        </form>

        <h2>Password</h2>
        <form method="post" action="/account/password" class="account-form">
          <CsrfField token={csrf} />
          <label>
            Current password <input name="current" type="password" autocomplete="current-password" required />
          </label>
          <label>
            New password (at least {PASSWORD_MIN} characters){' '}
            <input
              name="password"
              type="password"
              autocomplete="new-password"
              minlength={PASSWORD_MIN}
              required
            />
          </label>
          <button type="submit">Change the password</button>
        </form>

        <h2>API tokens</h2>
        {props.newToken ? (
          <p role="status">
            Token for “{props.newToken.token.label}” ({props.newToken.token.scope}), shown this once:{' '}
            <code class="token-secret">{props.newToken.secret}</code>
          </p>
        ) : null}
        <DataTable headings={['Label', 'Scope', 'Created', 'State']}>
          {props.tokens.map((t) => (
            <tr>
              <td>{t.label || '–'}</td>
              <td>{t.scope}</td>
              <td>{t.createdAt.slice(0, 10)}</td>
              <td>
                {t.revokedAt ? (
                  `revoked ${t.revokedAt.slice(0, 10)}`
                ) : (
                  <form method="post" action={`/account/tokens/${encodeURIComponent(t.id)}/revoke`}>
                    <CsrfField token={csrf} />
                    <button type="submit">Revoke</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <form method="post" action="/account/tokens" class="account-form">
          <CsrfField token={csrf} />
          <label>
            Label <input name="label" maxlength={200} />
          </label>
          <label>
            Scope{' '}
            <select name="scope">
              <option value="read">read</option>
              {user.role === 'reader' ? null : <option value="write">write</option>}
            </select>
          </label>
          <button type="submit">Make a token</button>
        </form>
      </div>
    </Layout>
  );
}
