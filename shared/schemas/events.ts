import { z } from 'zod';
import { MAX_EVENTS_BODY_BYTES, MAX_EVENTS_PER_BATCH, MAX_POSTS_PER_IMPRESSION } from '../tracking-limits.ts';

/**
 * The tracking contract, shared by the widget's tracker (types only) and the server (which
 * validates with these schemas). Event names follow GA4 where one exists.
 */
export const TRACKING_EVENT_TYPES = ['view_item_list', 'select_content', 'select_item', 'add_to_cart', 'purchase', 'vitrine_holdout'] as const;
export type TrackingEventType = (typeof TRACKING_EVENT_TYPES)[number];

export { MAX_EVENTS_BODY_BYTES, MAX_EVENTS_PER_BATCH, MAX_POSTS_PER_IMPRESSION };

/** Visitor, session and event ids: what a browser can make without a library. */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 characters of A-Z, a-z, 0-9, _ or -');
const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 characters of A-Z, a-z, 0-9, _ or -');

/** GA4's purchase parameters: decimal numbers in major units, ISO 4217 currency. */
export const purchaseItem = z.strictObject({
  item_id: z.string().trim().min(1, 'must not be empty').max(100),
  item_name: z.string().max(200).optional(),
  price: z.number().finite().min(0).max(1e9).optional(),
  quantity: z.number().int().min(1).max(10_000).optional(),
});

export const transaction = z.strictObject({
  // GA deduplicates every purchase whose transaction_id is "": an empty id is refused outright.
  transaction_id: z.string().trim().min(1, 'must not be empty').max(100),
  value: z.number().finite().min(0).max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  items: z.array(purchaseItem).max(100),
});
export type TransactionInput = z.infer<typeof transaction>;

/** Which fields each event type carries (besides id, type and at). */
const REQUIRED: Record<TrackingEventType, readonly ('galleryId' | 'postId' | 'productId' | 'transaction')[]> = {
  view_item_list: ['galleryId'],
  select_content: ['galleryId', 'postId'],
  select_item: ['galleryId', 'postId', 'productId'],
  add_to_cart: ['galleryId', 'postId', 'productId'],
  purchase: ['transaction'],
  vitrine_holdout: ['galleryId'],
};

export const trackingEvent = z
  .strictObject({
    id: clientId,
    type: z.enum(TRACKING_EVENT_TYPES),
    at: z.number().int().min(0).max(8.64e15),
    galleryId: entityId.optional(),
    postId: entityId.optional(),
    productId: entityId.optional(),
    transaction: transaction.optional(),
    /** On `view_item_list`: the posts the gallery showed, so each post's impressions are counted. */
    postIds: z.array(entityId).max(MAX_POSTS_PER_IMPRESSION).optional(),
  })
  .superRefine((event, ctx) => {
    for (const field of REQUIRED[event.type]) {
      if (event[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required for ${event.type}` });
    }
  });
export type TrackingEvent = z.infer<typeof trackingEvent>;

/** An origin as a browser writes it: scheme, host and port only. */
const origin = z
  .string()
  .max(200)
  .refine((text) => URL.canParse(text) && new URL(text).origin === text, 'must be an origin such as https://shop.example');

/**
 * A page's batch. With analytics consent it carries the stored visitor and session ids; without,
 * none (an older widget's page-view ids are ignored): such events count only in aggregates.
 */
export const eventBatch = z
  .strictObject({
    v: z.literal(1),
    workspaceId: entityId,
    /**
     * The store's origin, from senders whose requests carry no usable Origin header (Shopify's
     * pixel sandbox sends `null`); it counts only then (routes/public/events.ts).
     */
    shop: origin.optional(),
    visitorId: clientId.optional(),
    sessionId: clientId.optional(),
    consent: z.enum(['granted', 'denied']),
    events: z.array(trackingEvent).min(1).max(MAX_EVENTS_PER_BATCH),
  })
  .superRefine((batch, ctx) => {
    if (batch.consent !== 'granted') return;
    for (const field of ['visitorId', 'sessionId'] as const) {
      if (batch[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required when consent is granted' });
    }
  });
export type EventBatch = z.infer<typeof eventBatch>;

/** `POST /v1/forget`: a shopper's `vitrine('forget')`, naming the stored visitor id to erase. */
export const forgetBody = z.strictObject({ workspaceId: entityId, visitorId: clientId });

/** `POST /v1/orders`, server to server: the purchase, and the visitor id the page handed over. */
export const orderBody = transaction.extend({
  visitor_id: clientId.optional(),
  /** When the order was placed: epoch milliseconds or an ISO 8601 date-time; default now. */
  occurred_at: z.union([z.number().int().min(0), z.iso.datetime({ offset: true })]).optional(),
});
export type OrderBody = z.infer<typeof orderBody>;
