import type { AuthorityIndex } from '../names/authority.index.ts';
import type { ChanceryRecord } from '../record/record.types.ts';
import type { SearchIndex } from '../search/search-index.types.ts';
import type { CorrespondenceEntry, RecordSummary, Store } from '../store/store.types.ts';

/** What a document page shows of the records around it: those its relations name, and its thread. */
export interface DocumentLinks {
  /** Summaries of the records the relations point at, by id. */
  related: Map<string, RecordSummary>;
  /** The correspondence between the document's first author and first recipient known by id. */
  thread: {
    a: { id: string; name: string };
    b: { id: string; name: string };
    records: CorrespondenceEntry[];
  } | null;
}

/**
 * Loads the records a document page links to: the targets of its relations, and the thread
 * between its author and its recipient, through the store and search ports.
 *
 * @example const links = await loadDocumentLinks({ store, search, authorities, record });
 */
export async function loadDocumentLinks(options: {
  store: Store;
  search: Pick<SearchIndex, 'findCorrespondence'>;
  authorities: AuthorityIndex;
  record: ChanceryRecord;
}): Promise<DocumentLinks> {
  const { store, search, authorities, record } = options;
  const targets = [...new Set(record.relations.map((r) => r.target.split('#')[0] ?? ''))].filter(
    (id) => id && id !== record.id,
  );
  const summaries = await store.getRecordSummaries(targets);
  const author = record.authors.find((a) => a.personId)?.personId;
  const recipient = record.recipients.find((r) => r.personId && r.personId !== author)?.personId;
  const person = (id: string) => ({ id, name: authorities.get(id)?.name ?? id });
  const thread =
    author && recipient
      ? {
          a: person(author),
          b: person(recipient),
          records: await search.findCorrespondence({ a: author, b: recipient }),
        }
      : null;
  return { related: new Map(summaries.map((s) => [s.id, s])), thread };
}
