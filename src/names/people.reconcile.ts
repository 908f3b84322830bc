import type { Authority, NameForm } from '../record/record.types.ts';
import { mergeAuthorities, SHIPPED_SOURCE, slugOf } from './authority.merge.ts';
import { DescriptionSimilarity } from './description.similarity.ts';
import {
  parseOfficeTerms,
  parseYearSpan,
  signingOfficeKey,
  termCovers,
  type YearSpan,
} from './office.parse.ts';
import { compareNames, type NameComparison, type NameRelation, sameWord } from './person-name.compare.ts';
import { type PersonName, parsePersonName } from './person-name.parse.ts';

/** A person as one source gives it: an entry of a FRUS persons list, a signature, a page's author. */
interface Observation {
  authority: Authority;
  names: PersonName[];
  descriptions: string[];
  years: YearSpan | null;
  /** Offices the person held by the source's own dating: from descriptions and from signatures. */
  offices: { key: string; covers: (date: string) => boolean }[];
  /** Offices signed in ("The Secretary of State" of a telegram of 1951-07-13). */
  signedAs: { key: string; date: string }[];
  shipped: boolean;
}

/** An observation an editor should decide on: Chancery found no safe match, or several. */
export interface ReviewItem {
  memberId: string;
  name: string;
  source: string;
  reason: string;
  /** Ids of the people it might be, as reconciled. */
  candidates: string[];
}

export interface PeopleReconciliation {
  /** Every observation's id → the id of the person it was reconciled into. */
  groupOf: Map<string, string>;
  /** The reconciled people, with every name form and description of their observations. */
  people: Authority[];
  review: ReviewItem[];
}

/** How similar two descriptions must be to vouch for names that differ in a middle initial or a Jr. */
const DESCRIPTION_VOUCHES = 0.5;
/** How similar they must be for a name given by initials only. */
const DESCRIPTION_SUPPORTS = 0.3;

/**
 * Reconciles person authorities from many sources into people: the same real person is one
 * person across volumes and sources, with every name form and description kept with its source.
 * Evidence: surname and given names or initials (`compareNames`), the descriptions each source
 * gives, the offices held and when, against the dates of a signature. Deterministic (the result
 * depends on the set of observations, not their order) and idempotent. A match that is not safe
 * (a surname alone, a name that fits two people) is kept apart and listed for review: a wrong
 * merge is worse than a missed one.
 *
 * @example const { groupOf, people, review } = reconcilePeople(await store.listAuthorities('person'));
 */
export function reconcilePeople(
  authorities: readonly Authority[],
  /** Ids already given to other authorities (places, bodies): a person gets another. */
  taken: Set<string> = new Set(),
): PeopleReconciliation {
  const observations = [...authorities]
    .filter((a) => a.kind === 'person')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(observe);
  const similarity = new DescriptionSimilarity(observations.flatMap((o) => o.descriptions));
  const clusters = new Clusters(observations.length);
  const pairs = candidatePairs(observations);
  const pairsOf = new Map<number, Pair[]>();
  for (const pair of pairs) {
    for (const end of [pair.a, pair.b]) {
      const list = pairsOf.get(end);
      if (list) list.push(pair);
      else pairsOf.set(end, [pair]);
    }
  }
  const review: ReviewItem[] = [];

  // Strongest evidence first: the same full name, then a name that says less but nothing else.
  for (const relation of ['same', 'compatible'] as const) {
    for (const pair of pairs) {
      if (pair.relation !== relation || (relation === 'compatible' && !pair.fullFirstName)) continue;
      if (!contradicts(observations, pair, similarity))
        clusters.unionIfAllowed(pair.a, pair.b, observations, similarity);
    }
  }
  // Weaker evidence only where it points at one person: initials, a misprinted middle initial.
  for (const index of observations.keys()) {
    const weak = (pairsOf.get(index) ?? []).filter(
      (p) =>
        ((p.relation === 'compatible' && !p.fullFirstName) || p.relation === 'differs') &&
        supported(observations, p, similarity),
    );
    const targets = distinctClusters(
      weak.map((p) => (p.a === index ? p.b : p.a)),
      clusters,
    ).filter((root) => root !== clusters.find(index));
    if (targets.length === 1) clusters.unionIfAllowed(index, targets[0] as number, observations, similarity);
    else if (targets.length > 1 && clusters.size(index) === 1) {
      review.push(reviewItem(observations[index] as Observation, 'the name fits several people', targets));
    }
  }
  // A surname alone: the office held at the date of the signature decides, or an editor does.
  const givenNames = listedGivenNames(observations);
  for (const [index, observation] of observations.entries()) {
    if (observation.names.some(hasGivenNamesOrWhole)) continue;
    if (clusters.size(index) > 1) continue;
    const namesakes = (pairsOf.get(index) ?? []).filter((p) => p.relation === 'surname-only');
    // Only people with given names are candidates: another surname alone tells nothing.
    const candidates = distinctClusters(
      namesakes.map((p) => (p.a === index ? p.b : p.a)),
      clusters,
    ).filter((root) => clusters.members(root).some((m) => hasGivenNames(observations[m] as Observation)));
    // A word the lists write as a given name is no surname alone where it is only a word of a name
    // read whole: "John" is not Chang Myon, whose list entry reads "Chang Myon (John Myun Chang)".
    const words = observation.names.map((name) => name.surname);
    const bySurname = words.every((word) => givenNames.has(word))
      ? candidates.filter((root) =>
          clusters.members(root).some((m) => bearsSurname(observations[m] as Observation, words)),
        )
      : candidates;
    // Within one source, the one person of that surname it names in full is the one it means.
    const sameSource = bySurname.filter((root) =>
      clusters.members(root).some((m) => {
        const other = observations[m] as Observation;
        return other.authority.source === observation.authority.source && hasGivenNames(other);
      }),
    );
    const byOffice = bySurname.filter((root) =>
      heldOffice(clusters.members(root), observation, observations),
    );
    if (sameSource.length === 1) clusters.union(index, sameSource[0] as number);
    else if (byOffice.length === 1) clusters.union(index, byOffice[0] as number);
    else if (candidates.length > 0) {
      const reason =
        byOffice.length > 1
          ? 'a surname alone, and several people of that name held the office'
          : bySurname.length === 0
            ? 'a given name alone: the name of a person it fits is read whole'
            : 'a surname alone: no office and date tell which person';
      review.push(reviewItem(observation, reason, byOffice.length > 1 ? byOffice : candidates));
    }
  }
  return assemble(observations, clusters, review, taken);
}

interface Pair {
  a: number;
  b: number;
  relation: NameRelation;
  fullFirstName: boolean;
  agreeing?: number;
}

/** Pairs of observations that share a surname or a whole name, with how their names compare. */
function candidatePairs(observations: readonly Observation[]): Pair[] {
  const blocks = new Map<string, number[]>();
  for (const [index, observation] of observations.entries()) {
    const keys = new Set<string>();
    for (const name of observation.names) {
      if (name.whole) keys.add(`w:${name.whole}`);
      if (name.surname && name.order !== 'undivided') keys.add(`s:${name.surname}`);
      // "Diem" and "Ngo Dinh Diem": an undivided name is found under each of its words.
      if (name.order === 'undivided') for (const word of name.surname.split(' ')) keys.add(`s:${word}`);
    }
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  }
  const seen = new Set<number>();
  const pairs: Pair[] = [];
  const n = observations.length;
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [block[i] as number, block[j] as number];
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const compared = bestComparison(observations[a] as Observation, observations[b] as Observation);
        if (compared.relation !== 'unrelated') pairs.push({ a, b, ...compared });
      }
    }
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

const STRENGTH: Record<NameRelation, number> = {
  same: 5,
  compatible: 4,
  differs: 3,
  'surname-only': 2,
  conflict: 1,
  unrelated: 0,
};

/** The closest any two forms of the two come: "Iosif" and "Joseph" are both Stalin's. */
function bestComparison(a: Observation, b: Observation): NameComparison {
  let best: NameComparison = { relation: 'unrelated', fullFirstName: false };
  for (const x of a.names) {
    for (const y of b.names) {
      const compared = compareNames(x, y);
      if (
        STRENGTH[compared.relation] > STRENGTH[best.relation] ||
        (compared.relation === best.relation && compared.fullFirstName && !best.fullFirstName)
      ) {
        best = compared;
      }
    }
  }
  return best;
}

/** Names that say nothing against each other, but descriptions that do, over distant years. */
function contradicts(
  observations: readonly Observation[],
  pair: Pair,
  similarity: DescriptionSimilarity,
): boolean {
  if (pair.relation === 'same') return false;
  const [a, b] = [observations[pair.a] as Observation, observations[pair.b] as Observation];
  if (a.descriptions.length === 0 || b.descriptions.length === 0 || !a.years || !b.years) return false;
  const gap = Math.max(a.years.from - b.years.to, b.years.from - a.years.to);
  return gap > 10 && similarity.best(a.descriptions, b.descriptions) < 0.1;
}

/**
 * Evidence beyond the name for a name that says less or disagrees in a detail: the descriptions
 * agree, one held the office the other signed in at that date, or (for initials) first and
 * middle initials both agree ("A. J. Goodpaster" and "Andrew J. Goodpaster").
 */
function supported(
  observations: readonly Observation[],
  pair: Pair,
  similarity: DescriptionSimilarity,
): boolean {
  const [a, b] = [observations[pair.a] as Observation, observations[pair.b] as Observation];
  const agreement = similarity.best(a.descriptions, b.descriptions);
  if (pair.relation === 'differs')
    return pair.fullFirstName && (agreement >= DESCRIPTION_VOUCHES || sharedOffice(a, b));
  return agreement >= DESCRIPTION_SUPPORTS || (pair.agreeing ?? 0) >= 2 || sharedOffice(a, b);
}

/** One signed in an office the other held at that date, or both signed in one office within two years. */
function sharedOffice(a: Observation, b: Observation): boolean {
  const held = (signer: Observation, holder: Observation) =>
    signer.signedAs.some((s) => holder.offices.some((o) => o.key === s.key && o.covers(s.date)));
  const together = a.signedAs.some((x) =>
    b.signedAs.some(
      (y) => x.key === y.key && Math.abs(Number(x.date.slice(0, 4)) - Number(y.date.slice(0, 4))) <= 2,
    ),
  );
  return held(a, b) || held(b, a) || together;
}

/** Whether someone among `members` held an office the observation signed in, at that date. */
function heldOffice(
  members: number[],
  observation: Observation,
  observations: readonly Observation[],
): boolean {
  if (observation.signedAs.length === 0) return false;
  return observation.signedAs.some((signed) =>
    members.some((m) =>
      (observations[m] as Observation).offices.some((o) => o.key === signed.key && o.covers(signed.date)),
    ),
  );
}

/**
 * The words the persons lists write as a given name more often than as a surname, where a comma
 * says which is which ("Dulles, John Foster"): each person-list entry counted once per word.
 */
function listedGivenNames(observations: readonly Observation[]): Set<string> {
  const given = new Map<string, number>();
  const surname = new Map<string, number>();
  for (const observation of observations) {
    const inverted = observation.names.filter((name) => name.order === 'inverted');
    for (const word of new Set(inverted.flatMap((name) => name.given.filter((w) => w.length > 1))))
      given.set(word, (given.get(word) ?? 0) + 1);
    for (const word of new Set(inverted.map((name) => name.surname)))
      surname.set(word, (surname.get(word) ?? 0) + 1);
  }
  return new Set([...given].filter(([word, n]) => n > (surname.get(word) ?? 0)).map(([word]) => word));
}

/** Whether one of the observation's names divided into given names and surname has one of these surnames. */
function bearsSurname(observation: Observation, words: readonly string[]): boolean {
  return observation.names.some(
    (name) => name.order !== 'undivided' && words.some((word) => sameWord(name.surname, word)),
  );
}

function hasGivenNames(observation: Observation): boolean {
  return observation.names.some(hasGivenNamesOrWhole);
}

/** A name that says more than a surname: given names, or a name of several words read whole. */
function hasGivenNamesOrWhole(name: PersonName): boolean {
  return name.given.length > 0 || name.order === 'undivided';
}

function distinctClusters(indexes: number[], clusters: Clusters): number[] {
  return [...new Set(indexes.map((i) => clusters.find(i)))].sort((a, b) => a - b);
}

/**
 * Union–find over observations that refuses a union two members of which conflict: two first
 * names, two suffixes, or a middle initial or Jr. that the descriptions do not vouch for.
 */
class Clusters {
  private readonly parent: number[];
  private readonly memberLists: number[][];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
    this.memberLists = Array.from({ length: size }, (_, i) => [i]);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  members(i: number): number[] {
    return this.memberLists[this.find(i)] as number[];
  }

  size(i: number): number {
    return this.members(i).length;
  }

  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)].sort((p, q) => p - q) as [number, number];
    if (x === y) return;
    this.parent[y] = x;
    (this.memberLists[x] as number[]).push(...(this.memberLists[y] as number[]));
    this.memberLists[y] = [];
  }

  unionIfAllowed(
    a: number,
    b: number,
    observations: readonly Observation[],
    similarity: DescriptionSimilarity,
  ): void {
    if (this.find(a) === this.find(b)) return;
    const left = this.members(a).map((i) => observations[i] as Observation);
    const right = this.members(b).map((i) => observations[i] as Observation);
    // What each side says as a whole vouches for a detail that differs between two of its
    // members: a signature "Herbert Hoover, Jr" says no office, the lists of its person do.
    let vouched: boolean | null = null;
    const vouch = () => {
      vouched ??=
        similarity.best(
          left.flatMap((o) => o.descriptions),
          right.flatMap((o) => o.descriptions),
        ) >= DESCRIPTION_VOUCHES || left.some((x) => right.some((y) => sharedOffice(x, y)));
      return vouched;
    };
    for (const x of left) {
      for (const y of right) {
        const { relation, fullFirstName } = bestComparison(x, y);
        if (relation === 'conflict' || (x.shipped && y.shipped)) return;
        if (relation === 'differs' && !(fullFirstName && vouch())) return;
      }
    }
    this.union(a, b);
  }
}

function observe(authority: Authority): Observation {
  const forms = [
    ...new Set([authority.name, ...authority.names.filter(isComparable).map((n) => n.form)]),
  ].filter((f) => /\p{Script=Latin}/u.test(f));
  // A persons-list entry written without a comma is in the person's own order ("Ngo Dinh Diem").
  const listEntry =
    (authority.externalIds?.some((e) => e.scheme === 'frus-person') ?? false) &&
    !forms.some((f) => f.includes(','));
  const names = forms.map((form) => parsePersonName(form, { listEntry }));
  const descriptions = [
    ...(authority.descriptions?.map((d) => d.text) ?? []),
    ...(authority.description && !authority.descriptions?.length ? [authority.description] : []),
  ];
  const years = parseYearSpan(authority.years);
  const offices = descriptions.flatMap(parseOfficeTerms).map((term) => ({
    key: term.key,
    covers: (date: string) => termCovers(term, date, years),
  }));
  return {
    authority,
    names,
    descriptions,
    years,
    offices,
    signedAs: (authority.offices ?? []).flatMap((o) =>
      o.date ? [{ key: signingOfficeKey(o.name), date: o.date }] : [],
    ),
    shipped: authority.source === SHIPPED_SOURCE,
  };
}

/** Pseudonyms and translations are other names, not other spellings: they do not reconcile. */
function isComparable(name: NameForm): boolean {
  return name.kind !== 'pseudonym' && name.kind !== 'translation';
}

function reviewItem(observation: Observation, reason: string, candidates: number[]): ReviewItem {
  return {
    memberId: observation.authority.id,
    name: observation.authority.name,
    source: observation.authority.source ?? SHIPPED_SOURCE,
    reason,
    candidates: candidates.map(String),
  };
}

function assemble(
  observations: readonly Observation[],
  clusters: Clusters,
  review: ReviewItem[],
  taken: Set<string>,
): PeopleReconciliation {
  const roots = [...new Set(observations.map((_, i) => clusters.find(i)))].sort((a, b) => a - b);
  const people: Authority[] = [];
  const groupOf = new Map<string, string>();
  const idOfRoot = new Map<number, string>();
  for (const root of roots) {
    const members = clusters.members(root).map((i) => observations[i] as Observation);
    const person = mergeMembers(members, taken);
    taken.add(person.id);
    idOfRoot.set(root, person.id);
    people.push(person);
    for (const member of members) groupOf.set(member.authority.id, person.id);
  }
  for (const item of review) {
    item.candidates = [
      ...new Set(item.candidates.map((member) => idOfRoot.get(clusters.find(Number(member))) ?? member)),
    ];
  }
  return { groupOf, people, review };
}

/** One person from its observations: the shipped authority's id and name when one is among them. */
function mergeMembers(members: Observation[], taken: Set<string>): Authority {
  const shipped = members.find((m) => m.shipped)?.authority;
  const name = shipped?.name ?? preferredName(members);
  let id = shipped?.id ?? slugOf(name);
  // The authority file's id is its own (reserved beforehand); any other is made free of them.
  if (!shipped) for (let n = 2; taken.has(id); n++) id = `${slugOf(name)}-${n}`;
  return mergeAuthorities(
    members.map((m) => m.authority),
    { id, name },
  );
}

/** The form most sources give, the fuller one on a tie ("Andrei A. Gromyko"). */
function preferredName(members: Observation[]): string {
  const counts = new Map<string, { count: number; full: boolean }>();
  for (const m of members) {
    const name = m.names[0];
    const display = name?.display || m.authority.name;
    const full = name ? hasGivenNamesOrWhole(name) : false;
    const seen = counts.get(display);
    counts.set(display, { count: (seen?.count ?? 0) + 1, full });
  }
  // A name in full before a surname alone, however often signatures give the surname.
  return [...counts]
    .sort(
      ([a, x], [b, y]) =>
        Number(y.full) - Number(x.full) || y.count - x.count || b.length - a.length || (a < b ? -1 : 1),
    )
    .map(([display]) => display)[0] as string;
}
