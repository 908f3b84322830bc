import { normalizeName } from '../names/name.normalize.ts';
import type { Agent, ChanceryRecord } from '../record/record.types.ts';
import { analyzeToTerms } from './analysis/text.analyze.ts';
import { entityToken } from './entity.token.ts';
import { NameFormCollector } from './name-forms.collect.ts';
import { languageValue, nameFacetValue, typeValue } from './query/query.resolve.ts';
import type { IndexFacet } from './query/query.types.ts';

/** What every search backend stores for one record: analyzed fields and facet values. */
export interface IndexDocument {
  recordId: string;
  dateMin: string | null;
  dateMax: string | null;
  /**
   * The forms the record writes names in (texts, title, agents, mentions): the archive's
   * vocabulary of names, against which a query in another script or romanization is matched.
   */
  nameForms: string[];
  /** Space-separated analyzed terms per weighted field. */
  title: string;
  names: string;
  summary: string;
  body: string;
  /**
   * The words of the names the texts and the title write, in order, folded and not stemmed
   * (name-forms.collect.ts): where other spellings of a name match.
   */
  capitals: string;
  facets: { facet: IndexFacet; value: string; label: string }[];
}

/**
 * Analyzes a record for the index. Texts are analyzed in their own language; metadata by the
 * script of each word (titles and summaries of these archives are English, names in any script).
 */
export function buildIndexDocument(record: ChanceryRecord): IndexDocument {
  const agents = [
    ...record.authors,
    ...record.recipients,
    ...record.intermediaries,
    ...(record.participants ?? []),
  ];
  const names = [
    ...agents.flatMap((a) => [a.name, a.alias ?? '']),
    ...record.mentions.flatMap((m) => [m.name, m.form]),
    record.place ?? '',
  ];
  const nameForms = new NameFormCollector();
  const body = record.texts.flatMap((text) => [
    ...text.blocks.map((block) => analyzeToTerms(block.text, text.language, nameForms)),
    ...(text.notes ?? []).map((note) => analyzeToTerms(note.text, text.language, nameForms)),
  ]);
  // The title names whom a document is from and to ("Memorandum From Secretary of State Rusk to
  // President Kennedy"), often nowhere else: its names are names the document writes.
  const title = analyzeToTerms(record.title, 'und', nameForms);
  // Names of agents and mentions as written; not in capitals throughout ("DULLES" signs a cable).
  for (const name of names) if (/\p{Ll}/u.test(name)) nameForms.forms.add(name);
  // The authorities the record links, as terms of their own (entity.token.ts), after the names.
  const linked = new Set([
    ...agents.flatMap((a) => [a.personId, a.officeId]),
    ...record.mentions.map((m) => (m.kind === 'term' ? null : m.authorityId)),
  ]);
  const entities = [...linked].filter((id): id is string => Boolean(id)).map(entityToken);
  return {
    recordId: record.id,
    dateMin: record.date.min,
    dateMax: record.date.max ?? record.date.min,
    title,
    nameForms: [...nameForms.forms].filter((form) => form.length > 1),
    names: [analyzeToTerms(names.filter(Boolean).join(' · '), 'und'), ...entities].join(' '),
    summary: analyzeToTerms(record.summary ?? '', 'und'),
    capitals: nameForms.terms.join(' '),
    body: body.join(' '),
    facets: uniqueFacets(facetsOf(record)),
  };
}

function facetsOf(record: ChanceryRecord): IndexDocument['facets'] {
  const facets: IndexDocument['facets'] = [
    { facet: 'type', value: typeValue(record.type), label: record.type },
  ];
  const year = record.date.min?.slice(0, 4);
  if (year && /^\d{4}$/.test(year)) {
    facets.push({ facet: 'year', value: year, label: year });
    facets.push({ facet: 'decade', value: `${year.slice(0, 3)}0s`, label: `${year.slice(0, 3)}0s` });
  }
  // An agent is one correspondent: the person, else the office or body; the office of a person
  // is a facet of its own, so that `author:"Secretary of State"` finds what Acheson signed as such.
  const agent = (facet: IndexFacet, officeFacet: IndexFacet) => (a: Agent) => {
    const value = a.personId ?? a.officeId ?? nameFacetValue(null, a.name);
    facets.push({ facet, value, label: a.name });
    if (a.personId && a.officeId)
      facets.push({ facet: officeFacet, value: a.officeId, label: a.office ?? a.name });
  };
  record.authors.forEach(agent('author', 'author-office'));
  record.recipients.forEach(agent('recipient', 'recipient-office'));
  // Those in a conversation and those a document passed through are people it names.
  for (const a of [...(record.participants ?? []), ...record.intermediaries]) {
    const value = a.personId ?? a.officeId;
    if (value) facets.push({ facet: 'person', value, label: a.name });
  }
  for (const mention of record.mentions) {
    if (mention.kind === 'person' || mention.kind === 'place' || mention.kind === 'organization') {
      facets.push({
        facet: mention.kind,
        value: nameFacetValue(mention.authorityId, mention.name),
        label: mention.name,
      });
    }
  }
  if (record.place)
    facets.push({ facet: 'place', value: nameFacetValue(null, record.place), label: record.place });
  for (const location of record.archivalLocations) {
    facets.push({ facet: 'archive', value: normalizeName(location.repository), label: location.repository });
  }
  if (record.originalLanguage) {
    const code = languageValue(record.originalLanguage);
    facets.push({ facet: 'language', value: code, label: code });
  }
  for (const code of new Set([record.originalLanguage ?? '', ...record.texts.map((t) => t.language)])) {
    if (code) facets.push({ facet: 'lang', value: languageValue(code), label: code });
  }
  for (const member of record.collections)
    facets.push({ facet: 'collection', value: member.id, label: member.id });
  return facets;
}

function uniqueFacets(facets: IndexDocument['facets']): IndexDocument['facets'] {
  const seen = new Set<string>();
  return facets.filter((f) => {
    const key = `${f.facet}\u0000${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
