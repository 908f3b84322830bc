/**
 * The one error type of Chancery. Codes are dotted (`ingest.unknown_format`); the HTTP edge alone
 * maps them to statuses. Messages name the file or field and the reason, and say what to do.
 *
 * @example
 * throw new ChanceryError('record.not_found', `No record with id "${id}". Run \`chancery list\` to see the ids.`);
 */
export type ErrorCode =
  | 'ingest.empty_file'
  | 'ingest.binary_file'
  | 'ingest.unknown_format'
  | 'ingest.too_large'
  | 'ingest.encoding'
  | 'ingest.truncated'
  | 'ingest.missing_field'
  | 'ingest.not_found'
  | 'ingest.xml_malformed'
  | 'ingest.xml_document'
  /** A document type declaration that declares entities: none is expanded (src/xml/xml.entities.ts). */
  | 'ingest.xml_entities'
  /** XML nested deeper than a document of its kind can be (src/xml/xml.tree.ts). */
  | 'ingest.xml_too_deep'
  /** Text that is no JSON where a Chancery JSON record was expected. */
  | 'ingest.json_malformed'
  | 'ingest.pdf_encrypted'
  | 'ingest.pdf_no_text'
  | 'ingest.pdf_malformed'
  | 'record.not_found'
  /** An edit of a record someone else saved meanwhile: load it again and redo the change. */
  | 'record.conflict'
  | 'record.invalid'
  /** A record its editors withdrew: its address answers with why (HTTP 410). */
  | 'record.withdrawn'
  | 'store.migration'
  /** A database or backup file that is not there. */
  | 'store.not_found'
  /** A file given to `chancery restore` that is no whole Chancery archive. */
  | 'store.backup_invalid'
  /** A program Chancery runs (pg_dump, pg_restore, psql) that is not installed. */
  | 'store.tool_missing'
  | 'store.url'
  | 'store.connection'
  | 'search.invalid_query'
  | 'search.timeout'
  | 'names.not_found'
  | 'cli.usage'
  /** A parameter of a request (HTTP or command line) that is malformed or out of range. */
  | 'request.invalid_parameter'
  | 'request.missing_parameter'
  /** A cursor that this server did not hand out, or that belongs to another listing. */
  | 'request.invalid_cursor'
  /** An address under /api that names no endpoint. */
  | 'request.not_found'
  /** An `Accept` header that asks for a representation the endpoint does not have. */
  | 'request.not_acceptable'
  | 'request.method_not_allowed'
  /** A request body past `REQUEST_LIMITS.bodyBytes` (src/web/request.limits.ts). */
  | 'request.too_large'
  /** A request target past `REQUEST_LIMITS.urlChars`. */
  | 'request.uri_too_long'
  /** A login with a wrong name or password (which of the two is not said). */
  | 'auth.failed'
  /** Too many failed logins for an account or from an address: wait and try again. */
  | 'auth.throttled'
  /** A page or request that needs an account, asked for without one. */
  | 'auth.required'
  /** An account whose role does not allow the request. */
  | 'auth.forbidden'
  /** A form sent without this session's token (cross-site request forgery refused). */
  | 'auth.csrf'
  /** An API token of `read` scope used for a change. */
  | 'auth.scope'
  /** A user name, role or password that cannot be used. */
  | 'account.invalid'
  | 'account.exists'
  | 'account.not_found'
  /** A request still under way when the server stops and closes the archive: try again (HTTP 503). */
  | 'server.stopping'
  /** A fault of Chancery's own; the details go to the server's log. */
  | 'server.internal';

export class ChanceryError extends Error {
  readonly code: ErrorCode;
  /** Where in the input the problem is, when known. */
  readonly location?: { file?: string; line?: number; column?: number; field?: string };

  constructor(code: ErrorCode, message: string, location?: ChanceryError['location']) {
    super(message);
    this.name = 'ChanceryError';
    this.code = code;
    if (location) this.location = location;
  }
}

/** True for errors Chancery raised on purpose (bad input, missing record), as opposed to bugs. */
export function isChanceryError(error: unknown): error is ChanceryError {
  return error instanceof ChanceryError;
}
