import type { Relation } from '../record/record.types.ts';
import type { DocumentLinks } from './correspondence.queries.ts';
import { labelFromCode } from './web.format.ts';

const RELATION_LABELS: Record<Relation['type'], string> = {
  'draft-of': 'Draft of',
  'has-draft': 'Has a draft',
  'reply-to': 'Reply to',
  'attachment-of': 'Attachment of',
  'has-attachment': 'Has an attachment',
  'same-as': 'Another copy of the same document',
};

/**
 * The document's relations, each with the title and date of the record it names, and why
 * Chancery linked them when it resolved the link itself.
 */
export function RelatedDocuments({
  relations,
  links,
  currentId,
}: {
  relations: Relation[];
  links: DocumentLinks | undefined;
  /** The document shown: a relation to one of its own texts names it. */
  currentId: string;
}) {
  return (
    <ul class="relations">
      {relations.map((relation) => {
        const [recordId = '', textId] = relation.target.split('#');
        const href = `/documents/${encodeURIComponent(recordId)}${textId ? `#text-${encodeURIComponent(textId)}` : ''}`;
        const summary = links?.related.get(recordId);
        // A text of this document (no record id of another), or a record readers can open.
        const own = !recordId || !links || recordId === currentId;
        const label = summary
          ? `${summary.title}, ${summary.dateDisplay}`
          : textId && own
            ? `${textId === 'original' ? 'the original' : labelFromCode(textId).toLowerCase()} of this document`
            : relation.target;
        return (
          <li data-relation={relation.type}>
            {RELATION_LABELS[relation.type] ?? labelFromCode(relation.type)}
            {relation.source ? ` (the ${labelFromCode(relation.source).toLowerCase()})` : null}:{' '}
            {summary || own ? (
              <a href={href}>{label}</a>
            ) : (
              // Not in the archive, or not published: a link would lead to a page that says so.
              <>
                {label} <span class="muted">(not in the reading room)</span>
              </>
            )}
            {relation.basis ? <span class="muted"> — {relation.basis}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The correspondence this document belongs to, in date order, the document itself marked. With
 * `around`, only the documents within that many places of the current one are listed, and the
 * whole thread is a link away: the Secretary of State and an embassy exchange thousands.
 */
export function ThreadList({
  thread,
  currentId,
  around,
}: {
  thread: NonNullable<DocumentLinks['thread']>;
  currentId: string;
  around?: number;
}) {
  const name = (id: string) => (id === thread.a.id ? thread.a.name : id === thread.b.id ? thread.b.name : id);
  const query = `a=${encodeURIComponent(thread.a.id)}&b=${encodeURIComponent(thread.b.id)}`;
  const total = thread.records.length;
  const at = Math.max(
    0,
    thread.records.findIndex((entry) => entry.id === currentId),
  );
  const first = around === undefined ? 0 : Math.max(0, Math.min(at - around, total - 2 * around - 1));
  const shown = around === undefined ? thread.records : thread.records.slice(first, first + 2 * around + 1);
  return (
    <>
      <p class="muted">
        {total === 1
          ? `The only document between ${thread.a.name} and ${thread.b.name} in the archive.`
          : `${total} documents between ${thread.a.name} and ${thread.b.name}, in date order.`}{' '}
        {shown.length < total ? (
          <>
            <a href={`/correspondence?${query}`}>All {total}</a>,{' '}
          </>
        ) : null}
        <a href={`/api/thread?${query}`}>As JSON</a>
      </p>
      <ol class="thread" start={first + 1}>
        {shown.map((entry) => (
          <li aria-current={entry.id === currentId ? 'page' : undefined}>
            {entry.dateMin ? (
              <time datetime={entry.dateMin}>{entry.dateDisplay}</time>
            ) : (
              <span>{entry.dateDisplay}</span>
            )}{' '}
            <span class="thread-direction">
              {entry.authorIds.map(name).join(', ')} to {entry.recipientIds.map(name).join(', ')}
            </span>
            :{' '}
            {entry.id === currentId ? (
              <strong>{entry.title} (this document)</strong>
            ) : (
              <a href={`/documents/${encodeURIComponent(entry.id)}`}>{entry.title}</a>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
