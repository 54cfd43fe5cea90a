/**
 * Where Meta sends no webhooks (the Page never subscribed the app), the author's answers are
 * found by reading the replies under the brand's own rights-request comments: the newest open
 * requests, each at most once per POLL_EVERY_MS so that polling stays far inside the account's
 * Graph API budget. A reply is handled exactly as a webhook's would be, so a code reply
 * completes a page grant and anything refused is recorded the same way.
 */
import { and, desc, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { instagramConnections, posts, rightsRequests } from '../../db/schema.ts';
import type { GraphClient, GraphComment } from '../../instagram/client.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { handleAccountComment } from '../rights/account-reply.ts';
import { codesIn } from '../rights/verification-rule.ts';
import { hitRateLimit } from '../accounts/rate-limits.ts';
import { tokenOf, withExpiry } from './connections.ts';
import { parseGraphTime } from './normalize.ts';

const POLL_EVERY_MS = 10 * 60_000;
/** The brand's newest posts read for codes: where an author who follows the page's advice comments. */
const OWN_MEDIA_READ = 5;

/** Comments read back from the Graph API (newest first), handled oldest first as a webhook's would be; how many counted. */
async function handleReadComments(db: Db, igUserId: string, comments: GraphComment[], mediaId: string | null, now: number): Promise<number> {
  let handled = 0;
  for (const comment of [...comments].reverse()) {
    if (!comment.text || !comment.username || !comment.timestamp) continue;
    const outcome = await handleAccountComment(db, igUserId, { id: comment.id, text: comment.text, username: comment.username, at: parseGraphTime(comment.timestamp), mediaId }, now);
    if (outcome !== 'ignored') handled++;
  }
  return handled;
}

export async function pollRequestReplies(deps: { db: Db; graph: GraphClient; appSecret: string }, now: number, limit = 10): Promise<number> {
  const open = await deps.db
    .select({ id: rightsRequests.id, commentId: rightsRequests.commentId, mediaId: posts.igMediaId, connection: instagramConnections })
    .from(rightsRequests)
    .innerJoin(posts, eq(posts.id, rightsRequests.postId))
    .innerJoin(instagramConnections, and(eq(instagramConnections.workspaceId, rightsRequests.workspaceId), isNull(instagramConnections.webhooksSubscribedAt), eq(instagramConnections.status, 'active')))
    .where(
      and(
        eq(rightsRequests.channel, 'api_comment'),
        isNotNull(rightsRequests.commentId),
        or(
          // Waiting for the author's plain answer, or for the reply that verifies a page grant.
          and(inArray(rightsRequests.status, ['sent', 'author_replied']), gt(rightsRequests.linkExpiresAt, now)),
          and(eq(rightsRequests.status, 'granted'), isNull(rightsRequests.verifyCodeUsedAt), gt(rightsRequests.verifyCodeExpiresAt, now)),
        ),
      ),
    )
    .orderBy(desc(rightsRequests.createdAt))
    .limit(limit);
  let handled = 0;
  for (const request of open) {
    const connection = withExpiry(request.connection, now);
    if (connection.status !== 'active') continue;
    if (!(await hitRateLimit(deps.db, `poll-replies:${request.id}`, { limit: 1, windowMs: POLL_EVERY_MS }, now)).allowed) continue;
    let replies;
    try {
      replies = (await deps.graph.commentReplies(request.commentId!, await tokenOf(deps.appSecret, connection))).body.data;
    } catch (error) {
      if (error instanceof GraphApiError) continue; // gone, throttled or refused: the next tick tries again
      throw error;
    }
    handled += await handleReadComments(deps.db, connection.igUserId, replies, request.mediaId, now);
  }
  return handled;
}

/**
 * The rights page also tells the author they may comment their code under any post of the brand,
 * the one way to verify a request sent by hand (a direct message, a comment the brand wrote
 * itself) when Meta sends no webhooks. Those comments are read from the brand's newest posts, once
 * per 10 minutes per connection and only while one of its workspace's codes is waiting, and are
 * handled as a `comments` notification on that media would be.
 */
export async function pollOwnMediaComments(deps: { db: Db; graph: GraphClient; appSecret: string }, now: number): Promise<number> {
  const waiting = deps.db
    .select({ workspaceId: rightsRequests.workspaceId })
    .from(rightsRequests)
    .where(and(eq(rightsRequests.status, 'granted'), isNull(rightsRequests.verifyCodeUsedAt), gt(rightsRequests.verifyCodeExpiresAt, now)));
  const connections = await deps.db
    .select()
    .from(instagramConnections)
    .where(and(isNull(instagramConnections.webhooksSubscribedAt), eq(instagramConnections.status, 'active'), inArray(instagramConnections.workspaceId, waiting)));
  let handled = 0;
  for (const row of connections) {
    const connection = withExpiry(row, now);
    if (connection.status !== 'active') continue;
    if (!(await hitRateLimit(deps.db, `poll-own-comments:${connection.id}`, { limit: 1, windowMs: POLL_EVERY_MS }, now)).allowed) continue;
    try {
      const token = await tokenOf(deps.appSecret, connection);
      const media = (await deps.graph.ownMedia(connection.igUserId, token)).body.data.slice(0, OWN_MEDIA_READ);
      for (const { id: mediaId } of media) {
        // Only comments with a code: under the brand's posts, anything else is ordinary talk.
        const comments = (await deps.graph.mediaComments(mediaId, token)).body.data.filter((c) => c.text && codesIn(c.text).length > 0);
        handled += await handleReadComments(deps.db, connection.igUserId, comments, mediaId, now);
      }
    } catch (error) {
      if (error instanceof GraphApiError) continue; // throttled or refused: the next window tries again
      throw error;
    }
  }
  return handled;
}
