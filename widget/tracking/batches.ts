import type { EventBatch, TrackingEvent } from '../../shared/schemas/events.ts';

/** The server refuses a body over 16 KiB (413) or a batch of more than 50 events. */
export const MAX_BODY_BYTES = 16 * 1024;
export const MAX_BATCH_EVENTS = 50;
/**
 * Bodies are packed to stay well under the limit: beacons share the browser's 64 KiB keepalive
 * quota with the page's own, and a page being left may send several at once.
 */
export const TARGET_BODY_BYTES = 8 * 1024;

export const byteLength = (text: string) => new Blob([text]).size;

/**
 * The JSON bodies of `POST /v1/events` for these events, in order: each at most 50 events and
 * about 8 KiB, an event alone over that in a body of its own. One too big for any body (a
 * purchase of a hundred long names) is left out, with a warning, rather than having the server
 * refuse the batch it is in.
 */
export function packBatches(envelope: Omit<EventBatch, 'events'>, events: readonly TrackingEvent[]): string[] {
  const body = (batch: TrackingEvent[]) => JSON.stringify({ ...envelope, events: batch });
  const bodies: string[] = [];
  let batch: TrackingEvent[] = [];
  for (const event of events) {
    if (byteLength(body([event])) > MAX_BODY_BYTES) {
      console.warn('[vitrine] event too large, not sent', event);
    } else if (batch.length > 0 && (batch.length === MAX_BATCH_EVENTS || byteLength(body([...batch, event])) > TARGET_BODY_BYTES)) {
      bodies.push(body(batch));
      batch = [event];
    } else {
      batch.push(event);
    }
  }
  if (batch.length > 0) bodies.push(body(batch));
  return bodies;
}
