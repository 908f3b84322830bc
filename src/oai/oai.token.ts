import { granularityOf, type OaiVerb } from './oai.request.ts';

/** Where a list stopped, and the arguments it was asked with: all a token needs, so it outlives the server. */
export interface ResumptionState {
  verb: OaiVerb;
  prefix: string;
  set?: string;
  from?: string;
  until?: string;
  after?: { changedAt: string; id: string };
  /** How many items came before the next page. */
  cursor: number;
}

/**
 * A resumption token holds the state itself (base64url JSON), not a key into server memory:
 * a harvest goes on across a restart of the server, and any process behind a load balancer
 * can answer the next page.
 *
 * @example readResumptionToken(writeResumptionToken(state), 'ListRecords') // state
 */
export function writeResumptionToken(state: ResumptionState): string {
  const compact = {
    v: 1,
    verb: state.verb,
    p: state.prefix,
    s: state.set,
    f: state.from,
    u: state.until,
    a: state.after?.changedAt,
    i: state.after?.id,
    c: state.cursor,
  };
  return Buffer.from(JSON.stringify(compact)).toString('base64url');
}

/** The state of a token, or null when it is not one this repository handed out for this verb. */
export function readResumptionToken(token: string, verb: OaiVerb): ResumptionState | null {
  if (!/^[A-Za-z0-9_-]{1,4000}$/u.test(token)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const t = raw as Record<string, unknown>;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  if (
    t.v !== 1 ||
    t.verb !== verb ||
    typeof t.p !== 'string' ||
    !optionalString(t.s) ||
    !optionalString(t.f) ||
    !optionalString(t.u) ||
    typeof t.a !== 'string' ||
    typeof t.i !== 'string' ||
    typeof t.c !== 'number' ||
    !Number.isSafeInteger(t.c) ||
    t.c < 1 ||
    (typeof t.f === 'string' && granularityOf(t.f) === null) ||
    (typeof t.u === 'string' && granularityOf(t.u) === null)
  ) {
    return null;
  }
  const state: ResumptionState = { verb, prefix: t.p, after: { changedAt: t.a, id: t.i }, cursor: t.c };
  if (typeof t.s === 'string') state.set = t.s;
  if (typeof t.f === 'string') state.from = t.f;
  if (typeof t.u === 'string') state.until = t.u;
  return state;
}
