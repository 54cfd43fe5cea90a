import { Hono } from 'hono';
import { forgetBody } from '../../../shared/schemas/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { bodyText } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { addressBucket, hitRateLimit } from '../../domain/accounts/rate-limits.ts';
import { eraseVisitor } from '../../domain/tracking/erasure.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { parseJsonText, parseTracking } from './tracking-fields.ts';

/** Forgetting is rare: ten a minute from one address is plenty, and a flood of guesses stops. */
const PER_IP = { limit: 10, windowMs: 60_000 };
const MAX_FORGET_BYTES = 1024;

/**
 * `POST /v1/forget` {workspaceId, visitorId}: a shopper's `vitrine('forget')`, sent like events
 * (a text/plain beacon, no preflight). Knowing the stored visitor id is what entitles erasing it:
 * it is 128 random bits that only the shopper's browser held. Counted in the database so the
 * limit holds across processes and isolates.
 */
export const forgetRoutes = new Hono<AppEnv>().post('/forget', async (c) => {
  const now = c.var.clock.now();
  const limit = await hitRateLimit(c.var.db, `forget:${addressBucket(c.var.clientIp(c))}`, PER_IP, now);
  if (!limit.allowed) {
    c.header('Retry-After', String(limit.retryAfterSeconds));
    throw new ApiError(429, 'rate_limited', 'too many forget requests; retry later');
  }
  const body = parseTracking(forgetBody, parseJsonText(await bodyText(c, MAX_FORGET_BYTES)));
  if (!(await trackingSettings(c.var.db, body.workspaceId))) throw new ApiError(400, 'invalid_parameter', `workspaceId: no workspace "${body.workspaceId}"`, 'workspaceId');
  await eraseVisitor(c.var.db, body.workspaceId, body.visitorId, { kind: 'shopper' }, now);
  return c.body(null, 204);
});
