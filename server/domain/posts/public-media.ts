import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mediaVariants, postMedia, posts } from '../../db/schema.ts';
import { publicPostWhere } from './publicness.ts';

/**
 * Whether a stored media file may be served right now: only renditions of public posts are.
 * Checked on every request, so a withdrawal stops the bytes at once (invariant 4).
 */
export async function isPublicMediaKey(db: Db, storageKey: string, now: number): Promise<boolean> {
  const [row] = await db
    .select({ id: mediaVariants.id })
    .from(mediaVariants)
    .innerJoin(postMedia, eq(postMedia.id, mediaVariants.mediaId))
    .innerJoin(posts, eq(posts.id, postMedia.postId))
    .where(and(eq(mediaVariants.storageKey, storageKey), inArray(mediaVariants.role, ['display', 'video']), publicPostWhere(now)))
    .limit(1);
  return row !== undefined;
}

/** Whether a display rendition belongs to one of the workspace's posts, whatever its status. */
export async function isWorkspaceMediaKey(db: Db, workspaceId: string, storageKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mediaVariants.id })
    .from(mediaVariants)
    .innerJoin(postMedia, eq(postMedia.id, mediaVariants.mediaId))
    .innerJoin(posts, eq(posts.id, postMedia.postId))
    .where(and(eq(mediaVariants.storageKey, storageKey), inArray(mediaVariants.role, ['display', 'video']), eq(posts.workspaceId, workspaceId)))
    .limit(1);
  return row !== undefined;
}
