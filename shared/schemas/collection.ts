import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id');

export const connectInput = z.strictObject({
  /** The Instagram business account's id (numeric, from Meta's Graph API Explorer or the login flow). */
  igUserId: z.string().regex(/^\d{5,30}$/, 'must be the numeric Instagram user id'),
  // Sent in an Authorization header, which holds printable ASCII only (Graph tokens are letters and digits).
  accessToken: z.string().trim().min(20).max(1000).regex(/^[\x21-\x7e]+$/, 'must be an access token (printable ASCII, no spaces)'),
});

export const sourceInput = z
  .strictObject({
    kind: z.enum(['hashtag', 'tagged', 'mentions', 'own']),
    connectionId: id,
    hashtag: z
      .string()
      .trim()
      .toLowerCase()
      .transform((tag) => tag.replace(/^#/, ''))
      // Instagram's hashtag search refuses emoji and punctuation.
      .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'must be a hashtag of letters, digits or _'))
      .optional(),
    intervalSeconds: z.number().int().min(300).max(7 * 24 * 3600).optional(),
  })
  .refine((s) => s.kind !== 'hashtag' || s.hashtag, { path: ['hashtag'], message: 'is required for a hashtag source' });

export const sourcePatch = z.strictObject({
  enabled: z.boolean().optional(),
  intervalSeconds: z.number().int().min(300).max(7 * 24 * 3600).optional(),
});

const username = z
  .string()
  .trim()
  .transform((u) => u.replace(/^@/, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9._]{1,30}$/, 'must be an Instagram username'));
/** Instagram's own limit for a caption. */
const caption = z.string().max(2200, 'is longer than Instagram allows (2,200 characters)');
const instagramLink = z
  .string()
  .trim()
  .refine((value) => /^https:\/\/(www\.)?instagram\.com\/(p|reel|tv)\/[\w-]+\/?/.test(value), 'must be a link to an Instagram post (https://www.instagram.com/p/…)');

/** One row of a CSV or JSON import; columns not listed here are ignored. */
export const importRow = z.object({
  image_url: z.string().trim().min(1, 'is required'),
  author: z.union([z.literal(''), username]).optional(),
  caption: caption.optional(),
  permalink: z.union([z.literal(''), instagramLink]).optional(),
  published_at: z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
});

/** The text fields of a manual upload (the images come as files). */
export const uploadFields = z.strictObject({
  author: username,
  caption: caption.default(''),
  permalink: z.union([z.literal(''), instagramLink]).optional(),
});

/** `DELETE /admin/instagram/connections/:id?deleteData=true`: also erase what came through it. */
export const disconnectQuery = z.strictObject({ deleteData: z.enum(['true', 'false']).optional() });

/** `DELETE /admin/instagram/data`: deleting everything must be asked for in so many words. */
export const deleteAllDataBody = z.strictObject({ confirm: z.literal(true, { error: 'must be true to delete all Instagram data' }) });
