import { z } from 'zod';
import { CAMPAIGN_ID } from './campaigns.ts';

export const MODERATION_STATUS_NAMES = ['pending', 'approved', 'rejected', 'hidden'] as const;
export const RIGHTS_STATUS_NAMES = ['none', 'requested', 'author_replied', 'granted', 'declined', 'withdrawn'] as const;
export const RULE_KINDS = ['blocked_word', 'blocked_hashtag', 'blocked_author', 'trusted_author', 'min_resolution'] as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id');
const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

/** `GET /admin/posts` query. */
export const inboxQuery = z.strictObject({
  status: z.enum(MODERATION_STATUS_NAMES).default('pending'),
  q: z.string().trim().max(100).optional(),
  source: id.optional(),
  /** Only the entries of this campaign (domain/campaigns/entries.ts). */
  campaign: z.string().regex(CAMPAIGN_ID, 'is not a campaign id').optional(),
  /** `granted` means still running; `expired` is granted rights whose window has ended. */
  rights: z.enum([...RIGHTS_STATUS_NAMES, 'expired']).optional(),
  hasProducts: z.enum(['true', 'false']).optional(),
  mediaType: z.enum(['image', 'video', 'carousel']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only posts collected after this instant (epoch ms): how the inbox counts what arrived since it loaded. */
  collectedAfter: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const moderationInput = z.strictObject({
  ids: z.array(id).min(1).max(500),
  status: z.enum(MODERATION_STATUS_NAMES),
});

export const ruleInput = z
  .strictObject({ kind: z.enum(RULE_KINDS), value: z.string().trim().min(1).max(100) })
  .superRefine((rule, ctx) => {
    if (rule.kind === 'min_resolution' && !/^\d{2,5}$/.test(rule.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a width in pixels, e.g. 640' });
    }
    if ((rule.kind === 'blocked_author' || rule.kind === 'trusted_author') && !/^@?[A-Za-z0-9._]{1,30}$/.test(rule.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an Instagram username' });
    }
    if (rule.kind === 'blocked_hashtag' && !/^#?[\p{L}\p{N}_]{1,100}$/u.test(rule.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a hashtag (letters, digits, _)' });
    }
  });
