/**
 * The arguments of an OAI-PMH request, checked as the protocol says (OAI-PMH 2.0, sections 3.1
 * and 4): which verbs exist, which arguments each allows and requires, that none is repeated, that
 * a resumption token comes alone, and the form of dates.
 */

export const OAI_VERBS = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

const ALLOWED: Record<OaiVerb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

/** A request whose arguments are all legal for its verb. */
export interface OaiRequest {
  verb: OaiVerb;
  args: Record<string, string>;
}

/**
 * Reads the arguments (from the query string or a form body, as pairs so that repeats are seen):
 * a request, or the errors to answer with. `badVerb` and `badArgument` leave the response's
 * `request` element without attributes.
 *
 * @example readOaiRequest([['verb', 'Identify']]) // { request: { verb: 'Identify', args: {} } }
 */
export function readOaiRequest(pairs: [string, string][]): { request: OaiRequest } | { errors: OaiError[] } {
  const counts = new Map<string, number>();
  for (const [name] of pairs) counts.set(name, (counts.get(name) ?? 0) + 1);
  const verbs = pairs.filter(([name]) => name === 'verb').map(([, value]) => value);
  if (verbs.length !== 1) {
    return {
      errors: [
        {
          code: 'badVerb',
          message: verbs.length === 0 ? 'The request has no verb.' : 'The verb argument is repeated.',
        },
      ],
    };
  }
  const verb = verbs[0] as string;
  if (!(OAI_VERBS as readonly string[]).includes(verb)) {
    return { errors: [{ code: 'badVerb', message: `"${verb.slice(0, 50)}" is not an OAI-PMH verb.` }] };
  }
  const rules = ALLOWED[verb as OaiVerb];
  const errors: OaiError[] = [];
  const args: Record<string, string> = {};
  for (const [name, value] of pairs) {
    if (name === 'verb') continue;
    if ((counts.get(name) ?? 0) > 1) {
      if (!args[name]) errors.push({ code: 'badArgument', message: `The argument ${name} is repeated.` });
      args[name] = value;
      continue;
    }
    if (![...rules.required, ...rules.optional, rules.exclusive].includes(name)) {
      errors.push({
        code: 'badArgument',
        message: `${verb} does not take the argument "${name.slice(0, 50)}".`,
      });
      continue;
    }
    args[name] = value;
  }
  if (rules.exclusive && args[rules.exclusive] !== undefined) {
    const others = Object.keys(args).filter((name) => name !== rules.exclusive);
    if (others.length > 0) {
      errors.push({
        code: 'badArgument',
        message: `resumptionToken is an exclusive argument: ${others.join(', ')} must not be given with it.`,
      });
    }
  } else {
    for (const name of rules.required) {
      if (args[name] === undefined || args[name] === '') {
        errors.push({ code: 'badArgument', message: `${verb} needs the argument ${name}.` });
      }
    }
  }
  for (const name of ['from', 'until']) {
    const value = args[name];
    if (value !== undefined && granularityOf(value) === null) {
      errors.push({
        code: 'badArgument',
        message: `${name} must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not "${value.slice(0, 40)}".`,
      });
    }
  }
  const from = args.from;
  const until = args.until;
  if (from && until && granularityOf(from) && granularityOf(until)) {
    if (granularityOf(from) !== granularityOf(until)) {
      errors.push({ code: 'badArgument', message: 'from and until must have the same granularity.' });
    } else if (from > until) {
      errors.push({ code: 'badArgument', message: 'from is later than until.' });
    }
  }
  return errors.length > 0 ? { errors } : { request: { verb: verb as OaiVerb, args } };
}

/** `day` for YYYY-MM-DD, `second` for YYYY-MM-DDThh:mm:ssZ, null for anything else (or an impossible date). */
export function granularityOf(value: string): 'day' | 'second' | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/u.exec(value);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss] = match;
  const date = new Date(
    Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0)),
  );
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59)) return null;
  return hh === undefined ? 'day' : 'second';
}

/** The first instant `from` names, as stored times are written ("2024-05-01T00:00:00.000Z"). */
export function fromInstant(value: string): string {
  return granularityOf(value) === 'day' ? `${value}T00:00:00.000Z` : `${value.slice(0, 19)}.000Z`;
}

/** The last instant `until` names: the whole day, or the whole second. */
export function untilInstant(value: string): string {
  return granularityOf(value) === 'day' ? `${value}T23:59:59.999Z` : `${value.slice(0, 19)}.999Z`;
}
