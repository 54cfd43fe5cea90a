/**
 * Asking authors for their permission. A post that @mentions the brand gets the request as a
 * reply through the API (the only case Instagram allows); every other post gets an assisted
 * request: Vitrine writes the message and the merchandiser sends it by hand, then marks it sent.
 * Each request carries the short signed link to the rights page and the approval hashtag.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { RightsRequest } from '../../../shared/admin-types.ts';
import type { InstagramDeps } from '../../deps.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { instagramConnections, posts, postSources, rightsRequests, sources, workspaces } from '../../db/schema.ts';
import { Conflict, NotFound, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { GraphApiError } from '../../instagram/errors.ts';
import { tokenOf, withExpiry } from '../collection/connections.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';
import { hitRateLimit } from '../accounts/rate-limits.ts';
import { rightsToken } from './links.ts';
import { requestMessage, type RequestLanguage } from './templates.ts';
import { currentTerms } from './terms.ts';

/** How long a link accepts consent; withdrawal through it never expires. */
export const LINK_TTL_MS = 60 * 24 * 3_600_000;
/** API replies per account per hour: Instagram hides repeated comments as spam. */
const API_REPLIES_PER_HOUR = 20;

export type RequestView = RightsRequest & { link: string; message: string };

export async function requestView(appSecret: string, origin: string, r: typeof rightsRequests.$inferSelect, permalink: string | null): Promise<RequestView> {
  return {
    id: r.id,
    postId: r.postId,
    channel: r.channel,
    status: r.status,
    language: r.language,
    message: r.requestText,
    link: `${origin}/r/${await rightsToken(appSecret, r.id)}`,
    permalink,
    createdAt: new Date(r.createdAt).toISOString(),
    sentAt: r.sentAt === null ? null : new Date(r.sentAt).toISOString(),
    replyText: r.replyText,
    sentVia: r.sentVia,
    awaitingVerification: r.status === 'granted' && r.verifyCode !== null && r.verifyCodeUsedAt === null,
  };
}

export async function createRightsRequests(
  deps: { db: Db; instagram: InstagramDeps; appSecret: string },
  actor: Actor,
  input: { postIds: string[]; language: RequestLanguage },
  now: number,
  origin: string,
): Promise<RequestView[]> {
  const { db } = deps;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  if (!workspace?.instagramHandle || !workspace.approvalHashtag) {
    throw new Conflict('not_configured', 'settings: set the brand’s Instagram handle and approval hashtag first', 'settings');
  }
  const terms = await currentTerms(db, actor.workspaceId, input.language);
  if (!terms) throw new Conflict('no_terms', 'terms: publish usage terms before asking for rights', 'terms');
  const rows = await db.select().from(posts).where(and(eq(posts.workspaceId, actor.workspaceId), inArray(posts.id, input.postIds)));
  const missing = input.postIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new NotFound('not_found', `postIds: no such posts: ${missing.slice(0, 5).join(', ')}`, 'postIds');
  // Rights still running cannot be asked for again; expired ones can be renewed.
  // An erasure its author asked for (even one still on hold) forbids publishing again.
  const granted = rows.filter((r) => (r.rightsStatus === 'granted' && (r.rightsExpiresAt === null || r.rightsExpiresAt > now)) || r.erasedAt !== null || r.erasureDueAt !== null);
  if (granted.length) throw new Conflict('already_granted', `postIds: rights are already granted (or the post was erased, or its erasure was requested): ${granted.map((r) => r.id).join(', ')}`, 'postIds');

  const mentionConnections = await mentionConnectionsFor(db, input.postIds);
  const views: RequestView[] = [];
  for (const post of rows) {
    const id = newId('req');
    const link = `${origin}/r/${await rightsToken(deps.appSecret, id)}`;
    const message = requestMessage(input.language, post.id, { author: post.authorUsername, brandName: workspace.name, brandHandle: workspace.instagramHandle, hashtag: workspace.approvalHashtag, link });
    const request: typeof rightsRequests.$inferInsert = { id, workspaceId: actor.workspaceId, postId: post.id, termsVersionId: terms.id, channel: 'manual', language: input.language, requestText: message, status: 'draft', requestedBy: actor.userId, createdAt: now, updatedAt: now, linkExpiresAt: now + LINK_TTL_MS };

    const connection = mentionConnections.get(post.id);
    if (connection && post.igMediaId && withExpiry(connection, now).status === 'active') {
      const allowed = await hitRateLimit(db, `rights-replies:${connection.id}`, { limit: API_REPLIES_PER_HOUR, windowMs: 3_600_000 }, now);
      if (allowed.allowed) {
        try {
          const { body } = await deps.instagram.graph.replyToMention(connection.igUserId, { mediaId: post.igMediaId, message }, await tokenOf(deps.appSecret, connection));
          Object.assign(request, { channel: 'api_comment', status: 'sent', sentVia: 'api_comment', commentId: body.id, sentAt: now });
        } catch (error) {
          // The assisted flow still works when the API refuses: the request stays a draft to send by hand.
          if (!(error instanceof GraphApiError)) throw error;
        }
      }
    }
    const statements: BatchItem<'sqlite'>[] = [
      db.insert(rightsRequests).values(request),
      db.update(posts).set({ rightsStatus: 'requested', updatedAt: now }).where(eq(posts.id, post.id)),
      auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'rights.requested', targetType: 'post', targetId: post.id, after: { requestId: id, channel: request.channel }, at: now }),
    ];
    await runBatch(db, statements);
    const [saved] = await db.select().from(rightsRequests).where(eq(rightsRequests.id, id));
    views.push(await requestView(deps.appSecret, origin, saved!, post.permalink));
  }
  return views;
}

/** The connection through which each post @mentioned the brand, if it did. */
async function mentionConnectionsFor(db: Db, postIds: string[]) {
  const rows = await db
    .select({ postId: postSources.postId, connection: instagramConnections })
    .from(postSources)
    .innerJoin(sources, and(eq(sources.id, postSources.sourceId), eq(sources.kind, 'mentions')))
    .innerJoin(instagramConnections, eq(instagramConnections.id, sources.connectionId))
    .where(inArray(postSources.postId, postIds));
  return new Map(rows.map((r) => [r.postId, r.connection]));
}

/**
 * The merchandiser sent an assisted request by hand: as a comment (public, the default) or by
 * direct message (private; page-only consent may then count where the workspace accepts it).
 */
export async function markRequestSent(db: Db, actor: Actor, id: string, now: number, via: 'comment' | 'direct_message' = 'comment'): Promise<void> {
  const where = and(eq(rightsRequests.workspaceId, actor.workspaceId), eq(rightsRequests.id, id));
  const [request] = await db.select().from(rightsRequests).where(where);
  if (!request) throw notFound('rights request');
  if (request.status !== 'draft') throw new Conflict('invalid_state', `status: the request is ${request.status}, not a draft`, 'status');
  await runBatch(db, [
    db.update(rightsRequests).set({ status: 'sent', sentAt: now, sentVia: via, updatedAt: now }).where(where),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'rights.request_sent', targetType: 'post', targetId: request.postId, after: { requestId: id, via }, at: now }),
  ]);
}

/** A post's requests, newest first, each with its link; none when the post is not the workspace's. */
export async function requestsOfPost(db: Db, appSecret: string, origin: string, workspaceId: string, postId: string): Promise<RequestView[]> {
  const [post] = await db.select({ permalink: posts.permalink }).from(posts).where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (!post) return [];
  const rows = await db.select().from(rightsRequests).where(and(eq(rightsRequests.workspaceId, workspaceId), eq(rightsRequests.postId, postId))).orderBy(desc(rightsRequests.createdAt));
  return Promise.all(rows.map((r) => requestView(appSecret, origin, r, post.permalink)));
}
