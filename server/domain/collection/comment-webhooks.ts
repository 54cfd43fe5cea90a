/**
 * Comments that reach the brand through webhooks, as Meta sends them: a comment that @mentions the
 * brand on someone else's media comes as `mentions` with a `comment_id` (read back with
 * `mentioned_comment`, so what is trusted is the Graph API's answer, not the notification);
 * `comments` come only for the brand's own media. Either may answer a rights request; neither is
 * a new post.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { instagramConnections } from '../../db/schema.ts';
import type { GraphClient } from '../../instagram/client.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { handleAccountComment, type AccountReplyOutcome } from '../rights/account-reply.ts';
import type { CommentValue } from '../rights/replies.ts';
import { tokenOf, withExpiry } from './connections.ts';
import { parseGraphTime } from './normalize.ts';

type Deps = { db: Db; graph: GraphClient; appSecret: string };

export async function handleCommentMention(deps: Deps, igUserId: string, commentId: string, now: number): Promise<AccountReplyOutcome> {
  const [row] = await deps.db.select().from(instagramConnections).where(eq(instagramConnections.igUserId, igUserId)).limit(1);
  const connection = row ? withExpiry(row, now) : null;
  if (!connection || connection.status !== 'active') return 'ignored';
  let found;
  try {
    found = (await deps.graph.mentionedComment(igUserId, commentId, await tokenOf(deps.appSecret, connection))).body.mentioned_comment;
  } catch (error) {
    // Deleted since, or hidden: there is nothing left to read as an answer.
    if (error instanceof GraphApiError && error.kind !== 'throttled' && error.kind !== 'transient') return 'ignored';
    throw error;
  }
  if (!found?.text || !found.username || !found.timestamp) return 'ignored';
  return handleAccountComment(deps.db, igUserId, { id: found.id, text: found.text, username: found.username, at: parseGraphTime(found.timestamp), mediaId: found.media?.id ?? null }, now);
}

/** A `comments` notification (the brand's own media): the payload names its writer directly. */
export async function handleOwnMediaComment(db: Db, igUserId: string, value: CommentValue, sentAt: number, now: number): Promise<AccountReplyOutcome> {
  if (!value.id || typeof value.text !== 'string' || !value.from?.username) return 'ignored';
  // The payload carries no comment time; Meta's send time bounds it.
  return handleAccountComment(db, igUserId, { id: value.id, text: value.text, username: value.from.username, at: sentAt, mediaId: value.media?.id ?? null }, now);
}
