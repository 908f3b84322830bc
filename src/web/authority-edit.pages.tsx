import type { ReviewItem } from '../names/people.reconcile.ts';
import type { Authority } from '../record/record.types.ts';
import { CsrfField, Problem } from './account.pages.tsx';
import { DataTable } from './data-table.component.tsx';
import { Layout } from './layout.component.tsx';

/** The page of an authority, by its kind. */
export function authorityHref(authority: Pick<Authority, 'id' | 'kind'>): string {
  const path =
    authority.kind === 'person' ? 'people' : authority.kind === 'place' ? 'places' : 'organizations';
  return `/${path}/${encodeURIComponent(authority.id)}`;
}

export function authorityEditHref(id: string): string {
  return `/authorities/${encodeURIComponent(id)}/edit`;
}

/** Why, required with every decision: it is kept with it and in the audit log. */
function NoteField() {
  return (
    <label>
      Why (kept with the decision, required) <textarea name="note" rows={2} required />
    </label>
  );
}

/**
 * An editor's page for one person, place or organization: its name and description, its name
 * forms with their sources (add one, remove one), a merge with another, a split of the forms of
 * some sources into an authority of their own. Each form is one decision, kept with why.
 */
export function AuthorityEditPage(props: {
  authority: Authority;
  /** The source authorities it was reconciled from, by member id. */
  members: Authority[];
  csrf: string;
  problem?: string | undefined;
}) {
  const { authority, members, csrf } = props;
  const action = authorityEditHref(authority.id);
  const anchor = authority.members?.[0] ?? authority.id;
  return (
    <Layout title={`Edit: ${authority.name}`}>
      <div class="page">
        <h1>Edit: {authority.name}</h1>
        <p>
          <a href={authorityHref(authority)}>The {authority.kind}'s page</a> · every change is kept with your
          name and reason, holds when the archive is reconciled again, and the records that name it follow.
        </p>
        <Problem message={props.problem} />

        <section aria-labelledby="name-heading">
          <h2 id="name-heading">Name and description</h2>
          <form method="post" action={action} class="account-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="action" value="edit" />
            <input type="hidden" name="member" value={anchor} />
            <label>
              Name <input name="name" value={authority.name} required />
            </label>
            <label>
              Description{' '}
              <textarea name="description" rows={2}>
                {authority.description ?? ''}
              </textarea>
            </label>
            <NoteField />
            <button type="submit">Save</button>
          </form>
        </section>

        <section aria-labelledby="forms-heading">
          <h2 id="forms-heading">Name forms</h2>
          <DataTable headings={['Form', 'Language', 'Source', 'Remove']}>
            {authority.names.map((n) => (
              <tr>
                <td>{n.form}</td>
                <td>{n.language ?? ''}</td>
                <td>{n.source ?? ''}</td>
                <td>
                  {n.form === authority.name ? (
                    'the name'
                  ) : (
                    <form method="post" action={action} class="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="action" value="remove-name" />
                      <input type="hidden" name="member" value={anchor} />
                      <input type="hidden" name="form" value={n.form} />
                      <input name="note" placeholder="why" required aria-label={`Why remove ${n.form}`} />
                      <button type="submit">Remove</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <form method="post" action={action} class="account-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="action" value="add-name" />
            <input type="hidden" name="member" value={anchor} />
            <label>
              A form to add <input name="form" required />
            </label>
            <label>
              Its language (BCP 47: ru, zh-Hans, ko) <input name="language" />
            </label>
            <label>
              Where it is found <input name="source" required />
            </label>
            <NoteField />
            <button type="submit">Add the form</button>
          </form>
        </section>

        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading">Merge</h2>
          <p>
            Another {authority.kind} that is the same: its id (the last part of its page's address). Its
            forms, sources and records join this one.
          </p>
          <form method="post" action={action} class="account-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="action" value="merge" />
            <label>
              The other's id <input name="other" required />
            </label>
            <NoteField />
            <button type="submit">Merge into this one</button>
          </form>
        </section>

        {members.length > 1 ? (
          <section aria-labelledby="split-heading">
            <h2 id="split-heading">Split</h2>
            <p>The sources that name someone else: they become a {authority.kind} of their own.</p>
            <form method="post" action={action} class="account-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="action" value="split" />
              {members.map((m) => (
                <label>
                  <input type="checkbox" name="members" value={m.id} /> {m.name}
                  {m.source ? ` (${m.source})` : ''}
                  {m.description ? ` — ${m.description}` : ''} <code>{m.id}</code>
                </label>
              ))}
              <NoteField />
              <button type="submit">Split them off</button>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}

/** The matches reconciliation left to an editor: each the same as a candidate, or someone of its own. */
export function ReviewPage(props: {
  items: ReviewItem[];
  /** The candidates' names, by reconciled id. */
  names: Map<string, Pick<Authority, 'id' | 'kind' | 'name'>>;
  csrf: string;
  problem?: string | undefined;
}) {
  return (
    <Layout title="Names to review">
      <div class="page">
        <h1>Names to review</h1>
        <p>
          {props.items.length === 0
            ? 'Nothing is left to decide.'
            : `${props.items.length} names reconciliation did not match safely. A wrong merge is worse than a missed one: merge only what the sources show to be one.`}
        </p>
        <Problem message={props.problem} />
        {props.items.map((item) => (
          <section class="review-item">
            <h2>
              {item.name} <span class="muted">({item.source})</span>
            </h2>
            <p>{item.reason}</p>
            <form method="post" action="/authorities/review" class="account-form">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="member" value={item.memberId} />
              {item.candidates.map((id) => {
                const candidate = props.names.get(id);
                return (
                  <label>
                    <input type="radio" name="candidate" value={id} /> the same as{' '}
                    {candidate ? <a href={authorityHref(candidate)}>{candidate.name}</a> : id}
                  </label>
                );
              })}
              <NoteField />
              <button type="submit" name="action" value="same">
                The same: merge
              </button>
              <button type="submit" name="action" value="distinct">
                Someone of their own
              </button>
            </form>
          </section>
        ))}
      </div>
    </Layout>
  );
}
