import { readdirSync, readFileSync } from 'node:fs';
import { openApp } from '../../src/app.ts';
import { loadCitation } from '../../src/citation/citation.export.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { writeTeiDocument } from '../../src/tei/tei.export.ts';
import { FRUS_CURRENT_DIR, FRUS_DIR, PAGES_DIR, SEEDS_DIR } from '../support/shared-paths.ts';

/**
 * The formats fuzzed, one a reader in src/app.ts READERS; the FRUS reader twice, once per
 * encoding (older: no `frus:doc-dateTime-*`; current: with them).
 */
export const FUZZ_FORMATS = [
  'archive-page-text',
  'archive-page-markdown',
  'archive-page-pdf-text',
  'chancery-json',
  'tei-frus-older',
  'tei-frus-current',
  'tei-chancery',
] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

/** A well-formed input of a format: what mutations start from. */
export interface FuzzBase {
  format: FuzzFormat;
  /** The file name the input goes by (extension as the archive's files have it). */
  name: string;
  text: string;
}

/** Documents per TEI excerpt: enough for several records, small enough for thousands of cases. */
const DOCUMENTS_PER_EXCERPT = 2;
/** Entries kept of a volume's persons and terms lists. */
const LIST_ITEMS = 12;

/**
 * The inputs mutations start from, read from ../shared: the two seeds (plain-text and Markdown
 * pages), the development pages (PDF-export text), Chancery JSON and TEI exported from an archive
 * of those (as `chancery export` and `/documents/:id.tei.xml` write them), and excerpts of the FRUS
 * volumes of both encodings, a few documents each (whole volumes are megabytes; fuzzing reads
 * thousands of inputs). `volumes` adds more FRUS volumes (the 45 of corpus/frus-volumes).
 *
 * @example const bases = await loadFuzzBases();
 */
export async function loadFuzzBases(options: { volumes?: string[] } = {}): Promise<FuzzBase[]> {
  const bases: FuzzBase[] = [];
  const seeds = readdirSync(SEEDS_DIR).sort();
  for (const seed of seeds) {
    const text = readFileSync(`${SEEDS_DIR}${seed}`, 'utf8');
    const format = /^#{1,6} /m.test(text) ? 'archive-page-markdown' : 'archive-page-text';
    bases.push({ format, name: seed, text });
  }
  const pages = readdirSync(PAGES_DIR).filter(
    (f) => /^\d+\.txt$/.test(f) || /^[a-z-]+-\d{4}-\d\d-\d\d\.txt$/.test(f),
  );
  for (const page of pages.sort()) {
    bases.push({
      format: 'archive-page-pdf-text',
      name: page,
      text: readFileSync(`${PAGES_DIR}${page}`, 'utf8'),
    });
  }
  bases.push(...(await exportedBases([SEEDS_DIR, ...pages.slice(0, 4).map((p) => `${PAGES_DIR}${p}`)])));
  const volumes = [
    ...readdirSync(FRUS_DIR).map((f) => `${FRUS_DIR}${f}`),
    `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`,
    ...(options.volumes ?? []),
  ];
  for (const path of volumes) bases.push(...volumeExcerpts(path, readFileSync(path, 'utf8')));
  return bases;
}

/** Chancery JSON and Chancery TEI of the records an archive of `paths` holds, as its exports write them. */
async function exportedBases(paths: string[]): Promise<FuzzBase[]> {
  const app = await openApp({ db: ':memory:' });
  try {
    await ingestPaths({
      paths,
      store: app.store,
      search: app.search,
      authorities: app.authorities,
      readers: app.readers,
    });
    const bases: FuzzBase[] = [];
    const lines: string[] = [];
    for await (const record of app.store.streamRecords()) {
      lines.push(JSON.stringify(record));
      bases.push({
        format: 'chancery-json',
        name: `${record.id}.json`,
        text: `${JSON.stringify(record, null, 2)}\n`,
      });
      const citation = await loadCitation(record, { ...app, baseUrl: 'http://localhost:3000' });
      bases.push({
        format: 'tei-chancery',
        name: `${record.id}.tei.xml`,
        text: writeTeiDocument(record, citation, 'http://localhost:3000'),
      });
    }
    bases.push({ format: 'chancery-json', name: 'export.jsonl', text: `${lines.join('\n')}\n` });
    return bases;
  } finally {
    await app.close();
  }
}

/**
 * Small well-formed volumes cut from one: the header, the persons and terms lists cut to their
 * first entries, and runs of consecutive documents inside the first chapter's wrapper.
 */
export function volumeExcerpts(path: string, volume: string, count = 6): FuzzBase[] {
  const name = path.split('/').at(-1) ?? path;
  const format: FuzzFormat = volume.includes('frus:doc-dateTime-min') ? 'tei-frus-current' : 'tei-frus-older';
  const headerEnd = volume.indexOf('</teiHeader>') + '</teiHeader>'.length;
  const bodyStart = volume.indexOf('<body');
  const documents = [...volume.matchAll(/<div\b[^>]*\btype="document"/g)].map((m) => m.index);
  const first = documents[0];
  if (headerEnd < '</teiHeader>'.length || bodyStart < 0 || first === undefined) return [];
  const front = ['persons', 'terms']
    .map((id) => {
      const start = volume.lastIndexOf('<div', volume.indexOf(`xml:id="${id}"`));
      return start < 0 || !volume.includes(`xml:id="${id}"`)
        ? ''
        : shortenLists(volume.slice(start, divEnd(volume, start)));
    })
    .join('\n');
  // The compilation and chapter the first document sits in, still open where it starts.
  const wrapper = volume.slice(bodyStart, first);
  const open = (wrapper.match(/<div\b/g)?.length ?? 0) - (wrapper.match(/<\/div>/g)?.length ?? 0);
  const excerpts: FuzzBase[] = [];
  const step = Math.max(1, Math.floor(documents.length / count));
  for (let i = 0; i + DOCUMENTS_PER_EXCERPT <= documents.length && excerpts.length < count; i += step) {
    const body = documents
      .slice(i, i + DOCUMENTS_PER_EXCERPT)
      .map((start) => volume.slice(start, divEnd(volume, start)))
      .join('\n');
    const text = `${volume.slice(0, headerEnd)}\n<text>\n<front>\n${front}\n</front>\n${wrapper}${body}\n${'</div>'.repeat(open)}</body>\n</text>\n</TEI>\n`;
    excerpts.push({ format, name: name.replace(/\.xml$/, `-d${i + 1}.xml`), text });
  }
  return excerpts;
}

/** Where the `<div>` that opens at `start` closes (just after its `</div>`). */
function divEnd(xml: string, start: number): number {
  const tags = /<div\b[^>]*?(\/?)>|<\/div>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    if (m[0].startsWith('</')) depth--;
    else if (m[1] !== '/') depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return xml.length;
}

/** A persons or terms list cut to its first entries (entries are `<item>`s, not nested). */
function shortenLists(div: string): string {
  return div.replace(
    /(<list\b[^>]*>)([\s\S]*?)(<\/list>)/g,
    (_, open: string, items: string, close: string) => {
      const kept = items.match(/<item\b[\s\S]*?<\/item>/g)?.slice(0, LIST_ITEMS) ?? [];
      return `${open}${kept.join('\n')}${close}`;
    },
  );
}
