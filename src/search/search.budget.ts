import { ChanceryError } from '../errors.ts';

/** How long one search of a server may take before it is stopped (`search.timeout`, HTTP 503). */
export const SEARCH_BUDGET_MS = 2000;

/** The error of a search stopped past its budget, whichever backend stopped it. */
export function searchTimeout(budgetMs: number): ChanceryError {
  return new ChanceryError(
    'search.timeout',
    `The search took longer than ${budgetMs / 1000} s and was stopped. Narrow it with more words or a field (type:, date:, author:), or try again later.`,
  );
}
