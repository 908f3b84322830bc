import type { Actor } from '../accounts/accounts.types.ts';
import { ChanceryError } from '../errors.ts';
import { fieldPath } from '../record/field.path.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import { validateRecord } from '../record/record.validate.ts';
import type { RecordEdit, SaveOutcome, Store } from '../store/store.types.ts';
import { changedFields } from './record.compare.ts';

/** What an edit needs: the store (which writes the version and its audit entry together) and the time. */
export interface EditDeps {
  store: Store;
  now?: () => Date;
}

/** The longest reason an edit keeps. */
const NOTE_MAX = 2000;

/**
 * Saves an editor's correction of a record as a new version, with who, when and why, and its
 * audit entry in the same transaction. The record is checked by the one record schema (the
 * message names the field), must keep its id and source (a correction is of the reading, not of
 * the file), and its marks must lie within their blocks. `record.conflict` when someone saved
 * the record after `baseVersion`.
 *
 * @example await editRecord({ store }, { id, baseVersion: 3, record, note: 'Date misread: 13, not 18 July' }, actor)
 */
export async function editRecord(
  deps: EditDeps,
  input: { id: string; baseVersion: number; record: unknown; note: string },
  actor: Actor,
): Promise<{ outcome: SaveOutcome; version: number }> {
  const note = checkNote(input.note);
  const saved = await deps.store.getSavedRecord(input.id);
  if (!saved) throw new ChanceryError('record.not_found', `No record with id "${input.id}".`);
  const record = validateRecord(input.record, 'the correction');
  if (record.id !== input.id)
    invalid('id', `is "${record.id}"; a correction keeps the record's id "${input.id}"`);
  if (JSON.stringify(record.source) !== JSON.stringify(saved.record.source)) {
    invalid('source', 'changed; a correction is of the reading, and the source file stays as it came');
  }
  checkMarks(record);
  checkAlignments(record);
  return save(deps, saved.record, record, { kind: 'edit', baseVersion: input.baseVersion, note }, actor);
}

/** Brings back an earlier version as a new one (the versions between stay in the history). */
export async function restoreVersion(
  deps: EditDeps,
  input: { id: string; version: number; note: string },
  actor: Actor,
): Promise<{ outcome: SaveOutcome; version: number }> {
  const note = checkNote(input.note);
  const [current, earlier] = await Promise.all([
    deps.store.getSavedRecord(input.id),
    deps.store.getSavedRecord(input.id, input.version),
  ]);
  if (!current || !earlier) {
    throw new ChanceryError('record.not_found', `Record "${input.id}" has no version ${input.version}.`);
  }
  return save(
    deps,
    current.record,
    earlier.record,
    { kind: 'restore', baseVersion: current.version, note, restored: input.version },
    actor,
  );
}

/** Takes the reading of a changed source file that was held because an editor had corrected the record. */
export async function takeHeldReading(
  deps: EditDeps,
  input: { id: string; note: string },
  actor: Actor,
): Promise<{ outcome: SaveOutcome; version: number }> {
  const note = checkNote(input.note);
  const [current, held] = await Promise.all([
    deps.store.getSavedRecord(input.id),
    deps.store.getHeld(input.id),
  ]);
  if (!current || !held) {
    throw new ChanceryError(
      'record.not_found',
      `Record "${input.id}" has no source reading waiting for review.`,
    );
  }
  return save(
    deps,
    current.record,
    held.record,
    { kind: 'source', baseVersion: current.version, note },
    actor,
  );
}

async function save(
  deps: EditDeps,
  before: ChanceryRecord,
  after: ChanceryRecord,
  edit: { kind: RecordEdit['kind']; baseVersion: number; note: string; restored?: number },
  actor: Actor,
): Promise<{ outcome: SaveOutcome; version: number }> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const version = edit.baseVersion + 1;
  const outcome = await deps.store.saveEdit(
    after,
    { kind: edit.kind, editor: actor.name, note: edit.note, at, baseVersion: edit.baseVersion },
    {
      at,
      actor: actor.name,
      action: `record.${edit.kind === 'source' ? 'take_source' : edit.kind}`,
      target: after.id,
      detail: {
        version,
        fields: changedFields(before, after),
        ...(edit.restored ? { restored: edit.restored } : {}),
      },
      reason: edit.note,
      address: actor.address,
    },
  );
  return { outcome, version: outcome === 'unchanged' ? edit.baseVersion : version };
}

/** An editor's reason for a change, required: the change keeps it. */
export function checkNote(note: string): string {
  const trimmed = note.trim();
  if (!trimmed) invalid('note', 'is empty; say why (it is kept with the change)');
  if (trimmed.length > NOTE_MAX) invalid('note', `has ${trimmed.length} characters, more than ${NOTE_MAX}`);
  return trimmed;
}

/** Every mark lies within its block's text (an edit of the words must move the marks with them). */
function checkMarks(record: ChanceryRecord): void {
  for (const [t, text] of record.texts.entries()) {
    for (const [b, block] of text.blocks.entries()) {
      for (const [m, mark] of block.marks.entries()) {
        const where = fieldPath(['texts', t, 'blocks', b, 'marks', m]);
        if (mark.start < 0 || mark.end < mark.start || mark.end > block.text.length) {
          invalid(
            where,
            `runs from ${mark.start} to ${mark.end}, outside its block of ${block.text.length} characters`,
          );
        }
      }
    }
  }
}

/** Every aligned block is a block of its text: a removed block leaves no link behind. */
function checkAlignments(record: ChanceryRecord): void {
  const blocksOf = new Map(record.texts.map((t) => [t.id, new Set(t.blocks.map((b) => b.id))]));
  for (const [a, alignment] of record.alignments.entries()) {
    for (const [l, link] of alignment.links.entries()) {
      for (const [side, text] of [
        ['source', alignment.source],
        ['target', alignment.target],
      ] as const) {
        for (const id of link[side]) {
          if (!blocksOf.get(text)?.has(id)) {
            invalid(
              fieldPath(['alignments', a, 'links', l, side]),
              `names block "${id}", which text "${text}" does not have; remove the link or the block id`,
            );
          }
        }
      }
    }
  }
}

function invalid(field: string, problem: string): never {
  throw new ChanceryError('record.invalid', `${field}: ${problem}.`, { field });
}

/** Keeps an editor's correction over a changed source file's reading, which is dropped; audited. */
export async function keepCorrection(
  deps: EditDeps,
  input: { id: string; note: string },
  actor: Actor,
): Promise<void> {
  const note = checkNote(input.note);
  const held = await deps.store.getHeld(input.id);
  const dropped =
    held &&
    (await deps.store.dropHeld(input.id, {
      at: (deps.now?.() ?? new Date()).toISOString(),
      actor: actor.name,
      action: 'record.keep_correction',
      target: input.id,
      detail: { source: held.sourceSha256 },
      reason: note,
      address: actor.address,
    }));
  if (!dropped) {
    throw new ChanceryError(
      'record.not_found',
      `Record "${input.id}" has no source reading waiting for review.`,
    );
  }
}
