import type { Agent, Authority, ChanceryRecord } from '../record/record.types.ts';
import { normalizeName, stripHonorifics } from './name.normalize.ts';
import { isOfficeName, looksLikePersonName, officeId, officeName } from './office.name.ts';
import { parsePersonName, withoutTitles } from './person-name.parse.ts';

/**
 * Every author, recipient and intermediary becomes an authority, so that reconciliation can
 * know them across sources: a person the authority file does not know becomes a person of the
 * record's source (`digitalarchive.wilsoncenter.org~apollon-petrov`), an office or body an
 * organization (`org:embassy-india`). Agents already linked are left as they are.
 *
 * @example const { record: linked, authorities } = observeAgents(record);
 */
export function observeAgents(record: ChanceryRecord): { record: ChanceryRecord; authorities: Authority[] } {
  const scope = sourceScope(record);
  const found = new Map<string, Authority>();
  const observe = (agent: Agent): Agent => {
    if (agent.personId || agent.officeId) return agent;
    // "Soviet Ambassador Apollon Petrov" is a person with a rank; "Embassy in India" a body.
    const written = withoutTitles(stripHonorifics(agent.name.trim()));
    if (!written) return agent;
    if (isOfficeName(written)) {
      const office = officeName(written);
      const id = officeId(office);
      if (!found.has(id)) found.set(id, { id, kind: 'organization', name: office, names: [], source: scope });
      return { ...agent, office, officeId: id };
    }
    const key = normalizeName(written);
    if (!key || !looksLikePersonName(written)) return agent;
    const id = `${scope}~${key.replace(/ /g, '-')}`;
    const person = found.get(id) ?? {
      id,
      kind: 'person' as const,
      name: parsePersonName(written).display || written,
      names: [],
      source: scope,
    };
    for (const form of [written, agent.alias].filter((f): f is string => Boolean(f))) {
      if (!person.names.some((n) => n.form === form))
        person.names.push({ form, kind: 'variant', source: scope });
    }
    found.set(id, person);
    return { ...agent, personId: id };
  };
  const linked = {
    ...record,
    authors: record.authors.map(observe),
    recipients: record.recipients.map(observe),
    intermediaries: record.intermediaries.map(observe),
    ...(record.participants ? { participants: record.participants.map(observe) } : {}),
  };
  return { record: linked, authorities: [...found.values()] };
}

/** Whose naming a record follows: its collection (a FRUS volume), else the host of its archive. */
function sourceScope(record: ChanceryRecord): string {
  const collection = record.collections[0]?.id;
  if (collection) return collection;
  const host = /^[a-z]+:\/\/([^/]+)/i.exec(record.source.url ?? '')?.[1];
  return host?.toLowerCase() ?? record.source.format;
}
