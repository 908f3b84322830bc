import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createTestDatabase, type TestDatabase } from './postgres.db.ts';

/** A backend a test runs on, by its label, and where a fresh archive of a given name is. */
export type TestBackend = [label: 'SQLite' | 'PostgreSQL', dbFor: (name: string) => string];

/**
 * Both backends for one test file: SQLite files in a temporary folder, and a PostgreSQL database
 * of the file's own with a schema per archive name, made before the tests and dropped after.
 *
 * @example const { backends } = bothBackends('jobs'); for (const [label, dbFor] of backends) …
 */
export function bothBackends(label: string): { backends: TestBackend[]; database: () => TestDatabase } {
  const dir = mkdtempSync(join(tmpdir(), `chancery-${label}-`));
  let pg: TestDatabase | undefined;
  before(async () => {
    pg = await createTestDatabase(label);
  });
  after(async () => {
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const database = () => {
    if (!pg) throw new Error('the PostgreSQL test database is made before the tests run');
    return pg;
  };
  return {
    backends: [
      ['SQLite', (name) => join(dir, `${name}.db`)],
      ['PostgreSQL', (name) => database().url(name)],
    ],
    database,
  };
}
