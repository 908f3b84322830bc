import { ChanceryError } from '../errors.ts';
import type { RecordEdit, RecordHistory, RecordVersion } from './store.types.ts';

/** What both backends share of editors' versions: how a version row reads, and their refusals. */

/** A version as listed: made by hand when it has an edit's kind. */
export function versionOf(row: RecordVersion & Partial<RecordEdit>): RecordVersion {
  const { version, sha256, savedAt, kind, editor, note, at } = row;
  return kind
    ? { version, sha256, savedAt, edit: { kind, editor: editor ?? '', note: note ?? '', at: at ?? savedAt } }
    : { version, sha256, savedAt };
}

export function recordMissing(id: string): ChanceryError {
  return new ChanceryError(
    'record.not_found',
    `No record with id "${id}". Run \`chancery list\` to see the ids.`,
  );
}

export function editConflict(id: string, base: number, current: number): ChanceryError {
  return new ChanceryError(
    'record.conflict',
    `Record "${id}" was saved as version ${current} while this edit was made from version ${base}; load it again and redo the change.`,
  );
}

/** A history's versions with the edits that made some of them (by version number). */
export function withEdits(
  edits: ReadonlyMap<number, RecordEdit>,
  versions: RecordHistory['versions'],
): RecordHistory['versions'] {
  return versions.map((v) => {
    const edit = edits.get(v.version);
    return edit ? { ...v, edit } : v;
  });
}
