/**
 * Stores collected media as posts. The same Instagram media found by several sources is one
 * post (unique per workspace and media id) linked to each source; new posts go through the
 * workspace's auto-moderation rules, and their media wait to be re-hosted.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { inChunks, runBatch, type Db } from '../../db/client.ts';
import { postMedia, posts, postSources } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { decideByRules } from '../posts/auto-moderation.ts';
import { rulesForMatching } from '../posts/moderation.ts';
import type { CollectedMedia } from './normalize.ts';

/** Why a media Instagram gave no URL for is kept without anything stored (the inbox shows it). */
export const NOTHING_TO_STORE = {
  video: 'Instagram gave neither a still image nor the file of this video (its audio is licensed)',
  image: 'Instagram gave no image for this media',
} as const;

export interface IngestResult {
  created: string[];
  /** Already known posts, now also linked to this source. */
  linked: string[];
}

export async function ingestMedia(db: Db, workspaceId: string, sourceId: string, collected: CollectedMedia[], now: number): Promise<IngestResult> {
  if (collected.length === 0) return { created: [], linked: [] };
  const unique = [...new Map(collected.map((m) => [m.igMediaId, m])).values()];
  const known = (
    await Promise.all(
      inChunks(unique.map((m) => m.igMediaId), (ids) =>
        db.select({ id: posts.id, igMediaId: posts.igMediaId }).from(posts).where(and(eq(posts.workspaceId, workspaceId), inArray(posts.igMediaId, ids))),
      ),
    )
  ).flat();
  const knownByMedia = new Map(known.map((k) => [k.igMediaId!, k.id]));
  const rules = await rulesForMatching(db, workspaceId);

  const statements: BatchItem<'sqlite'>[] = [];
  const created: string[] = [];
  const linked: string[] = [];
  for (const media of unique) {
    const existing = knownByMedia.get(media.igMediaId);
    if (existing) {
      linked.push(existing);
      statements.push(
        db.insert(postSources).values({ postId: existing, sourceId, foundAt: now }).onConflictDoNothing(),
        // Counts move; a caption can be edited on Instagram after the fact. A hashtag edge never
        // says who posted: another edge (tags, mentions) may, and then the author becomes known.
        db
          .update(posts)
          .set({ caption: media.caption, likeCount: media.likeCount, commentsCount: media.commentsCount, authorUsername: sql`coalesce(${posts.authorUsername}, ${media.authorUsername})`, updatedAt: now })
          .where(eq(posts.id, existing)),
      );
      continue;
    }
    const id = newId('post');
    created.push(id);
    // Resolution is unknown until the media are downloaded; the re-hoster applies that rule.
    const decision = decideByRules({ caption: media.caption, authorUsername: media.authorUsername, width: null }, rules);
    statements.push(
      db.insert(posts).values({
        id,
        workspaceId,
        igMediaId: media.igMediaId,
        mediaType: media.mediaType,
        caption: media.caption,
        permalink: media.permalink,
        authorUsername: media.authorUsername,
        publishedAt: media.publishedAt,
        collectedAt: now,
        likeCount: media.likeCount,
        commentsCount: media.commentsCount,
        moderationStatus: decision?.status ?? 'pending',
        moderatedAt: decision ? now : null,
        moderationRuleId: decision?.ruleId ?? null,
        moderationReason: decision?.reason ?? null,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(postSources).values({ postId: id, sourceId, foundAt: now }),
      ...media.items.map((item, position) =>
        db.insert(postMedia).values({
          id: newId('med'),
          postId: id,
          position,
          type: item.type,
          igMediaId: item.igMediaId,
          sourceUrl: item.imageUrl,
          videoSourceUrl: item.videoUrl,
          // Hashtag edges give videos without a thumbnail: their file is stored alone (pages show
          // its first frame). A video with licensed audio there has neither, and nothing to store.
          storeStatus: item.imageUrl || item.videoUrl ? 'pending' : 'failed',
          storeError: item.imageUrl || item.videoUrl ? null : NOTHING_TO_STORE[item.type],
          nextAttemptAt: now,
        }),
      ),
    );
  }
  await runBatch(db, statements);
  return { created, linked };
}
