import type { FacetName, FacetValue } from './query/query.types.ts';

/**
 * The query clause that narrows a search to one facet value, so that a facet link is just the
 * query with a clause added and every search stays reproducible from its URL.
 *
 * @example facetClause('author', { value: 'stalin', label: 'Joseph Stalin', count: 2 }) // 'author:"Joseph Stalin"'
 */
export function facetClause(facet: FacetName, value: FacetValue): string {
  const quoted = `"${value.label.replaceAll('"', '')}"`;
  switch (facet) {
    case 'type':
      return `type:${value.value}`;
    case 'year':
      return `date:${value.value}`;
    case 'decade': {
      const start = Number(value.value.slice(0, 4));
      return `date:${start}..${start + 9}`;
    }
    case 'language':
      return `lang:${value.value}`;
    case 'collection':
      return `collection:${value.value}`;
    case 'author':
    case 'recipient':
    case 'person':
    case 'place':
    case 'archive':
      return `${facet}:${quoted}`;
  }
}
