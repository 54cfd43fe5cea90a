/**
 * The demo's running campaign (`/c/demo` on `npm start`): on #cosyhome, which a few demo posts
 * already carry (so it starts with entries), open from two weeks before the seed's day to two
 * weeks after it, with rules in English and French and, when the seed is given the app secret,
 * a draw scheduled the day after it ends (its seed sealed under that secret, its hash public).
 * Dated from `now`, so the demo is valid whatever day it is seeded on.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from '../../db/client.ts';
import { campaignRules, campaigns } from '../../db/schema.ts';
import { scheduleDraw } from '../../domain/campaigns/draw.ts';
import { shownTextHash } from '../../domain/rights/terms.ts';

const DAY = 86_400_000;
export const DEMO_CAMPAIGN_ID = 'demo';
export const DEMO_CAMPAIGN_HASHTAG = 'cosyhome';

const RULES = {
  en: {
    title: 'Cosy home contest: official rules',
    body:
      'Organiser: Maison Lumen. Open to adults living in the EU. To enter, post a photo on Instagram with #cosyhome, or send one to five photos or one short video on this page, between the campaign dates.\n' +
      'One entry per person: on Instagram, per account; on this page, per confirmed email address. Entries are moderated; only approved entries whose author agreed to the usage terms take part.\n' +
      'One winner is drawn at random the day after the campaign ends, by the published, checkable draw on this page, and is told by email or on Instagram. Prize: a Lumen table lamp. No purchase necessary.',
  },
  fr: {
    title: 'Concours Cosy home : règlement officiel',
    body:
      'Organisateur : Maison Lumen. Ouvert aux personnes majeures résidant dans l’UE. Pour participer, publiez une photo sur Instagram avec #cosyhome, ou envoyez une à cinq photos ou une courte vidéo sur cette page, pendant les dates du concours.\n' +
      'Une participation par personne : sur Instagram, par compte ; sur cette page, par adresse e-mail confirmée. Les participations sont modérées ; seules celles approuvées dont l’auteur a accepté les conditions d’utilisation participent.\n' +
      'Un gagnant est tiré au sort le lendemain de la fin du concours, par le tirage publié et vérifiable de cette page, et prévenu par e-mail ou sur Instagram. Lot : une lampe de table Lumen. Sans obligation d’achat.',
  },
} as const;

export async function demoCampaignStatements(db: Db, workspaceId: string, now: number): Promise<BatchItem<'sqlite'>[]> {
  const rules: BatchItem<'sqlite'>[] = [];
  for (const language of ['en', 'fr'] as const) {
    const { title, body } = RULES[language];
    rules.push(db.insert(campaignRules).values({ id: `rules_demo_${language}`, workspaceId, campaignId: DEMO_CAMPAIGN_ID, version: 1, language, title, body, contentHash: await shownTextHash([title, body]), createdAt: now }));
  }
  return [
    db.insert(campaigns).values({
      id: DEMO_CAMPAIGN_ID,
      workspaceId,
      name: 'Cosy home contest',
      hashtag: DEMO_CAMPAIGN_HASHTAG,
      startsAt: now - 14 * DAY,
      endsAt: now + 14 * DAY,
      description: 'Show us the cosiest corner of your home with a Maison Lumen piece in it: post it with #cosyhome, or send it here.',
      prizes: ['A Lumen table lamp'],
      status: 'published',
      winnerCount: 1,
      entriesPerAuthor: 1,
      createdAt: now,
      updatedAt: now,
    }),
    ...rules,
  ];
}

/** The draw, scheduled through the same verb the panel uses (it makes and seals the seed). */
export async function scheduleDemoDraw(db: Db, appSecret: string, actor: { workspaceId: string; userId: string }, now: number): Promise<void> {
  await scheduleDraw(db, appSecret, actor, DEMO_CAMPAIGN_ID, now + 15 * DAY, now);
}
