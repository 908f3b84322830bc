import { ChanceryError } from '../errors.ts';
import { type ChanceryRecord, DOCUMENT_TYPES } from './record.types.ts';

/**
 * Checks that a parsed JSON value has the shape of a canonical record, naming the first field
 * that is wrong. Fields a record may lack are not required.
 *
 * @example validateRecord(JSON.parse(line), 'export.jsonl, line 3')
 */
export function validateRecord(value: unknown, where: string): ChanceryRecord {
  const fail = (field: string, reason: string): never => {
    throw new ChanceryError('record.invalid', `${where}: field "${field}" ${reason}.`, { field });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('(record)', 'must be a JSON object');
  const record = value as Record<string, unknown>;
  for (const field of ['id', 'title'] as const) {
    if (typeof record[field] !== 'string' || record[field] === '') fail(field, 'must be a non-empty string');
  }
  if (!DOCUMENT_TYPES.includes(record.type as never))
    fail('type', `must be one of ${DOCUMENT_TYPES.join(', ')}`);
  const date = record.date as Record<string, unknown> | undefined;
  if (typeof date?.display !== 'string') fail('date.display', 'must be a string');
  for (const field of ['authors', 'recipients', 'texts', 'archivalLocations'] as const) {
    if (!Array.isArray(record[field])) fail(field, 'must be an array');
  }
  const source = record.source as Record<string, unknown> | undefined;
  if (typeof source?.sha256 !== 'string') fail('source.sha256', 'must be a string');
  (record.texts as unknown[]).forEach((text, i) => {
    const t = text as Record<string, unknown>;
    if (typeof t?.id !== 'string') fail(`texts[${i}].id`, 'must be a string');
    if (typeof t?.language !== 'string') fail(`texts[${i}].language`, 'must be a BCP 47 language tag');
    if (!Array.isArray(t?.blocks)) fail(`texts[${i}].blocks`, 'must be an array');
  });
  return normalizeOptionalArrays(record as unknown as ChanceryRecord);
}

/** Records written by other tools may leave out empty lists; the model always has them. */
function normalizeOptionalArrays(record: ChanceryRecord): ChanceryRecord {
  return {
    ...record,
    intermediaries: record.intermediaries ?? [],
    numbers: record.numbers ?? [],
    credits: record.credits ?? [],
    handling: record.handling ?? [],
    mentions: record.mentions ?? [],
    relations: record.relations ?? [],
    alignments: record.alignments ?? [],
    collections: record.collections ?? [],
  };
}
