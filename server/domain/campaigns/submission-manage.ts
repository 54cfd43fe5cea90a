/**
 * What the entrant's second link does (withdraw, or erase), like the rights page's: a withdrawal
 * takes the post out of every gallery for the very next request (the publicness rule reads
 * `rights_status`, and the write bumps the workspace's content version); an erasure also deletes
 * the files, scrubs the text and forgets the email address. The link proves control of the
 * address that confirmed the submission, the same proof the grant rested on, so an erasure is
 * done at once, with no hold. Before confirmation, either simply deletes the submission.
 */
import { and, eq } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { campaigns, campaignSubmissions, consentRecords, posts, type ConsentEvidence } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import { auditStatement } from '../audit/audit.ts';
import { deletePostFiles, eraseStatements } from '../posts/erasure.ts';
import { eventStatements } from '../webhooks/outgoing.ts';
import { discardSubmission, type Submission } from './submissions.ts';

export type EntryState = 'unconfirmed' | 'entered' | 'withdrawn' | 'erased';

/**
 * The campaign's name for the entrant's pages, whatever its status: a campaign set back to draft
 * (or archived) still owes its entrants their withdraw-or-erase link.
 */
export async function entryCampaignName(db: Db, submission: Pick<Submission, 'campaignId'>): Promise<string> {
  const [row] = await db.select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, submission.campaignId)).limit(1);
  return row?.name ?? '';
}

export async function entryState(db: Db, submission: Submission): Promise<EntryState> {
  if (!submission.postId) return 'unconfirmed';
  const [post] = await db.select({ rightsStatus: posts.rightsStatus, erasedAt: posts.erasedAt }).from(posts).where(eq(posts.id, submission.postId)).limit(1);
  if (!post || post.erasedAt !== null) return 'erased';
  return post.rightsStatus === 'granted' ? 'entered' : 'withdrawn';
}

async function withdrawStatements(db: Db, submission: Submission & { postId: string }, evidence: ConsentEvidence, now: number) {
  const [grant] = await db.select().from(consentRecords).where(and(eq(consentRecords.postId, submission.postId), eq(consentRecords.kind, 'granted'))).limit(1);
  return [
    db.insert(consentRecords).values({
      id: newId('cons'),
      workspaceId: submission.workspaceId,
      postId: submission.postId,
      rightsRequestId: null,
      kind: 'withdrawn',
      authorUsername: submission.handle,
      authorIgId: null,
      termsVersionId: grant?.termsVersionId ?? submission.termsVersionId,
      termsHash: grant?.termsHash ?? null,
      requestText: grant?.requestText ?? null,
      channel: 'submission',
      evidence: { ...evidence, submissionId: submission.id, campaignId: submission.campaignId, emailHash: submission.emailHash },
      verification: null,
      scope: grant?.scope ?? null,
      expiresAt: null,
      recordedAt: now,
    }),
    db.update(posts).set({ rightsStatus: 'withdrawn', updatedAt: now }).where(eq(posts.id, submission.postId)),
    auditStatement(db, { workspaceId: submission.workspaceId, actorUserId: null, actorKind: 'author', action: 'rights.withdrawn', targetType: 'post', targetId: submission.postId, after: { channel: 'submission', submissionId: submission.id }, at: now }),
    ...(await eventStatements(db, submission.workspaceId, 'rights.withdrawn', { postId: submission.postId, author: submission.handle, campaignId: submission.campaignId }, now)),
  ];
}

/** Withdraws the entry: consent withdrawn, the post out of every gallery; the files stay until an erasure. */
export async function withdrawSubmission(deps: { db: Db; media: MediaStore }, submission: Submission, evidence: ConsentEvidence, now: number): Promise<EntryState> {
  const state = await entryState(deps.db, submission);
  if (state === 'unconfirmed') {
    await discardSubmission(deps, submission);
    return 'erased';
  }
  if (state !== 'entered') return state;
  await runBatch(deps.db, await withdrawStatements(deps.db, { ...submission, postId: submission.postId! }, evidence, now));
  return 'withdrawn';
}

/** Erases the entry: withdrawn first if it was not, then the files, the text and the email address. */
export async function eraseSubmission(deps: { db: Db; media: MediaStore }, submission: Submission, evidence: ConsentEvidence, now: number): Promise<EntryState> {
  const state = await entryState(deps.db, submission);
  if (state === 'unconfirmed') {
    await discardSubmission(deps, submission);
    return 'erased';
  }
  if (state === 'erased') return state;
  const postId = submission.postId!;
  const withdraw = state === 'entered' ? await withdrawStatements(deps.db, { ...submission, postId }, evidence, now) : [];
  if (withdraw.length) await runBatch(deps.db, withdraw);
  const files = await deletePostFiles(deps.db, deps.media, [postId]);
  await runBatch(deps.db, [
    ...eraseStatements(deps.db, [postId], now),
    deps.db.update(campaignSubmissions).set({ email: null, emailErasedAt: now, handle: '' }).where(eq(campaignSubmissions.id, submission.id)),
    auditStatement(deps.db, { workspaceId: submission.workspaceId, actorUserId: null, actorKind: 'author', action: 'post.erased', targetType: 'post', targetId: postId, after: { files, submissionId: submission.id }, at: now }),
    ...(await eventStatements(deps.db, submission.workspaceId, 'post.erased', { postId, campaignId: submission.campaignId }, now)),
  ]);
  return 'erased';
}
