import { Hono } from 'hono';
import { handleNotification, verifySignature } from '../domain/collection/webhooks.ts';
import type { AppEnv } from '../http/env.ts';
import { bodyText } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';

/** Largest notification body read; Meta batches up to 1,000 updates, far below this. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Meta's webhook endpoint: the subscription handshake (GET) and signed notifications (POST).
 * Public and cross-site by nature, so it is outside the admin API and its CSRF protection.
 */
export const instagramWebhookRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const token = c.var.secrets.instagramVerifyToken;
    if (c.req.query('hub.mode') !== 'subscribe' || !token || c.req.query('hub.verify_token') !== token) {
      throw new ApiError(403, 'forbidden', 'hub.verify_token: does not match this deployment’s VITRINE_IG_VERIFY_TOKEN', 'hub.verify_token');
    }
    return c.text(c.req.query('hub.challenge') ?? '');
  })
  .post('/', async (c) => {
    const secret = c.var.secrets.instagramAppSecret;
    if (!secret) throw new ApiError(503, 'not_configured', 'Instagram webhooks need VITRINE_IG_APP_SECRET');
    const raw = await bodyText(c, MAX_BODY_BYTES);
    if (!(await verifySignature(secret, raw, c.req.header('x-hub-signature-256')))) {
      throw new ApiError(401, 'bad_signature', 'x-hub-signature-256: does not match the body', 'x-hub-signature-256');
    }
    try {
      JSON.parse(raw);
    } catch {
      throw new ApiError(400, 'invalid_json', 'body: is not valid JSON', 'body');
    }
    const outcome = await handleNotification({ db: c.var.db, graph: c.var.instagram.graph, appSecret: c.var.secrets.appSecret }, raw, c.var.clock.now());
    return c.json({ received: true, ...outcome });
  });
