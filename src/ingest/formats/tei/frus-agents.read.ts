import { isOfficeName, looksLikePersonName, officeId, officeName } from '../../../names/office.name.ts';
import { writtenFitsName } from '../../../names/written-name.fit.ts';
import type { Agent } from '../../../record/record.types.ts';
import { agentsFromWording } from './frus-head.parse.ts';
import type { FrusAuthorityRef } from './frus-lists.collector.ts';

/** A sender or recipient the head marks up (`persName` or `gloss` with `@type="from|to"`). */
export interface AgentDraft {
  role: 'from' | 'to';
  text: string;
  corresp: string | null;
}

/** A `signed` of the document itself, with the person its `persName/@corresp` links, if any. */
export interface SignatureDraft {
  text: string;
  corresp: string | null;
}

/** What reading agents needs from the volume. */
export interface AgentContext {
  persons: ReadonlyMap<string, FrusAuthorityRef>;
  /** A person or office as written, resolved within the volume (see FrusVolumeHandler). */
  resolveAgent(raw: string): Agent;
  /** A person of the volume's persons list by a name form or surname; null when the list has none or several. */
  listedPerson(raw: string): Agent | null;
  normalizeName(form: string): string;
  /** The person held the office at the date of the document: evidence for reconciling people. */
  heldOffice(personId: string, office: string): void;
}

/**
 * Senders and recipients of a FRUS document, each the person and the office the head names:
 * "The Ambassador in India (Henderson)" is Henderson as Ambassador in India; "Telegram From the
 * Secretary of State to the Embassy in India" signed "Acheson" is Acheson as Secretary of State;
 * "the Embassy in India" alone is a body. The marked-up head of the current encoding gives the
 * people, its wording the offices; a signature gives the person behind an office.
 */
export function readAgents(parts: {
  drafts: AgentDraft[];
  signatures: SignatureDraft[];
  title: string;
  context: AgentContext;
}): { authors: Agent[]; recipients: Agent[] } {
  const { drafts, title, context } = parts;
  const worded = agentsFromWording(title);
  const read = (role: 'from' | 'to', wording: string[]): Agent[] => {
    const marked = drafts.filter((d) => d.role === role);
    if (drafts.length === 0) return wording.map((text) => agentFromWording(text, context));
    return marked.map((draft, i) => {
      const agent = agentFromMarkup(draft, context);
      // The wording names the office of the person the markup links: "… Assistant (Rostow)".
      const words = marked.length === wording.length ? wording[i] : undefined;
      const office = words ? officeBeside(words, draft.text) : null;
      return office && agent.personId ? withOffice(agent, office) : agent;
    });
  };
  const authors = read('from', worded.from);
  const recipients = read('to', worded.to);
  const signer = signerOf(parts.signatures, context);
  const only = authors.length === 1 ? authors[0] : undefined;
  if (signer && only && only.personId === null && only.office) {
    authors[0] = {
      ...signer,
      raw: only.raw ?? only.name,
      office: only.office,
      officeId: only.officeId ?? null,
    };
  } else if (signer && authors.length === 0) {
    authors.push(signer);
  }
  for (const agent of [...authors, ...recipients]) {
    if (agent.personId && agent.office) context.heldOffice(agent.personId, agent.office);
  }
  return { authors, recipients };
}

/**
 * "Commander in Chief, Far East (MacArthur)": the bracket names the holder of the office. The
 * office is no other name of the person, so it is not kept as an alias; `raw` keeps it.
 */
function agentFromWording(text: string, context: AgentContext): Agent {
  const holder = /^(.*?)\s*\(([^()]+)\)$/.exec(text);
  if (holder?.[2]) {
    const agent = { ...context.resolveAgent(holder[2]), raw: text };
    const office = officeName(holder[1] ?? '');
    return office && isOfficeName(office) && agent.personId ? withOffice(agent, office) : agent;
  }
  // "Burton Kitain of the Office of British Commonwealth …": a person, then the post.
  const person = /^((?:[A-Z][\p{L}’'-]*\.?\s+){1,3}[A-Z][\p{L}’'-]+)\s+of\s+the\s+[A-Z]/u.exec(text);
  if (person?.[1] && !isOfficeName(person[1])) return { ...context.resolveAgent(person[1]), raw: text };
  return personThenOffice(text, context) ?? officeThenPerson(text, context) ?? context.resolveAgent(text);
}

/**
 * "John H. Ohly, Assistant Director for Program, Office of the Director of Mutual Security" and
 * "Mr. Henry S. Villard … Both of the Advisory Staff of the United States Delegation": a person's
 * name, a comma, then their post.
 */
function personThenOffice(text: string, context: AgentContext): Agent | null {
  const parts = /^((?:Mr\.|Mrs\.|Miss|Dr\.)?\s*[^,]+?(?:,\s*(?:Jr|Sr)\.)?),\s+(.+)$/iu.exec(text);
  const [name, post] = [parts?.[1]?.trim() ?? '', postOf(parts?.[2] ?? '')];
  if (!looksLikePersonName(name.replace(/^(?:Mr|Mrs|Dr)\.\s+|^Miss\s+/, '')) || !isOfficeName(post))
    return null;
  return withOffice({ ...context.resolveAgent(name), raw: text }, post);
}

/**
 * "Secretary of State Kissinger", "Foreign Secretary Home", "CIA Director McCone", "Secretary of
 * Defense McNamara at the Ministerial Meeting …": an office, then the surname of a person of the
 * volume who held it. Taken only when the volume's persons list has that person: the last word
 * of "Department of State" or "Board of National Estimates" is no one's surname.
 */
function officeThenPerson(text: string, context: AgentContext): Agent | null {
  for (const wording of [text, text.replace(/\s+(?:at|in)\s+.*$/u, '')]) {
    const parts = /^(.+?)\s+(\p{Lu}[\p{L}’'-]+)$/u.exec(wording);
    const office = officeName(parts?.[1] ?? '');
    // "Embassy in Jordan" is a post and its country, whatever the list's Mr. Jordan.
    if (!parts?.[2] || !isOfficeName(office) || isOfficeName(parts[2]) || UNFINISHED.test(office)) continue;
    const agent = context.listedPerson(parts[2]);
    if (agent) return withOffice({ ...agent, raw: text }, office);
  }
  return null;
}

/** An office cut before its last word: "Embassy in", "Secretary of". */
const UNFINISHED = /\b(?:in|of|to|for|at|on|the|and|with)$/i;

function agentFromMarkup(draft: AgentDraft, context: AgentContext): Agent {
  const person = draft.corresp ? context.persons.get(draft.corresp) : undefined;
  if (!person || !writtenFitsName(draft.text, person.forms)) return context.resolveAgent(draft.text);
  const written = context.normalizeName(draft.text);
  const preferred = context.normalizeName(person.name);
  // "Yang" for You Chan Yang is the same person named shortly, not another name.
  const alias = written === preferred || preferred.split(' ').includes(written) ? null : draft.text;
  return { name: person.name, alias, personId: person.id, raw: draft.text };
}

/**
 * The office a wording gives a person it names: "the President's Special Assistant (Rostow)",
 * "President Johnson", "G. Hayden Raynor, Special Assistant to the Director …".
 */
function officeBeside(wording: string, written: string): string | null {
  const holder = /^(.*?)\s*\(([^()]+)\)$/.exec(wording);
  const before = holder ? holder[1] : wording.endsWith(written) ? wording.slice(0, -written.length) : null;
  const after = wording.startsWith(`${written}, `) ? postOf(wording.slice(written.length + 2)) : null;
  const office = officeName(before ?? after ?? '');
  return office && isOfficeName(office) ? office : null;
}

/** A post as written after a name and its comma: "of the Division of …", "Both of the Advisory Staff …". */
function postOf(text: string): string {
  return officeName(text.replace(/^(?:(?:both|all)\s+)?of\s+/i, ''));
}

function withOffice(agent: Agent, office: string): Agent {
  return { ...agent, office, officeId: officeId(office) };
}

/** The first signature that names a person: "[Johnson]", "Dean Acheson", "K. L. Rankin". */
function signerOf(signatures: SignatureDraft[], context: AgentContext): Agent | null {
  for (const signature of signatures) {
    const text = signature.text
      .replace(/[[\]]/g, '')
      .replace(/[,.;:\s]+$/, '')
      .trim();
    const listed = signature.corresp ? context.persons.get(signature.corresp) : undefined;
    const linked = listed && writtenFitsName(text, listed.forms) ? listed : undefined;
    if (linked) return { name: linked.name, alias: null, personId: linked.id, raw: signature.text };
    if (!looksLikePersonName(text)) continue;
    const agent = context.resolveAgent(text);
    if (agent.personId) return agent;
  }
  return null;
}
