/**
 * What a public gallery answer depends on, as the answer cache and the gallery route ask it. The
 * first read runs on every gallery request, so it is one row found by two primary keys.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { galleries, posts, workspaces } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';
import { publicPostWhere } from '../posts/publicness.ts';
import type { Gallery } from './galleries.ts';

export interface GalleryFreshness {
  /** The gallery row itself, so that the route answering a miss does not read it again. */
  gallery: Gallery;
  /** The workspace's content version: triggers bump it with every write a public answer can show. */
  version: number;
  /** The workspace's holdout share, which every answer carries. */
  holdoutShare: number;
  /** The workspace's `consentDefault`, which every answer carries too. */
  consentDefault: 'granted' | 'denied';
}

const freshnessQuery = (db: Db) =>
  db
    .select({
      gallery: galleries,
      version: workspaces.contentVersion,
      holdoutShare: sql<number | null>`json_extract(${workspaces.settings}, '$.holdoutShare')`,
      consentDefault: sql<string | null>`json_extract(${workspaces.settings}, '$.consentDefault')`,
    })
    .from(galleries)
    .innerJoin(workspaces, eq(workspaces.id, galleries.workspaceId))
    .where(eq(galleries.id, sql.placeholder('galleryId')))
    .limit(1)
    .prepare();

// Built once per database: this read runs on every gallery request, so its SQL is not rebuilt each time.
const prepared = new WeakMap<Db, ReturnType<typeof freshnessQuery>>();

/** A public gallery with what its answer depends on, in one read, or null for an unknown id. */
export async function galleryFreshness(db: Db, galleryId: string): Promise<GalleryFreshness | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = freshnessQuery(db)));
  const row = await query.get({ galleryId });
  if (!row) return null;
  // Settings saved before a field existed have none: its default applies.
  const consentDefault = row.consentDefault === 'granted' ? 'granted' : DEFAULT_WORKSPACE_SETTINGS.consentDefault;
  return { gallery: row.gallery, version: row.version, holdoutShare: row.holdoutShare ?? DEFAULT_WORKSPACE_SETTINGS.holdoutShare, consentDefault };
}

/**
 * When the first rights grant among the workspace's public posts ends. A grant ends with no
 * write at all, so no version bump says it: answers made now are good only until then.
 */
export async function nextRightsExpiry(db: Db, workspaceId: string, now: number): Promise<number | null> {
  const [row] = await db
    .select({ at: sql<number | null>`min(${posts.rightsExpiresAt})` })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), publicPostWhere(now), isNotNull(posts.rightsExpiresAt)));
  return row?.at ?? null;
}
