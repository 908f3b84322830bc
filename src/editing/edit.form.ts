import { ChanceryError } from '../errors.ts';
import type { ChanceryRecord } from '../record/record.types.ts';

/** A field of the edit form: a line of text, a choice, a paragraph, or JSON for the structured ones. */
export interface EditField {
  name: string;
  label: string;
  kind: 'line' | 'choice' | 'paragraph' | 'json';
  /** What the field holds, said to the editor. */
  help?: string;
}

/**
 * Every field of a record an editor may correct, in the order of the form. Scalars are inputs;
 * the structured fields (people with the alias the document used, numbers, archival locations,
 * credits, collections, custody, relations) and each text (its blocks and their marks) are JSON,
 * checked by the record schema on save. The id and the source are not editable: a correction is
 * of the reading, and the file stays as it came.
 */
export const EDIT_FIELDS: EditField[] = [
  { name: 'title', label: 'Title', kind: 'line' },
  { name: 'type', label: 'Type', kind: 'choice' },
  { name: 'date.display', label: 'Date as shown', kind: 'line' },
  { name: 'date.min', label: 'Earliest date (YYYY, YYYY-MM or YYYY-MM-DD)', kind: 'line' },
  { name: 'date.max', label: 'Latest date', kind: 'line' },
  { name: 'date.certainty', label: 'Certainty of the date', kind: 'choice' },
  { name: 'originalLanguage', label: 'Language of the original (BCP 47)', kind: 'line' },
  { name: 'place', label: 'Place written', kind: 'line' },
  { name: 'summary', label: 'Summary', kind: 'paragraph' },
  { name: 'rights', label: 'Rights', kind: 'paragraph' },
  {
    name: 'authors',
    label: 'Authors',
    kind: 'json',
    help: 'name, alias (the name the document used), personId, office',
  },
  { name: 'recipients', label: 'Recipients', kind: 'json' },
  { name: 'intermediaries', label: 'Intermediaries', kind: 'json' },
  { name: 'numbers', label: 'Document numbers', kind: 'json', help: 'kind and value' },
  { name: 'archivalLocations', label: 'Archival locations', kind: 'json' },
  {
    name: 'credits',
    label: 'Credits',
    kind: 'json',
    help: 'role (translator, contributor, funder…) and name',
  },
  { name: 'collections', label: 'Collections', kind: 'json', help: 'id and position' },
  { name: 'handling', label: 'Custody', kind: 'json' },
  { name: 'relations', label: 'Relations', kind: 'json' },
];

/** The form's name of a text's field: one JSON field per text. */
export function textFieldName(index: number): string {
  return `texts.${index}`;
}

/** What each field of the form shows for a record. */
export function formValues(record: ChanceryRecord): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of EDIT_FIELDS) {
    const value = valueAt(record, f.name);
    values[f.name] =
      f.kind === 'json' ? JSON.stringify(value ?? [], null, 2) : ((value as string | null) ?? '');
  }
  for (const [i, text] of record.texts.entries()) values[textFieldName(i)] = JSON.stringify(text, null, 2);
  return values;
}

/**
 * The record a sent form makes of the saved one: its fields replaced by the form's, empty ones
 * null where the record allows none. JSON that does not parse is refused naming the field and the
 * line; what parses is checked by the record schema afterwards (record.edit.ts).
 */
export function recordFromForm(saved: ChanceryRecord, form: Record<string, string>): unknown {
  const record = structuredClone(saved) as unknown as Record<string, unknown>;
  for (const f of EDIT_FIELDS) {
    const sent = form[f.name];
    if (sent === undefined) continue;
    const value = f.kind === 'json' ? parseJson(f.name, sent) : scalar(f.name, sent);
    setAt(record, f.name, value);
  }
  record.texts = saved.texts.map((text, i) => {
    const sent = form[textFieldName(i)];
    return sent === undefined ? text : parseJson(`texts[${i}]`, sent);
  });
  return record;
}

/** Fields the record holds as null when empty. */
const NULLABLE = new Set(['date.min', 'date.max', 'summary', 'rights', 'originalLanguage', 'place']);

function scalar(name: string, sent: string): string | null {
  const value = sent.replace(/\r\n/g, '\n').trim();
  return value === '' && NULLABLE.has(name) ? null : value;
}

function parseJson(field: string, sent: string): unknown {
  try {
    return JSON.parse(sent);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? null : sent.slice(0, Number(position)).split('\n').length;
    throw new ChanceryError(
      'record.invalid',
      `${field}: not JSON${line ? ` (line ${line} of the field)` : ''}: ${(error as Error).message}.`,
      { field },
    );
  }
}

function valueAt(record: ChanceryRecord, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

function setAt(record: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = record;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  const last = parts.at(-1) as string;
  // A field the record leaves out when empty stays out when the editor leaves it empty.
  if ((value === null || (Array.isArray(value) && value.length === 0)) && !(last in target)) return;
  target[last] = value;
}
