import type { Reconciled } from '../store/reconciled.present.ts';
import type { CorrespondencePair } from '../store/store.types.ts';

/** One author and one recipient of a document, as the index holds them (facet value and label). */
export type AuthorRecipientRow = [
  doc: number,
  authorKey: string,
  authorLabel: string,
  recipientKey: string,
  recipientLabel: string,
  date: string | null,
];

/**
 * Pairs of correspondents with their counts and date spans, from every author–recipient row of
 * the index. Each side counts as the reconciled person it stands for: the signatures of one
 * volume and the persons list of another are one correspondent. Most documents first.
 *
 * @example pairCorrespondents(rows, members, 20)
 */
export function pairCorrespondents(
  rows: Iterable<AuthorRecipientRow>,
  members: Map<string, Reconciled>,
  limit?: number,
): CorrespondencePair[] {
  const side = (key: string, label: string) => {
    const reconciled = members.get(key);
    return reconciled
      ? { key: reconciled.id, personId: reconciled.id, name: reconciled.name }
      : { key, personId: key.startsWith('n:') ? null : key, name: label };
  };
  const byPair = new Map<string, { pair: CorrespondencePair; docs: Set<number> }>();
  for (const [doc, ak, al, bk, bl, date] of rows) {
    const author = side(ak, al);
    const recipient = side(bk, bl);
    if (author.key === recipient.key) continue;
    const key = `${author.key}\u0000${recipient.key}`;
    let entry = byPair.get(key);
    if (!entry) {
      entry = { pair: { author, recipient, count: 0, first: null, last: null }, docs: new Set() };
      byPair.set(key, entry);
    }
    if (entry.docs.has(doc)) continue;
    entry.docs.add(doc);
    entry.pair.count++;
    if (date && (!entry.pair.first || date < entry.pair.first)) entry.pair.first = date;
    if (date && (!entry.pair.last || date > entry.pair.last)) entry.pair.last = date;
  }
  const sorted = [...byPair.values()]
    .map((e) => e.pair)
    .sort(
      (x, y) =>
        y.count - x.count ||
        x.author.name.localeCompare(y.author.name) ||
        x.recipient.name.localeCompare(y.recipient.name),
    );
  return limit !== undefined && limit >= 0 ? sorted.slice(0, limit) : sorted;
}

/** The keys of one side of a thread entry under their reconciled ids, each once, in order. */
export function reconciledKeys(keys: readonly string[], members: Map<string, Reconciled>): string[] {
  return [...new Set(keys.map((id) => members.get(id)?.id ?? id))].sort();
}
