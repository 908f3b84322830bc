import type { ChanceryRecord } from '../record/record.types.ts';
import type { CorrespondenceEntry, CorrespondencePair } from '../store/store.types.ts';
import type { FacetName, FacetValue } from './query/query.types.ts';
import type { SearchPlan } from './search.plan.ts';

/** The matches of a plan, counted: how many, and the facets' values with their counts. */
export interface MatchCount {
  total: number;
  facets: Record<FacetName, FacetValue[]>;
}

/** One hit of a page: the index's own number for the document, and its score (0 without words). */
export interface PageHit {
  doc: number;
  /** bm25-like, lower is better; 0 for a query without words. */
  score: number;
}

/** What a hit shows: the record's id, title, date, and what a snippet is made from. */
export interface HitSource extends Pick<ChanceryRecord, 'summary' | 'texts'> {
  id: string;
  title: string;
  date: string;
}

/** How many forms to read, a script they must not be in, and which of them to keep. */
export interface NameFormQuery {
  limit: number;
  /** "latin", "cyrillic", "han" or "hangul" (src/names/translit/script.text.ts). */
  notInScript?: string;
  /** Kept before they are counted: how often a form is written is the costly part. */
  keep?: (form: string) => boolean;
}

/** A form in which the archive's texts write a name, and how many documents write it so. */
export interface WrittenName {
  form: string;
  /** Documents that write the form's word with a capital, as a name. */
  documents: number;
  /**
   * Documents whose texts hold the form's word at all, in any case: "Some" is written with a
   * capital in a thousand documents and without one in eight thousand, "Diem" with one wherever
   * it is written. The texts are indexed by stems, so for a word whose stem is another name
   * (Roberts, Robert) this is estimated (`documentsWithWord`).
   */
  withWord: number;
}

/**
 * How many documents hold a name's word in any case, from what the index counts: the documents
 * whose texts hold its stem (`withStem`), less those that write the stem itself as a name when the
 * stem is another word (`stemAsName`: Robert, of Roberts), never fewer than write the word as a name
 * (`asName`). Texts are indexed by stems, and a stem is shared: in the 45 FRUS volumes the stem
 * "robert" is in the texts of 885 documents, "Robert" is written as a name in 981 (titles
 * included), "Roberts" in 43.
 *
 * @example documentsWithWord({ asName: 43, withStem: 885, stemAsName: 981 }) // 43
 */
export function documentsWithWord(counts: { asName: number; withStem: number; stemAsName: number }): number {
  return Math.max(counts.asName, counts.withStem - counts.stemAsName);
}

/**
 * The search port: what the reading room, the API and the command line ask of a full-text
 * index. The store writes to its index inside its own transaction (a record and its index
 * entries never disagree); everything else reads through here. Query planning (parsing, names,
 * fields, tiers, disjunctive facets) is done once above every backend (search.plan.ts), and a
 * search asks for its count and its page separately, so a backend may answer both at once
 * (SQLite: the count in a worker thread; PostgreSQL: on two connections).
 */
export interface SearchIndex {
  /** The plan's matches, counted, each facet's first `facetLimit` values. */
  count(plan: SearchPlan, options: { facetLimit: number }): Promise<MatchCount>;
  /** One page of the plan's matches: by tier and score with words, by date without. */
  page(plan: SearchPlan, window: { from: number; size: number }): Promise<PageHit[]>;
  /** What the hits of a page show, by their index numbers. */
  hitSources(docs: readonly number[]): Promise<Map<number, HitSource>>;
  /** Forms in which the texts write names, sharing a key (`family:key`), the most written first. */
  nameForms(keys: readonly string[], options: NameFormQuery): Promise<WrittenName[]>;
  /** A number that changes whenever the index does, by this process or another. */
  generation(): Promise<number>;
  /** Pairs of author and recipient with how many documents each wrote to the other, most first. */
  listCorrespondence(options?: { personKey?: string; limit?: number }): Promise<CorrespondencePair[]>;
  /** The records between two correspondents, either way, in date order (keys as in `CorrespondenceEntry`). */
  findCorrespondence(query: { a: string; b: string }): Promise<CorrespondenceEntry[]>;
  /** How many distinct documents link each reconciled authority in any role, for the ids given or all. */
  countDocumentsLinking(ids?: readonly string[]): Promise<Map<string, number>>;
  /** Reads what searches need into memory before the first one (a server, before it listens). */
  warm(): Promise<void>;
  close(): Promise<void>;
}
