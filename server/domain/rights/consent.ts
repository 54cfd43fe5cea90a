/**
 * What an author's answer does, each in one atomic batch: the consent record (append-only
 * evidence), the request's status, the post's rights summary that the publicness rule reads, the
 * audit entry and the merchant's webhook. Withdrawal takes effect for the very next request.
 */
import { eq } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { consentRecords, posts, rightsRequests, termsVersions, workspaces, type ConsentEvidence, type RightsVerification } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import { auditStatement } from '../audit/audit.ts';
import { deletePostFiles, eraseStatements } from '../posts/erasure.ts';
import { eventStatements } from '../webhooks/outgoing.ts';

const DAY = 86_400_000;

export type RightsRequest = typeof rightsRequests.$inferSelect;
export type Post = typeof posts.$inferSelect;

export interface RequestContext {
  request: RightsRequest;
  post: Post;
  terms: typeof termsVersions.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
}

export async function loadRequest(db: Db, requestId: string): Promise<RequestContext | null> {
  const [row] = await db
    .select({ request: rightsRequests, post: posts, terms: termsVersions, workspace: workspaces })
    .from(rightsRequests)
    .innerJoin(posts, eq(posts.id, rightsRequests.postId))
    .innerJoin(termsVersions, eq(termsVersions.id, rightsRequests.termsVersionId))
    .innerJoin(workspaces, eq(workspaces.id, rightsRequests.workspaceId))
    .where(eq(rightsRequests.id, requestId))
    .limit(1);
  return row ?? null;
}

type Channel = (typeof consentRecords.$inferInsert)['channel'];

function record(ctx: RequestContext, kind: 'granted' | 'declined' | 'withdrawn', channel: Channel, evidence: ConsentEvidence, author: string | null, verification: 'account' | 'page' | null, now: number) {
  const { request, post, terms } = ctx;
  return {
    id: newId('cons'),
    workspaceId: request.workspaceId,
    postId: post.id,
    rightsRequestId: request.id,
    kind,
    authorUsername: author ?? post.authorUsername,
    authorIgId: post.authorIgId,
    termsVersionId: terms.id,
    termsHash: terms.contentHash,
    requestText: request.requestText,
    channel,
    evidence,
    verification: kind === 'granted' ? verification : null,
    scope: terms.scope,
    expiresAt: kind === 'granted' && terms.durationDays ? now + terms.durationDays * DAY : null,
    recordedAt: now,
  };
}

const eventData = (ctx: RequestContext, extra: Record<string, unknown> = {}) => ({ postId: ctx.post.id, requestId: ctx.request.id, author: ctx.post.authorUsername, permalink: ctx.post.permalink, ...extra });

/**
 * One answer of the author's, in one batch. A grant also carries its window and scope onto the
 * post, and names the author when Instagram had not (hashtag media).
 */
async function recordAnswer(db: Db, ctx: RequestContext, kind: 'granted' | 'declined' | 'withdrawn', answer: Answer, now: number) {
  const verification = answer.verification ?? { record: 'account', post: 'account' };
  const consent = record(ctx, kind, answer.channel, answer.evidence, answer.author ?? null, verification.record, now);
  const grant = kind === 'granted' ? { rightsExpiresAt: consent.expiresAt, rightsScope: consent.scope, rightsVerification: verification.post, authorUsername: ctx.post.authorUsername ?? answer.author ?? null } : {};
  const window = kind === 'granted' ? { scope: consent.scope, expiresAt: consent.expiresAt && new Date(consent.expiresAt).toISOString(), verification: verification.post } : {};
  await runBatch(db, [
    db.insert(consentRecords).values(consent),
    db.update(rightsRequests).set({ status: kind, updatedAt: now, ...answer.requestPatch?.(consent.id) }).where(eq(rightsRequests.id, ctx.request.id)),
    db.update(posts).set({ rightsStatus: kind, ...grant, updatedAt: now }).where(eq(posts.id, ctx.post.id)),
    auditStatement(db, { workspaceId: ctx.request.workspaceId, actorUserId: null, actorKind: 'author', action: `rights.${kind}`, targetType: 'post', targetId: ctx.post.id, after: { channel: answer.channel, termsHash: consent.termsHash, ...window }, at: now }),
    ...(await eventStatements(db, ctx.request.workspaceId, `rights.${kind}`, eventData(ctx, window), now)),
  ]);
}

interface Answer {
  channel: Channel;
  evidence: ConsentEvidence;
  /** The handle the author confirmed (rights page) or replied from (comment). */
  author?: string | null;
  /**
   * Grants: how the author's identity was established, on the record and on the post (which the
   * publicness rule reads). Default: the author's own account acted (a comment reply).
   */
  verification?: { record: 'account' | 'page'; post: RightsVerification };
  /** More to write on the request in the same batch, given the new record's id. */
  requestPatch?: (consentId: string) => Partial<typeof rightsRequests.$inferInsert>;
}

export const grantConsent = (db: Db, ctx: RequestContext, answer: Answer, now: number) => recordAnswer(db, ctx, 'granted', answer, now);
export const declineConsent = (db: Db, ctx: RequestContext, answer: Answer, now: number) => recordAnswer(db, ctx, 'declined', answer, now);
/** As easy as giving it: one click on the same link, effective for the very next request. */
export const withdrawConsent = (db: Db, ctx: RequestContext, answer: Answer, now: number) => recordAnswer(db, ctx, 'withdrawn', answer, now);

/**
 * Erasure at the author's request: consent is withdrawn, the stored media are deleted, the text
 * scrubbed. The post row stays as a tombstone, with the consent records that prove the history.
 */
export async function erasePost(db: Db, media: MediaStore, ctx: RequestContext, answer: { evidence: ConsentEvidence }, now: number) {
  if (ctx.post.rightsStatus === 'granted') await withdrawConsent(db, ctx, { channel: 'rights_page', evidence: answer.evidence }, now);
  const files = await deletePostFiles(db, media, [ctx.post.id]);
  await runBatch(db, [
    ...eraseStatements(db, [ctx.post.id], now),
    auditStatement(db, { workspaceId: ctx.request.workspaceId, actorUserId: null, actorKind: 'author', action: 'post.erased', targetType: 'post', targetId: ctx.post.id, after: { files }, at: now }),
    ...(await eventStatements(db, ctx.request.workspaceId, 'post.erased', eventData(ctx), now)),
  ]);
}
