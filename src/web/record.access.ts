import type { Context } from 'hono';
import type { ChanceryRecord } from '../record/record.types.ts';
import { isPublic, type Publication } from '../store/record.publication.ts';
import type { Store } from '../store/store.types.ts';
import { viewerOf } from './auth.middleware.ts';

/**
 * A record as this viewer may have it: everyone gets published records; an account (a reader's
 * too) also restricted ones; editors (by session or token) every record; anyone gets a withdrawn
 * record's notice and citation, never its texts.
 */
export type RecordAccess =
  | { kind: 'public'; record: ChanceryRecord }
  | { kind: 'restricted'; record: ChanceryRecord }
  | { kind: 'editor'; record: ChanceryRecord }
  | { kind: 'withdrawn'; record: ChanceryRecord; publication: Publication }
  | { kind: 'none' };

/**
 * Whether the viewer of a request is an editor or an admin (by session or token): they see every
 * record, and keep the authorities.
 */
export function isEditor(c: Context): boolean {
  const role = viewerOf(c)?.user.role;
  return role === 'editor' || role === 'admin';
}

/**
 * The one way a page or endpoint takes a record by its id: every public surface that shows one
 * record goes through here, so that none shows what readers may not see.
 */
export async function recordForViewer(c: Context, store: Store, id: string): Promise<RecordAccess> {
  // The record and its publication in one read: who may have it is decided on one state of both.
  const found = await store.getRecordWithPublication(id);
  if (!found) return { kind: 'none' };
  const { record, publication } = found;
  if (isPublic(publication)) return { kind: 'public', record };
  if (isEditor(c)) return { kind: 'editor', record };
  if (publication.state === 'restricted' && viewerOf(c)) return { kind: 'restricted', record };
  if (publication.state === 'withdrawn') return { kind: 'withdrawn', record, publication };
  return { kind: 'none' };
}

/** The record, when the viewer may read it whole (published, restricted for an account, any for an editor). */
export function readable(access: RecordAccess): ChanceryRecord | null {
  return access.kind === 'withdrawn' || access.kind === 'none' ? null : access.record;
}
