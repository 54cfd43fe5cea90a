import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mediaVariants, postMedia } from '../../db/schema.ts';

/**
 * The storage key of the picture the rights page shows, whatever the post's publicness (the author
 * must see what is asked): the first media's display rendition nearest a phone's width.
 */
export async function rightsPageImageKey(db: Db, postId: string): Promise<string | null> {
  const [variant] = await db
    .select({ key: mediaVariants.storageKey })
    .from(mediaVariants)
    .innerJoin(postMedia, eq(postMedia.id, mediaVariants.mediaId))
    .where(and(eq(postMedia.postId, postId), eq(mediaVariants.role, 'display')))
    .orderBy(asc(postMedia.position), sql`abs(${mediaVariants.width} - 640)`)
    .limit(1);
  return variant?.key ?? null;
}
