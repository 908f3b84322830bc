import type { RecordChange } from './store.types.ts';

/** A row of either side of a change listing, as both stores read it. */
export interface ChangeRow {
  id: string;
  changedAt: string;
  type: string;
  /** The sets the record is (or was) in, as a JSON array. */
  collections: string;
}

/**
 * The first `limit` changes of the saved records and the deletions, each side already read in
 * order (time of change, then id) from its own index: merged into that one order.
 *
 * @example mergeChanges(savedRows, deletedRows, 100)
 */
export function mergeChanges(saved: ChangeRow[], deleted: ChangeRow[], limit: number): RecordChange[] {
  return [...saved.map((row) => toChange(row, false)), ...deleted.map((row) => toChange(row, true))]
    .sort((a, b) =>
      a.changedAt === b.changedAt ? (a.id < b.id ? -1 : 1) : a.changedAt < b.changedAt ? -1 : 1,
    )
    .slice(0, limit);
}

function toChange(row: ChangeRow, deleted: boolean): RecordChange {
  return {
    id: row.id,
    changedAt: row.changedAt,
    deleted,
    type: row.type,
    collections: JSON.parse(row.collections) as string[],
  };
}
