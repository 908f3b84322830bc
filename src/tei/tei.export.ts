import type { CitationItem } from '../citation/citation.types.ts';
import type { Alignment, ChanceryRecord } from '../record/record.types.ts';
import { attributesOf, escapeXml } from '../xml/xml.escape.ts';
import { teiId } from './tei.ids.ts';
import { writeTeiHeader } from './tei-header.write.ts';
import { writeTeiTexts } from './tei-text.write.ts';

export const TEI_NAMESPACE = 'http://www.tei-c.org/ns/1.0';
/** What marks a TEI document as Chancery's export: its reader detects it by this. */
export const CHANCERY_TEI_TYPE = 'chancery-record';

/**
 * One record as a TEI P5 document: the `teiHeader` (src/tei/tei-header.write.ts), a `standOff`
 * with what is said about the texts rather than in them — the people, places and bodies named in
 * each block, relations to other records, the chain of custody as events, the alignments of
 * blocks as `linkGrp`s, where each field was read in the source — and the texts in a `<group>`.
 * Everything in the record is in it, so that ingesting the export gives back the record.
 *
 * @example writeTeiDocument(record, citation, 'https://chancery.example') // '<?xml …?><TEI xmlns=…'
 */
export function writeTeiDocument(record: ChanceryRecord, citation: CitationItem, baseUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeTeiElement(record, citation, baseUrl)}\n`;
}

/** The `<TEI>` element alone, for a document or a `teiCorpus`. */
export function writeTeiElement(record: ChanceryRecord, citation: CitationItem, baseUrl: string): string {
  return (
    `<TEI xmlns="${TEI_NAMESPACE}" xml:lang="en" type="${CHANCERY_TEI_TYPE}">\n` +
    `${writeTeiHeader(record, citation, baseUrl)}\n${writeStandOff(record, baseUrl)}\n${writeTeiTexts(record.texts, record.id)}\n</TEI>`
  );
}

function writeStandOff(record: ChanceryRecord, baseUrl: string): string {
  // An empty list is left out: a record without mentions, relations or handling has none to read.
  const parts: string[] = [];
  if (record.mentions.length > 0) {
    parts.push(
      `<list type="mentions">${record.mentions
        .map((m) => {
          const corresp =
            m.textId === undefined
              ? null
              : m.blockId === undefined
                ? `#${teiId('t', record.id, m.textId)}`
                : `#${teiId('b', record.id, m.textId, m.blockId)}`;
          return `<item><rs${attributesOf({ type: m.kind, key: m.authorityId, ref: authorityRef(baseUrl, m), n: m.name, corresp })}>${escapeXml(m.form)}</rs></item>`;
        })
        .join('')}</list>`,
    );
  }
  if (record.relations.length > 0) {
    parts.push(
      `<listRelation type="relations">${record.relations
        .map(
          (r) =>
            `<relation${attributesOf({
              name: r.type,
              active: r.source === undefined ? null : `#${teiId('t', record.id, r.source)}`,
              passive: r.target,
            })}>${r.basis === undefined ? '' : `<desc>${escapeXml(r.basis)}</desc>`}</relation>`,
        )
        .join('')}</listRelation>`,
    );
  }
  if (record.handling.length > 0) {
    parts.push(`<listEvent type="handling">${record.handling.map(writeEvent).join('')}</listEvent>`);
  }
  for (const alignment of record.alignments) parts.push(writeAlignment(alignment, record.id));
  if (record.provenance) {
    parts.push(
      `<list type="provenance">${Object.entries(record.provenance)
        .map(([field, { line }]) => `<item${attributesOf({ n: field })}>${line}</item>`)
        .join('')}</list>`,
    );
  }
  return parts.length === 0 ? '' : `<standOff>\n${parts.join('\n')}\n</standOff>`;
}

/** A named authority's page in this archive; terms have none. */
function authorityRef(baseUrl: string, mention: ChanceryRecord['mentions'][number]): string | null {
  if (!mention.authorityId || mention.kind === 'term') return null;
  const section =
    mention.kind === 'person' ? 'people' : mention.kind === 'place' ? 'places' : 'organizations';
  return `${baseUrl}/${section}/${encodeURIComponent(mention.authorityId)}`;
}

function writeEvent(event: ChanceryRecord['handling'][number]): string {
  const label = (type: string, value: string | null | undefined) =>
    value === undefined
      ? ''
      : value === null
        ? `<label type="${type}"/>`
        : `<label type="${type}">${escapeXml(value)}</label>`;
  return (
    `<event${attributesOf({ type: event.event, 'when-iso': event.at })}>` +
    (event.agent === null ? '' : label('agent', event.agent)) +
    label('place', event.place) +
    label('number', event.number) +
    label('copies', event.copies) +
    label('copyNumbers', event.copyNumbers?.join(' ')) +
    label('destination', event.destination) +
    `<desc>${escapeXml(event.raw)}</desc></event>`
  );
}

/**
 * An alignment as a `linkGrp`: each link points at its source blocks, then its target blocks,
 * `@n` says how many of each ("2:1"), `@cert` is its score. A link with one block only points at
 * the other text as well, since a link needs two ends.
 */
function writeAlignment(alignment: Alignment, recordId: string): string {
  const source = teiId('t', recordId, alignment.source);
  const target = teiId('t', recordId, alignment.target);
  const links = alignment.links.map((link) => {
    const pointers = [
      ...link.source.map((b) => `#${teiId('b', recordId, alignment.source, b)}`),
      ...link.target.map((b) => `#${teiId('b', recordId, alignment.target, b)}`),
    ];
    if (pointers.length < 2) pointers.push(`#${link.source.length === 0 ? source : target}`);
    return `<link${attributesOf({ target: pointers.join(' '), n: `${link.source.length}:${link.target.length}`, cert: String(link.score) })}/>`;
  });
  if (links.length === 0) links.push(`<ptr target="#${source}"/>`);
  return `<linkGrp${attributesOf({ type: 'alignment', corresp: `#${source} #${target}` })}>${links.join('')}</linkGrp>`;
}

/**
 * A `teiCorpus` of records, written as the records come (the header first, then one `<TEI>` per
 * record), so that an archive of any size is exported without being held in memory.
 *
 * @example for await (const chunk of writeTeiCorpus(entries, { baseUrl })) out.write(chunk);
 */
export async function* writeTeiCorpus(
  entries: AsyncIterable<{ record: ChanceryRecord; citation: CitationItem }>,
  options: { baseUrl: string; title?: string },
): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<teiCorpus xmlns="${TEI_NAMESPACE}" type="${CHANCERY_TEI_TYPE}-corpus">\n` +
    `<teiHeader><fileDesc><titleStmt><title>${escapeXml(options.title ?? 'Chancery: every record')}</title></titleStmt>` +
    `<publicationStmt><publisher>Chancery</publisher><idno type="URI">${escapeXml(options.baseUrl)}</idno></publicationStmt>` +
    '<sourceDesc><p>Records of the archive, each with its own header and sources.</p></sourceDesc></fileDesc></teiHeader>\n';
  for await (const { record, citation } of entries)
    yield `${writeTeiElement(record, citation, options.baseUrl)}\n`;
  yield '</teiCorpus>\n';
}
