/**
 * The figures a page prints, by what each counts, read back from its markup: a test then compares
 * the numbers a reader sees, not whole pages (which change for reasons of their own).
 */

/** Figures keyed by what they count; a page that does not print a figure counts nothing there. */
export type Figures = Map<string, number>;

/**
 * Links followed by a count, as the indexes of people, places and organizations, the timeline's
 * list and the facet pages print them (`<a href="/people/stalin">Joseph Stalin</a> <span
 * class="count">10</span>`), keyed by the link's address or by its text.
 *
 * @example linkedCounts(html, 'href').get('/timeline?year=1951') // 1
 */
export function linkedCounts(html: string, key: 'href' | 'text'): Figures {
  const figures: Figures = new Map();
  for (const [, href = '', text = '', count] of html.matchAll(
    /<a href="([^"]*)">([^<]*)<\/a>\s*<span class="count"[^>]*>\s*(\d+)\s*<\/span>/g,
  ))
    figures.set(unescapeHtml(key === 'href' ? href : text), Number(count));
  return figures;
}

/** The collections list: each collection's address, with its "20 documents". */
export function collectionCounts(html: string): Figures {
  const figures: Figures = new Map();
  for (const [, href = '', count] of html.matchAll(
    /<a class="document-title" href="([^"]*)">[^<]*<\/a>\s*<p class="document-meta">\s*<span>\s*(\d+) documents?/g,
  ))
    figures.set(unescapeHtml(href), Number(count));
  return figures;
}

/** Who wrote to whom: each pair's count, keyed `author → recipient` by their keys. */
export function correspondenceCounts(html: string): Figures {
  const figures: Figures = new Map();
  for (const [, href = '', count] of html.matchAll(/<a href="(\/correspondence\?[^"]*)">\s*(\d+)\s*</g)) {
    const params = new URLSearchParams(unescapeHtml(href).slice('/correspondence?'.length));
    figures.set(`${params.get('a')} → ${params.get('b')}`, Number(count));
  }
  return figures;
}

/** The sentence that counts a whole page's documents (`<p>32 documents.</p>`), keyed `all`. */
export function totalCount(html: string): Figures {
  const total = /<p>\s*(\d+) documents?\.\s*<\/p>/.exec(html)?.[1];
  return new Map(total === undefined ? [] : [['all', Number(total)]]);
}

/** The API's collections, one or a list of them: each collection's id with its number of records. */
export function collectionRecordCounts(json: string): Figures {
  const body = JSON.parse(json) as {
    id?: string;
    records?: number;
    items?: { id: string; records: number }[];
  };
  const items = body.items ?? [{ id: body.id ?? '', records: body.records ?? 0 }];
  return new Map(items.map((item) => [item.id, item.records]));
}

/** Several readers of one page, their figures together. */
export function allFigures(...readers: ((body: string) => Figures)[]): (body: string) => Figures {
  return (body) => new Map(readers.flatMap((read) => [...read(body)]));
}

/** Markup's escapes in an attribute or text, as hono/jsx writes them. */
function unescapeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
