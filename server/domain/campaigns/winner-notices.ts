/**
 * Telling a campaign's winners: each winner's message (the words: winner-messages.ts), and the
 * record that the merchant sent it, with who (campaign_winners notified_at/notified_by, and the
 * audit log). Instagram gives no way to message an account found by hashtag, so for those the
 * panel offers the text to copy; a winner who entered on the campaign's page left a confirmed
 * address, and Vitrine can email them (winner-email.ts), recorded here the same way.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AdminCampaignWinners } from '../../../shared/admin-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { campaignRules, campaignSubmissions, campaignWinners, posts, users, workspaces } from '../../db/schema.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict, NotFound } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import { ownCampaign, type Campaign } from './own.ts';
import { campaignLanguage, CLAIM_DAYS, prizeFor, winnerMessage, WINNER_LANGUAGES, type WinnerLanguage, type WinnerMessage } from './winner-messages.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const notifier = alias(users, 'notifier');
const picker = alias(users, 'picker');

/** The languages of a campaign's rules, the first published first (rules published at the same moment: in insertion order). */
async function rulesLanguagesByAge(db: Db, campaignId: string): Promise<string[]> {
  const rows = await db.select({ language: campaignRules.language }).from(campaignRules).where(eq(campaignRules.campaignId, campaignId)).orderBy(asc(campaignRules.createdAt), sql`rowid`);
  return [...new Set(rows.map((r) => r.language))];
}

/** The campaign's winners (or the one of `postId`), with their entry and, for a submission, the entrant's address and language. */
function winnerRows(db: Db, campaignId: string, postId?: string) {
  return db
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
      submissionId: campaignSubmissions.id,
      entrantEmail: campaignSubmissions.email,
      entrantLanguage: campaignSubmissions.language,
    })
    .from(campaignWinners)
    .innerJoin(posts, eq(posts.id, campaignWinners.postId))
    .leftJoin(campaignSubmissions, eq(campaignSubmissions.postId, campaignWinners.postId))
    .leftJoin(picker, eq(picker.id, campaignWinners.pickedBy))
    .leftJoin(notifier, eq(notifier.id, campaignWinners.notifiedBy))
    .where(and(eq(campaignWinners.campaignId, campaignId), postId === undefined ? undefined : eq(campaignWinners.postId, postId)))
    .orderBy(asc(campaignWinners.method), asc(campaignWinners.rank));
}
export type WinnerRow = Awaited<ReturnType<typeof winnerRows>>[number];

/** Whether Vitrine can email a winner: a submission's address on record, erased (retention end or the entrant's erasure), or none given (Instagram, an upload). */
export const emailState = (w: WinnerRow): 'on_record' | 'erased' | 'none' => (w.submissionId === null ? 'none' : w.entrantEmail === null ? 'erased' : 'on_record');

/** `jane@example.com` as `j***@example.com`: enough to tell two entrants apart, not to write to them. */
export const maskEmail = (email: string) => `${[...email][0] ?? ''}***${email.slice(email.lastIndexOf('@'))}`;

export interface NoticeOptions {
  /** English or French; absent: the entrant's own (a submission's page language), else the campaign's (its first rules'), else English. */
  language: WinnerLanguage | undefined;
  /** The public origin the draw's proof is linked on. */
  publicBase: string;
  now: number;
}

/** What every winner's message of one campaign is written from. */
interface NoticeContext {
  campaign: Campaign;
  brandName: string;
  brandHandle: string | null;
  campaignLanguage: WinnerLanguage;
  proofUrl: string;
}

async function noticeContext(db: Db, workspaceId: string, campaignId: string, publicBase: string): Promise<NoticeContext> {
  const campaign = await ownCampaign(db, workspaceId, campaignId);
  const [[workspace], languages] = await Promise.all([
    db.select({ name: workspaces.name, handle: workspaces.instagramHandle }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1),
    rulesLanguagesByAge(db, campaignId),
  ]);
  return { campaign, brandName: workspace?.name ?? '', brandHandle: workspace?.handle ?? null, campaignLanguage: campaignLanguage(languages), proofUrl: `${publicBase}/v1/campaigns/${encodeURIComponent(campaignId)}/draw` };
}

const isWinnerLanguage = (l: string | null): l is WinnerLanguage => (WINNER_LANGUAGES as readonly string[]).includes(l ?? '');

/** One winner's message. The claim deadline runs CLAIM_DAYS from when it was sent, or from now while it is not. */
function messageFor(ctx: NoticeContext, w: WinnerRow, { language, now }: NoticeOptions): WinnerMessage & { claimBy: number } {
  const claimBy = (w.notifiedAt ?? now) + CLAIM_DAYS * DAY;
  const message = winnerMessage({
    language: language ?? (isWinnerLanguage(w.entrantLanguage) ? w.entrantLanguage : ctx.campaignLanguage),
    brandName: ctx.brandName,
    brandHandle: ctx.brandHandle,
    campaignName: ctx.campaign.name,
    author: w.author,
    prize: prizeFor(ctx.campaign.prizes, w.rank),
    method: w.method,
    entries: w.method === 'draw' ? (ctx.campaign.drawEntryIds?.length ?? null) : null,
    claimBy,
    proofUrl: ctx.proofUrl,
    instagram: w.igMediaId !== null,
  });
  return { ...message, claimBy };
}

/**
 * Every winner with their message, and whether Vitrine can email it (`mail`: this deployment
 * sends mail). `showAddress`: the entrant's address, masked, for members who run the campaign.
 */
export async function winnerNotices(db: Db, workspaceId: string, campaignId: string, options: NoticeOptions & { mail: boolean; showAddress: boolean }): Promise<AdminCampaignWinners> {
  const [ctx, rows] = await Promise.all([noticeContext(db, workspaceId, campaignId, options.publicBase), winnerRows(db, campaignId)]);
  return {
    campaignId,
    language: options.language ?? ctx.campaignLanguage,
    claimDays: CLAIM_DAYS,
    mail: options.mail,
    winners: rows.map((w) => {
      const { subject, text, short, language, claimBy } = messageFor(ctx, w, options);
      return {
        postId: w.postId,
        rank: w.rank,
        method: w.method,
        pickedBy: w.pickedBy,
        pickedAt: iso(w.pickedAt),
        author: w.author,
        permalink: w.permalink,
        channel: w.igMediaId !== null ? 'instagram' : 'other',
        prize: prizeFor(ctx.campaign.prizes, w.rank),
        claimBy: iso(claimBy),
        notifiedAt: w.notifiedAt === null ? null : iso(w.notifiedAt),
        notifiedBy: w.notifiedBy,
        email: emailState(w),
        emailMasked: options.showAddress && w.entrantEmail !== null ? maskEmail(w.entrantEmail) : null,
        message: { language, subject, text, short },
      };
    }),
  };
}

function mustBeUntold<T extends { notifiedAt: number | null }>(winner: T | undefined): T {
  if (!winner) throw new NotFound('not_found', 'postId: is not a winner of this campaign', 'postId');
  if (winner.notifiedAt !== null) throw new Conflict('already_notified', `postId: the winner was already marked as told on ${iso(winner.notifiedAt)}`, 'postId');
  return winner;
}

/** The winner of `postId` not told yet, with the message they would be sent now: else NotFound, or Conflict when already told. */
export async function untoldWinner(db: Db, actor: Actor, campaignId: string, postId: string, options: NoticeOptions): Promise<{ winner: WinnerRow; message: WinnerMessage }> {
  const [ctx, [row]] = await Promise.all([noticeContext(db, actor.workspaceId, campaignId, options.publicBase), winnerRows(db, campaignId, postId)]);
  const winner = mustBeUntold(row);
  return { winner, message: messageFor(ctx, winner, options) };
}

/** Records, audited with who, that the winner was told; `via: 'email'` when Vitrine sent it. */
export async function recordWinnerNotified(db: Db, actor: Actor, campaignId: string, winner: Pick<WinnerRow, 'postId' | 'method' | 'rank'>, now: number, via?: 'email'): Promise<void> {
  const { postId, method, rank } = winner;
  await runBatch(db, [
    // Only while untold: of two marks racing, the first one's time and name stay.
    db.update(campaignWinners).set({ notifiedAt: now, notifiedBy: actor.userId }).where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId), isNull(campaignWinners.notifiedAt))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.winner_notified', targetType: 'campaign', targetId: campaignId, after: { postId, method, rank, ...(via ? { via } : {}) }, at: now }),
  ]);
}

/** Records that the merchant sent the winner of `postId` their message themselves: once, audited with who. */
export async function markWinnerNotified(db: Db, actor: Actor, campaignId: string, postId: string, now: number): Promise<void> {
  await ownCampaign(db, actor.workspaceId, campaignId);
  const [winner] = await db.select().from(campaignWinners).where(and(eq(campaignWinners.campaignId, campaignId), eq(campaignWinners.postId, postId))).limit(1);
  await recordWinnerNotified(db, actor, campaignId, mustBeUntold(winner), now);
}
