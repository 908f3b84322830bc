import { genreOf } from '../citation/citation.build.ts';
import { loadCitation } from '../citation/citation.export.ts';
import type { CitationItem } from '../citation/citation.types.ts';
import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import { splitPlan } from '../search/search.plan.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { ChangeQuery, RecordChange, Store } from '../store/store.types.ts';
import { attributesOf, element, escapeXml } from '../xml/xml.escape.ts';
import { OAI_DC, writeOaiDc } from './oai.dc.ts';
import { fromInstant, type OaiError, type OaiRequest, readOaiRequest, untilInstant } from './oai.request.ts';
import { type ResumptionState, readResumptionToken, writeResumptionToken } from './oai.token.ts';

/** A metadata format the repository disseminates. */
export interface OaiFormat {
  prefix: string;
  schema: string;
  namespace: string;
  /** The record's metadata; `baseUrl` is this archive's, for links. */
  write(record: ChanceryRecord, citation: CitationItem, baseUrl: string): string;
}

export interface OaiOptions {
  store: Store;
  /** Counts the document types for the sets. */
  search: SearchIndex;
  authorities: AuthorityIndex;
  /** This archive's base URL: the repository's own address, and the host its identifiers name. */
  baseUrl: string;
  repositoryName?: string;
  adminEmail?: string;
  /** Formats beyond oai_dc (TEI). */
  formats?: OaiFormat[];
  /** Records per page of ListRecords, headers per page of ListIdentifiers. */
  pageSize?: { records: number; identifiers: number };
}

const OAI_NAMESPACE = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

/**
 * Answers an OAI-PMH 2.0 request (arguments as name–value pairs) with the response document. Every
 * error the protocol names is answered in the protocol, never as an HTTP error.
 *
 * @example await answerOai([['verb', 'Identify']], { store, search, authorities, baseUrl: 'https://chancery.example' })
 */
export async function answerOai(pairs: [string, string][], options: OaiOptions): Promise<string> {
  const read = readOaiRequest(pairs);
  const base = options.baseUrl.replace(/\/+$/u, '');
  const requestUrl = `${base}/oai`;
  if ('errors' in read) {
    // badVerb and badArgument: the request element carries no attributes (section 3.2).
    return envelope(`<request>${escapeXml(requestUrl)}</request>`, errorsXml(read.errors));
  }
  const { request } = read;
  const requestElement = `<request${attributesOf({ verb: request.verb, ...request.args })}>${escapeXml(requestUrl)}</request>`;
  const body = await answerVerb(request, { ...options, baseUrl: base });
  return envelope(requestElement, typeof body === 'string' ? body : errorsXml(body));
}

async function answerVerb(request: OaiRequest, options: OaiOptions): Promise<string | OaiError[]> {
  const formats = [{ ...OAI_DC, write: writeOaiDc }, ...(options.formats ?? [])] satisfies OaiFormat[];
  const host = new URL(options.baseUrl).hostname;
  const { args } = request;
  switch (request.verb) {
    case 'Identify': {
      const first = (await options.store.listChanges({ limit: 1 })).changes[0];
      const earliest = first ? datestamp(first.changedAt) : datestamp(new Date().toISOString());
      return (
        '<Identify>' +
        element('repositoryName', options.repositoryName ?? 'Chancery') +
        element('baseURL', `${options.baseUrl}/oai`) +
        '<protocolVersion>2.0</protocolVersion>' +
        element('adminEmail', options.adminEmail ?? `archive@${host}`) +
        element('earliestDatestamp', earliest) +
        '<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>' +
        '</Identify>'
      );
    }
    case 'ListMetadataFormats': {
      if (args.identifier !== undefined) {
        const change = await findChange(args.identifier, host, options.store);
        if (!change) return [idDoesNotExist(args.identifier)];
      }
      return `<ListMetadataFormats>${formats
        .map(
          (f) =>
            `<metadataFormat>${element('metadataPrefix', f.prefix)}${element('schema', f.schema)}${element('metadataNamespace', f.namespace)}</metadataFormat>`,
        )
        .join('')}</ListMetadataFormats>`;
    }
    case 'ListSets': {
      if (args.resumptionToken !== undefined) {
        return [
          {
            code: 'badResumptionToken',
            message: 'ListSets is answered whole: it hands out no resumption token.',
          },
        ];
      }
      const sets = await listSets(options);
      return `<ListSets>${sets.map((s) => `<set>${element('setSpec', s.spec)}${element('setName', s.name)}</set>`).join('')}</ListSets>`;
    }
    case 'GetRecord': {
      const format = formats.find((f) => f.prefix === args.metadataPrefix);
      if (!format) return [cannotDisseminate(args.metadataPrefix ?? '')];
      const change = await findChange(args.identifier ?? '', host, options.store);
      if (!change) return [idDoesNotExist(args.identifier ?? '')];
      return `<GetRecord>${await recordXml(change, format, host, options)}</GetRecord>`;
    }
    case 'ListIdentifiers':
    case 'ListRecords':
      return listVerb(request, formats, host, options);
  }
}

async function listVerb(
  request: OaiRequest,
  formats: OaiFormat[],
  host: string,
  options: OaiOptions,
): Promise<string | OaiError[]> {
  const records = request.verb === 'ListRecords';
  let state: ResumptionState;
  if (request.args.resumptionToken !== undefined) {
    const token = readResumptionToken(request.args.resumptionToken, request.verb);
    if (!token) {
      return [
        {
          code: 'badResumptionToken',
          message:
            'This resumption token is malformed, or belongs to another verb. Start the list again without it.',
        },
      ];
    }
    state = token;
  } else {
    state = { verb: request.verb, prefix: request.args.metadataPrefix ?? '', cursor: 0 };
    for (const name of ['set', 'from', 'until'] as const) {
      const value = request.args[name];
      if (value !== undefined) state[name] = value;
    }
  }
  const format = formats.find((f) => f.prefix === state.prefix);
  if (!format) return [cannotDisseminate(state.prefix)];
  const setFilter = state.set === undefined ? {} : setQuery(state.set);
  if (setFilter === null)
    return [{ code: 'noRecordsMatch', message: `No set "${state.set?.slice(0, 80)}": ListSets names them.` }];
  const size = records ? (options.pageSize?.records ?? 100) : (options.pageSize?.identifiers ?? 500);
  const query: ChangeQuery = {
    ...setFilter,
    ...(state.from ? { from: fromInstant(state.from) } : {}),
    ...(state.until ? { until: untilInstant(state.until) } : {}),
    ...(state.after ? { after: state.after } : {}),
    limit: size,
  };
  const { total, changes } = await options.store.listChanges(query);
  if (changes.length === 0 && state.cursor === 0) {
    return [{ code: 'noRecordsMatch', message: 'No record matches these arguments.' }];
  }
  const items = await Promise.all(
    changes.map((change) =>
      records ? recordXml(change, format, host, options) : Promise.resolve(headerXml(change, host)),
    ),
  );
  const listed = state.cursor + changes.length;
  const last = changes.at(-1);
  // `total` counts the whole list, whatever page this is; the last page of a split list ends
  // with an empty token (section 3.5).
  const more = listed < total && last !== undefined;
  const listSize = { completeListSize: String(total), cursor: String(state.cursor) };
  const resume = more
    ? `<resumptionToken${attributesOf(listSize)}>${escapeXml(
        writeResumptionToken({ ...state, after: { changedAt: last.changedAt, id: last.id }, cursor: listed }),
      )}</resumptionToken>`
    : state.cursor > 0
      ? `<resumptionToken${attributesOf(listSize)}/>`
      : '';
  return `<${request.verb}>${items.join('')}${resume}</${request.verb}>`;
}

async function recordXml(
  change: RecordChange,
  format: OaiFormat,
  host: string,
  options: OaiOptions,
): Promise<string> {
  const header = headerXml(change, host);
  if (change.deleted) return `<record>${header}</record>`;
  const record = await options.store.getRecord(change.id);
  if (!record) return `<record>${headerXml({ ...change, deleted: true }, host)}</record>`;
  const citation = await loadCitation(record, { ...options });
  return `<record>${header}<metadata>${format.write(record, citation, options.baseUrl)}</metadata></record>`;
}

function headerXml(change: RecordChange, host: string): string {
  const sets = [`type:${change.type}`, ...change.collections.map((c) => `collection:${c}`)];
  return (
    `<header${change.deleted ? ' status="deleted"' : ''}>` +
    element('identifier', oaiIdentifier(host, change.id)) +
    element('datestamp', datestamp(change.changedAt)) +
    sets.map((s) => element('setSpec', s)).join('') +
    '</header>'
  );
}

/** `oai:chancery.example:da-726b9b4bc6e2`: the oai-identifier scheme, on this archive's host. */
export function oaiIdentifier(host: string, id: string): string {
  return `oai:${host}:${id}`;
}

async function findChange(identifier: string, host: string, store: Store): Promise<RecordChange | null> {
  const prefix = `oai:${host}:`;
  if (!identifier.startsWith(prefix)) return null;
  const id = identifier.slice(prefix.length);
  if (!id) return null;
  return (await store.listChanges({ id, limit: 1 })).changes[0] ?? null;
}

/**
 * Sets: `collection` and `type`, each with a set per collection (`collection:frus1951v07p2`) and
 * per document type the archive holds (`type:cable`).
 */
async function listSets(
  deps: Pick<OaiOptions, 'store' | 'search'>,
): Promise<{ spec: string; name: string }[]> {
  const [collections, everything] = await Promise.all([
    deps.store.listCollections(),
    deps.search.count(splitPlan({ kind: 'and', children: [] }), { facetLimit: 1000 }),
  ]);
  const types = everything.facets.type.map((v) => v.value).sort();
  return [
    { spec: 'collection', name: 'Collections' },
    ...collections.map((c) => ({ spec: `collection:${c.id}`, name: c.title })),
    { spec: 'type', name: 'Document types' },
    ...types.map((t) => ({ spec: `type:${t}`, name: genreOf(t) })),
  ];
}

/** The store's filter for a set, or null for a set that does not exist. */
function setQuery(spec: string): Partial<ChangeQuery> | null {
  if (spec === 'type') return {};
  if (spec === 'collection') return { inSomeCollection: true };
  const match = /^(collection|type):(.+)$/u.exec(spec);
  if (!match) return null;
  return match[1] === 'collection' ? { collection: match[2] as string } : { type: match[2] as string };
}

/** Seconds, UTC: the repository's granularity. */
function datestamp(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

function idDoesNotExist(identifier: string): OaiError {
  return { code: 'idDoesNotExist', message: `No item "${identifier.slice(0, 200)}" in this repository.` };
}

function cannotDisseminate(prefix: string): OaiError {
  return {
    code: 'cannotDisseminateFormat',
    message: `The format "${prefix.slice(0, 80)}" is not disseminated here: ListMetadataFormats names those that are.`,
  };
}

function errorsXml(errors: OaiError[]): string {
  return errors.map((e) => `<error code="${e.code}">${escapeXml(e.message)}</error>`).join('');
}

function envelope(requestElement: string, body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<OAI-PMH xmlns="${OAI_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${OAI_NAMESPACE} ${OAI_SCHEMA}">` +
    `<responseDate>${new Date().toISOString().slice(0, 19)}Z</responseDate>${requestElement}${body}</OAI-PMH>\n`
  );
}
