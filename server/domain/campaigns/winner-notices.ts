/**
 * Telling a campaign's winners: each winner's message in the campaign's language (the words:
 * winner-messages.ts), and the record that the merchant sent it, with who (campaign_winners
 * notified_at/notified_by, and the audit log). The merchant sends it: Instagram gives no way to
 * message an account found by hashtag, so the panel offers the text to copy.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AdminCampaignWinners } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { campaignRules, campaignWinners, posts, users, workspaces } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict, NotFound } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import { ownCampaign } from './own.ts';
import { campaignLanguage, CLAIM_DAYS, prizeFor, winnerMessage, type WinnerLanguage } from './winner-messages.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const notifier = alias(users, 'notifier');
const picker = alias(users, 'picker');

/** The languages of a campaign's rules, the first published first (rules published at the same moment: in insertion order). */
async function rulesLanguagesByAge(db: Db, campaignId: string): Promise<string[]> {
  const rows = await db.select({ language: campaignRules.language }).from(campaignRules).where(eq(campaignRules.campaignId, campaignId)).orderBy(asc(campaignRules.createdAt), sql`rowid`);
  return [...new Set(rows.map((r) => r.language))];
}

export interface NoticeOptions {
  /** English or French; absent: the campaign's language (its first rules'), else English. */
  language: WinnerLanguage | undefined;
  /** The public origin the draw's proof is linked on. */
  publicBase: string;
  now: number;
}

/**
 * Every winner with their message. The claim deadline runs CLAIM_DAYS from when the merchant
 * marked the message sent, or from now while it is not sent.
 */
export async function winnerNotices(db: Db, workspaceId: string, campaignId: string, { language, publicBase, now }: NoticeOptions): Promise<AdminCampaignWinners> {
  const campaign = await ownCampaign(db, workspaceId, campaignId);
  const [[workspace], rows, languages] = await Promise.all([
    db.select({ name: workspaces.name, handle: workspaces.instagramHandle }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1),
    db
      .select({
        postId: campaignWinners.postId,
        rank: campaignWinners.rank,
        method: campaignWinners.method,
        pickedBy: picker.email,
        pickedAt: campaignWinners.pickedAt,
        notifiedAt: campaignWinners.notifiedAt,
        notifiedBy: notifier.email,
        author: posts.authorUsername,
        igMediaId: posts.igMediaId,
        permalink: posts.permalink,
      })
      .from(campaignWinners)
      .innerJoin(posts, eq(posts.id, campaignWinners.postId))
      .leftJoin(picker, eq(picker.id, campaignWinners.pickedBy))
      .leftJoin(notifier, eq(notifier.id, campaignWinners.notifiedBy))
      .where(eq(campaignWinners.campaignId, campaignId))
      .orderBy(asc(campaignWinners.method), asc(campaignWinners.rank)),
    rulesLanguagesByAge(db, campaignId),
  ]);
  const chosen = language ?? campaignLanguage(languages);
  const proofUrl = `${publicBase}/v1/campaigns/${encodeURIComponent(campaignId)}/draw`;
  return {
    campaignId,
    language: chosen,
    claimDays: CLAIM_DAYS,
    winners: rows.map((w) => {
      const claimBy = (w.notifiedAt ?? now) + CLAIM_DAYS * DAY;
      const instagram = w.igMediaId !== null;
      const prize = prizeFor(campaign.prizes, w.rank);
      const { subject, text, short } = winnerMessage({
        language: chosen,
        brandName: workspace?.name ?? '',
        brandHandle: workspace?.handle ?? null,
        campaignName: campaign.name,
        author: w.author,
        prize,
        method: w.method,
        entries: w.method === 'draw' ? (campaign.drawEntryIds?.length ?? null) : null,
        claimBy,
        proofUrl,
        instagram,
      });
      return {
        postId: w.postId,
        rank: w.rank,
        method: w.method,
        pickedBy: w.pickedBy,
        pickedAt: iso(w.pickedAt),
        author: w.author,
        permalink: w.permalink,
        channel: instagram ? 'instagram' : 'other',
        prize,
        claimBy: iso(claimBy),
        notifiedAt: w.notifiedAt === null ? null : iso(w.notifiedAt),
        notifiedBy: w.notifiedBy,
        message: { subject, text, short },
      };
    }),
  };
}

/** Records that the merchant sent the winner of `postId` their message: once, audited with who. */
export async function markWinnerNotified(db: Db, actor: Actor, campaignId: string, postId: string, now: number): Promise<void> {
  await ownCampaign(db, actor.workspaceId, campaignId);
  const [winner] = await db.select().from(campaignWinners).where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId))).limit(1);
  if (!winner) throw new NotFound('not_found', 'postId: is not a winner of this campaign', 'postId');
  if (winner.notifiedAt !== null) throw new Conflict('already_notified', `postId: the winner was already marked as told on ${iso(winner.notifiedAt)}`, 'postId');
  await runBatch(db, [
    // Only while untold: of two marks racing, the first one's time and name stay.
    db.update(campaignWinners).set({ notifiedAt: now, notifiedBy: actor.userId }).where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId), isNull(campaignWinners.notifiedAt))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.winner_notified', targetType: 'campaign', targetId: campaignId, after: { postId, method: winner.method, rank: winner.rank }, at: now }),
  ]);
}
