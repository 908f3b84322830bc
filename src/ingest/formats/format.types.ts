import type { AuthorityIndex } from '../../names/authority.index.ts';
import type { Authority, ChanceryRecord, Collection, SourceFormat } from '../../record/record.types.ts';

/** What a reader may look at to decide whether a file is its format, before anything is read in full. */
export interface FileHead {
  /** File name without directories. */
  name: string;
  /** First 64 KiB of the file, decoded. */
  head: string;
  /** Size of the whole file in bytes. */
  size: number;
  /**
   * A binary format a reader reads from its bytes ("pdf"); its `head` is then empty. Absent for
   * text, which has been decoded.
   */
  binary?: 'pdf';
}

/** A file to read, already checked (not empty, not binary unless a reader reads its binary format) and decoded. */
export interface SourceInput extends FileHead {
  path: string;
  sha256: string;
  /** Encoding the bytes were decoded from ("utf-8", "windows-1251", "utf-16le", …); "binary" for a PDF. */
  encoding: string;
  /** The file's bytes, untouched: for binary formats (a PDF). */
  bytes(): Promise<Uint8Array>;
  /** The whole decoded text. For formats whose files are small (archive pages). */
  text(): Promise<string>;
  /** The decoded text in chunks, for formats read as a stream (TEI volumes). */
  chunks(): AsyncIterable<string>;
  /** Bytes of the file `chunks()` has read so far: how far a streaming reader has got. */
  bytesRead(): number;
}

/** A problem found inside a file that does not stop the rest of it from being read. */
export interface ReadProblem {
  code:
    | 'ingest.xml_malformed'
    | 'ingest.xml_document'
    | 'ingest.json_malformed'
    | 'ingest.truncated'
    | 'ingest.missing_field'
    | 'record.invalid';
  /**
   * What sort of problem within the code ("unknown-element:affiliation", "persons-list:duplicate-id"):
   * the report gives each sort once per file, with how often it came up. The code when absent.
   */
  kind?: string;
  message: string;
  line?: number;
  column?: number;
}

/** What a reader yields: records, and for editions the collection and authorities they come with. */
export type ReadItem =
  | { kind: 'record'; record: ChanceryRecord }
  | { kind: 'collection'; collection: Collection }
  | { kind: 'authority'; authority: Authority }
  | { kind: 'problem'; problem: ReadProblem };

export interface ReadContext {
  authorities: AuthorityIndex;
}

/**
 * One input format. Readers declare what they read; the best `detect` score takes the file
 * (0 = not this format, 1 = certainly this format).
 *
 * `read` fills `source.url`, `source.recordId`, `source.uploaded` as the file gives them, and
 * `source.format`; the batch fills `source.file`, `source.sha256` and `source.encoding`.
 */
export interface FormatReader {
  format: SourceFormat;
  /** Largest file the format is read from whole; larger files are refused before reading. */
  maxBytes?: number;
  detect(file: FileHead): number;
  read(file: SourceInput, context: ReadContext): AsyncIterable<ReadItem>;
}
