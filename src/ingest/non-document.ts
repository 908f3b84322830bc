import { basename, extname } from 'node:path';
import type { ChanceryError } from '../errors.ts';

/** A folder's own documentation: README.md, LICENSE, CHANGELOG.txt, … */
const DOCUMENTATION =
  /^(?:readme|read\.me|licen[cs]e|copying|changelog|changes|notice|authors|contributors|contributing|history|todo)(?:[.-][\w.-]*)?$/i;
/** Pictures, sound and office litter that travel with documents but are none. */
const MEDIA = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.tif',
  '.tiff',
  '.webp',
  '.bmp',
  '.svg',
  '.ico',
  '.heic',
  '.mp3',
  '.wav',
  '.ogg',
  '.mp4',
  '.db',
  '.ini',
]);

/**
 * Why a file found in a folder is no document to ingest, or null when it may be one. Asked only
 * after no reader took the file (an unknown format, or binary), so that a page that happens to be
 * named README.txt is still read; a file named on the command line is never skipped.
 *
 * @example nonDocumentReason('pages/README.md', error) // 'a README: the folder's documentation, not a document'
 */
export function nonDocumentReason(path: string, error: ChanceryError): string | null {
  if (error.code !== 'ingest.unknown_format' && error.code !== 'ingest.binary_file') return null;
  const name = basename(path);
  if (DOCUMENTATION.test(name)) {
    const kind = name.replace(/[.-].*$/, '').toUpperCase();
    return `a ${kind} file: the folder's own documentation, not an archive document`;
  }
  if (MEDIA.has(extname(name).toLowerCase())) {
    return `a ${extname(name).slice(1).toUpperCase()} file: an image or media file, not a text; scans are ingested as PDFs`;
  }
  return null;
}
