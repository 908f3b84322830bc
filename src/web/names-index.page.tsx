import type { FacetValue } from '../search/query/query.types.ts';
import { personHref, placeHref } from './browse.queries.ts';
import { Layout } from './layout.component.tsx';

/**
 * Every person (or place) the documents name, with how many documents name them, most first:
 * the way into the person and place pages.
 */
export function NamesIndexPage({ kind, values }: { kind: 'person' | 'place'; values: FacetValue[] }) {
  const title = kind === 'person' ? 'People' : 'Places';
  const href = kind === 'person' ? personHref : placeHref;
  return (
    <Layout title={title}>
      <div class="page">
        <h1>{title}</h1>
        <p class="lede">
          {kind === 'person'
            ? 'Everyone who wrote, received or is named in a document, under every name they went by.'
            : 'Every place the documents name, in any script.'}
        </p>
        {values.length === 0 ? <p class="muted">None yet.</p> : null}
        <ul class="count-list count-list-columns">
          {values.map((v) => (
            <li>
              <a href={href(v.value)}>{v.label}</a> <span class="count">{v.count}</span>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
