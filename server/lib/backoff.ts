/**
 * Exponential backoff: the wait before retry number `step` (0 for the first retry) is `baseMs`
 * doubled `step` times, never more than `capMs`. Re-hosting, source runs and outgoing webhooks
 * all retry this way, each with its own base and cap.
 */
export const backoffMs = (step: number, { baseMs, capMs }: { baseMs: number; capMs: number }) => Math.min(capMs, baseMs * 2 ** step);
