import { diffWords } from 'diff';
import type { ChanceryRecord, Text } from '../record/record.types.ts';

/** One field that differs between two versions, each side as the record holds it (JSON for lists). */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** One block of a text that differs: its words, each kept, added or removed. */
export interface BlockChange {
  blockId: string;
  status: 'changed' | 'added' | 'removed';
  words: { op: 'equal' | 'insert' | 'delete'; text: string }[];
  /** The block's marks changed (a mark moved, added or removed) though its words may not have. */
  marksChanged: boolean;
}

export interface TextChange {
  textId: string;
  status: 'changed' | 'added' | 'removed';
  blocks: BlockChange[];
}

export interface RecordComparison {
  fields: FieldChange[];
  texts: TextChange[];
}

/** The fields of a record compared one by one; texts are compared block by block instead. */
const FIELDS_SKIPPED = new Set(['texts']);

/** The top-level fields that differ (texts included), for the audit entry of an edit. */
export function changedFields(before: ChanceryRecord, after: ChanceryRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(field(before, k)) !== JSON.stringify(field(after, k))).sort();
}

/**
 * Two versions of a record compared field by field (`date.min`, `authors`…) and text by text,
 * block by block, word by word.
 *
 * @example compareRecords(version1, version3).fields // [{ field: 'date.display', before: '18 July 1951', after: '13 July 1951' }]
 */
export function compareRecords(before: ChanceryRecord, after: ChanceryRecord): RecordComparison {
  const fields: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (FIELDS_SKIPPED.has(key)) continue;
    const a = field(before, key);
    const b = field(after, key);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // An object of scalars (the date, the source) is compared by its own fields.
    if (isFlat(a) && isFlat(b)) {
      for (const sub of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
        const x = (a as Record<string, unknown> | null)?.[sub];
        const y = (b as Record<string, unknown> | null)?.[sub];
        if (JSON.stringify(x) !== JSON.stringify(y))
          fields.push({ field: `${key}.${sub}`, before: shown(x), after: shown(y) });
      }
      continue;
    }
    fields.push({ field: key, before: shown(a), after: shown(b) });
  }
  return {
    fields: fields.sort((x, y) => (x.field < y.field ? -1 : 1)),
    texts: compareTexts(before.texts, after.texts),
  };
}

function compareTexts(before: Text[], after: Text[]): TextChange[] {
  const changes: TextChange[] = [];
  const earlier = new Map(before.map((t) => [t.id, t]));
  const later = new Map(after.map((t) => [t.id, t]));
  for (const id of new Set([...earlier.keys(), ...later.keys()])) {
    const a = earlier.get(id);
    const b = later.get(id);
    if (!a || !b) {
      const text = (a ?? b) as Text;
      const op = a ? 'delete' : 'insert';
      changes.push({
        textId: id,
        status: a ? 'removed' : 'added',
        blocks: text.blocks.map((block) => ({
          blockId: block.id,
          status: a ? 'removed' : 'added',
          words: [{ op, text: block.text }],
          marksChanged: false,
        })),
      });
      continue;
    }
    const blocks = compareBlocks(a, b);
    if (blocks.length > 0) changes.push({ textId: id, status: 'changed', blocks });
  }
  return changes;
}

function compareBlocks(a: Text, b: Text): BlockChange[] {
  const earlier = new Map(a.blocks.map((block) => [block.id, block]));
  const later = new Map(b.blocks.map((block) => [block.id, block]));
  const changes: BlockChange[] = [];
  // In the later version's order, with removed blocks where they stood.
  const ids = [...new Set([...b.blocks.map((x) => x.id), ...a.blocks.map((x) => x.id)])];
  for (const id of ids) {
    const x = earlier.get(id);
    const y = later.get(id);
    if (x && y) {
      const marksChanged = JSON.stringify(x.marks) !== JSON.stringify(y.marks);
      if (x.text === y.text && !marksChanged && x.type === y.type) continue;
      changes.push({
        blockId: id,
        status: 'changed',
        words: diffWords(x.text, y.text).map((part) => ({
          op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
          text: part.value,
        })),
        marksChanged,
      });
    } else if (x || y) {
      changes.push({
        blockId: id,
        status: x ? 'removed' : 'added',
        words: [{ op: x ? 'delete' : 'insert', text: (x ?? y)?.text ?? '' }],
        marksChanged: false,
      });
    }
  }
  return changes;
}

function field(record: ChanceryRecord, key: string): unknown {
  return (record as unknown as Record<string, unknown>)[key] ?? null;
}

function isFlat(value: unknown): value is Record<string, unknown> | null {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value as object).every((v) => v === null || typeof v !== 'object');
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
