/**
 * Re-hosting: Instagram's media URLs expire within days, so every collected image (and video
 * file) is downloaded once, stored with its display renditions, and served by Vitrine from then
 * on. A failed download keeps the post and is retried with growing delays.
 */
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { runBatch } from '../../db/client.ts';
import { instagramConnections, postMedia, posts } from '../../db/schema.ts';
import type { InstagramDeps } from '../../deps.ts';
import type { GraphMedia } from '../../instagram/client.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import type { MediaStore } from '../../media/store.ts';
import type { VariantMaker } from '../../media/variants.ts';
import { stripVideoMetadata } from '../../media/strip-video-metadata.ts';
import { readVideoSize } from '../../media/video-size.ts';
import { Conflict, notFound } from '../errors.ts';
import { decideByRules } from '../posts/auto-moderation.ts';
import { rulesForMatching } from '../posts/moderation.ts';
import { insertVariants, storeRenditions } from '../posts/media-storage.ts';
import { tokenOf } from './connections.ts';
import { normalizeMedia } from './normalize.ts';
import { claimDue, type ClaimableQueue } from '../../db/due-queue.ts';
import { backoffMs } from '../../lib/backoff.ts';

const MAX_ATTEMPTS = 8;
/** Bigger files are refused: Instagram's own limit for images is 8 MiB; videos get more room. */
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
const MAX_VIDEO_BYTES = 100 * 1024 * 1024;

export interface RehostDeps {
  db: Db;
  media: MediaStore;
  variants: VariantMaker;
  instagram: InstagramDeps;
  appSecret: string;
}

/**
 * Downloads at a time: enough to keep both of a small server's cores busy encoding while others
 * wait on the network, and under Workers' six simultaneous outgoing connections.
 */
const CONCURRENCY = 4;

/** Media waiting to be re-hosted, as a queue runs claim them (db/due-queue.ts). */
export const PENDING_MEDIA: ClaimableQueue = { table: postMedia, id: postMedia.id, nextAttemptAt: postMedia.nextAttemptAt, ready: eq(postMedia.storeStatus, 'pending') };

export async function rehostPending(deps: RehostDeps, now: number, limit = 20): Promise<{ stored: number; failed: number }> {
  // Claimed, not just read: a run overlapping this one (the next cron tick) takes other media.
  return rehostClaimed(deps, await claimDue(deps.db, PENDING_MEDIA, now, limit), now);
}

/** Re-hosts media this run claimed (or took from a job's claim), a few at a time. */
export async function rehostClaimed(deps: RehostDeps, claimed: string[], now: number): Promise<{ stored: number; failed: number }> {
  const due = claimed.length === 0 ? [] : await deps.db
    .select({ item: postMedia, post: { id: posts.id, workspaceId: posts.workspaceId, igMediaId: posts.igMediaId, caption: posts.caption, authorUsername: posts.authorUsername, moderatedBy: posts.moderatedBy, moderationStatus: posts.moderationStatus } })
    .from(postMedia)
    .innerJoin(posts, eq(posts.id, postMedia.postId))
    .where(inArray(postMedia.id, claimed));
  let stored = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const { item, post } = due[next++]!;
      await rehostOrReschedule(item, post);
    }
  };
  const rehostOrReschedule = async (item: PendingItem, post: PendingPost) => {
    try {
      await rehostOne(deps, item, post, now);
      stored++;
    } catch (error) {
      failed++;
      const attempts = item.storeAttempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      await deps.db
        .update(postMedia)
        .set({
          storeAttempts: attempts,
          storeError: message,
          storeStatus: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: now + backoffMs(attempts - 1, { baseMs: 5 * 60_000, capMs: 24 * 3_600_000 }),
        })
        .where(eq(postMedia.id, item.id));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker));
  return { stored, failed };
}

/**
 * The merchant's "Retry" on a post whose media gave up: each failed media with somewhere to
 * download from is due again now, with a fresh count of attempts. A video Instagram gave
 * neither a still image nor a file for has nothing to retry, and says so.
 */
export async function retryFailedMedia(db: Db, workspaceId: string, postId: string, now: number): Promise<{ retried: number }> {
  const [post] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId))).limit(1);
  if (!post) throw notFound('post');
  const failed = await db.select().from(postMedia).where(and(eq(postMedia.postId, postId), eq(postMedia.storeStatus, 'failed')));
  const retryable = failed.filter((m) => m.sourceUrl !== null || m.videoSourceUrl !== null);
  if (retryable.length === 0) {
    throw new Conflict(
      'nothing_to_retry',
      failed.length > 0 ? 'Instagram gave no image or video file to download for this post, so there is nothing to retry: open it on Instagram to see it.' : 'No media of this post failed.',
    );
  }
  await db
    .update(postMedia)
    .set({ storeStatus: 'pending', storeAttempts: 0, storeError: null, nextAttemptAt: now })
    .where(and(eq(postMedia.postId, postId), eq(postMedia.storeStatus, 'failed'), or(isNotNull(postMedia.sourceUrl), isNotNull(postMedia.videoSourceUrl))));
  return { retried: retryable.length };
}

type PendingItem = typeof postMedia.$inferSelect;
interface PendingPost {
  id: string;
  workspaceId: string;
  igMediaId: string | null;
  caption: string;
  authorUsername: string | null;
  moderatedBy: string | null;
  moderationStatus: string;
}

async function rehostOne(deps: RehostDeps, item: PendingItem, post: PendingPost, now: number): Promise<void> {
  if (item.type === 'video' && item.sourceUrl === null && item.videoSourceUrl !== null) return rehostVideoOnly(deps, item, post, item.videoSourceUrl, now);
  let imageUrl = item.sourceUrl;
  let videoUrl = item.videoSourceUrl;
  let image = imageUrl ? await fetchBytes(deps, imageUrl, MAX_IMAGE_BYTES) : null;
  if (!image || image.expired) {
    // The CDN link expired before we got to it: ask the API for fresh links where it allows.
    const fresh = await freshUrls(deps, post, item);
    if (!fresh?.imageUrl) throw new Error(image?.expired ? 'the Instagram media URL expired and Instagram offers no fresh one for this post' : 'no image to download');
    imageUrl = fresh.imageUrl;
    videoUrl = fresh.videoUrl;
    image = await fetchBytes(deps, imageUrl, MAX_IMAGE_BYTES);
    if (image.expired) throw new Error('the fresh Instagram media URL was refused too');
    await deps.db.update(postMedia).set({ sourceUrl: imageUrl, videoSourceUrl: videoUrl }).where(eq(postMedia.id, item.id));
  }

  const made = await deps.variants.make(image.bytes);
  const rows = await storeRenditions(deps.media, item.id, made, now);
  if (item.type === 'video' && videoUrl) {
    const video = await fetchBytes(deps, videoUrl, MAX_VIDEO_BYTES);
    if (!video.expired) {
      const key = `m/${item.id}/video.mp4`;
      const bytes = storableVideo(video.bytes);
      await deps.media.put(key, bytes, 'video/mp4');
      rows.push({ id: `var_${item.id}_video`, mediaId: item.id, role: 'video', format: 'mp4', width: made.original.width, height: made.original.height, bytes: bytes.byteLength, storageKey: key, createdAt: now });
    }
  }
  await runBatch(deps.db, [
    ...insertVariants(deps.db, rows),
    deps.db.update(postMedia).set({ storeStatus: 'stored', width: made.original.width, height: made.original.height, storeAttempts: item.storeAttempts + 1, storeError: null, nextAttemptAt: null }).where(eq(postMedia.id, item.id)),
    ...(await resolutionRule(deps.db, post, made.original.width, now)),
  ]);
}

/**
 * A video Instagram gave no still image for (hashtag edges never do): its file is stored alone,
 * with the size its MP4 headers tell; the panel and the widget show its first frame or a
 * placeholder instead of a still. Such links cannot be refreshed: an expired one is a failure.
 */
async function rehostVideoOnly(deps: RehostDeps, item: PendingItem, post: PendingPost, videoUrl: string, now: number): Promise<void> {
  const video = await fetchBytes(deps, videoUrl, MAX_VIDEO_BYTES);
  if (video.expired) throw new Error('the Instagram video URL expired before it was stored, and Instagram offers no fresh one for this post');
  // Unreadable headers: Instagram's videos found by hashtag are nearly all upright Reels.
  const { width, height } = readVideoSize(video.bytes) ?? { width: 1080, height: 1920 };
  const key = `m/${item.id}/video.mp4`;
  const bytes = storableVideo(video.bytes);
  await deps.media.put(key, bytes, 'video/mp4');
  await runBatch(deps.db, [
    ...insertVariants(deps.db, [{ id: `var_${item.id}_video`, mediaId: item.id, role: 'video', format: 'mp4', width, height, bytes: bytes.byteLength, storageKey: key, createdAt: now }]),
    deps.db.update(postMedia).set({ storeStatus: 'stored', width, height, storeAttempts: item.storeAttempts + 1, storeError: null, nextAttemptAt: null }).where(eq(postMedia.id, item.id)),
    ...(await resolutionRule(deps.db, post, width, now)),
  ]);
}

/** The min-resolution rule can only be applied once the image's size is known. */
async function resolutionRule(db: Db, post: PendingPost, width: number, now: number) {
  if (post.moderatedBy !== null || post.moderationStatus !== 'pending') return [];
  const rules = await rulesForMatching(db, post.workspaceId, ['min_resolution']);
  const decision = decideByRules({ caption: '', authorUsername: null, width }, rules);
  if (!decision) return [];
  return [
    db
      .update(posts)
      .set({ moderationStatus: decision.status, moderationRuleId: decision.ruleId, moderationReason: decision.reason, moderatedAt: now, updatedAt: now })
      .where(and(eq(posts.id, post.id), isNull(posts.moderatedBy))),
  ];
}

async function fetchBytes(deps: RehostDeps, url: string, maxBytes: number): Promise<{ bytes: Uint8Array; expired: false } | { bytes: Uint8Array; expired: true }> {
  // The guarded fetcher refuses non-public addresses on every hop and stops the body at maxBytes.
  const response = await deps.instagram.download(new Request(url), { maxBytes });
  if (response.status === 403 || response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    return { bytes: new Uint8Array(), expired: true };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`download failed: HTTP ${response.status}`);
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), expired: false };
}

/**
 * Fresh CDN links for one media item. Instagram lets an app re-read its own media and media
 * that @mention it; hashtag and tagged media cannot be read by id, so those have none.
 */
async function freshUrls(deps: RehostDeps, post: PendingPost, item: PendingItem): Promise<{ imageUrl: string | null; videoUrl: string | null } | null> {
  if (!post.igMediaId) return null;
  const connections = await deps.db.select().from(instagramConnections).where(and(eq(instagramConnections.workspaceId, post.workspaceId), eq(instagramConnections.status, 'active')));
  for (const connection of connections) {
    const token = await tokenOf(deps.appSecret, connection);
    const attempts: (() => Promise<GraphMedia | undefined>)[] = [
      async () => (await deps.instagram.graph.media(post.igMediaId!, token)).body,
      async () => (await deps.instagram.graph.mentionedMedia(connection.igUserId, post.igMediaId!, token)).body.mentioned_media,
    ];
    for (const attempt of attempts) {
      try {
        const media = await attempt();
        const match = media && normalizeMedia(media).items.find((i) => i.igMediaId === item.igMediaId);
        if (match) return { imageUrl: match.imageUrl, videoUrl: match.videoUrl };
      } catch (error) {
        if (!(error instanceof GraphApiError)) throw error;
      }
    }
  }
  return null;
}

/**
 * A video as it is kept: without what the camera wrote beside the pictures (media/strip-video-metadata.ts).
 * Instagram strips its own files, so this is the second lock; a file it cannot read to the end fails the attempt.
 */
function storableVideo(bytes: Uint8Array): Uint8Array {
  const stripped = stripVideoMetadata(bytes);
  if (!stripped) throw new Error('the video from Instagram is not a whole MP4 file: its metadata could not be removed with certainty');
  return stripped;
}
