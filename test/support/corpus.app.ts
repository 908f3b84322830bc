import { type App, openApp } from '../../src/app.ts';
import { ingestPaths } from '../../src/ingest/ingest.batch.ts';
import { FRUS_CURRENT_DIR, FRUS_DIR, SEEDS_DIR } from './shared-paths.ts';

/**
 * An archive holding the seeds and, with `frus`, the FRUS volumes of ../shared (the
 * older-encoding volumes, then the current-encoding excerpt): in memory, or in the database `db`
 * names (a PostgreSQL URL). Throws if any file fails.
 */
export async function openCorpusApp(options: { frus: boolean; db?: string }): Promise<App> {
  const app = await openApp({ db: options.db ?? ':memory:' });
  const paths = options.frus
    ? [SEEDS_DIR, FRUS_DIR, `${FRUS_CURRENT_DIR}frus1955-57v23p2-excerpt.xml`]
    : [SEEDS_DIR];
  const report = await ingestPaths({
    paths,
    store: app.store,
    search: app.search,
    authorities: app.authorities,
    readers: app.readers,
  });
  const failures = report.files.filter((f) => f.problems.length > 0);
  if (failures.length > 0) {
    throw new Error(`corpus ingest failed: ${JSON.stringify(failures.map((f) => [f.path, f.problems]))}`);
  }
  return app;
}
