import { z } from 'zod';
import { CAMPAIGN_ID } from './campaigns.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id');

export const galleryFiltersInput = z.strictObject({
  sourceIds: z.array(id).max(20).optional(),
  hashtags: z
    .array(z.string().trim().toLowerCase().transform((tag) => tag.replace(/^#/, '')).pipe(z.string().regex(/^[a-z0-9_]{1,100}$/, 'must be a hashtag of letters, digits or _')))
    .max(20)
    .optional(),
  productIds: z.array(id).max(50).optional(),
  /** Only this campaign's entries. */
  campaignId: z.string().regex(CAMPAIGN_ID, 'is not a campaign id').optional(),
});

export const galleryInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  layout: z.enum(['grid', 'masonry', 'carousel']).default('grid'),
  sort: z.enum(['newest', 'manual', 'best']).default('newest'),
  filters: galleryFiltersInput.default({}),
  pageSize: z.number().int().min(1).max(100).default(12),
});

export const galleryPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  layout: z.enum(['grid', 'masonry', 'carousel']).optional(),
  sort: z.enum(['newest', 'manual', 'best']).optional(),
  filters: galleryFiltersInput.optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

export const galleryOrderInput = z.strictObject({ postIds: z.array(id).max(500) });
