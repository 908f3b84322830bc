import type { RecordHistory, Store } from './store.types.ts';

/** What a copy moved. */
export interface CopyCounts {
  records: number;
  versions: number;
  sources: number;
  collections: number;
  authorities: number;
  reconciled: number;
}

/** Records written per transaction: a volume's worth, and bounded memory. */
const BATCH = 200;

/**
 * Copies everything one store holds into another, whatever their backends: the source files byte
 * for byte, collections, the authorities of each source, every record with all its versions and
 * the relations resolved for it, then the reconciliation. The target's index is written with each
 * batch of records, in the same transaction.
 *
 * @example await copyArchive(sqlite.store, postgres.store)
 */
export async function copyArchive(
  from: Store,
  to: Store,
  onProgress: (counts: CopyCounts) => void = () => {},
): Promise<CopyCounts> {
  const counts: CopyCounts = {
    records: 0,
    versions: 0,
    sources: 0,
    collections: 0,
    authorities: 0,
    reconciled: 0,
  };
  for await (const source of from.streamSources()) {
    await to.saveSource(source);
    counts.sources++;
  }
  for (const collection of await from.listCollections()) {
    await to.saveCollection(collection);
    counts.collections++;
  }
  const authorities = await from.listAuthorities();
  await to.saveAuthorities(authorities);
  counts.authorities = authorities.length;
  let batch: RecordHistory[] = [];
  const flush = async () => {
    await to.importHistories(batch);
    counts.records += batch.length;
    counts.versions += batch.reduce((n, h) => n + h.versions.length, 0);
    batch = [];
    onProgress(counts);
  };
  for await (const history of from.exportHistories()) {
    batch.push(history);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  // The editors' decisions too: the next reconciliation of the copy applies them as the original did.
  for (const { seq: _, ...entry } of await from.listAuthorityDecisions())
    await to.addAuthorityDecision(entry, null);
  const reconciliation = await from.getReconciliation();
  await to.saveReconciliation(reconciliation);
  counts.reconciled = reconciliation.authorities.length;
  return counts;
}
