/**
 * What the public answer cache asks the database. Both reads are small on purpose: the first
 * runs on every gallery request, so it is one row found by two primary keys.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { galleries, posts, workspaces } from '../../db/schema.ts';
import { publicPostWhere } from '../posts/publicness.ts';

export interface GalleryFreshness {
  workspaceId: string;
  /** The workspace's content version: triggers bump it with every write a public answer can show. */
  version: number;
  sort: 'newest' | 'manual' | 'best';
}

const freshnessQuery = (db: Db) =>
  db
    .select({ workspaceId: galleries.workspaceId, version: workspaces.contentVersion, sort: galleries.sort })
    .from(galleries)
    .innerJoin(workspaces, eq(workspaces.id, galleries.workspaceId))
    .where(eq(galleries.id, sql.placeholder('galleryId')))
    .limit(1)
    .prepare();

// Built once per database: this read runs on every gallery request, so its SQL is not rebuilt each time.
const prepared = new WeakMap<Db, ReturnType<typeof freshnessQuery>>();

export async function galleryFreshness(db: Db, galleryId: string): Promise<GalleryFreshness | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = freshnessQuery(db)));
  const row = await query.get({ galleryId });
  return row ?? null;
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
