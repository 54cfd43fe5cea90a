/** Limits of the tracking contract, apart from the schemas so the widget can read them without zod. */

/** Largest `POST /v1/events` body, far below the 64 KiB keepalive quota browsers share. */
export const MAX_EVENTS_BODY_BYTES = 16 * 1024;
export const MAX_EVENTS_PER_BATCH = 50;
/** Posts named by one impression: a gallery's first page, at most. */
export const MAX_POSTS_PER_IMPRESSION = 50;
