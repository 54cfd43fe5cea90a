/**
 * A comment from someone's Instagram account, seen through the Graph API (a `mentions`
 * notification read back with `mentioned_comment`, a `comments` notification on the brand's own
 * media, or the brand's request thread polled). If it carries a verification code, it may
 * complete a grant typed on the rights page; every refusal (replayed or expired code, another
 * account) is recorded in the audit log. Without a code it may be the author's plain answer under
 * the brand's request comment (hashtag and @brand), handled as before.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { cutText } from '../../../shared/text.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, instagramConnections, rightsRequests } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { grantConsent, loadRequest } from './consent.ts';
import { handleRightsReply } from './replies.ts';
import { codesIn, judgeVerifyingReply } from './verification-rule.ts';

export interface AccountComment {
  id: string;
  text: string;
  /** The account that wrote it, as the Graph API reports it. */
  username: string;
  /** When it was written (epoch ms). */
  at: number;
  mediaId: string | null;
}

export type AccountReplyOutcome = 'verified' | 'refused' | 'granted' | 'author_replied' | 'ignored';

export async function handleAccountComment(db: Db, igUserId: string, comment: AccountComment, now: number): Promise<AccountReplyOutcome> {
  const codes = codesIn(comment.text);
  const [match] = codes.length
    ? await db
        .select({ id: rightsRequests.id })
        .from(rightsRequests)
        // Only requests of a workspace that this Instagram account is connected to.
        .innerJoin(instagramConnections, and(eq(instagramConnections.workspaceId, rightsRequests.workspaceId), eq(instagramConnections.igUserId, igUserId)))
        .where(inArray(rightsRequests.verifyCode, codes))
        .orderBy(desc(rightsRequests.updatedAt))
        .limit(1)
    : [];
  const ctx = match ? await loadRequest(db, match.id) : null;
  if (!ctx || !ctx.workspace.approvalHashtag || !ctx.workspace.instagramHandle) {
    if (!comment.mediaId) return 'ignored';
    return handleRightsReply(db, igUserId, { id: comment.id, text: comment.text, from: { username: comment.username }, media: { id: comment.mediaId } }, now);
  }
  const { request, post } = ctx;
  // The same comment seen again (a repeated notification, the next poll) is not a new attempt.
  if (request.replyCommentId === comment.id) return 'ignored';

  const verdict = judgeVerifyingReply({
    code: { expiresAt: request.verifyCodeExpiresAt ?? 0, usedAt: request.verifyCodeUsedAt },
    post: { author: post.authorUsername, rightsStatus: post.rightsStatus, rightsVerification: post.rightsVerification, erased: post.erasedAt !== null || post.erasureDueAt !== null },
    reply: { from: comment.username, text: comment.text, at: comment.at },
    approvalHashtag: ctx.workspace.approvalHashtag,
    brandHandle: ctx.workspace.instagramHandle,
  });
  if (verdict !== 'verifies') {
    // Polling sees the same comment every tick: one refusal is recorded once.
    const [recorded] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, request.workspaceId), eq(auditLog.targetId, post.id), eq(auditLog.action, 'rights.verification_refused'), sql`json_extract(${auditLog.after}, '$.commentId') = ${comment.id}`))
      .limit(1);
    if (recorded) return 'ignored';
    await auditStatement(db, {
      workspaceId: request.workspaceId,
      actorUserId: null,
      actorKind: 'system',
      action: 'rights.verification_refused',
      targetType: 'post',
      targetId: post.id,
      after: { requestId: request.id, reason: verdict, commentId: comment.id, from: comment.username, text: cutText(comment.text, 300), at: new Date(comment.at).toISOString() },
      at: now,
    });
    return 'refused';
  }
  await grantConsent(
    db,
    ctx,
    {
      channel: 'comment_reply',
      evidence: { commentId: comment.id, commentText: comment.text, commentTimestamp: new Date(comment.at).toISOString(), verifyCode: request.verifyCode!, ...(request.pageConsentId ? { linkedConsentId: request.pageConsentId } : {}) },
      author: comment.username,
      verification: { record: 'account', post: 'account' },
      requestPatch: () => ({ verifyCodeUsedAt: now, replyCommentId: comment.id, replyText: cutText(comment.text, 2200) }),
    },
    now,
  );
  return 'verified';
}
