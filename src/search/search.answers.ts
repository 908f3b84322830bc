import type { Store } from '../store/store.types.ts';
import type { SearchPlan } from './search.plan.ts';
import type { MatchCount, PageHit, SearchIndex } from './search-index.types.ts';

/** Answers remembered per index, the least recently asked forgotten first. */
const ANSWER_MEMORY = 256;

type Answer = Promise<MatchCount | PageHit[]>;
const remembered = new WeakMap<SearchIndex, Map<string, Answer>>();

/**
 * The count or the page of a plan, remembered while the archive is unchanged: the key holds the
 * index's generation and the store's reconciliation version, which every write and every
 * reconciliation (by any process) moves on, so a remembered answer is always the one the archive
 * would give now. The same search asked by many readers at once is answered once; a failed one
 * (a timeout) is not remembered. Answers are frozen, not copied for each reader: copying the
 * facets of every answer cost a twentieth of a busy server's time.
 *
 * @example const counted = await rememberedAnswer(deps, plan, 'count:20', () => search.count(plan, { facetLimit: 20 }));
 */
export async function rememberedAnswer<T extends MatchCount | PageHit[]>(
  deps: { search: SearchIndex; store: Pick<Store, 'reconciliationVersion'> },
  plan: SearchPlan,
  what: string,
  answer: () => Promise<T>,
): Promise<T> {
  const [generation, reconciliation] = await Promise.all([
    deps.search.generation(),
    deps.store.reconciliationVersion(),
  ]);
  const key = `${generation}\u0000${reconciliation}\u0000${what}\u0000${JSON.stringify(plan.query)}`;
  let answers = remembered.get(deps.search);
  if (!answers) {
    answers = new Map();
    remembered.set(deps.search, answers);
  }
  const known = answers.get(key);
  if (known) {
    // Asked again: the most recent now.
    answers.delete(key);
    answers.set(key, known);
    return (await known) as T;
  }
  const pending = answer().then(deepFreeze);
  answers.set(key, pending);
  if (answers.size > ANSWER_MEMORY) answers.delete(answers.keys().next().value as string);
  pending.catch(() => answers.delete(key));
  return (await pending) as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/** Forgets what an index's answers were: a benchmark times each repetition of a search computed. */
export function forgetAnswers(search: SearchIndex): void {
  remembered.delete(search);
}
