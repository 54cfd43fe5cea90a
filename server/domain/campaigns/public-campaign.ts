/**
 * A campaign as its public page shows it (`/c/<id>`): what it is, its current official rules and
 * usage terms in the visitor's language, its draw, and whether it takes submissions right now.
 * A draft campaign is not public: not found.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignRules, campaigns, workspaces } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { currentTerms, type Terms } from '../rights/terms.ts';
import { drawView, winnersOf } from './draw.ts';
import type { Campaign } from './own.ts';

export type CampaignRules = typeof campaignRules.$inferSelect;

/** Why a campaign takes no submission now (`open`: it does). */
export type SubmissionState = 'open' | 'not_started' | 'ended' | 'not_running' | 'no_rules' | 'no_mail';

const DAY = 86_400_000;
/** How long an entrant's email address is kept after the campaign ends (stated on the page). */
export const EMAIL_RETENTION_DAYS = 90;
/** How long a submission waits for its email to be confirmed before it and its files are deleted. */
export const CONFIRM_WITHIN_MS = 48 * 60 * 60 * 1000;

export const emailEraseAt = (campaign: Pick<Campaign, 'endsAt'>) => campaign.endsAt + EMAIL_RETENTION_DAYS * DAY;

export interface PublicCampaign {
  campaign: Campaign;
  brand: string;
  rules: CampaignRules | null;
  terms: Terms | null;
  draw: ReturnType<typeof drawView>;
  state: SubmissionState;
}

/** The newest rules in `language`, else in English, else in any language. */
export async function currentCampaignRules(db: Db, campaignId: string, language: string): Promise<CampaignRules | null> {
  const rows = await db.select().from(campaignRules).where(eq(campaignRules.campaignId, campaignId)).orderBy(desc(campaignRules.version));
  return rows.find((r) => r.language === language) ?? rows.find((r) => r.language === 'en') ?? rows[0] ?? null;
}

export function submissionState(c: Pick<PublicCampaign, 'campaign' | 'rules' | 'terms'>, mailConfigured: boolean, now: number): SubmissionState {
  if (c.campaign.status !== 'published') return 'not_running';
  if (now < c.campaign.startsAt) return 'not_started';
  if (now > c.campaign.endsAt) return 'ended';
  // An entrant accepts the rules and the usage terms; without both there is nothing to accept.
  if (!c.rules || !c.terms) return 'no_rules';
  // Without mail no entry could ever be confirmed: none is taken.
  if (!mailConfigured) return 'no_mail';
  return 'open';
}

export async function publicCampaign(db: Db, id: string, language: string, mailConfigured: boolean, now: number): Promise<PublicCampaign> {
  const [row] = await db.select({ campaign: campaigns, brand: workspaces.name }).from(campaigns).innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId)).where(and(eq(campaigns.id, id))).limit(1);
  if (!row || row.campaign.status === 'draft') throw notFound('campaign');
  const [rules, terms, winners] = await Promise.all([currentCampaignRules(db, id, language), currentTerms(db, row.campaign.workspaceId, language), winnersOf(db, id)]);
  const view = { campaign: row.campaign, brand: row.brand, rules, terms, draw: drawView(row.campaign, winners) };
  return { ...view, state: submissionState(view, mailConfigured, now) };
}
