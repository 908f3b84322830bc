import type { Actor } from '../accounts/accounts.types.ts';
import { ChanceryError } from '../errors.ts';
import { checkPublication, type Publication, type PublicationInput } from '../store/record.publication.ts';
import type { Store } from '../store/store.types.ts';

/** The longest reason a publication keeps. */
const REASON_MAX = 2000;

/**
 * Sets who sees a record: draft, published, embargoed until a date, or withdrawn with a reason.
 * The same for the web and the command line; the change and its audit entry are written together,
 * and the search index follows (it holds only what readers see).
 *
 * @example await publishRecord({ store }, { id: 'da-113644', state: 'embargoed', until: '2027-01-01' }, actor)
 */
export async function publishRecord(
  deps: { store: Store; now?: () => Date },
  input: PublicationInput & { id: string },
  actor: Actor,
): Promise<Publication> {
  const now = deps.now?.() ?? new Date();
  const previous = await deps.store.getPublication(input.id);
  if (!previous) {
    throw new ChanceryError(
      'record.not_found',
      `No record with id "${input.id}". Run \`chancery list\` to see the ids.`,
    );
  }
  if ((input.reason ?? '').length > REASON_MAX) {
    throw new ChanceryError(
      'request.invalid_parameter',
      `reason: ${input.reason?.length} characters; at most ${REASON_MAX}.`,
      { field: 'reason' },
    );
  }
  const publication = checkPublication(input, now);
  const at = now.toISOString();
  await deps.store.setPublication(input.id, publication, {
    at,
    actor: actor.name,
    action: 'record.publish',
    target: input.id,
    detail: {
      state: publication.state,
      from: previous.state,
      ...(publication.until ? { until: publication.until } : {}),
    },
    reason: publication.reason ?? '',
    address: actor.address,
  });
  return { ...publication, changedAt: at, changedBy: actor.name };
}
