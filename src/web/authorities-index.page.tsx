import type { Authority, AuthorityKind } from '../record/record.types.ts';
import { PageLinks } from './browse.components.tsx';
import { Layout } from './layout.component.tsx';

/** What an index of authorities shows: one page of them A–Z, narrowed by a letter or a filter. */
export interface AuthoritiesIndexProps {
  kind: Exclude<AuthorityKind, 'term'>;
  authorities: Authority[];
  counts: Map<string, number>;
  total: number;
  page: number;
  pageCount: number;
  letter: string | null;
  filter: string;
  href: (id: string) => string;
}

const TITLES: Record<AuthoritiesIndexProps['kind'], { title: string; lede: string; path: string }> = {
  person: {
    title: 'People',
    lede: 'Everyone who wrote, received or is named in a document, reconciled across sources, under every name they went by.',
    path: '/people',
  },
  place: { title: 'Places', lede: 'Every place the documents name, in any script.', path: '/places' },
  organization: {
    title: 'Organizations',
    lede: 'Offices, embassies, agencies and other bodies that wrote, received or are named in a document.',
    path: '/organizations',
  },
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * People, places or organizations A–Z, fifty to a page, with the number of documents that name
 * each; a letter to jump to, a filter box that finds any name form in any script. Works without
 * JavaScript: every state is a URL.
 */
export function AuthoritiesIndexPage(props: AuthoritiesIndexProps) {
  const { title, lede, path } = TITLES[props.kind];
  const query = (params: Record<string, string | number | null>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== null && value !== '') search.set(key, String(value));
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <Layout title={title}>
      <div class="page">
        <h1>{title}</h1>
        <p class="lede">{lede}</p>
        <search>
          <form method="get" action={path} class="filter-form">
            <label for="names-filter">Filter by any name form</label>{' '}
            <input id="names-filter" name="q" type="search" value={props.filter} />{' '}
            <button type="submit">Filter</button>
          </form>
        </search>
        <nav aria-label="By first letter" class="letters">
          <a href={path} aria-current={props.letter === null && !props.filter ? 'page' : undefined}>
            All
          </a>
          {LETTERS.map((letter) => (
            <>
              {' '}
              <a href={query({ letter })} aria-current={props.letter === letter ? 'page' : undefined}>
                {letter}
              </a>
            </>
          ))}
        </nav>
        <p class="muted">
          {props.total} {props.total === 1 ? 'entry' : 'entries'}
          {props.filter ? ` with a name containing “${props.filter}”` : ''}
          {props.letter ? ` under ${props.letter}` : ''}.
        </p>
        {props.authorities.length === 0 ? <p class="muted">None.</p> : null}
        <ul class="count-list count-list-columns">
          {props.authorities.map((a) => (
            <li>
              <a href={props.href(a.id)}>{a.name}</a>{' '}
              <span class="count" title="documents">
                {props.counts.get(a.id) ?? 0}
              </span>
            </li>
          ))}
        </ul>
        <PageLinks
          page={props.page}
          pageCount={props.pageCount}
          href={(page) => query({ letter: props.letter, q: props.filter, page: page > 1 ? page : null })}
        />
      </div>
    </Layout>
  );
}
