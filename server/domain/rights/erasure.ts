/**
 * Erasure asked through the signed link. The post leaves every gallery at once, always. Its media
 * and text are deleted at once when the author is verified through their Instagram account;
 * otherwise the link may have been opened by anyone it was shown to, so deletion waits for a
 * stated hold (within GDPR's one-month answer time). During the hold the panel shows "erasure
 * requested", publicness excludes the post and no new request can be made for it. (The merchant's
 * systems hear `rights.withdrawn` at once and `post.erased` when the media are gone.)
 */
import { and, asc, desc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { posts, rightsRequests, type ConsentEvidence } from '../../db/schema.ts';
import type { MediaStore } from '../../media/store.ts';
import { auditStatement } from '../audit/audit.ts';
import { erasePost, loadRequest, withdrawConsent, type RequestContext } from './consent.ts';
import { erasureTiming } from './verification-rule.ts';

export type ErasureAnswer = { erased: true } | { erased: false; dueAt: number };

export async function requestErasure(db: Db, media: MediaStore, ctx: RequestContext, evidence: ConsentEvidence, now: number): Promise<ErasureAnswer> {
  const timing = erasureTiming(ctx.post.rightsVerification, now);
  if (timing.deleteNow) {
    await erasePost(db, media, ctx, { evidence }, now);
    return { erased: true };
  }
  if (ctx.post.rightsStatus === 'granted') await withdrawConsent(db, ctx, { channel: 'rights_page', evidence }, now);
  const data = { postId: ctx.post.id, requestId: ctx.request.id, dueAt: new Date(timing.dueAt).toISOString() };
  await runBatch(db, [
    db.update(posts).set({ erasureDueAt: timing.dueAt, updatedAt: now }).where(eq(posts.id, ctx.post.id)),
    auditStatement(db, { workspaceId: ctx.request.workspaceId, actorUserId: null, actorKind: 'author', action: 'post.erasure_requested', targetType: 'post', targetId: ctx.post.id, after: { ...data, ...evidence }, at: now }),
  ]);
  return { erased: false, dueAt: timing.dueAt };
}

/** The scheduler's part: erase the posts whose hold has ended. Bounded per tick. */
export async function eraseDuePosts(deps: { db: Db; media: MediaStore }, now: number, limit = 10): Promise<number> {
  const due = await deps.db
    .select({ id: posts.id })
    .from(posts)
    .where(and(isNotNull(posts.erasureDueAt), lte(posts.erasureDueAt, now), isNull(posts.erasedAt)))
    .orderBy(asc(posts.erasureDueAt))
    .limit(limit);
  let erased = 0;
  for (const { id } of due) {
    const [latest] = await deps.db.select({ id: rightsRequests.id }).from(rightsRequests).where(eq(rightsRequests.postId, id)).orderBy(desc(rightsRequests.createdAt)).limit(1);
    const ctx = latest ? await loadRequest(deps.db, latest.id) : null;
    if (!ctx) continue;
    await erasePost(deps.db, deps.media, ctx, { evidence: {} }, now);
    erased++;
  }
  return erased;
}
