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
  | 'ingest.pdf_encrypted'
  | 'ingest.pdf_no_text'
  | 'ingest.pdf_malformed'
  | 'record.not_found'
  | 'record.invalid'
  | 'store.migration'
  | 'store.url'
  | 'store.connection'
  | 'search.invalid_query'
  | 'names.not_found'
  | 'cli.usage';

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
