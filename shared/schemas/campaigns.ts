import { z } from 'zod';
import { RIGHTS_LANGUAGES } from './rights.ts';

/** A campaign's id is the slug of its public URLs: lowercase letters, digits and hyphens. */
export const CAMPAIGN_ID = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

const isoInstant = z.iso.datetime({ offset: true });
/** Lowercase, without '#': the galleries' hashtag rule, so the same GLOB matches both. */
const hashtag = z
  .string()
  .trim()
  .toLowerCase()
  .transform((tag) => tag.replace(/^#/, ''))
  .pipe(z.string().regex(/^[a-z0-9_]{1,100}$/, 'must be a hashtag of letters, digits or _'));

/** Official rules, versioned and hashed like the usage terms (a change is a new version). */
export const campaignRulesInput = z.strictObject({
  language: z.enum(RIGHTS_LANGUAGES).default('en'),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(20, 'must state the rules').max(20_000),
});

const fields = {
  name: z.string().trim().min(1).max(100),
  hashtag,
  startsAt: isoInstant,
  endsAt: isoInstant,
  description: z.string().trim().max(5_000),
  prizes: z.array(z.string().trim().min(1).max(200)).max(20),
  status: z.enum(['draft', 'published', 'archived']),
  winnerCount: z.number().int().min(1).max(100),
  /** One entry per author unless the rules say otherwise. */
  entriesPerAuthor: z.number().int().min(1).max(100),
};

const endsAfterStart = (c: { startsAt?: string | undefined; endsAt?: string | undefined }) => !c.startsAt || !c.endsAt || Date.parse(c.endsAt) > Date.parse(c.startsAt);

export const campaignInput = z
  .strictObject({
    id: z.string().regex(CAMPAIGN_ID, 'must be 1 to 48 lowercase letters, digits or hyphens'),
    ...fields,
    description: fields.description.default(''),
    prizes: fields.prizes.default([]),
    status: fields.status.default('draft'),
    winnerCount: fields.winnerCount.default(1),
    entriesPerAuthor: fields.entriesPerAuthor.default(1),
    rules: campaignRulesInput.optional(),
  })
  .refine(endsAfterStart, { path: ['endsAt'], message: 'must be after startsAt' });

export const campaignPatch = z
  .strictObject({
    name: fields.name.optional(),
    hashtag: hashtag.optional(),
    startsAt: isoInstant.optional(),
    endsAt: isoInstant.optional(),
    description: fields.description.optional(),
    prizes: fields.prizes.optional(),
    status: fields.status.optional(),
    winnerCount: fields.winnerCount.optional(),
    entriesPerAuthor: fields.entriesPerAuthor.optional(),
  })
  .refine(endsAfterStart, { path: ['endsAt'], message: 'must be after startsAt' });

/** Scheduling the draw: when it may run (at or after the campaign's end). */
export const drawScheduleInput = z.strictObject({ at: isoInstant });

/** A jury's pick: the winning entries, in rank order. */
export const juryPickInput = z.strictObject({
  postIds: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id')).min(1).max(100),
});

/** `GET /admin/campaigns/:id/winners`: the winners' messages in English or French (default: the campaign's language). */
export const winnersQuery = z.strictObject({
  language: z.enum(['en', 'fr']).optional(),
});
