/**
 * Signed webhooks to the merchant's own systems (rights granted, declined or withdrawn, a post
 * erased). Events are queued in the same batch as the change that causes them, so none is lost,
 * and delivered by the scheduler with retries. Each delivery is signed like Stripe's:
 * `X-Vitrine-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.body" under the endpoint secret>`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { webhookEndpointInput } from '../../../shared/schemas/rights.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema.ts';
import { Invalid, notFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Outbound } from '../../outbound/guarded-fetch.ts';
import { urlRefusal } from '../../outbound/target.ts';
import { open, seal } from '../../security/secret-box.ts';
import { hmacSha256Hex, randomToken } from '../../security/tokens.ts';
import { auditStatement } from '../audit/audit.ts';
import type { Actor } from '../posts/moderation.ts';
import { claimDue } from '../../db/due-queue.ts';
import { backoffMs } from '../../lib/backoff.ts';

const SECRET_PURPOSE = 'webhook-secret';
const MAX_ATTEMPTS = 10;
/** Only the status matters; a receiver that answers slowly or at length is cut off. */
const DELIVERY_LIMITS = { redirect: 'manual', timeoutMs: 10_000, maxBytes: 64 * 1024 } as const;

export type OutgoingEvent = 'rights.granted' | 'rights.declined' | 'rights.withdrawn' | 'post.erased';

/** The deliveries an event makes, as statements for the caller's batch. */
export async function eventStatements(db: Db, workspaceId: string, event: OutgoingEvent, data: Record<string, unknown>, now: number) {
  const endpoints = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true)));
  return endpoints
    .filter((e) => e.events.includes(event))
    .map((e) => {
      const id = newId('whd');
      return db.insert(webhookDeliveries).values({ id, endpointId: e.id, event, payload: { id, event, createdAt: new Date(now).toISOString(), data }, status: 'pending', nextAttemptAt: now, createdAt: now });
    });
}

export async function deliverWebhooks(deps: { db: Db; appSecret: string; outbound: Outbound }, now: number, limit = 20): Promise<number> {
  // Claimed, not just read: a run overlapping this one never sends the same delivery twice.
  const claimed = await claimDue(deps.db, { table: webhookDeliveries, id: webhookDeliveries.id, nextAttemptAt: webhookDeliveries.nextAttemptAt, ready: eq(webhookDeliveries.status, 'pending') }, now, limit);
  const due = claimed.length === 0 ? [] : await deps.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(inArray(webhookDeliveries.id, claimed))
    .orderBy(asc(webhookDeliveries.createdAt));
  let delivered = 0;
  for (const { delivery, endpoint } of due) {
    const body = JSON.stringify(delivery.payload);
    const t = Math.floor(now / 1000);
    const signature = await hmacSha256Hex(await open(deps.appSecret, SECRET_PURPOSE, endpoint.secretCiphertext), `${t}.${body}`);
    let error: string | null = null;
    try {
      const response = await deps.outbound(
        new Request(endpoint.url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-vitrine-event': delivery.event, 'x-vitrine-delivery': delivery.id, 'x-vitrine-signature': `t=${t},v1=${signature}` },
        }),
        // A redirect is not followed: the merchant registered this exact address.
        DELIVERY_LIMITS,
      );
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = delivery.attempts + 1;
    await deps.db
      .update(webhookDeliveries)
      .set(error ? { attempts, lastError: error, status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', nextAttemptAt: now + backoffMs(attempts, { baseMs: 60_000, capMs: 24 * 3_600_000 }) } : { attempts, status: 'delivered', lastError: null, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (!error) delivered++;
  }
  return delivered;
}

export async function createEndpoint(db: Db, appSecret: string, actor: Actor, input: z.infer<typeof webhookEndpointInput>, now: number) {
  // Checked when registered, not only when sent: an owner learns at once that it cannot work.
  const refusal = urlRefusal(input.url);
  if (refusal) throw new Invalid('invalid_parameter', `url: ${refusal}; webhooks go to a public https address`, 'url');
  const secret = `whsec_${randomToken(24)}`;
  const id = newId('whe');
  await runBatch(db, [
    db.insert(webhookEndpoints).values({ id, workspaceId: actor.workspaceId, url: input.url, secretCiphertext: await seal(appSecret, SECRET_PURPOSE, secret), events: input.events, createdAt: now }),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'webhook.created', targetType: 'webhook_endpoint', targetId: id, after: input, at: now }),
  ]);
  // The secret is shown once, to be set in the receiving system; Vitrine keeps it sealed.
  return { id, url: input.url, events: input.events, secret };
}

export function listEndpoints(db: Db, workspaceId: string) {
  return db.select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events, enabled: webhookEndpoints.enabled, createdAt: webhookEndpoints.createdAt }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId));
}

export async function deleteEndpoint(db: Db, actor: Actor, id: string, now: number) {
  const where = and(eq(webhookEndpoints.workspaceId, actor.workspaceId), eq(webhookEndpoints.id, id));
  const [row] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(where);
  if (!row) throw notFound('webhook endpoint');
  await runBatch(db, [
    db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id)),
    db.delete(webhookEndpoints).where(where),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'webhook.deleted', targetType: 'webhook_endpoint', targetId: id, at: now }),
  ]);
}
