/** Share of the relevant documents (at most k of them) found in the top k. */
export function recallAtK(ranked: string[], relevant: Set<string>, k = 10): number {
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / Math.min(relevant.size, k);
}

/** Binary-relevance nDCG: gains discounted by log2 of the rank, over the ideal ranking's. */
export function ndcgAtK(ranked: string[], relevant: Set<string>, k = 10): number {
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, i) => sum + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}
