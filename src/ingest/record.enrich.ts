import type {
  Alignment,
  ChanceryRecord,
  DraftComparison,
  Relation,
  SourceFormat,
} from '../record/record.types.ts';
import { alignTexts } from '../texts/alignment.align.ts';
import { compareDraft } from '../texts/draft.compare.ts';

/**
 * What the batch works out from a record's own texts before saving it: the alignment of every
 * pair of texts that are versions of one another (the original with each translation, each draft
 * with the original), the word-level comparison of each draft with the original, and the
 * draft-of relation from each draft to the original. Relations to other records need the archive
 * and are resolved after saving (src/correspondence/relations.resolve.ts).
 *
 * Chancery's own JSON and TEI are taken as exported, so that an export imports again unchanged; only the
 * relations resolved across records are dropped from it, because they are resolved afresh.
 *
 * @example const saved = enrichRecord(record, { readFrom: 'archive-page-text' }); // saved.alignments: [{ source: 'original', target: 'translation-en', links }]
 */
export function enrichRecord(record: ChanceryRecord, options: { readFrom: SourceFormat }): ChanceryRecord {
  // An exported record keeps the format of its first source; what matters is the file read now.
  if (options.readFrom === 'chancery-json' || options.readFrom === 'tei-chancery') {
    const relations = record.relations.filter((r) => r.basis === undefined);
    return relations.length === record.relations.length ? record : { ...record, relations };
  }
  const original = record.texts.find((t) => t.kind === 'original');
  if (!original) return { ...record, alignments: [] };
  const alignments: Alignment[] = [];
  const comparisons: DraftComparison[] = [];
  const relations: Relation[] = [...record.relations];
  for (const translation of record.texts.filter((t) => t.kind === 'translation')) {
    alignments.push(alignTexts({ source: original, target: translation, mentions: record.mentions }));
  }
  for (const draft of record.texts.filter((t) => t.kind === 'draft')) {
    const alignment = alignTexts({ source: draft, target: original, mentions: record.mentions, draft: true });
    alignments.push(alignment);
    comparisons.push(compareDraft({ draft, final: original, links: alignment.links }));
    const draftOf: Relation = { type: 'draft-of', source: draft.id, target: `${record.id}#${original.id}` };
    if (
      !relations.some((r) => r.type === draftOf.type && r.target === draftOf.target && r.source === draft.id)
    ) {
      relations.push(draftOf);
    }
  }
  return {
    ...record,
    relations,
    alignments,
    ...(comparisons.length > 0 ? { comparisons } : {}),
  };
}
