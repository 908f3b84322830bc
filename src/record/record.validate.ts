import type { z } from 'zod';
import { ChanceryError } from '../errors.ts';
import { fieldPath } from './field.path.ts';
import { RecordSchema } from './record.schema.ts';
import type { ChanceryRecord } from './record.types.ts';

/** Lists a record written by another tool may leave out when empty; the model always has them. */
const OPTIONAL_LISTS = [
  'intermediaries',
  'numbers',
  'credits',
  'handling',
  'mentions',
  'relations',
  'alignments',
  'collections',
] as const;

/**
 * Checks that a value read from an import (Chancery JSON, Chancery TEI) is a canonical record, by
 * the one record schema the API also answers with (record.schema.ts), before anything else uses
 * it. Throws `record.invalid` naming the first field that is wrong and how
 * (`da-113644.json, line 3: texts[3].blocks[0].text: expected a string, not a number`), with the
 * limit when one was broken. A field the schema does not know is an error too: a misspelt field
 * would otherwise be lost without a word.
 *
 * @example validateRecord(JSON.parse(line), 'export.jsonl, line 3')
 */
export function validateRecord(value: unknown, where: string): ChanceryRecord {
  const record = withOptionalLists(value);
  const result = RecordSchema.safeParse(record, { reportInput: true });
  // The value as given, not zod's copy of it: its fields keep their order, so an export imported
  // again exports byte for byte the same.
  if (result.success) return record as ChanceryRecord;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const field = fieldPath(issue.path);
  throw new ChanceryError(
    'record.invalid',
    `${where}: ${field ? `${field}: ` : ''}${describeIssue(issue)}.${issue.code === 'too_big' ? ' Split the record, or leave the excess out.' : ''}`,
    { field: field || '(record)' },
  );
}

function withOptionalLists(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const name of OPTIONAL_LISTS) record[name] ??= [];
  return record;
}

/** What is wrong, in the words of the record (not of the validator). */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `missing (expected ${expected})`;
      if (issue.path.length === 0)
        return `expected a JSON object holding a record, not ${kindOf(issue.input)}`;
      return `expected ${expected}, not ${kindOf(issue.input)}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${quote(issue.input)}`;
    case 'too_big': {
      const what = issue.origin === 'string' ? 'characters' : 'entries';
      return `${sizeOf(issue.input)} ${what}, more than the limit of ${Number(issue.maximum).toLocaleString('en-US')} (README, "Limits")`;
    }
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'unrecognized_keys':
      return `${issue.keys.map((k) => JSON.stringify(k)).join(', ')}: not a field of a record here (misspelt?)`;
    case 'invalid_union':
      return 'matches none of the forms the record allows here';
    default:
      return issue.message;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function quote(value: unknown): string {
  // zod leaves out an input it does not report: say so rather than print "undefined".
  if (value === undefined) return 'another value';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${JSON.stringify(text.slice(0, 40))}…` : JSON.stringify(text);
}

function sizeOf(value: unknown): string {
  const size = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
  return size.toLocaleString('en-US');
}
