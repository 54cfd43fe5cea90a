import { Hono } from 'hono';
import { orderBody } from '../../../shared/schemas/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { bodyText } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { requireApiKey } from '../../middleware/api-key/index.ts';
import { recordOrder } from '../../domain/tracking/orders.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { parseJsonText, parseTracking } from './tracking-fields.ts';

const MAX_ORDER_BYTES = 64 * 1024;

/**
 * `POST /v1/orders`, from the merchant's server with an API key (`orders:write`). The same
 * transaction id counts once. A confirmed order outranks a browser's `purchase` (anyone can send
 * one): it replaces a browser report of the same id, and a later browser report is ignored.
 */
export const orderRoutes = new Hono<AppEnv>().post('/orders', requireApiKey('orders:write'), async (c) => {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'body: send JSON with Content-Type: application/json', 'body');
  }
  const text = await bodyText(c, MAX_ORDER_BYTES);
  const body = parseTracking(orderBody, parseJsonText(text));
  const workspaceId = c.var.apiKey!.workspaceId;
  const settings = await trackingSettings(c.var.db, workspaceId);
  if (!settings) throw new ApiError(401, 'unauthenticated', 'Authorization: the key has no workspace', 'Authorization');
  const now = c.var.clock.now();
  const occurredAt = body.occurred_at === undefined ? null : typeof body.occurred_at === 'number' ? body.occurred_at : Date.parse(body.occurred_at);
  const { visitor_id, occurred_at: _occurred, ...transaction } = body;
  const outcome = await recordOrder(c.var.db, settings, { transaction, visitorId: visitor_id ?? null, sessionId: null, channel: 'api', occurredAt, pendingTouches: [] }, now);
  return c.json({ transactionId: transaction.transaction_id, created: outcome !== null, replaced: outcome === 'replaced' }, outcome ? 201 : 200);
});
