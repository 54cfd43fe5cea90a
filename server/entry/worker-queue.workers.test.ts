/**
 * Event ingest through Cloudflare Queues, inside workerd: the request answers once its batch is
 * on the queue (the real binding of wrangler.toml), and the Worker's `queue()` consumer stores
 * deliveries exactly once, however often a message comes and whichever message fails.
 */
import { createHarness } from '#harness';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageBatch } from '@cloudflare/workers-types/index.ts';
import { events, orders, visitors } from '../db/schema.ts';
import type { EventQueue, QueuedEvents } from '../deps.ts';
import { tableDigests } from '../dev/testing/db-digest.ts';
import type { Harness } from '../dev/testing/harness.ts';
import { TEST_CLIENT_IP_HEADER } from '../dev/testing/client-ip.ts';
import { batchOf, BROWSER_UA, clearTracking, configureTracking, countEvents, countOrders, eventId, rollup, SHOP_ORIGIN } from '../dev/testing/tracking-client.ts';
import type { WorkerEnv } from './worker-deps.ts';
import { workerEntry } from './worker.ts';

const workerEnv = env as unknown as WorkerEnv;
let h: Harness;
let start = 0;
beforeAll(async () => {
  h = await createHarness();
  start = h.clock.now();
});
beforeEach(async () => {
  h.clock.set(start);
  await clearTracking(h);
  await configureTracking(h);
});
afterEach(() => vi.restoreAllMocks());

/** A queue that keeps what was sent, over the real binding when `to` is given. */
function recordingQueue(to?: EventQueue) {
  const sent: QueuedEvents[] = [];
  return { sent, queue: { send: async (message) => void (sent.push(message), await to?.send(message)) } satisfies EventQueue };
}

/** The deployed handlers, on the harness's database and clock, with this event queue (null: none). */
const worker = (eventQueue: EventQueue | null) => workerEntry(() => ({ ...h.deps, eventQueue }));

function post(entry: ReturnType<typeof worker>, body: unknown) {
  const request = new Request('https://vitrine.example/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SHOP_ORIGIN, 'user-agent': BROWSER_UA, [TEST_CLIENT_IP_HEADER]: '203.0.113.9' },
    body: JSON.stringify(body),
  });
  return entry.fetch(request, workerEnv, createExecutionContext());
}

let delivery = 0;
/** Delivers messages to the Worker's consumer as Cloudflare Queues would; answers which were acked and which retried. */
async function deliver(entry: ReturnType<typeof worker>, bodies: unknown[]) {
  const n = ++delivery;
  const messages = bodies.map((body, i) => ({ id: `msg_${n}_${i}`, timestamp: new Date(h.clock.now()), attempts: 1, body }));
  const batch = createMessageBatch('vitrine-events', messages);
  const ctx = createExecutionContext();
  await entry.queue(batch as unknown as MessageBatch<unknown>, workerEnv);
  const result = await getQueueResult(batch, ctx);
  return { acked: result.explicitAcks, retried: result.retryMessages.map((r: { msgId: string }) => r.msgId) };
}

const browsing = (visitor: string) =>
  batchOf(visitor, [
    { type: 'view_item_list', at: h.clock.now(), galleryId: 'demo', postIds: ['post_demo01', 'post_demo02'] },
    { type: 'select_content', at: h.clock.now(), galleryId: 'demo', postId: 'post_demo01' },
    { type: 'select_item', at: h.clock.now(), galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' },
  ]);

describe('the producer: POST /v1/events with the EVENTS binding', () => {
  it('answers 204 once the batch is on the queue, and writes nothing in the request', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    const batch = browsing('v_queue_0001');
    const res = await post(entry, batch);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(sent).toEqual([{ v: 1, workspaceId: 'ws_demo', receivedAt: h.clock.now(), batch }]);
    expect(await countEvents(h)).toBe(0);
  });

  it('validates as before: a bad field is a 400 naming it, another origin a 403, and nothing is enqueued', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    const bad = await post(entry, { ...browsing('v_queue_0002'), consent: 'maybe' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'consent' } });
    const refused = await entry.fetch(new Request('https://vitrine.example/v1/events', { method: 'POST', headers: { origin: 'https://elsewhere.example', 'user-agent': BROWSER_UA }, body: JSON.stringify(browsing('v_queue_0002')) }), workerEnv, createExecutionContext());
    expect(refused.status).toBe(403);
    expect(sent).toEqual([]);
  });

  it('answers 204 only when the queue took the batch: a failed send is an error the page retries', async () => {
    const entry = worker({ send: () => Promise.reject(new Error('queue unavailable')) });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await post(entry, browsing('v_queue_0003'));
    expect(res.status).toBe(500);
  });

  it('end to end on the bindings of wrangler.toml: enqueued by the request, stored by the deployed queue() consumer', async () => {
    // The producer as workerDeps builds it from env.EVENTS; miniflare delivers to the Worker's
    // default export, which stores on its own deps (workerDeps: the same D1). Delivery waits
    // for max_batch_timeout, so this polls the database until the events are there.
    const { eventQueue } = (await import('./worker-deps.ts')).workerDeps(workerEnv, h.clock);
    expect(eventQueue).not.toBeNull();
    expect((await post(worker(eventQueue!), browsing('v_queue_0004'))).status).toBe(204);
    await vi.waitFor(async () => expect(await countEvents(h)).toBe(3), { timeout: 20_000, interval: 100 });
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 1, opens: 1, productClicks: 1 });
  });
});

/** What the reports are made of, apart from rows whose ids are drawn fresh on every write (events' batch ids, orders). */
const ROLLUP_TABLES = ['daily_rollups', 'visitor_days', 'visitors', 'visitor_recency'];
const rollupDigests = async () => {
  const all = await tableDigests(h.db);
  return Object.fromEntries(ROLLUP_TABLES.map((t) => [t, all[t]]));
};

/** Two visitors browse; one buys what she clicked, in a later batch. */
const shopping = () => {
  const alice = browsing('v_alice_queue1');
  const order = batchOf('v_alice_queue1', [{ type: 'purchase', at: h.clock.now(), transaction: { transaction_id: 'T-QUEUE-1', value: 129, currency: 'EUR', items: [{ item_id: 'LUM-LAMP-01', price: 129 }] } }]);
  const bob = batchOf('v_bob_queue01', [{ type: 'view_item_list', at: h.clock.now(), galleryId: 'demo', postIds: ['post_demo03'] }], { consent: 'denied', visitorId: undefined, sessionId: undefined });
  return [alice, bob, order];
};

describe('the consumer: queue()', () => {
  it('stores a delivery with the same rollups, visitors and order as a direct write', async () => {
    const batches = shopping();
    const direct = worker(null);
    for (const batch of batches) expect((await post(direct, batch)).status).toBe(204);
    const expected = await rollupDigests();
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 2, opens: 1, productClicks: 1, orders: 1, revenueMinor: 12_900 });

    await clearTracking(h);
    const { sent, queue } = recordingQueue();
    const queued = worker(queue);
    for (const batch of batches) expect((await post(queued, batch)).status).toBe(204);
    expect(await countEvents(h)).toBe(0);
    expect(await deliver(queued, sent)).toEqual({ acked: [0, 1, 2].map((i) => `msg_${delivery}_${i}`), retried: [] });
    expect(await countEvents(h)).toBe(5);
    expect(await countOrders(h, 'T-QUEUE-1')).toBe(1);
    expect(await rollupDigests()).toEqual(expected);
  });

  it('dates events by when the request took them, however late the consumer runs', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    // Taken at 23:00 UTC; delivered 30 hours later, after a queue backlog or an outage.
    h.clock.set(Date.UTC(2026, 2, 10, 23));
    expect((await post(entry, browsing('v_late_queue1'))).status).toBe(204);
    h.clock.set(Date.UTC(2026, 2, 12, 5));
    expect((await deliver(entry, sent)).retried).toEqual([]);
    const days = await h.db.all<{ day: string }>(sql`select distinct day from daily_rollups`);
    expect(days).toEqual([{ day: '2026-03-10' }]);
  });

  it('changes nothing when a delivery comes again, or holds the same message twice', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    for (const batch of shopping()) await post(entry, batch);
    expect((await deliver(entry, sent)).retried).toEqual([]);
    const stored = await tableDigests(h.db);
    expect(await countEvents(h)).toBe(5);

    // Redelivered whole (its acknowledgement was lost), then one message twice in one delivery.
    const again = await deliver(entry, sent);
    expect(again.acked).toHaveLength(3);
    const twice = await deliver(entry, [sent[0], sent[0], sent[2], sent[2]]);
    expect(twice).toMatchObject({ retried: [] });
    expect(twice.acked).toHaveLength(4);
    expect(await tableDigests(h.db)).toEqual(stored);
    expect(await countOrders(h, 'T-QUEUE-1')).toBe(1);
  });

  it('counts a message held twice in its first delivery once', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    await post(entry, browsing('v_dup_queue01'));
    expect((await deliver(entry, [sent[0], sent[0]])).retried).toEqual([]);
    expect(await countEvents(h)).toBe(3);
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 1, opens: 1, productClicks: 1 });
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ impressions: 1 });
  });

  it('retries only the message whose write fails; the rest of the delivery is acked and stored', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    for (const visitor of ['v_first_queue', 'v_poison_queue', 'v_third_queue']) await post(entry, browsing(visitor));
    // D1 refuses every write that holds the poisoned visitor's events (the whole delivery's too).
    const batch = h.db.batch.bind(h.db);
    type Item = { toSQL(): { params: unknown[] } };
    vi.spyOn(h.db, 'batch').mockImplementation(((items: Item[]) =>
      items.some((item) => JSON.stringify(item.toSQL().params).includes('v_poison_queue')) ? Promise.reject(new Error('D1_ERROR: simulated')) : batch(items as never)) as never);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

    const first = await deliver(entry, sent);
    expect(first.retried).toEqual([`msg_${delivery}_1`]);
    expect(first.acked).toEqual([`msg_${delivery}_0`, `msg_${delivery}_2`]);
    expect(await countEvents(h)).toBe(6);
    expect(logged).toHaveBeenCalledWith('event message will be retried', `msg_${delivery}_1`, 'attempt 1', 'D1_ERROR: simulated');

    // The retry, once D1 takes it again, stores it; the others' events still count once.
    vi.mocked(h.db.batch).mockRestore();
    expect(await deliver(entry, [sent[1]])).toEqual({ acked: [`msg_${delivery}_0`], retried: [] });
    expect(await countEvents(h)).toBe(9);
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 3, opens: 3, productClicks: 3 });
  });

  it('keeps a visitor erased while their batch waited on the queue erased, and their order, unlinked, once', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    const [alice, , order] = shopping();
    for (const batch of [alice, order]) expect((await post(entry, batch)).status).toBe(204);
    h.clock.advance(1_000);
    const forget = await entry.fetch(new Request('https://vitrine.example/v1/forget', { method: 'POST', headers: { 'content-type': 'text/plain', [TEST_CLIENT_IP_HEADER]: '203.0.113.9' }, body: JSON.stringify({ workspaceId: 'ws_demo', visitorId: 'v_alice_queue1' }) }), workerEnv, createExecutionContext());
    expect(forget.status).toBe(204);
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    // Delivered after the erasure: the browsing is not stored, the order is, with no visitor.
    expect(await deliver(entry, sent)).toMatchObject({ retried: [] });
    const kept = await h.db.select({ type: events.type, visitorId: events.visitorId }).from(events);
    expect(kept).toEqual([{ type: 'purchase', visitorId: '' }]);
    expect(await h.db.select().from(visitors).where(eq(visitors.visitorId, 'v_alice_queue1'))).toEqual([]);
    expect(await h.db.select({ visitorId: orders.visitorId }).from(orders).where(eq(orders.transactionId, 'T-QUEUE-1'))).toEqual([{ visitorId: null }]);
    // (No touch of hers is left to credit it to a gallery.)
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 0, opens: 0, productClicks: 0, orders: 0 });
    expect(await countOrders(h)).toBe(1);
    // Delivered again, it changes nothing.
    const stored = await tableDigests(h.db);
    await deliver(entry, sent);
    expect(await tableDigests(h.db)).toEqual(stored);
  });

  it('retries a body it cannot read and drops one whose workspace is gone, storing the rest', async () => {
    const { sent, queue } = recordingQueue();
    const entry = worker(queue);
    await post(entry, browsing('v_kept_queue1'));
    const gone: QueuedEvents = { ...sent[0]!, workspaceId: 'ws_gone', batch: { ...sent[0]!.batch, workspaceId: 'ws_gone', events: [{ id: eventId(), type: 'view_item_list', at: h.clock.now(), galleryId: 'demo' }] } };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dropped = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await deliver(entry, [{ v: 2, something: 'else' }, sent[0], gone]);
    expect(result).toEqual({ acked: [`msg_${delivery}_1`, `msg_${delivery}_2`], retried: [`msg_${delivery}_0`] });
    expect(dropped).toHaveBeenCalledWith('event message dropped', `msg_${delivery}_2`, 'workspace ws_gone no longer exists');
    expect(await countEvents(h)).toBe(3);
  });
});
