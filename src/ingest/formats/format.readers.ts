import { archivePageMarkdownReader } from './archive-page-markdown.reader.ts';
import { archivePagePdfReader } from './archive-page-pdf.reader.ts';
import { archivePagePdfTextReader } from './archive-page-pdf-text.reader.ts';
import { archivePageTextReader } from './archive-page-text.reader.ts';
import { chanceryJsonReader } from './chancery-json.reader.ts';
import type { FormatReader } from './format.types.ts';
import { teiChanceryReader } from './tei-chancery.reader.ts';
import { teiFrusReader } from './tei-frus.reader.ts';

/**
 * Every input format Chancery reads; detection picks the best-scoring one per file. A module of
 * its own, so that a reader thread (src/ingest/prepare.worker.ts) finds the readers without the
 * rest of the application.
 */
export const READERS: FormatReader[] = [
  archivePageTextReader,
  archivePageMarkdownReader,
  archivePagePdfTextReader,
  archivePagePdfReader,
  teiFrusReader,
  teiChanceryReader,
  chanceryJsonReader,
];
