/**
 * Campaigns (contests on a hashtag): create, read, change, delete, and their official rules.
 * Rules are versioned per campaign and language and hashed exactly as the usage terms are
 * (rights/terms.ts, `shownTextHash`): a change publishes a new version, never edits one.
 * Every write lands in one batch with its audit entry. Entries: entries.ts; the draw: draw.ts.
 */
import { and, count, desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminCampaign, CampaignRulesView } from '../../../shared/admin-types.ts';
import type { campaignInput, campaignPatch, campaignRulesInput } from '../../../shared/schemas/campaigns.ts';
import { shortenText } from '../../../shared/text.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { campaignRules, campaigns, campaignSubmissions, campaignWinners, posts } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict, Invalid } from '../errors.ts';
import type { Actor } from '../posts/moderation.ts';
import { shownTextHash } from '../rights/terms.ts';
import { drawView, winnersOf } from './draw.ts';
import { eligibleEntries } from './draw-rule.ts';
import { campaignEntryWhere, drawCandidates } from './entries.ts';
import { ownCampaign, type Campaign } from './own.ts';
import { discardSubmission } from './submissions.ts';

type Rules = typeof campaignRules.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

const rulesView = (r: Rules): CampaignRulesView => ({ id: r.id, version: r.version, language: r.language, title: r.title, body: r.body, contentHash: r.contentHash, createdAt: iso(r.createdAt) });

/** The newest rules of a campaign in each language. */
async function currentRules(db: Db, campaignId: string): Promise<Rules[]> {
  const rows = await db.select().from(campaignRules).where(eq(campaignRules.campaignId, campaignId)).orderBy(desc(campaignRules.version));
  const newest = new Map<string, Rules>();
  for (const r of rows) if (!newest.has(r.language)) newest.set(r.language, r);
  return [...newest.values()].sort((a, b) => a.language.localeCompare(b.language));
}

/** Every version, newest first: what each entrant was shown stays readable. */
export async function rulesHistory(db: Db, workspaceId: string, campaignId: string): Promise<CampaignRulesView[]> {
  await ownCampaign(db, workspaceId, campaignId);
  const rows = await db.select().from(campaignRules).where(eq(campaignRules.campaignId, campaignId)).orderBy(desc(campaignRules.version), campaignRules.language);
  return rows.map(rulesView);
}

export async function campaignView(db: Db, campaign: Campaign, now: number): Promise<AdminCampaign> {
  const [rules, [total], candidates, winners] = await Promise.all([
    currentRules(db, campaign.id),
    db.select({ n: count() }).from(posts).where(and(eq(posts.workspaceId, campaign.workspaceId), campaignEntryWhere(campaign.id))),
    drawCandidates(db, campaign.workspaceId, campaign.id),
    winnersOf(db, campaign.id),
  ]);
  return {
    id: campaign.id,
    name: campaign.name,
    hashtag: campaign.hashtag,
    startsAt: iso(campaign.startsAt),
    endsAt: iso(campaign.endsAt),
    description: campaign.description,
    prizes: campaign.prizes,
    status: campaign.status,
    winnerCount: campaign.winnerCount,
    entriesPerAuthor: campaign.entriesPerAuthor,
    rules: rules.map(rulesView),
    entries: { total: total?.n ?? 0, eligible: eligibleEntries(candidates, campaign, now).eligible.length },
    draw: drawView(campaign, winners),
    winners: winners.map((w) => ({ postId: w.postId, rank: w.rank, method: w.method, pickedBy: w.pickedBy, pickedAt: iso(w.pickedAt) })),
    createdAt: iso(campaign.createdAt),
    updatedAt: iso(campaign.updatedAt),
  };
}

export async function listCampaigns(db: Db, workspaceId: string, now: number): Promise<AdminCampaign[]> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.workspaceId, workspaceId)).orderBy(desc(campaigns.startsAt), campaigns.id);
  return Promise.all(rows.map((c) => campaignView(db, c, now)));
}

/** What the audit log keeps of a campaign's fields: the description shortened, on a code point. */
const auditFields = (fields: { description?: string | undefined } & Record<string, unknown>) => ({ ...fields, ...(fields.description === undefined ? {} : { description: shortenText(fields.description, 200) }) });

async function rulesStatement(db: Db, actor: Actor, campaignId: string, input: z.infer<typeof campaignRulesInput>, now: number) {
  const [row] = await db.select({ v: max(campaignRules.version) }).from(campaignRules).where(and(eq(campaignRules.campaignId, campaignId), eq(campaignRules.language, input.language)));
  const rules: Rules = { id: newId('rules'), workspaceId: actor.workspaceId, campaignId, version: (row?.v ?? 0) + 1, ...input, contentHash: await shownTextHash([input.title, input.body]), createdAt: now };
  return { rules, statements: [
    db.insert(campaignRules).values(rules),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.rules_published', targetType: 'campaign', targetId: campaignId, after: { version: rules.version, language: rules.language, hash: rules.contentHash }, at: now }),
  ] as const };
}

export async function createCampaign(db: Db, actor: Actor, input: z.infer<typeof campaignInput>, now: number): Promise<AdminCampaign> {
  const { rules, ...fields } = input;
  const [taken] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, fields.id)).limit(1);
  // Ids are public URLs, unique across workspaces.
  if (taken) throw new Conflict('id_taken', 'id: another campaign has this id', 'id');
  const campaign: Campaign = {
    ...fields,
    workspaceId: actor.workspaceId,
    startsAt: Date.parse(fields.startsAt),
    endsAt: Date.parse(fields.endsAt),
    drawAt: null,
    drawSeedSealed: null,
    drawSeedHash: null,
    drawSeed: null,
    drawnAt: null,
    drawEntryIds: null,
    createdAt: now,
    updatedAt: now,
  };
  const published = rules ? await rulesStatement(db, actor, campaign.id, rules, now) : null;
  await runBatch(db, [
    db.insert(campaigns).values(campaign),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.created', targetType: 'campaign', targetId: campaign.id, after: auditFields(fields), at: now }),
    ...(published?.statements ?? []),
  ]);
  return campaignView(db, campaign, now);
}

/** What decides entries and winners cannot change once the draw ran: its result would no longer be checkable. */
const FIXED_AFTER_DRAW = ['hashtag', 'startsAt', 'endsAt', 'winnerCount', 'entriesPerAuthor'] as const;

export async function updateCampaign(db: Db, actor: Actor, id: string, patch: z.infer<typeof campaignPatch>, now: number): Promise<AdminCampaign> {
  const before = await ownCampaign(db, actor.workspaceId, id);
  const fixed = FIXED_AFTER_DRAW.find((field) => patch[field] !== undefined);
  if (before.drawnAt !== null && fixed) throw new Conflict('campaign_drawn', `${fixed}: cannot change after the draw`, fixed);
  const { startsAt, endsAt, ...rest } = patch;
  const set: Partial<Campaign> = { ...rest, ...(startsAt ? { startsAt: Date.parse(startsAt) } : {}), ...(endsAt ? { endsAt: Date.parse(endsAt) } : {}) };
  const after: Campaign = { ...before, ...set, updatedAt: now };
  if (after.endsAt <= after.startsAt) throw new Invalid('invalid_parameter', `${endsAt ? 'endsAt' : 'startsAt'}: the campaign must end after it starts`, endsAt ? 'endsAt' : 'startsAt');
  if (after.drawAt !== null && after.endsAt > after.drawAt) throw new Invalid('invalid_parameter', 'endsAt: must not be after the scheduled draw', 'endsAt');
  const previous = Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof Campaign]]));
  await runBatch(db, [
    db.update(campaigns).set({ ...set, updatedAt: now }).where(and(eq(campaigns.workspaceId, actor.workspaceId), eq(campaigns.id, id))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.updated', targetType: 'campaign', targetId: id, before: auditFields(previous), after: auditFields(set), at: now }),
  ]);
  return campaignView(db, after, now);
}

/**
 * A campaign whose draw ran, or that has winners, is evidence: archive it instead. So is one
 * with confirmed submissions: their consent records and the entrants' withdraw-or-erase links
 * rest on it. Unconfirmed submissions are deleted first, with their files.
 */
export async function deleteCampaign(db: Db, media: MediaStore, actor: Actor, id: string, now: number): Promise<void> {
  const before = await ownCampaign(db, actor.workspaceId, id);
  const [winners] = await db.select({ n: count() }).from(campaignWinners).where(eq(campaignWinners.campaignId, id));
  if (before.drawnAt !== null || (winners?.n ?? 0) > 0) throw new Conflict('campaign_drawn', 'id: a campaign with winners cannot be deleted; archive it (status: archived)', 'id');
  const submitted = await db.select().from(campaignSubmissions).where(eq(campaignSubmissions.campaignId, id));
  const confirmed = submitted.filter((s) => s.confirmedAt !== null).length;
  if (confirmed > 0) throw new Conflict('campaign_has_entries', `id: ${confirmed} confirmed submission(s) rest on this campaign (their consent records and the entrants' links); archive it (status: archived)`, 'id');
  for (const s of submitted) await discardSubmission({ db, media }, s);
  await runBatch(db, [
    db.delete(campaignRules).where(eq(campaignRules.campaignId, id)),
    db.delete(campaigns).where(and(eq(campaigns.workspaceId, actor.workspaceId), eq(campaigns.id, id))),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'campaign.deleted', targetType: 'campaign', targetId: id, before: { name: before.name, hashtag: before.hashtag }, at: now }),
  ]);
}

export async function publishCampaignRules(db: Db, actor: Actor, campaignId: string, input: z.infer<typeof campaignRulesInput>, now: number): Promise<CampaignRulesView> {
  await ownCampaign(db, actor.workspaceId, campaignId);
  const { rules, statements } = await rulesStatement(db, actor, campaignId, input, now);
  await runBatch(db, [...statements]);
  return rulesView(rules);
}
