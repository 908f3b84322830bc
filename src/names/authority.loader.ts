import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChanceryError } from '../errors.ts';
import type { Authority } from '../record/record.types.ts';
import { SHIPPED_SOURCE } from './authority.merge.ts';

/** The authority files that ship with Chancery (`data/authorities/*.json`). */
export const DEFAULT_AUTHORITY_DIR = new URL('../../data/authorities/', import.meta.url).pathname;

/**
 * Reads every `*.json` file of a folder, each an array of authority records.
 *
 * @example const index = new AuthorityIndex(loadAuthorities());
 */
export function loadAuthorities(dir: string = DEFAULT_AUTHORITY_DIR): Authority[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.flatMap((file) => {
    const path = join(dir, file);
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!Array.isArray(parsed)) {
      throw new ChanceryError(
        'record.invalid',
        `${path}: an authority file must hold a JSON array of records.`,
        {
          file: path,
        },
      );
    }
    // Marked as the authority file's: reconciliation keeps their ids and names (people.reconcile.ts).
    return (parsed as Authority[]).map((authority) => ({ ...authority, source: SHIPPED_SOURCE }));
  });
}
