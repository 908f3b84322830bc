import { runningName } from '../citation/citation.names.ts';
import type { CitationItem } from '../citation/citation.types.ts';
import type { Agent, ArchivalLocation, ChanceryRecord, RecordSource } from '../record/record.types.ts';
import { attributesOf, element, escapeXml } from '../xml/xml.escape.ts';

/** The record's lists of people, each a `listPerson` of that type; a person's `ref` is its page here. */
export const AGENT_ROLES = ['authors', 'recipients', 'intermediaries', 'participants'] as const;

const CREDIT_LABELS: Record<string, string> = {
  translator: 'Translated by',
  contributor: 'Contributed by',
  funder: 'Funded by',
  editor: 'Edited by',
  transcriber: 'Transcribed by',
  publication: 'Published in',
};

/**
 * The `teiHeader` of a record: titles and credits (`respStmt` for translators and every other
 * role), this archive as publisher with the record's id and URL and its rights, a `msDesc` per
 * archival location (`msIdentifier`: repository, fond, opis, papka as collections, delo and file
 * as idnos, the location as printed; the folios as `locus`), the source file, the printed edition
 * as a `biblStruct`, the date and place of writing, the languages, the document's type and
 * numbers, and its people (`listPerson` per role, each `persName` with a `ref` to its page).
 * An element left empty stands for a field that is null; one left out, for a field the record does
 * not have.
 *
 * @example writeTeiHeader(record, citation, 'https://chancery.example')
 */
export function writeTeiHeader(record: ChanceryRecord, citation: CitationItem, baseUrl: string): string {
  const lines: string[] = ['<teiHeader><fileDesc><titleStmt>'];
  lines.push(element('title', record.title, { type: 'main' }) || '<title type="main"/>');
  for (const author of citation.authors) lines.push(`<author>${escapeXml(runningName(author))}</author>`);
  for (const credit of record.credits) {
    lines.push(
      `<respStmt><resp${attributesOf({ key: credit.role })}>${escapeXml(CREDIT_LABELS[credit.role] ?? credit.role)}</resp><name>${escapeXml(credit.name)}</name></respStmt>`,
    );
  }
  lines.push('</titleStmt><publicationStmt><publisher>Chancery</publisher>');
  lines.push(
    `<idno type="chancery">${escapeXml(record.id)}</idno><idno type="URI">${escapeXml(citation.url)}</idno>`,
  );
  lines.push(record.rights === null ? '' : `<availability><p>${escapeXml(record.rights)}</p></availability>`);
  lines.push('</publicationStmt><sourceDesc>');
  for (const location of record.archivalLocations) lines.push(writeMsDesc(location));
  lines.push(writeSource(record.source));
  if (citation.edition) lines.push(writeEdition(record, citation));
  lines.push(writeNumbers(record));
  lines.push('</sourceDesc></fileDesc><profileDesc>');
  lines.push(writeCreation(record));
  const languages = [...new Set([record.originalLanguage, ...record.texts.map((t) => t.language)])].filter(
    (l): l is string => Boolean(l),
  );
  lines.push(
    `<langUsage>${languages
      .map(
        (l) =>
          `<language${attributesOf({ ident: l, n: l === record.originalLanguage ? 'original' : null })}>${escapeXml(l)}</language>`,
      )
      .join('')}</langUsage>`,
  );
  lines.push(
    `<textClass><keywords><term type="document-type">${escapeXml(record.type)}</term>${
      record.summary === null ? '' : `<term type="summary">${escapeXml(record.summary)}</term>`
    }</keywords></textClass>`,
  );
  lines.push('<particDesc>');
  for (const role of AGENT_ROLES) {
    const agents = record[role];
    if (agents === undefined) continue;
    lines.push(
      `<listPerson type="${role}">${agents.length === 0 ? '<person/>' : agents.map((a) => writeAgent(a, baseUrl)).join('')}</listPerson>`,
    );
  }
  lines.push('</particDesc></profileDesc></teiHeader>');
  return lines.join('\n');
}

/** A field that may be absent (left out), null (empty element) or a value. */
function optional(
  name: string,
  value: string | null | undefined,
  attributes: Record<string, string> = {},
): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}${attributesOf(attributes)}/>`;
  return `<${name}${attributesOf(attributes)}>${escapeXml(value)}</${name}>`;
}

function writeAgent(agent: Agent, baseUrl: string): string {
  const ref = agent.personId === null ? null : `${baseUrl}/people/${encodeURIComponent(agent.personId)}`;
  return (
    `<person><persName${attributesOf({ type: 'preferred', ref, key: agent.personId })}>${escapeXml(agent.name)}</persName>` +
    (agent.alias === null ? '' : `<persName type="alias">${escapeXml(agent.alias)}</persName>`) +
    optional('persName', agent.raw, { type: 'raw' }) +
    (agent.office === undefined && agent.officeId === undefined
      ? ''
      : `<occupation>${optional('roleName', agent.office, { type: 'office' })}${optional('idno', agent.officeId, { type: 'office' })}</occupation>`) +
    '</person>'
  );
}

function writeMsDesc(location: ArchivalLocation): string {
  const collections = (['fond', 'opis', 'papka'] as const)
    .map((level) => optional('collection', location[level], { type: level }))
    .join('');
  const idnos =
    optional('idno', location.delo, { type: 'delo' }) + optional('idno', location.file, { type: 'file' });
  const folios =
    location.folios === undefined
      ? ''
      : location.folios === null
        ? '<msContents><msItem><locus/><p>Folios not given.</p></msItem></msContents>'
        : `<msContents><msItem><locus${attributesOf({ from: String(location.folios.first), to: String(location.folios.last) })}>${location.folios.first}–${location.folios.last}</locus><p>Folios ${location.folios.first}–${location.folios.last}.</p></msItem></msContents>`;
  const classification = optional('p', location.classification);
  return (
    `<msDesc><msIdentifier><repository>${escapeXml(location.repository)}</repository>${collections}${idnos}` +
    `<altIdentifier type="raw"><idno>${escapeXml(location.raw)}</idno></altIdentifier></msIdentifier>${folios}` +
    (classification
      ? `<additional><adminInfo><note type="classification">${classification}</note></adminInfo></additional>`
      : '') +
    '</msDesc>'
  );
}

function writeSource(source: RecordSource): string {
  return (
    '<bibl type="source">' +
    `<idno type="file">${escapeXml(source.file)}</idno>` +
    optional('idno', source.url, { type: 'url' }) +
    optional('idno', source.recordId, { type: 'recordId' }) +
    `<idno type="format">${escapeXml(source.format)}</idno>` +
    `<idno type="sha256">${escapeXml(source.sha256)}</idno>` +
    optional('idno', source.encoding, { type: 'encoding' }) +
    optional('idno', source.layout, { type: 'layout' }) +
    optional('date', source.uploaded, { type: 'uploaded' }) +
    '</bibl>'
  );
}

function writeEdition(record: ChanceryRecord, citation: CitationItem): string {
  const edition = citation.edition;
  if (!edition) return '';
  return (
    '<biblStruct type="edition"><analytic>' +
    element('title', record.title, { level: 'a' }) +
    '</analytic><monogr>' +
    element('title', edition.title, { level: 'm' }) +
    edition.editors.map((e) => element('editor', runningName(e))).join('') +
    `<imprint>${element('pubPlace', edition.place)}${element('publisher', edition.publisher)}${element('date', edition.year)}</imprint>` +
    (edition.volume ? element('biblScope', edition.volume, { unit: 'volume' }) : '') +
    '</monogr>' +
    (edition.series ? `<series>${element('title', edition.series, { level: 's' })}</series>` : '') +
    '</biblStruct>'
  );
}

/** The record's numbers, collections and pages: where the document stands in numberings. */
function writeNumbers(record: ChanceryRecord): string {
  const numbers = record.numbers.map(
    (n) => `<idno${attributesOf({ type: 'number', subtype: n.kind })}>${escapeXml(n.value)}</idno>`,
  );
  const collections = record.collections.map(
    (c) => `<idno${attributesOf({ type: 'collection', n: String(c.position) })}>${escapeXml(c.id)}</idno>`,
  );
  const pages =
    record.pages === undefined
      ? ''
      : record.pages === null
        ? '<biblScope unit="page"/>'
        : `<biblScope${attributesOf({ unit: 'page', from: record.pages.first, to: record.pages.last })}/>`;
  return `<bibl type="numbering">${numbers.join('')}${collections.join('')}${pages}</bibl>`;
}

function writeCreation(record: ChanceryRecord): string {
  const { date } = record;
  const attributes = attributesOf({
    type: date.certainty,
    'notBefore-iso': date.min,
    'notAfter-iso': date.max,
  });
  return `<creation><date${attributes}>${escapeXml(date.display)}</date>${optional('placeName', record.place)}${optional('name', date.timeZone, { type: 'timeZone' })}</creation>`;
}
