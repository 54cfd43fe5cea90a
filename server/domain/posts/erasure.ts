/**
 * What erasing a post's collected data means, in one place: its stored files deleted, its media
 * and the rows that show it (product tags, galleries' manual order) removed, its caption, link
 * and author scrubbed. The post row stays as a tombstone (`erased_at`), so consent records that
 * prove its history keep their subject and the same Instagram media is never collected again as
 * a new post. Used by the author's erasure (domain/rights/consent.ts) and by the platform-data
 * retention and deletions (domain/collection/platform-data.ts).
 */
import { eq, inArray } from 'drizzle-orm';
import { inChunks, type Db } from '../../db/client.ts';
import { galleryPosts, mediaVariants, postMedia, postProducts, posts } from '../../db/schema.ts';
import type { MediaStore } from '../../media/store.ts';

/** The stored files of `postIds`: deleted before the rows, so no row outlives its file's deletion unnoticed. */
export async function deletePostFiles(db: Db, media: MediaStore, postIds: readonly string[]): Promise<number> {
  const rows = (await Promise.all(inChunks(postIds, (chunk) => db.select({ key: mediaVariants.storageKey }).from(mediaVariants).innerJoin(postMedia, eq(postMedia.id, mediaVariants.mediaId)).where(inArray(postMedia.postId, chunk))))).flat();
  for (const { key } of rows) await media.delete(key);
  return rows.length;
}

/** The statements that remove the rows and scrub the text of `postIds`, for the caller's batch (with its audit). */
export function eraseStatements(db: Db, postIds: readonly string[], now: number) {
  const mediaOf = (chunk: string[]) => db.select({ id: postMedia.id }).from(postMedia).where(inArray(postMedia.postId, chunk));
  return [
    ...inChunks(postIds, (chunk) => db.delete(mediaVariants).where(inArray(mediaVariants.mediaId, mediaOf(chunk)))),
    ...inChunks(postIds, (chunk) => db.delete(postProducts).where(inArray(postProducts.postId, chunk))),
    ...inChunks(postIds, (chunk) => db.delete(galleryPosts).where(inArray(galleryPosts.postId, chunk))),
    ...inChunks(postIds, (chunk) => db.delete(postMedia).where(inArray(postMedia.postId, chunk))),
    ...inChunks(postIds, (chunk) => db.update(posts).set({ caption: '', permalink: null, authorUsername: null, authorIgId: null, erasedAt: now, updatedAt: now }).where(inArray(posts.id, chunk))),
  ];
}
