import { createHash } from 'node:crypto';
import { normalizeName } from '../names/name.normalize.ts';
import type { RecordDate } from './record.types.ts';

export interface RecordIdInput {
  /** The source archive's own record id, when the page gives one ("113644"). */
  recordId: string | null;
  title: string;
  date: Pick<RecordDate, 'display' | 'min'>;
}

/**
 * The stable id of a record read from an archive page: `da-<record id>` when the page gives the
 * archive's id, otherwise `da-` and 12 hex digits of SHA-256 over the normalized title and the
 * date. Both inputs are decoded text, so the same page saved as UTF-8 or Windows-1251 gets the
 * same id, and so do the text, Markdown and PDF exports of one document.
 *
 * @example makeRecordId({ recordId: '113644', title: '…', date }) // 'da-113644'
 * @example makeRecordId({ recordId: null, title: 'Cable No. 21756, Mao Zedong to Cde. Filippov [Stalin]', date }) // 'da-' + 12 hex
 */
export function makeRecordId(input: RecordIdInput): string {
  const recordId = input.recordId?.trim();
  if (recordId) return `da-${recordId}`;
  const key = `${normalizeName(input.title)}|${input.date.min ?? input.date.display}`;
  return `da-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12)}`;
}
