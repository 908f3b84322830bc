import type { ChanceryRecord, Relation, Text } from '../record/record.types.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { CorrespondenceEntry, Store } from '../store/store.types.ts';
import { type CitedKind, findMessageCitations } from '../texts/message-citation.find.ts';
import { textSimilarity } from '../texts/text.similarity.ts';

/** Two copies of one document differ in a typist's word or two, not more. */
const SAME_TEXT = 0.9;
const ATTACHMENT_TITLE = /^(?:attachment|enclosure|annex|приложение|вложение)\b/iu;
const TELEGRAM_TYPES = new Set(['cable', 'telegram', 'ciphered-telegram', 'airgram']);

export interface ResolveOptions {
  store: Store;
  /** Where threads of correspondence are read (src/search/search-index.types.ts). */
  search: Pick<SearchIndex, 'findCorrespondence'>;
  /** Records just saved. Records already in the archive that correspond with them are resolved again too. */
  ids: readonly string[];
}

/**
 * Resolves the relations between records that need the archive, after a batch is saved:
 *
 * - reply-to: a document citing "your telegram of 13 July" ("Ваша телеграмма от 13 июля")
 *   points at the archive's record of it: written by this document's recipient to its author,
 *   that day (and with that number, when the citation gives one);
 * - same-as: two archives' copies of one document: same day, same author and recipient, and
 *   texts in one language at least 90% alike (word pairs);
 * - attachment-of / has-attachment: a record titled "Attachment", "Enclosure" or "Приложение" and
 *   the document it went with: same day, same author and recipient.
 *
 * People are matched by authority id, so that "Filippov" and "Stalin" are one correspondent.
 * The relations are saved with `Store.saveRelations`, each with the reason it was made.
 *
 * @example await resolveRelations({ store, search, ids: ['da-113644'] });
 */
export async function resolveRelations(options: ResolveOptions): Promise<void> {
  const { store } = options;
  // Records are read as needed, not kept: a batch may be a whole edition.
  const load = (id: string) => store.getRecord(id, { unpublished: true });
  const threads = new Map<string, CorrespondenceEntry[]>();
  const thread = async (a: string, b: string) => {
    const key = [a, b].sort().join('|');
    let found = threads.get(key);
    if (!found) {
      found = await options.search.findCorrespondence({ a, b });
      threads.set(key, found);
    }
    return found;
  };

  // The records saved, and those that write between the same people: a new telegram may be what
  // an earlier reply cites, or another archive's copy of an earlier record.
  const affected = new Set<string>();
  for (const id of options.ids) {
    const record = await load(id);
    if (!record) continue;
    affected.add(id);
    for (const [a, b] of correspondentPairs(record)) {
      for (const entry of await thread(a, b)) affected.add(entry.id);
    }
  }
  for (const id of affected) {
    const record = await load(id);
    if (!record) continue;
    const relations: Relation[] = [];
    for (const [a, b] of correspondentPairs(record)) {
      const entries = (await thread(a, b)).filter((e) => e.id !== record.id);
      relations.push(...(await replyRelations(record, entries, load)));
      relations.push(...(await copyRelations(record, entries, load)));
    }
    await store.saveRelations(record.id, dedupe(relations));
  }
}

/** Whether a record is written by one known person to another: only such records can be related here. */
export function hasCorrespondents(record: Pick<ChanceryRecord, 'authors' | 'recipients'>): boolean {
  return correspondentPairs(record).length > 0;
}

/** Author and recipient authority ids, every pairing of them. */
function correspondentPairs(record: Pick<ChanceryRecord, 'authors' | 'recipients'>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const author of record.authors) {
    for (const recipient of record.recipients) {
      if (author.personId && recipient.personId && author.personId !== recipient.personId)
        pairs.push([author.personId, recipient.personId]);
    }
  }
  return pairs;
}

async function replyRelations(
  record: ChanceryRecord,
  entries: CorrespondenceEntry[],
  load: (id: string) => Promise<ChanceryRecord | null>,
): Promise<Relation[]> {
  const citations = findMessageCitations(record.texts, record.date);
  if (citations.length === 0) return [];
  const authors = ids(record.authors);
  const recipients = ids(record.recipients);
  // "Your telegram": written by this document's recipient to its author.
  const reversed = entries.filter(
    (e) => e.authorIds.some((a) => recipients.has(a)) && e.recipientIds.some((r) => authors.has(r)),
  );
  const relations: Relation[] = [];
  for (const citation of citations) {
    let candidates = reversed.filter((e) => !citation.date || coversDay(e, citation.date));
    if (citation.number) {
      const numbered: CorrespondenceEntry[] = [];
      for (const e of candidates) {
        if ((await load(e.id))?.numbers.some((n) => n.value === citation.number)) numbered.push(e);
      }
      candidates = numbered;
    } else if (!citation.date) {
      candidates = [];
    }
    const ofKind = candidates.filter((e) => kindMatches(citation.kind, e.type));
    for (const target of ofKind.length > 0 ? ofKind : candidates) {
      relations.push({ type: 'reply-to', target: target.id, basis: `cites “${citation.raw}”` });
    }
  }
  return relations;
}

/** same-as between copies, attachment-of and has-attachment between a document and what went with it. */
async function copyRelations(
  record: ChanceryRecord,
  entries: CorrespondenceEntry[],
  load: (id: string) => Promise<ChanceryRecord | null>,
): Promise<Relation[]> {
  const authors = [...ids(record.authors)].sort().join('|');
  const recipients = [...ids(record.recipients)].sort().join('|');
  const sameDay = entries.filter(
    (e) =>
      e.dateMin !== null &&
      e.dateMin === record.date.min &&
      (e.dateMax ?? e.dateMin) === (record.date.max ?? record.date.min) &&
      e.authorIds.join('|') === authors &&
      e.recipientIds.join('|') === recipients,
  );
  const relations: Relation[] = [];
  const isAttachment = ATTACHMENT_TITLE.test(record.title);
  for (const entry of sameDay) {
    const other = await load(entry.id);
    if (!other) continue;
    const otherIsAttachment = ATTACHMENT_TITLE.test(other.title);
    if (isAttachment && !otherIsAttachment) {
      relations.push({
        type: 'attachment-of',
        target: other.id,
        basis: 'titled as an attachment; same day, same correspondents',
      });
      continue;
    }
    if (otherIsAttachment && !isAttachment) {
      relations.push({ type: 'has-attachment', target: other.id, basis: 'same day, same correspondents' });
      continue;
    }
    const alike = bestSimilarity(record.texts, other.texts);
    if (alike >= SAME_TEXT) {
      relations.push({
        type: 'same-as',
        target: other.id,
        basis: `same day, same correspondents, texts ${Math.round(alike * 100)}% alike`,
      });
    }
  }
  return relations;
}

/** The highest similarity of two texts in one language, originals first. */
function bestSimilarity(a: readonly Text[], b: readonly Text[]): number {
  let best = 0;
  for (const left of a) {
    for (const right of b) {
      if (left.language.split('-')[0] !== right.language.split('-')[0]) continue;
      if ((left.kind === 'draft') !== (right.kind === 'draft')) continue;
      best = Math.max(best, textSimilarity(left, right));
    }
  }
  return best;
}

function coversDay(entry: CorrespondenceEntry, day: string): boolean {
  const min = entry.dateMin?.slice(0, 10);
  const max = (entry.dateMax ?? entry.dateMin)?.slice(0, 10);
  return min !== undefined && max !== undefined && min <= day && day <= max;
}

function kindMatches(kind: CitedKind, type: string): boolean {
  if (kind === 'telegram') return TELEGRAM_TYPES.has(type);
  if (kind === 'letter') return type === 'letter' || type === 'note';
  return true;
}

function ids(agents: readonly { personId: string | null }[]): Set<string> {
  return new Set(agents.map((a) => a.personId).filter((id): id is string => id !== null));
}

function dedupe(relations: Relation[]): Relation[] {
  const seen = new Set<string>();
  return relations.filter((r) => {
    const key = `${r.type}|${r.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
