import type { Authority } from '../record/record.types.ts';
import type { SearchResponse } from '../search/query/query.types.ts';
import { HitList, NameFormsTable } from './browse.components.tsx';
import { Layout } from './layout.component.tsx';

export interface OrganizationPageProps {
  authority: Authority;
  wrote: SearchResponse;
  received: SearchResponse;
  named: SearchResponse;
  /** For editors: where to rename, merge or split it. */
  editHref?: string | undefined;
}

/**
 * An office or body ("Secretary of State", "Embassy in Korea"): its names, who held it by the
 * documents, and the documents it wrote, received or is named in.
 */
export function OrganizationPage({ authority, wrote, received, named, editHref }: OrganizationPageProps) {
  const name = authority.name;
  const quoted = `"${name.replaceAll('"', '')}"`;
  const holders = wrote.facets.author.filter((v) => v.label !== name).slice(0, 30);
  return (
    <Layout title={name} description={authority.description ?? `Documents of ${name} in Chancery.`}>
      <div class="page organization-page">
        <p class="eyebrow">Organization</p>
        <h1>{name}</h1>
        {editHref ? (
          <p>
            <a href={editHref}>Edit, merge or split</a>
          </p>
        ) : null}
        {authority.description ? <p class="lede">{authority.description}</p> : null}
        {authority.names.length > 0 ? (
          <section aria-labelledby="names-heading">
            <h2 id="names-heading">Names</h2>
            <NameFormsTable names={authority.names} />
          </section>
        ) : null}
        {holders.length > 0 ? (
          <section id="holders" aria-labelledby="holders-heading">
            <h2 id="holders-heading">Who wrote as {name}</h2>
            <ul class="count-list">
              {holders.map((v) => (
                <li>
                  <a href={`/people/${encodeURIComponent(v.value)}`}>{v.label}</a>{' '}
                  <span class="count">{v.count}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <Documents id="wrote" heading={`Wrote (${wrote.total})`} result={wrote} more={`author:${quoted}`} />
        <Documents
          id="received"
          heading={`Received (${received.total})`}
          result={received}
          more={`recipient:${quoted}`}
        />
        <Documents
          id="named"
          heading={`Named in (${named.total})`}
          result={named}
          more={`person:${quoted}`}
        />
      </div>
    </Layout>
  );
}

function Documents({
  id,
  heading,
  result,
  more,
}: {
  id: string;
  heading: string;
  result: SearchResponse;
  more: string;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {result.total === 0 ? <p class="muted">None.</p> : <HitList hits={result.hits} />}
      {result.total > result.hits.length ? (
        <p>
          <a href={`/search?q=${encodeURIComponent(more)}`}>All {result.total} in search</a>
        </p>
      ) : null}
    </section>
  );
}
