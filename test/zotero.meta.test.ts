import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../src/app.ts';
import { createWebApp } from '../src/web/web.app.tsx';
import { openCorpusApp } from './support/corpus.app.ts';

/**
 * What Zotero makes of a document page, by the rules its Embedded Metadata translator documents
 * (its source, read for the rules, not copied), written here as functions over the page head:
 *
 * - the item type: a Highwire tag naming a container decides (`citation_journal_title` →
 *   journalArticle, `citation_book_title` or `citation_inbook_title` → bookSection,
 *   `citation_technical_report_institution` → report, `citation_conference_title` →
 *   conferencePaper, `citation_dissertation_institution` → thesis); without one, tags of a declared
 *   schema (`<link rel="schema.z">`, `schema.DC`) go to its RDF import, where `z.itemType` names the
 *   type; a lone `citation_title` falls back to journalArticle, anything else to webpage;
 * - creators: each `citation_author` is split at ";"; a single one holding a comma with a space on
 *   both sides is split at commas into several people; "Family, Given" is read at the comma;
 *   `citation_editor` likewise, as editors;
 * - fields: `citation_public_url` → URL, `citation_book_title` → book title, `citation_publisher`,
 *   `citation_date`, first and last page → pages; `DC.coverage` → location in archive, `z.archive`
 *   → archive (the RDF import takes any `z:` field by name).
 */
let app: App;
let web: ReturnType<typeof createWebApp>;
const BASE = 'https://chancery.example';

before(async () => {
  app = await openCorpusApp({ frus: true });
  web = createWebApp({ ...app, baseUrl: BASE });
});
after(async () => app.close());

interface Head {
  metas: { name: string; content: string }[];
  links: { rel: string; href: string }[];
  html: string;
}

async function head(id: string): Promise<Head> {
  const page = await (await web.request(`/documents/${encodeURIComponent(id)}`)).text();
  const html = /<head>([\s\S]*?)<\/head>/u.exec(page)?.[1] ?? '';
  const attr = (tag: string, name: string) =>
    decode(new RegExp(`${name}="([^"]*)"`, 'u').exec(tag)?.[1] ?? '');
  return {
    html,
    metas: [...html.matchAll(/<meta [^>]*>/gu)].map(([tag]) => ({
      name: attr(tag, 'name'),
      content: attr(tag, 'content'),
    })),
    links: [...html.matchAll(/<link [^>]*>/gu)].map(([tag]) => ({
      rel: attr(tag, 'rel'),
      href: attr(tag, 'href'),
    })),
  };
}

function decode(value: string): string {
  return value
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

const values = (h: Head, name: string) => h.metas.filter((m) => m.name === name).map((m) => m.content);

function zoteroItemType(h: Head): string {
  const names = new Set(h.metas.map((m) => m.name));
  const containers: [string, string][] = [
    ['citation_journal_title', 'journalArticle'],
    ['citation_book_title', 'bookSection'],
    ['citation_inbook_title', 'bookSection'],
    ['citation_technical_report_institution', 'report'],
    ['citation_conference_title', 'conferencePaper'],
    ['citation_dissertation_institution', 'thesis'],
  ];
  for (const [tag, type] of containers) if (names.has(tag)) return type;
  const zDeclared = h.links.some(
    (l) => l.rel === 'schema.z' && l.href === 'http://www.zotero.org/namespaces/export#',
  );
  const zType = values(h, 'z.itemType')[0];
  if (zDeclared && zType) return zType;
  return names.has('citation_title') ? 'journalArticle' : 'webpage';
}

function zoteroCreators(h: Head, tag: string): { lastName: string; firstName?: string }[] {
  const people: string[] = [];
  for (const content of values(h, tag)) {
    let parts = content.split(/\s*;\s*/u);
    if (parts.length === 1) {
      const byComma = content.split(/\s*,\s*/u);
      if (byComma.length > 1 && byComma[0]?.includes(' ') && byComma[1]?.includes(' ')) parts = byComma;
    }
    people.push(...parts.filter((p) => /[^\s,.;-]/u.test(p)));
  }
  return people.map((p) => {
    const [last, first] = p.split(/\s*,\s*/u);
    return first ? { lastName: last ?? '', firstName: first } : { lastName: p };
  });
}

test('the cable: a manuscript, with its archive and location, Mao as family Mao, given Zedong', async () => {
  const h = await head('da-726b9b4bc6e2');
  assert.equal(zoteroItemType(h), 'manuscript');
  assert.deepEqual(zoteroCreators(h, 'citation_author'), [{ lastName: 'Mao', firstName: 'Zedong' }]);
  assert.deepEqual(values(h, 'z.archive'), ['RGASPI']);
  assert.deepEqual(values(h, 'DC.coverage'), ['f. 558, op. 11, d. 340, ll. 0043-0045']);
  assert.deepEqual(values(h, 'citation_public_url'), [`${BASE}/documents/da-726b9b4bc6e2`]);
  assert.deepEqual(
    h.links.filter((l) => l.rel === 'canonical').map((l) => l.href),
    [`${BASE}/documents/da-726b9b4bc6e2`],
  );
  assert.deepEqual(values(h, 'citation_date'), ['1951/07/13']);
});

test('the letter: a letter, Stalin as family Stalin, and no scraped host anywhere in the head', async () => {
  const h = await head('da-113644');
  assert.equal(zoteroItemType(h), 'letter');
  assert.deepEqual(zoteroCreators(h, 'citation_author'), [{ lastName: 'Stalin', firstName: 'Joseph' }]);
  assert.deepEqual(values(h, 'z.archive'), ['APRF']);
  assert.deepEqual(values(h, 'citation_public_url'), [`${BASE}/documents/da-113644`]);
  const record = await app.store.getRecord('da-113644');
  assert.match(record?.source.url ?? '', /dvincitest/, 'the source page was scraped from a test host');
  assert.doesNotMatch(h.html, /dvincitest/);
});

test('a FRUS document: a book section with its book title, editors, pages and publisher', async () => {
  const h = await head('frus1951v07p2-d2');
  assert.equal(zoteroItemType(h), 'bookSection');
  assert.deepEqual(values(h, 'citation_book_title'), [
    'Foreign Relations of the United States, 1951, Korea and China, Volume VII, Part 2',
  ]);
  assert.deepEqual(zoteroCreators(h, 'citation_editor'), [
    { lastName: 'Glennon', firstName: 'John P.' },
    { lastName: 'Schwar', firstName: 'Harriet D.' },
    { lastName: 'Claussen', firstName: 'Paul' },
    { lastName: 'Aandahl', firstName: 'Frederick' },
  ]);
  assert.equal(`${values(h, 'citation_firstpage')[0]}-${values(h, 'citation_lastpage')[0]}`, '1476-1503');
  assert.deepEqual(values(h, 'citation_publisher'), ['United States Government Printing Office']);
  assert.deepEqual(values(h, 'citation_date'), ['1983']);
  const withAuthor = await head('frus1951v07p2-d1');
  assert.deepEqual(zoteroCreators(withAuthor, 'citation_author'), [
    { lastName: 'Bradley', firstName: 'Omar N.' },
  ]);
});

test('every document page of the archive gives Zotero a type other than a journal article, and one URL of ours', async () => {
  let pages = 0;
  for (const summary of await app.store.listRecords({ limit: 80 })) {
    const h = await head(summary.id);
    assert.notEqual(zoteroItemType(h), 'journalArticle', summary.id);
    assert.ok(values(h, 'citation_public_url')[0]?.startsWith(`${BASE}/documents/`), summary.id);
    // A name with spaces on both sides of its comma would be read as two people without its ";".
    for (const content of values(h, 'citation_author')) {
      const [family, given] = content.split(/\s*,\s*/u);
      if (family?.includes(' ') && given?.includes(' ')) assert.ok(content.endsWith(';'), content);
    }
    pages++;
  }
  assert.equal(pages, 80);
});
