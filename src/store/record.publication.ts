import type { AuditInput } from '../accounts/audit.types.ts';
import { ChanceryError } from '../errors.ts';

/**
 * Whether the public sees a record. A record is published unless an editor says otherwise; a
 * draft is seen by editors only; a restricted record by anyone with an account (readers
 * included), not by the public; an embargoed record is published by itself on its date; a
 * withdrawn one keeps its address and citation, and its page says why it went.
 */
export const PUBLICATION_STATES = ['draft', 'restricted', 'published', 'embargoed', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** What an editor asks for. */
export interface PublicationInput {
  state: PublicationState;
  /** Embargoed only: the day (YYYY-MM-DD, UTC) or moment (ISO 8601) the record is published. */
  until?: string | null;
  /** Why: required to withdraw (the page shows it), kept for every state. */
  reason?: string | null;
}

/** A record's publication as the store keeps it. */
export interface Publication {
  state: PublicationState;
  /** Embargoed: the moment (ISO 8601, UTC) it is published. */
  until: string | null;
  reason: string | null;
  /** When and by whom the state was last set; null for a record no one has set. */
  changedAt: string | null;
  changedBy: string | null;
}

/** The publication of a record no editor has touched. */
export const PUBLISHED: Publication = {
  state: 'published',
  until: null,
  reason: null,
  changedAt: null,
  changedBy: null,
};

/** A publication as read beside its record: without a row of its own, no editor set one, so it is published. */
export function publicationOf(row: Publication | { state: null }): Publication {
  return row.state === null ? PUBLISHED : row;
}

/**
 * The publication an editor asked for, checked: a known state, a reason to withdraw, a future date
 * for an embargo and none for any other state; else refused with the field named.
 */
export function checkPublication(
  input: PublicationInput,
  now: Date,
): Omit<Publication, 'changedAt' | 'changedBy'> {
  if (!PUBLICATION_STATES.includes(input.state)) {
    throw new ChanceryError(
      'request.invalid_parameter',
      `state: "${String(input.state)}" is not a publication state (${PUBLICATION_STATES.join(', ')}).`,
      { field: 'state' },
    );
  }
  const reason = input.reason?.trim() || null;
  if (input.state === 'withdrawn' && !reason) {
    throw new ChanceryError(
      'request.invalid_parameter',
      'reason: say why the record is withdrawn; its page shows it.',
      {
        field: 'reason',
      },
    );
  }
  if (input.state !== 'embargoed') {
    if (input.until) {
      throw new ChanceryError(
        'request.invalid_parameter',
        `until: only an embargoed record has a date (this one is ${input.state}).`,
        {
          field: 'until',
        },
      );
    }
    return { state: input.state, until: null, reason };
  }
  const until = embargoEnd(input.until ?? '');
  if (until <= now.toISOString()) {
    throw new ChanceryError(
      'request.invalid_parameter',
      `until: ${input.until} has passed; an embargo ends in the future (publish the record instead).`,
      { field: 'until' },
    );
  }
  return { state: 'embargoed', until, reason };
}

/** "2027-01-01" (midnight UTC that day) or a full ISO 8601 moment, as an ISO string in UTC. */
function embargoEnd(text: string): string {
  const trimmed = text.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const moment = new Date(day ? `${trimmed}T00:00:00Z` : trimmed);
  if (!trimmed || Number.isNaN(moment.getTime()) || (!day && !/^\d{4}-\d{2}-\d{2}T/.test(trimmed))) {
    throw new ChanceryError(
      'request.invalid_parameter',
      `until: "${text}" is not a date; write the day the embargo ends as YYYY-MM-DD (UTC).`,
      { field: 'until' },
    );
  }
  return moment.toISOString();
}

/** Whether readers see a record in this state. */
export function isPublic(publication: Pick<Publication, 'state'>): boolean {
  return publication.state === 'published';
}

/** Who publishes a record whose embargo ended: Chancery itself, audited like an editor. */
export function embargoRelease(
  id: string,
  at: string,
): { publication: Pick<Publication, 'state' | 'until' | 'reason'>; audit: AuditInput } {
  return {
    publication: { state: 'published', until: null, reason: 'the embargo ended' },
    audit: {
      at,
      actor: 'chancery',
      action: 'record.publish',
      target: id,
      detail: { state: 'published', from: 'embargoed' },
      reason: 'the embargo ended',
      address: 'chancery',
    },
  };
}

/** The `publication` of a copied record's history: left out when it was never set, as most are. */
export function withPublication(row: Publication | undefined): { publication?: Publication } {
  return row ? { publication: row } : {};
}
