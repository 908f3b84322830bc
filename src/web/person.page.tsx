import type { Authority } from '../record/record.types.ts';
import type { FacetValue, SearchResponse } from '../search/query/query.types.ts';
import type { CorrespondencePair } from '../store/store.types.ts';
import { HitList, NameFormsTable, ScrollRegion } from './browse.components.tsx';
import { correspondenceHref, personHref, placeHref } from './browse.queries.ts';
import { Layout } from './layout.component.tsx';

/** One person on the other side of a correspondence, in both directions. */
export interface CorrespondentCount {
  key: string;
  name: string;
  /** Documents the page's person wrote to them. */
  to: number;
  /** Documents they wrote to the page's person. */
  from: number;
}

export interface PersonPageProps {
  /** The authority id, or `n:<name>` for a name the authority file does not know. */
  personKey: string;
  name: string;
  authority: Authority | undefined;
  wrote: SearchResponse;
  received: SearchResponse;
  named: SearchResponse;
  correspondents: CorrespondentCount[];
  /** For editors: where to rename, merge or split it. */
  editHref?: string | undefined;
}

/**
 * A person: every name they go by (with years and source), then the documents they wrote,
 * received or are named in, under any of those names, and the people they corresponded with.
 */
export function PersonPage(props: PersonPageProps) {
  const { name, authority, wrote, received, named, correspondents, editHref } = props;
  const searchName = `"${name.replaceAll('"', '')}"`;
  return (
    <Layout title={name} description={authority?.description ?? `Documents of ${name} in Chancery.`}>
      <div class="page person-page">
        <p class="eyebrow">Person</p>
        <h1>{name}</h1>
        {editHref ? (
          <p>
            <a href={editHref}>Edit, merge or split</a>
          </p>
        ) : null}
        {authority?.description ? <p class="lede">{authority.description}</p> : null}
        {!authority ? (
          <p class="muted">
            Not in the authority file: these are the documents that write the name this way.
          </p>
        ) : null}
        <p>
          <a href={`/timeline?person=${encodeURIComponent(props.personKey)}`}>{name} in the timeline</a>
        </p>
        {authority && authority.names.length > 0 ? (
          <section aria-labelledby="names-heading">
            <h2 id="names-heading">Names and aliases</h2>
            <NameFormsTable names={authority.names} />
          </section>
        ) : null}
        {authority ? <OfficesSection authority={authority} /> : null}
        <DocumentsSection
          id="wrote"
          heading={`Wrote (${wrote.total})`}
          result={wrote}
          more={`/search?q=${encodeURIComponent(`author:${searchName}`)}`}
        />
        <DocumentsSection
          id="received"
          heading={`Received (${received.total})`}
          result={received}
          more={`/search?q=${encodeURIComponent(`recipient:${searchName}`)}`}
        />
        <DocumentsSection
          id="named"
          heading={`Named in (${named.total})`}
          result={named}
          more={`/search?q=${encodeURIComponent(`person:${searchName}`)}`}
        />
        <section aria-labelledby="correspondents-heading">
          <h2 id="correspondents-heading">Correspondents</h2>
          {correspondents.length === 0 ? (
            <p class="muted">No letters or cables to or from others are recorded.</p>
          ) : (
            <ScrollRegion label={`Correspondents of ${name}`}>
              <table class="counts-table">
                <caption class="visually-hidden">Correspondents of {name}, with document counts</caption>
                <thead>
                  <tr>
                    <th scope="col">Correspondent</th>
                    <th scope="col">Written to them</th>
                    <th scope="col">Received from them</th>
                    <th scope="col">Thread</th>
                  </tr>
                </thead>
                <tbody>
                  {correspondents.map((c) => (
                    <tr>
                      <td>
                        <a href={personHref(c.key)}>{c.name}</a>
                      </td>
                      <td class="number">{c.to}</td>
                      <td class="number">{c.from}</td>
                      <td>
                        <a href={correspondenceHref(props.personKey, c.key)}>
                          Read the thread<span class="visually-hidden"> with {c.name}</span>
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      </div>
    </Layout>
  );
}

/**
 * What each source says the person was, with the source and its years ("Soviet Foreign Minister",
 * frus1958-60v14, 1958–1960), and the offices the documents show them signing in, by date.
 */
function OfficesSection({ authority }: { authority: Authority }) {
  const descriptions = authority.descriptions ?? [];
  const signed = [...(authority.offices ?? [])].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  if (descriptions.length === 0 && signed.length === 0) return null;
  return (
    <section aria-labelledby="offices-heading">
      <h2 id="offices-heading">Offices, by source</h2>
      {descriptions.length > 0 ? (
        <ul class="descriptions">
          {descriptions.map((d) => (
            <li>
              {d.text} <span class="muted">({[d.source, d.years].filter(Boolean).join(', ')})</span>
            </li>
          ))}
        </ul>
      ) : null}
      {signed.length > 0 ? (
        <>
          <h3>Signed as</h3>
          <ul class="descriptions">
            {signed.map((o) => (
              <li>
                {o.name} <span class="muted">({[o.date, o.source].filter(Boolean).join(', ')})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function DocumentsSection({
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
      {result.total === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <>
          <HitList hits={result.hits} />
          {result.total > result.hits.length ? (
            <p>
              <a href={more}>All {result.total} in search</a>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

export interface PlacePageProps {
  name: string;
  authority: Authority | undefined;
  documents: SearchResponse;
  searchHref: string;
  /** For editors: where to rename, merge or split it. */
  editHref?: string | undefined;
}

/** A place: its name forms in every script, the documents that name it, and who else they name. */
export function PlacePage({ name, authority, documents, searchHref, editHref }: PlacePageProps) {
  const people = documents.facets.person.slice(0, 30);
  const places = documents.facets.place.filter((p) => p.value !== authority?.id).slice(0, 30);
  return (
    <Layout title={name} description={authority?.description ?? `Documents that name ${name}.`}>
      <div class="page place-page">
        <p class="eyebrow">Place</p>
        <h1>{name}</h1>
        {editHref ? (
          <p>
            <a href={editHref}>Edit, merge or split</a>
          </p>
        ) : null}
        {authority?.description ? <p class="lede">{authority.description}</p> : null}
        {authority && authority.names.length > 0 ? (
          <section aria-labelledby="names-heading">
            <h2 id="names-heading">Names</h2>
            <NameFormsTable names={authority.names} />
          </section>
        ) : null}
        <DocumentsSection
          id="documents"
          heading={`Documents that name it (${documents.total})`}
          result={documents}
          more={searchHref}
        />
        <FacetLinks id="people" heading="People named with it" values={people} href={personHref} />
        <FacetLinks id="places" heading="Other places in these documents" values={places} href={placeHref} />
      </div>
    </Layout>
  );
}

export function FacetLinks({
  id,
  heading,
  values,
  href,
}: {
  id: string;
  heading: string;
  values: FacetValue[];
  href: (key: string) => string;
}) {
  if (values.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <ul class="count-list">
        {values.map((v) => (
          <li>
            <a href={href(v.value)}>{v.label}</a> <span class="count">{v.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Merges the pairs a person is part of into one row per correspondent. */
export function correspondentsOf(personValues: string[], pairs: CorrespondencePair[]): CorrespondentCount[] {
  const mine = new Set(personValues);
  const byKey = new Map<string, CorrespondentCount>();
  const entry = (key: string, name: string) => {
    const found = byKey.get(key) ?? { key, name, to: 0, from: 0 };
    byKey.set(key, found);
    return found;
  };
  for (const pair of pairs) {
    if (mine.has(pair.author.key) && !mine.has(pair.recipient.key)) {
      entry(pair.recipient.key, pair.recipient.name).to += pair.count;
    } else if (mine.has(pair.recipient.key) && !mine.has(pair.author.key)) {
      entry(pair.author.key, pair.author.name).from += pair.count;
    }
  }
  return [...byKey.values()].sort((a, b) => b.to + b.from - (a.to + a.from) || a.name.localeCompare(b.name));
}
