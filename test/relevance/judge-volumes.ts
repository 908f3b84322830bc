/**
 * Judges the queries of `volume-queries.json` over the FRUS volumes of ../shared, from the XML
 * itself and never from Chancery's answers: for each query, the documents whose raw TEI holds the
 * spellings the edition uses for what the query asks (a name in the edition's romanization, a
 * signature, a head that names the sender), found with regular expressions over each
 * `div[@type="document"]`. Writes `judged-volumes.json`, which the relevance test reads.
 *
 *   npx tsx test/relevance/judge-volumes.ts          # writes the judgments
 *   npx tsx test/relevance/judge-volumes.ts --check  # exits 1 if the file differs from a fresh judging
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHARED = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const VOLUME_DIRS = [`${SHARED}frus-volumes/`, `${SHARED}frus/`];
const SPEC = new URL('./volume-queries.json', import.meta.url);
const OUT = new URL('./judged-volumes.json', import.meta.url);

/** What makes a document relevant: any of the tests given, each a list of regular expressions. */
export interface VolumeQuery {
  query: string;
  kind: 'cross-script' | 'transliteration' | 'signatory' | 'field';
  /** In the document's words (markup removed). */
  text?: string[];
  /** In a `signed` of the document. */
  signed?: string[];
  /** In the sender part of the head: a `type="from"` element, or the head's words before " to ". */
  from?: string[];
  /** In the recipient part of the head. */
  to?: string[];
  /** A `persName/@corresp` to a persons-list entry whose list form matches. */
  listed?: string[];
}

interface Judged {
  query: string;
  kind: VolumeQuery['kind'];
  relevant: string[];
}

interface Doc {
  id: string;
  xml: string;
  text: string;
  /**
   * The text with its words in capitals throughout written as names are ("PRESIDENT SADAT" as
   * "President Sadat", "CHOU EN-LAI" as "Chou En-lai"): a cable printed in capitals names people
   * as much as one in lower case, and the edition's spellings are given in lower case.
   */
  capitalsAsNames: string;
  signed: string;
  from: string;
  to: string;
  corresp: Set<string>;
}

export function judgeVolumes(spec: VolumeQuery[]): Judged[] {
  const relevant = spec.map(() => new Set<string>());
  for (const path of volumeFiles()) {
    const xml = readFileSync(path, 'utf8');
    const volume =
      /<TEI\b[^>]*xml:id="([^"]+)"/.exec(xml)?.[1] ?? path.replace(/.*\//, '').replace(/\.xml$/, '');
    const persons = personsList(xml);
    for (const doc of documents(xml, volume)) {
      for (const [i, q] of spec.entries()) if (matches(q, doc, persons)) relevant[i]?.add(doc.id);
    }
  }
  return spec.map((q, i) => ({ query: q.query, kind: q.kind, relevant: [...(relevant[i] ?? [])].sort() }));
}

function volumeFiles(): string[] {
  return VOLUME_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => dir + f),
  );
}

/** Persons-list ids → list form ("p_GAA1" → "Gromyko, Andrei A."). */
function personsList(xml: string): Map<string, string> {
  const list = new Map<string, string>();
  const start = xml.indexOf('xml:id="persons"');
  if (start < 0) return list;
  const section = xml.slice(start, xml.indexOf('</div>', start));
  for (const m of section.matchAll(/<persName\b[^>]*xml:id="([^"]+)"[^>]*>([\s\S]*?)<\/persName>/g)) {
    list.set(m[1] as string, plain(m[2] as string));
  }
  return list;
}

/** Each `div[@type="document"]`: from its opening tag to the next one (or the end of the body). */
function* documents(xml: string, volume: string): Generator<Doc> {
  const starts = [...xml.matchAll(/<div\b[^>]*\btype="document"[^>]*>/g)];
  for (const [i, start] of starts.entries()) {
    const id = /xml:id="([^"]+)"/.exec(start[0])?.[1];
    if (!id) continue;
    const end = starts[i + 1]?.index ?? xml.lastIndexOf('</body>');
    const body = xml.slice(start.index, end > start.index ? end : undefined);
    const head = /<head\b[^>]*>([\s\S]*?)<\/head>/.exec(body)?.[1] ?? '';
    const headText = plain(head.replace(/<note\b[\s\S]*?<\/note>/g, ''));
    const marked = (type: string) =>
      [
        ...head.matchAll(
          new RegExp(`<(?:persName|gloss)\\b[^>]*type="${type}"[^>]*>([\\s\\S]*?)</(?:persName|gloss)>`, 'g'),
        ),
      ]
        .map((m) => plain(m[1] as string))
        .join(' | ');
    const split = /^(.*?)\s+to\s+(.*)$/.exec(headText);
    yield {
      id: `${volume}-${id}`,
      xml: body,
      text: plain(body),
      capitalsAsNames: asNames(plain(body)),
      signed: [...body.matchAll(/<signed\b[^>]*>([\s\S]*?)<\/signed>/g)]
        .map((m) => plain(m[1] as string))
        .join(' | '),
      // Without a recipient ("Memorandum by the Director … (Rusk)"), the whole head names the sender.
      from: marked('from') || (split?.[1] ?? headText),
      to: marked('to') || (split?.[2] ?? ''),
      corresp: new Set([...body.matchAll(/<persName\b[^>]*corresp="#([^"]+)"/g)].map((m) => m[1] as string)),
    };
  }
}

function matches(q: VolumeQuery, doc: Doc, persons: Map<string, string>): boolean {
  const any = (patterns: string[] | undefined, value: string) =>
    (patterns ?? []).some((p) => new RegExp(p, 'u').test(value));
  if (
    any(q.text, doc.text) ||
    any(q.text, doc.capitalsAsNames) ||
    any(q.signed, doc.signed) ||
    any(q.from, doc.from) ||
    any(q.to, doc.to)
  )
    return true;
  if (q.listed) {
    for (const id of doc.corresp) if (any(q.listed, persons.get(id) ?? '')) return true;
  }
  return false;
}

/** Each word in capitals throughout with its first letter only in capitals; hyphens and apostrophes join. */
function asNames(text: string): string {
  return text.replace(
    /(?<![\p{L}'’-])(\p{Lu})([\p{Lu}'’-]*\p{Lu})(?!\p{L})/gu,
    (_, first: string, rest: string) => first + rest.toLowerCase(),
  );
}

/** Markup removed, entities and spaces as words: what a reader reads. */
function plain(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const spec = (JSON.parse(readFileSync(SPEC, 'utf8')) as { queries: VolumeQuery[] }).queries;
  const judged = {
    description:
      'Judged by test/relevance/judge-volumes.ts from the XML of the FRUS volumes (regular expressions over the edition’s own spellings, signatures, heads and persons-list links in volume-queries.json), never from Chancery’s answers.',
    queries: judgeVolumes(spec),
  };
  const text = `${JSON.stringify(judged, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(
      same ? 'judged-volumes.json is up to date' : 'judged-volumes.json differs from a fresh judging',
    );
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(OUT, text);
    for (const q of judged.queries) console.log(`${String(q.relevant.length).padStart(6)}  ${q.query}`);
  }
}
