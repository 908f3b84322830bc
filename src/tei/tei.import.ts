import type {
  Agent,
  Alignment,
  ArchivalLocation,
  ChanceryRecord,
  CreditRole,
  DateCertainty,
  DocumentType,
  HandlingEvent,
  Mention,
  RecordSource,
  Relation,
} from '../record/record.types.ts';
import { compareDraft } from '../texts/draft.compare.ts';
import { childElement, childElements, descendants, textOf, type XmlElement } from '../xml/xml.tree.ts';
import { readTeiId } from './tei.ids.ts';
import { readTeiTexts } from './tei-text.read.ts';

/**
 * A record from a `<TEI>` element that Chancery wrote (src/tei/tei.export.ts): the header, the
 * standOff and the texts read back field by field. An empty element is a null field, a missing
 * one a field the record did not have. Comparisons of drafts are computed again from the texts
 * and their alignment, as on ingest.
 *
 * @example readTeiRecord(parseXmlTree(xml))
 */
export function readTeiRecord(tei: XmlElement): ChanceryRecord {
  const header = need(childElement(tei, 'teiHeader'), 'teiHeader');
  const fileDesc = need(childElement(header, 'fileDesc'), 'fileDesc');
  const titleStmt = need(childElement(fileDesc, 'titleStmt'), 'titleStmt');
  const publication = need(childElement(fileDesc, 'publicationStmt'), 'publicationStmt');
  const sourceDesc = need(childElement(fileDesc, 'sourceDesc'), 'sourceDesc');
  const profile = need(childElement(header, 'profileDesc'), 'profileDesc');
  const creation = need(childElement(profile, 'creation'), 'creation');
  const dateElement = need(childElement(creation, 'date'), 'creation/date');
  const availability = childElement(publication, 'availability');
  const numbering = childElement(sourceDesc, 'bibl', { type: 'numbering' });
  const keywords = descendants(profile, 'term');
  const standOff = childElement(tei, 'standOff');
  const texts = readTeiTexts(childElement(tei, 'text'));
  const record: ChanceryRecord = {
    id: textOf(need(childElement(publication, 'idno', { type: 'chancery' }), 'idno[@type=chancery]')),
    title: textOf(need(childElement(titleStmt, 'title', { type: 'main' }), 'title')),
    type: (keywords.find((t) => t.attributes.type === 'document-type')
      ? textOf(keywords.find((t) => t.attributes.type === 'document-type') as XmlElement)
      : 'other') as DocumentType,
    date: {
      display: textOf(dateElement),
      min: dateElement.attributes['notBefore-iso'] ?? null,
      max: dateElement.attributes['notAfter-iso'] ?? null,
      certainty: (dateElement.attributes.type ?? 'unknown') as DateCertainty,
    },
    authors: readAgents(profile, 'authors') ?? [],
    recipients: readAgents(profile, 'recipients') ?? [],
    intermediaries: readAgents(profile, 'intermediaries') ?? [],
    numbers: (numbering ? childElements(numbering, 'idno') : [])
      .filter((e) => e.attributes.type === 'number')
      .map((e) => ({ kind: e.attributes.subtype ?? '', value: textOf(e) })),
    summary: ((t) => (t ? textOf(t) : null))(keywords.find((t) => t.attributes.type === 'summary')),
    originalLanguage:
      descendants(profile, 'language').find((l) => l.attributes.n === 'original')?.attributes.ident ?? null,
    archivalLocations: childElements(sourceDesc, 'msDesc').map(readLocation),
    credits: childElements(titleStmt, 'respStmt').map((r) => ({
      role: (childElement(r, 'resp')?.attributes.key ?? 'contributor') as CreditRole,
      name: textOf(need(childElement(r, 'name'), 'respStmt/name')),
    })),
    rights: availability ? textOf(availability) : null,
    source: readSource(need(childElement(sourceDesc, 'bibl', { type: 'source' }), 'bibl[@type=source]')),
    texts,
    handling: standOff
      ? childElements(childElement(standOff, 'listEvent', { type: 'handling' }) ?? empty(), 'event').map(
          readEvent,
        )
      : [],
    mentions: standOff
      ? childElements(childElement(standOff, 'list', { type: 'mentions' }) ?? empty(), 'item').map(
          readMention,
        )
      : [],
    relations: standOff
      ? childElements(childElement(standOff, 'listRelation') ?? empty(), 'relation').map(readRelation)
      : [],
    alignments: standOff
      ? childElements(standOff, 'linkGrp')
          .filter((g) => g.attributes.type === 'alignment')
          .map(readAlignment)
      : [],
    collections: (numbering ? childElements(numbering, 'idno') : [])
      .filter((e) => e.attributes.type === 'collection')
      .map((e) => ({
        id: textOf(e),
        position: numberOf(e.attributes.n, 'the position (n) of a collection idno'),
      })),
  };
  const participants = readAgents(profile, 'participants');
  if (participants) record.participants = participants;
  const timeZone = childElement(creation, 'name', { type: 'timeZone' });
  if (timeZone) record.date.timeZone = nullable(timeZone);
  const place = childElement(creation, 'placeName');
  if (place) record.place = nullable(place);
  const pages = numbering ? childElement(numbering, 'biblScope', { unit: 'page' }) : undefined;
  if (pages) {
    record.pages =
      pages.attributes.from === undefined
        ? null
        : { first: pages.attributes.from, last: pages.attributes.to ?? '' };
  }
  const provenance = standOff ? childElement(standOff, 'list', { type: 'provenance' }) : undefined;
  if (provenance) {
    record.provenance = Object.fromEntries(
      childElements(provenance, 'item').map((item) => [
        item.attributes.n ?? '',
        { line: numberOf(textOf(item), 'a provenance item') },
      ]),
    );
  }
  const comparisons = record.alignments.flatMap((alignment) => {
    const draft = texts.find((t) => t.id === alignment.source && t.kind === 'draft');
    const final = texts.find((t) => t.id === alignment.target);
    return draft && final ? [compareDraft({ draft, final, links: alignment.links })] : [];
  });
  if (comparisons.length > 0) record.comparisons = comparisons;
  return record;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the TEI document has no ${what}`);
  return value;
}

function empty(): XmlElement {
  return { name: '#empty', attributes: {}, children: [], line: 0 };
}

/** An element's text, or null when it is empty (the writer's mark of a null field). */
function nullable(element: XmlElement): string | null {
  return element.children.length === 0 ? null : textOf(element);
}

function optionalChild(
  parent: XmlElement,
  name: string,
  attributes: Record<string, string>,
): string | null | undefined {
  const found = childElement(parent, name, attributes);
  return found === undefined ? undefined : nullable(found);
}

function readAgents(profile: XmlElement, role: string): Agent[] | undefined {
  const partic = childElement(profile, 'particDesc');
  const list = partic ? childElement(partic, 'listPerson', { type: role }) : undefined;
  if (!list) return undefined;
  return childElements(list, 'person')
    .filter((p) => p.children.length > 0)
    .map((person) => {
      const preferred = need(childElement(person, 'persName', { type: 'preferred' }), 'persName');
      const alias = childElement(person, 'persName', { type: 'alias' });
      const agent: Agent = {
        name: textOf(preferred),
        alias: alias ? textOf(alias) : null,
        personId: preferred.attributes.key ?? null,
      };
      const raw = optionalChild(person, 'persName', { type: 'raw' });
      if (raw !== undefined && raw !== null) agent.raw = raw;
      const occupation = childElement(person, 'occupation');
      if (occupation) {
        const office = optionalChild(occupation, 'roleName', { type: 'office' });
        const officeId = optionalChild(occupation, 'idno', { type: 'office' });
        if (office !== undefined) agent.office = office;
        if (officeId !== undefined) agent.officeId = officeId;
      }
      return agent;
    });
}

function readLocation(msDesc: XmlElement): ArchivalLocation {
  const identifier = need(childElement(msDesc, 'msIdentifier'), 'msIdentifier');
  const alt = childElement(identifier, 'altIdentifier', { type: 'raw' });
  const location: ArchivalLocation = {
    repository: textOf(need(childElement(identifier, 'repository'), 'repository')),
    raw: alt ? textOf(need(childElement(alt, 'idno'), 'altIdentifier/idno')) : '',
  };
  for (const level of ['fond', 'opis', 'papka'] as const) {
    const value = optionalChild(identifier, 'collection', { type: level });
    if (value !== undefined) location[level] = value;
  }
  for (const level of ['delo', 'file'] as const) {
    const value = optionalChild(identifier, 'idno', { type: level });
    if (value !== undefined) location[level] = value;
  }
  const locus = descendants(msDesc, 'locus')[0];
  if (locus) {
    location.folios =
      locus.attributes.from === undefined
        ? null
        : {
            first: numberOf(locus.attributes.from, 'locus/@from'),
            last: numberOf(locus.attributes.to, 'locus/@to'),
          };
  }
  const classification = descendants(msDesc, 'note').find((n) => n.attributes.type === 'classification');
  if (classification) {
    const p = childElement(classification, 'p');
    location.classification = p ? nullable(p) : null;
  }
  return location;
}

function readSource(bibl: XmlElement): RecordSource {
  const idno = (type: string) => optionalChild(bibl, 'idno', { type });
  const source: RecordSource = {
    file: idno('file') ?? '',
    url: idno('url') ?? null,
    recordId: idno('recordId') ?? null,
    format: (idno('format') ?? 'chancery-json') as RecordSource['format'],
    sha256: idno('sha256') ?? '',
  };
  const encoding = idno('encoding');
  if (encoding) source.encoding = encoding;
  const layout = idno('layout');
  if (layout) source.layout = layout as RecordSource['layout'] & string;
  const uploaded = optionalChild(bibl, 'date', { type: 'uploaded' });
  if (uploaded !== undefined) source.uploaded = uploaded;
  return source;
}

function readEvent(event: XmlElement): HandlingEvent {
  const label = (type: string) => optionalChild(event, 'label', { type });
  const handling: HandlingEvent = {
    event: (event.attributes.type ?? 'received') as HandlingEvent['event'],
    at: event.attributes['when-iso'] ?? null,
    agent: label('agent') ?? null,
    raw: textOf(need(childElement(event, 'desc'), 'event/desc')),
  };
  for (const field of ['place', 'number', 'copies', 'destination'] as const) {
    const value = label(field);
    if (value !== undefined) handling[field] = value;
  }
  const copies = label('copyNumbers');
  if (copies !== undefined) handling.copyNumbers = copies ? copies.split(' ').map(Number) : [];
  return handling;
}

function readMention(item: XmlElement): Mention {
  const rs = need(childElement(item, 'rs'), 'rs');
  const mention: Mention = {
    kind: (rs.attributes.type ?? 'person') as Mention['kind'],
    authorityId: rs.attributes.key ?? null,
    name: rs.attributes.n ?? textOf(rs),
    form: textOf(rs),
  };
  const corresp = rs.attributes.corresp;
  if (corresp) {
    const { kind, parts } = readTeiId(corresp.slice(1));
    mention.textId = parts[0] ?? '';
    if (kind === 'b') mention.blockId = parts[1] ?? '';
  }
  return mention;
}

function readRelation(relation: XmlElement): Relation {
  const result: Relation = {
    type: (relation.attributes.name ?? 'same-as') as Relation['type'],
    target: relation.attributes.passive ?? '',
  };
  if (relation.attributes.active)
    result.source = readTeiId(relation.attributes.active.slice(1)).parts[0] ?? '';
  const desc = childElement(relation, 'desc');
  if (desc) result.basis = textOf(desc);
  return result;
}

function readAlignment(group: XmlElement): Alignment {
  const [source = '', target = ''] = (group.attributes.corresp ?? '')
    .split(/\s+/u)
    .map((p) => readTeiId(p.slice(1)).parts[0] ?? '');
  return {
    source,
    target,
    links: childElements(group, 'link').map((link) => {
      const [sources = 0, targets = 0] = (link.attributes.n ?? '0:0').split(':').map(Number);
      const blocks = (link.attributes.target ?? '')
        .split(/\s+/u)
        .map((p) => readTeiId(p.slice(1)).parts[1] ?? '');
      return {
        source: blocks.slice(0, sources),
        target: blocks.slice(sources, sources + targets),
        score: numberOf(link.attributes.cert, 'the cert of an alignment link'),
      };
    }),
  };
}

/**
 * A number the TEI writes as text; what is no number is said as written (a reader sees "abc",
 * where the record schema would see the NaN that Number() makes of it).
 */
function numberOf(value: string | undefined, what: string): number {
  const number = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(number)) {
    const shown =
      value === undefined ? 'missing' : `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    throw new Error(`${what} is ${shown}, not a number`);
  }
  return number;
}
