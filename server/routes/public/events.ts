import { Hono, type Context } from 'hono';
import { eventBatch, MAX_EVENTS_BODY_BYTES } from '../../../shared/schemas/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { bodyText } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { isBotUserAgent } from '../../lib/bots.ts';
import { addressBucket } from '../../domain/accounts/rate-limits.ts';
import { eventStore } from '../../domain/tracking/event-store.ts';
import { noteRefusedOrigin } from '../../domain/tracking/refused-origins.ts';
import { trackingSettings, type TrackingSettings } from '../../domain/tracking/settings.ts';
import { parseJsonText, parseTracking } from './tracking-fields.ts';

/** The page's origin may post events when the workspace allows it, or when it is Vitrine itself (the demo store). */
function originAllowed(c: Context<AppEnv>, origin: string, settings: TrackingSettings): boolean {
  const own = new URL(c.var.config.publicUrl ?? c.req.url).origin;
  return origin === own || settings.allowedOrigins.includes(origin);
}

/**
 * `POST /v1/events`: batches of widget events, sent by `navigator.sendBeacon` as text/plain (no
 * preflight), so this sits outside the panel's CSRF protection and checks `Origin` itself. Its
 * limits are `c.var.limits` (http/rate-limits.ts): in the process on Node, global on Workers.
 */
export function eventRoutes({ groupCommits = false }: { groupCommits?: boolean } = {}) {
  const store = eventStore({ groupCommits });
  return new Hono<AppEnv>().post(
    '/events',
    async (c) => {
      const origin = c.req.header('origin');
      // The answer is readable only by the allowed page itself; every other page gets none.
      c.header('Access-Control-Allow-Origin', undefined);
      c.header('Vary', 'Origin');
      if (isBotUserAgent(c.req.header('user-agent'))) return c.body(null, 204);
      const batch = parseTracking(eventBatch, parseJsonText(await bodyText(c, MAX_EVENTS_BODY_BYTES)));
      const settings = await trackingSettings(c.var.db, batch.workspaceId);
      if (!settings) throw new ApiError(400, 'invalid_parameter', `workspaceId: no workspace "${batch.workspaceId}"`, 'workspaceId');
      // A sandbox (Shopify's pixels) sends `Origin: null` or none: then the store the batch names
      // stands in, and must be allowed as any page's origin. A page with a real Origin is judged
      // by it alone, whatever its batch says. Neither header nor field proves anything against a
      // non-browser sender; confirmed orders (POST /v1/orders) are the proof, as for any purchase.
      const sandboxed = !origin || origin === 'null';
      const claimed = sandboxed ? batch.shop : origin;
      if (!claimed || !originAllowed(c, claimed, settings)) {
        const now = c.var.clock.now();
        // The panel shows the merchant which pages were refused, with one click to allow them.
        if (claimed && (await c.var.limits.refusalNotes.hit(`${settings.workspaceId} ${claimed}`, now)) === null) await noteRefusedOrigin(c.var.db, settings.workspaceId, claimed, now);
        const field = sandboxed && batch.shop ? 'shop' : 'Origin';
        throw new ApiError(403, 'forbidden_origin', `${field}: ${claimed ?? origin ?? 'missing'} is not an allowed origin of this workspace`, field);
      }
      // A sandbox reads no answer (it sends with mode: no-cors); a page reads it by its own name.
      if (!sandboxed) c.header('Access-Control-Allow-Origin', origin);
      const now = c.var.clock.now();
      // An anonymous batch (no consent) has no visitor to limit: the address limit alone applies.
      const { eventsPerVisitor, eventsPerAddress } = c.var.limits;
      const visitor = batch.consent === 'granted' ? await eventsPerVisitor.hit(`${batch.workspaceId}:${batch.visitorId}`, now) : null;
      const wait = visitor ?? (await eventsPerAddress.hit(addressBucket(c.var.clientIp(c)), now));
      if (wait !== null) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'rate_limited', 'too many event batches; retry later');
      }
      // Durable once written, or once enqueued where a queue's consumer writes it (Workers).
      await store(c.var, { settings, batch, now });
      return c.body(null, 204);
    },
  );
}
