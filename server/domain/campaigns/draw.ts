/**
 * The draw of a campaign, commit–reveal (the algorithm: draw-rule.ts; docs/API.md, "The draw"):
 * scheduling makes the seed, seals it and publishes its SHA-256; running the draw, once it is due,
 * freezes the eligible entries, ranks them under the seed, stores the winners and reveals the seed.
 * The seed is made once and never replaced, so no one can try seeds until one suits them:
 * rescheduling moves the time only. A jury may pick winners instead; the audit log says who.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { PublicCampaignDraw } from '../../../shared/api-types.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { campaigns, campaignWinners, users } from '../../db/schema.ts';
import { open, seal } from '../../security/secret-box.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict, Invalid, NotFound, notFound } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import { ownCampaign, type Campaign } from './own.ts';
import { drawWinners, eligibleEntries, newSeed, seedHash } from './draw-rule.ts';
import { drawCandidates } from './entries.ts';

const SEED_PURPOSE = 'campaign-draw-seed';
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface Winner {
  postId: string;
  rank: number;
  method: 'draw' | 'jury';
  /** The email of who picked a jury's winner. */
  pickedBy: string | null;
  pickedAt: number;
}

export async function winnersOf(db: Db, campaignId: string): Promise<Winner[]> {
  return db
    .select({ postId: campaignWinners.postId, rank: campaignWinners.rank, method: campaignWinners.method, pickedBy: users.email, pickedAt: campaignWinners.pickedAt })
    .from(campaignWinners)
    .leftJoin(users, eq(users.id, campaignWinners.pickedBy))
    .where(eq(campaignWinners.campaignId, campaignId))
    .orderBy(asc(campaignWinners.method), asc(campaignWinners.rank));
}

/** What anyone may know of the draw: the commitment before, the seed, entries and winners after. */
export function drawView(campaign: Campaign, winners: readonly Winner[]): PublicCampaignDraw {
  const drawn = campaign.drawnAt !== null;
  return {
    campaignId: campaign.id,
    state: drawn ? 'drawn' : campaign.drawAt !== null ? 'scheduled' : 'unscheduled',
    algorithm: 'hmac-sha256-rank-v1',
    at: iso(campaign.drawAt),
    seedHash: campaign.drawSeedHash,
    seed: drawn ? campaign.drawSeed : null,
    drawnAt: iso(campaign.drawnAt),
    winnerCount: campaign.winnerCount,
    entryIds: drawn ? campaign.drawEntryIds : null,
    winners: winners.filter((w) => w.method === 'draw').map((w) => w.postId),
    juryPicks: winners.filter((w) => w.method === 'jury').map((w) => w.postId),
  };
}

/** The public endpoint's answer; a draft campaign is not public yet. */
export async function publicDraw(db: Db, id: string): Promise<PublicCampaignDraw> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (!campaign || campaign.status === 'draft') throw notFound('campaign');
  return drawView(campaign, await winnersOf(db, id));
}

/** Schedules the draw at `at` (not before the campaign ends), making and sealing the seed the first time. */
export async function scheduleDraw(db: Db, appSecret: string, actor: Actor, id: string, at: number, now: number): Promise<PublicCampaignDraw> {
  const campaign = await ownCampaign(db, actor.workspaceId, id);
  if (campaign.drawnAt !== null) throw new Conflict('campaign_drawn', 'at: the draw already ran', 'at');
  if (at < campaign.endsAt) throw new Invalid('invalid_parameter', 'at: the draw cannot be before the campaign ends', 'at');
  if (at < now) throw new Invalid('invalid_parameter', 'at: is in the past', 'at');
  let sealed = campaign.drawSeedSealed;
  let hash = campaign.drawSeedHash;
  if (sealed === null || hash === null) {
    const seed = newSeed();
    sealed = await seal(appSecret, SEED_PURPOSE, seed);
    hash = await seedHash(seed);
  }
  const after: Campaign = { ...campaign, drawAt: at, drawSeedSealed: sealed, drawSeedHash: hash, updatedAt: now };
  await runBatch(db, [
    db.update(campaigns).set({ drawAt: at, drawSeedSealed: sealed, drawSeedHash: hash, updatedAt: now }).where(and(eq(campaigns.id, id), isNull(campaigns.drawnAt))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.draw_scheduled', targetType: 'campaign', targetId: id, before: { at: iso(campaign.drawAt) }, after: { at: iso(at), seedHash: hash }, at: now }),
  ]);
  return drawView(after, await winnersOf(db, id));
}

/**
 * Runs a due draw: eligibility as of now, the winners ranked under the seed, the seed revealed.
 * `actor` null is the scheduler. Two runs racing compute the same result from the same seed;
 * the update only applies while the draw has not run and a repeated winner row is ignored.
 */
export async function runDraw(db: Db, appSecret: string, actor: Actor | null, workspaceId: string, id: string, now: number): Promise<PublicCampaignDraw> {
  const campaign = await ownCampaign(db, workspaceId, id);
  if (campaign.drawnAt !== null) throw new Conflict('campaign_drawn', 'draw: already ran', 'draw');
  if (campaign.drawAt === null || campaign.drawSeedSealed === null) throw new Conflict('draw_not_scheduled', 'draw: schedule the draw first', 'draw');
  if (now < campaign.drawAt) throw new Conflict('draw_not_due', `draw: is scheduled for ${iso(campaign.drawAt)}`, 'draw');
  const seed = await open(appSecret, SEED_PURPOSE, campaign.drawSeedSealed);
  const { eligible } = eligibleEntries(await drawCandidates(db, workspaceId, id), campaign, now);
  const winners = await drawWinners(seed, eligible, campaign.winnerCount);
  const drawn: Campaign = { ...campaign, drawSeed: seed, drawnAt: now, drawEntryIds: eligible, updatedAt: now };
  await runBatch(db, [
    db.update(campaigns).set({ drawSeed: seed, drawnAt: now, drawEntryIds: eligible, updatedAt: now }).where(and(eq(campaigns.id, id), isNull(campaigns.drawnAt))),
    ...winners.map((postId, i) => db.insert(campaignWinners).values({ workspaceId, campaignId: id, postId, rank: i + 1, method: 'draw', pickedBy: null, pickedAt: now }).onConflictDoNothing()),
    auditStatement(db, { workspaceId, actorUserId: actor?.userId ?? null, actorKind: actor ? 'user' : 'system', action: 'campaign.drawn', targetType: 'campaign', targetId: id, after: { seedHash: campaign.drawSeedHash, entries: eligible.length, winners }, at: now }),
  ]);
  return drawView(drawn, await winnersOf(db, id));
}

/** Draws every scheduled draw that is due (the scheduler step): how many ran. */
export async function runDueDraws(db: Db, appSecret: string, now: number, limit = 5): Promise<number> {
  const due = await db.select({ id: campaigns.id, workspaceId: campaigns.workspaceId }).from(campaigns).where(and(isNull(campaigns.drawnAt), lte(campaigns.drawAt, now))).orderBy(asc(campaigns.drawAt)).limit(limit);
  let ran = 0;
  for (const c of due) {
    // One draw that cannot run (another step drew it first, a seed sealed under a former app
    // secret) must not stop the collection step; it stays "scheduled" past its time in the panel.
    await runDraw(db, appSecret, null, c.workspaceId, c.id, now).then(
      () => ran++,
      () => undefined,
    );
  }
  return ran;
}

/**
 * A jury's pick, replacing the previous one: the entries, in rank order, must be eligible now
 * (approved, consent active, within the dates, within the per-author limit). Owners only; the
 * audit entry names who picked.
 */
export async function pickWinners(db: Db, actor: Actor, id: string, postIds: string[], now: number): Promise<PublicCampaignDraw> {
  const campaign = await ownCampaign(db, actor.workspaceId, id);
  if (new Set(postIds).size !== postIds.length) throw new Invalid('invalid_parameter', 'postIds: lists an entry twice', 'postIds');
  if (postIds.length > campaign.winnerCount) throw new Invalid('invalid_parameter', `postIds: the campaign has ${campaign.winnerCount} winner(s)`, 'postIds');
  const candidates = await drawCandidates(db, actor.workspaceId, id);
  const { eligible, refused } = eligibleEntries(candidates, campaign, now);
  const known = new Set(candidates.map((c) => c.id));
  const unknown = postIds.find((p) => !known.has(p));
  if (unknown) throw new NotFound('not_found', `postIds: ${unknown} is not an entry of this campaign`, 'postIds');
  const ineligible = postIds.find((p) => !eligible.includes(p));
  if (ineligible) throw new Conflict('not_eligible', `postIds: ${ineligible} is not eligible (${refused.find((r) => r.id === ineligible)?.reason ?? 'refused'})`, 'postIds');
  const previous = await db.select().from(campaignWinners).where(and(eq(campaignWinners.campaignId, id), eq(campaignWinners.method, 'jury')));
  const before = previous.sort((a, b) => a.rank - b.rank).map((w) => w.postId);
  // A winner picked again keeps the record that the merchant already told them.
  const told = new Map(previous.map((w) => [w.postId, { notifiedAt: w.notifiedAt, notifiedBy: w.notifiedBy }]));
  await runBatch(db, [
    db.delete(campaignWinners).where(and(eq(campaignWinners.campaignId, id), eq(campaignWinners.method, 'jury'))),
    // An entry the draw already picked stays the draw's.
    ...postIds.map((postId, i) => db.insert(campaignWinners).values({ workspaceId: actor.workspaceId, campaignId: id, postId, rank: i + 1, method: 'jury', pickedBy: actor.userId, pickedAt: now, ...told.get(postId) }).onConflictDoNothing()),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.jury_picked', targetType: 'campaign', targetId: id, before: { postIds: before }, after: { postIds }, at: now }),
  ]);
  return drawView(campaign, await winnersOf(db, id));
}

