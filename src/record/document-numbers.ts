import type { DocumentNumber } from './record.types.ts';

/** A document's numbers, each kind and value once, in the order first met. */
export function dedupeNumbers(numbers: DocumentNumber[]): DocumentNumber[] {
  const seen = new Set<string>();
  return numbers.filter((n) => {
    const key = `${n.kind}|${n.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
