import { type Context, Hono } from 'hono';
import type { Authority } from '../record/record.types.ts';
import { surnameAlone } from '../search/query/query.surnames.ts';
import type { QueryNode } from '../search/query/query.types.ts';
import { queryCount } from '../search/search.plan.ts';
import type { SearchDependencies } from '../search/search.service.ts';
import { AuthoritiesIndexPage, type AuthoritiesIndexProps } from './authorities-index.page.tsx';
import { authorityEditHref } from './authority-edit.pages.tsx';
import { facetFilter, facetValuesOf, findAuthority, parsePageParam, runQuery } from './browse.queries.ts';
import { NotFoundPage } from './error.page.tsx';
import { OrganizationPage } from './organization.page.tsx';
import { renderPage } from './page.render.ts';
import { correspondentsOf, PersonPage, PlacePage } from './person.page.tsx';
import { isEditor } from './record.access.ts';

/** Names listed per page of an index of people, places or organizations. */
const INDEX_SIZE = 100;
/** Documents shown per section of a person, place or organization page before "all in search". */
const SECTION_SIZE = 25;

/**
 * The people, places and organizations of the archive, as reconciled across sources: an index of
 * each, A–Z with paging and a filter, and a page for each one.
 *
 * @example app.route('/', createAuthorityRoutes({ store, search, authorities }));
 */
export function createAuthorityRoutes(deps: SearchDependencies): Hono {
  const { store, search } = deps;
  const app = new Hono();

  const index = (kind: AuthoritiesIndexProps['kind'], href: (id: string) => string) =>
    app.get(`/${kind === 'person' ? 'people' : kind === 'place' ? 'places' : 'organizations'}`, async (c) => {
      const page = parsePageParam(c.req.query('page'));
      const letter = /^[A-Z]$/.test(c.req.query('letter') ?? '') ? (c.req.query('letter') as string) : null;
      const filter = (c.req.query('q') ?? '').trim().slice(0, 200);
      const query = {
        kind,
        ...(letter ? { startsWith: letter } : {}),
        ...(filter ? { contains: filter } : {}),
      };
      const total = await store.countReconciled(query);
      const pageCount = Math.max(1, Math.ceil(total / INDEX_SIZE));
      if (page > pageCount) return renderPage(c, <NotFoundPage />, 404);
      const authorities = await store.listReconciled({
        ...query,
        limit: INDEX_SIZE,
        offset: (page - 1) * INDEX_SIZE,
      });
      const counts = await search.countDocumentsLinking(authorities.map((a) => a.id));
      return renderPage(
        c,
        <AuthoritiesIndexPage
          kind={kind}
          authorities={authorities}
          counts={counts}
          total={total}
          page={page}
          pageCount={pageCount}
          letter={letter}
          filter={filter}
          href={href}
        />,
      );
    });
  index('person', (id) => `/people/${encodeURIComponent(id)}`);
  index('place', (id) => `/places/${encodeURIComponent(id)}`);
  index('organization', (id) => `/organizations/${encodeURIComponent(id)}`);

  app.get('/people/:id', async (c) => {
    const key = c.req.param('id');
    const authority = await findAuthority(key, deps);
    const values = facetValuesOf(key, authority);
    const filter = (facets: ('author' | 'recipient' | 'person')[]) =>
      facetFilter(facets[0] ?? 'person', facets, values);
    // Named in: linked, or by the surname alone where it is theirs, as `person:` finds them.
    const alone =
      authority?.kind === 'person'
        ? await surnameAlone(authority, filter(['author', 'recipient', 'person']), {
            authorities: deps.authorities,
            count: queryCount(search),
          })
        : null;
    const namedIn = alone
      ? { kind: 'or' as const, children: [filter(['person']), alone] }
      : filter(['person']);
    const find = (query: QueryNode) => runQuery(deps, query, { pageSize: SECTION_SIZE });
    const [wrote, received, named, pairs] = await Promise.all([
      find(filter(['author'])),
      find(filter(['recipient'])),
      find(namedIn),
      search.listCorrespondence({ personKey: authority?.id ?? key }),
    ]);
    if (!authority && wrote.total + received.total + named.total === 0)
      return renderPage(c, <NotFoundPage />, 404);
    const name = authority?.name ?? labelOf(key, [wrote, received, named]);
    return renderPage(
      c,
      <PersonPage
        personKey={authority?.id ?? key}
        name={name}
        authority={authority}
        wrote={wrote}
        received={received}
        named={named}
        correspondents={correspondentsOf([authority?.id ?? key, ...values], pairs)}
        editHref={editHrefFor(c, authority)}
      />,
    );
  });

  app.get('/places/:id', async (c) => {
    const key = c.req.param('id');
    const authority = await findAuthority(key, deps);
    const documents = await runQuery(deps, facetFilter('place', ['place'], facetValuesOf(key, authority)), {
      pageSize: SECTION_SIZE,
    });
    if (!authority && documents.total === 0) return renderPage(c, <NotFoundPage />, 404);
    const name = authority?.name ?? labelOf(key, [documents], 'place');
    const searchHref = `/search?q=${encodeURIComponent(`place:"${name.replaceAll('"', '')}"`)}`;
    return renderPage(
      c,
      <PlacePage
        name={name}
        authority={authority}
        documents={documents}
        searchHref={searchHref}
        editHref={editHrefFor(c, authority)}
      />,
    );
  });

  app.get('/organizations/:id', async (c) => {
    const key = c.req.param('id');
    const authority = await findAuthority(key, deps);
    if (authority?.kind !== 'organization') return renderPage(c, <NotFoundPage />, 404);
    const values = facetValuesOf(key, authority);
    const [wrote, received, named] = await Promise.all([
      runQuery(deps, facetFilter('author', ['author', 'author-office'], values), { pageSize: SECTION_SIZE }),
      runQuery(deps, facetFilter('recipient', ['recipient', 'recipient-office'], values), {
        pageSize: SECTION_SIZE,
      }),
      runQuery(deps, facetFilter('person', ['person', 'organization'], values), { pageSize: SECTION_SIZE }),
    ]);
    return renderPage(
      c,
      <OrganizationPage
        authority={authority}
        wrote={wrote}
        received={received}
        named={named}
        editHref={editHrefFor(c, authority)}
      />,
    );
  });

  return app;
}

/** Where an editor keeps an authority the archive reconciled; nothing for readers, or for a bare name. */
function editHrefFor(c: Context, authority: Authority | undefined | null): string | undefined {
  return authority?.members?.length && isEditor(c) ? authorityEditHref(authority.id) : undefined;
}

/** The name a facet gave a key, for people and places no authority stands for. */
function labelOf(
  key: string,
  responses: { facets: Record<string, { value: string; label: string }[]> }[],
  facet?: string,
): string {
  for (const response of responses) {
    for (const [name, values] of Object.entries(response.facets)) {
      if (facet && name !== facet) continue;
      const found = values.find((v) => v.value === key);
      if (found) return found.label;
    }
  }
  return key.startsWith('n:') ? key.slice(2) : key;
}
