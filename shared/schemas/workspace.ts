import { z } from 'zod';

/** A site origin as browsers send it in `Origin`: scheme, host and optional port, nothing else. */
export const siteOrigin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      return (url.protocol === 'https:' || (local && url.protocol === 'http:')) && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'must be an origin like https://shop.example (https, no path)')
  .transform((value) => value.replace(/\/$/, ''));

export const MAX_ALLOWED_ORIGINS = 20;

/** `POST /admin/workspace/allowed-origins`: one more origin, as the panel's one-click allow sends it. */
export const allowOriginBody = z.strictObject({ origin: siteOrigin });

export const workspacePatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  instagramHandle: z
    .string()
    .trim()
    .transform((h) => h.replace(/^@/, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9._]{1,30}$/, 'must be an Instagram username'))
    .nullable()
    .optional(),
  approvalHashtag: z
    .string()
    .trim()
    .transform((h) => h.replace(/^#/, ''))
    .pipe(z.string().regex(/^[\p{L}\p{N}_]{2,60}$/u, 'must be a hashtag of letters, digits or _'))
    .nullable()
    .optional(),
  allowedOrigins: z.array(siteOrigin).max(MAX_ALLOWED_ORIGINS).optional(),
  settings: z
    .strictObject({
      clickWindowHours: z.number().int().min(1).max(24 * 30).optional(),
      viewWindowHours: z.number().int().min(0).max(24 * 7).optional(),
      holdoutShare: z.number().min(0).max(0.5).optional(),
      eventRetentionDays: z.number().int().min(30).max(1095).optional(),
      confirmedOrdersOnly: z.boolean().optional(),
      acceptPageOnlyForPrivateRequests: z.boolean().optional(),
      instagramDataRetentionDays: z.number().int().min(7).max(730).optional(),
      consentDefault: z.enum(['granted', 'denied']).optional(),
    })
    .optional(),
});
