import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id');
/** The languages rights requests, terms and the rights page are written in. */
export const RIGHTS_LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;
export type RightsLanguage = (typeof RIGHTS_LANGUAGES)[number];
export const RIGHTS_SCOPE_NAMES = ['website', 'social', 'ads', 'print', 'email'] as const;

export const termsInput = z.strictObject({
  language: z.enum(RIGHTS_LANGUAGES),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(20, 'must say what the author agrees to').max(20_000),
  scope: z.array(z.enum(RIGHTS_SCOPE_NAMES)).min(1),
  /** Null: the permission does not expire (it can always be withdrawn). */
  durationDays: z.number().int().min(1).max(3650).nullable(),
});

export const rightsRequestInput = z.strictObject({
  postIds: z.array(id).min(1).max(100),
  language: z.enum(RIGHTS_LANGUAGES).default('en'),
});

/** How an assisted request was sent; without a body, as a (public) comment. */
export const requestSentInput = z.strictObject({
  via: z.enum(['comment', 'direct_message']).default('comment'),
});

export const webhookEndpointInput = z.strictObject({
  url: z.url({ protocol: /^https$/, message: 'must be an https URL' }),
  events: z.array(z.enum(['rights.granted', 'rights.declined', 'rights.withdrawn', 'post.erased'])).min(1),
});
