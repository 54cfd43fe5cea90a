import { z } from 'zod';

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https:// address');

/** A product feed: uploaded by hand, or fetched from `url` every `refreshHours`. */
export const feedInput = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    format: z.enum(['merchant_xml', 'merchant_tsv', 'shopify_json', 'csv']),
    url: webAddress.nullable().optional(),
    refreshHours: z.number().int().min(1).max(24 * 30).nullable().optional(),
    currency: currency.nullable().optional(),
    storeUrl: webAddress.nullable().optional(),
  })
  .refine((f) => !f.refreshHours || f.url, { path: ['refreshHours'], message: 'needs a url to refresh from' });

export const feedPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: webAddress.nullable().optional(),
  refreshHours: z.number().int().min(1).max(24 * 30).nullable().optional(),
  currency: currency.nullable().optional(),
  storeUrl: webAddress.nullable().optional(),
});

export const applyInput = z.strictObject({
  /** Apply the valid rows and leave the invalid ones out (their products keep their last version). */
  skipInvalid: z.boolean().default(false),
});

/** A product search term (`?q=`): the product picker's and the catalog table's. */
export const productSearch = z.object({ q: z.string().trim().optional() });
