/**
 * A comment on a post Vitrine asked about: the author may be answering the rights request.
 * A clear yes from the author (approval hashtag and @brand) grants, with the comment as evidence;
 * any other reply from the author waits for a human; replies from anyone else change nothing.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { cutText } from '../../../shared/text.ts';
import type { Db } from '../../db/client.ts';
import { instagramConnections, posts, rightsRequests } from '../../db/schema.ts';
import { grantConsent, loadRequest } from './consent.ts';
import { judgeReply } from './reply.ts';

export interface CommentValue {
  id?: string;
  text?: string;
  from?: { id?: string; username?: string };
  media?: { id?: string };
}

export async function handleRightsReply(db: Db, igUserId: string, comment: CommentValue, now: number): Promise<'granted' | 'author_replied' | 'ignored'> {
  const mediaId = comment.media?.id;
  const from = comment.from?.username;
  if (!mediaId || !from || !comment.id || typeof comment.text !== 'string') return 'ignored';
  const [open] = await db
    .select({ requestId: rightsRequests.id })
    .from(rightsRequests)
    .innerJoin(posts, eq(posts.id, rightsRequests.postId))
    .innerJoin(instagramConnections, and(eq(instagramConnections.workspaceId, posts.workspaceId), eq(instagramConnections.igUserId, igUserId)))
    .where(and(eq(posts.igMediaId, mediaId), inArray(rightsRequests.status, ['sent', 'author_replied'])))
    .orderBy(desc(rightsRequests.createdAt))
    .limit(1);
  const ctx = open ? await loadRequest(db, open.requestId) : null;
  if (!ctx || !ctx.workspace.approvalHashtag || !ctx.workspace.instagramHandle) return 'ignored';

  const verdict = judgeReply({ text: comment.text, fromUsername: from, postAuthor: ctx.post.authorUsername, approvalHashtag: ctx.workspace.approvalHashtag, brandHandle: ctx.workspace.instagramHandle });
  if (verdict === 'ignored') return 'ignored';
  if (verdict === 'approves') {
    await grantConsent(db, ctx, { channel: 'comment_reply', evidence: { commentId: comment.id, commentText: comment.text }, author: from }, now);
    return 'granted';
  }
  await db.batch([
    db.update(rightsRequests).set({ status: 'author_replied', replyCommentId: comment.id, replyText: cutText(comment.text, 2200), updatedAt: now }).where(eq(rightsRequests.id, ctx.request.id)),
    db.update(posts).set({ rightsStatus: 'author_replied', updatedAt: now }).where(eq(posts.id, ctx.post.id)),
  ]);
  return 'author_replied';
}
