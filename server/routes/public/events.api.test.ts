import { createHarness } from '#harness';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { isHoldout } from '../../../shared/holdout.ts';
import { events, orderAttributions, orders, visitorDays } from '../../db/schema.ts';
import { runBatch } from '../../db/client.ts';
import { ingestStatements } from '../../domain/tracking/ingest.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { batchOf, clearTracking, configureTracking, countEvents, countOrders, eventId, orderKey, postOrder, rollup, sendEvents, SHOP_ORIGIN } from '../../dev/testing/tracking-client.ts';

const HOUR = 3_600_000;
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

const at = () => h.clock.now();
const purchase = (transaction_id: string, value = 147, items = [{ item_id: 'LUM-LAMP-01', price: 129, quantity: 1 }, { item_id: 'LUM-MUG-03', price: 18 }]) => ({
  type: 'purchase' as const,
  at: at(),
  transaction: { transaction_id, value, currency: 'EUR', items },
});

describe('POST /v1/events', () => {
  it('stores a batch, updates the rollups, and counts a resent batch once', async () => {
    const batch = batchOf('v_alice_0001', [
      { type: 'view_item_list', at: at(), galleryId: 'demo', postIds: ['post_demo01', 'post_demo02', 'post_demo03'] },
      { type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' },
      { type: 'select_item', at: at(), galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' },
      { type: 'add_to_cart', at: at(), galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' },
    ]);
    const res = await sendEvents(h, batch);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect((await sendEvents(h, batch)).status).toBe(204);
    // The same ids again, mixed with one new event: only the new one counts.
    const again = { ...batch, events: [...batch.events, { id: eventId(), type: 'select_content' as const, at: at(), galleryId: 'demo', postId: 'post_demo02' }] };
    expect((await sendEvents(h, again)).status).toBe(204);

    expect(await countEvents(h)).toBe(5);
    expect(await rollup(h, 'workspace')).toMatchObject({ impressions: 1, opens: 2, productClicks: 1, addToCarts: 1 });
    expect(await rollup(h, 'gallery', 'demo')).toMatchObject({ impressions: 1, opens: 2, productClicks: 1, addToCarts: 1 });
    // The impression names the posts on show: each counts one, however often the batch is resent.
    expect(await rollup(h, 'post', 'post_demo01')).toMatchObject({ impressions: 1, opens: 1, productClicks: 1, addToCarts: 1 });
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ impressions: 1, opens: 1 });
    expect(await rollup(h, 'post', 'post_demo03')).toMatchObject({ impressions: 1, opens: 0 });
    expect(await rollup(h, 'product', 'prod_demo1')).toMatchObject({ productClicks: 1, addToCarts: 1 });
    const days = await h.db.select().from(visitorDays).where(eq(visitorDays.visitorId, 'v_alice_0001'));
    expect(days.map((d) => [d.galleryId, d.exposed, d.engaged]).sort()).toEqual([['', 1, 1], ['demo', 1, 1]]);
  });

  it('counts an event id repeated inside one batch once', async () => {
    const id = eventId();
    const batch = batchOf('v_twice_0001', [
      { id, type: 'view_item_list', at: at(), galleryId: 'demo' },
      { id, type: 'view_item_list', at: at(), galleryId: 'demo' },
    ]);
    expect((await sendEvents(h, batch)).status).toBe(204);
    expect(await countEvents(h)).toBe(1);
    expect((await rollup(h, 'gallery', 'demo')).impressions).toBe(1);
  });

  it('stores a group of batches (group commit) counting an id sent twice in it once', async () => {
    const settings = (await trackingSettings(h.db, 'ws_demo'))!;
    const id = eventId();
    const one = batchOf('v_group_0001', [{ id, type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' }]);
    const other = batchOf('v_group_0002', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]);
    await runBatch(h.db, await ingestStatements(h.db, [one, one, other].map((batch) => ({ settings, batch, now: at() }))));
    expect(await countEvents(h)).toBe(2);
    expect(await rollup(h, 'gallery', 'demo')).toMatchObject({ impressions: 1, opens: 1 });
    expect((await h.db.select().from(visitorDays)).map((d) => [d.visitorId, d.galleryId, d.engaged]).sort()).toEqual([
      ['v_group_0001', '', 1],
      ['v_group_0001', 'demo', 1],
      ['v_group_0002', '', 0],
      ['v_group_0002', 'demo', 0],
    ]);
  });

  it('refuses malformed batches with a 400 naming the field, and stores nothing', async () => {
    const good = batchOf('v_bad_00001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]);
    const cases: [unknown, string][] = [
      [{ ...good, events: [...good.events, ...good.events, ...good.events, { ...good.events[0], id: eventId(), type: 'page_view' }] }, 'events[3].type'],
      [{ ...good, events: [{ ...good.events[0], galleryId: undefined }] }, 'events[0].galleryId'],
      [{ ...good, visitorId: 'short' }, 'visitorId'],
      [{ ...good, consent: 'maybe' }, 'consent'],
      [{ ...good, events: [] }, 'events'],
      [{ ...good, events: [{ ...good.events[0], extra: 1 }] }, 'events[0].extra'],
      [{ ...good, events: [{ ...good.events[0], postIds: ['post_demo01', '../etc'] }] }, 'events[0].postIds[1]'],
      [{ ...good, events: [{ ...good.events[0], postIds: Array.from({ length: 51 }, (_, i) => `post_${i}`) }] }, 'events[0].postIds'],
      [{ ...good, events: [{ id: eventId(), ...purchase('') }] }, 'events[0].transaction.transaction_id'],
      [{ ...good, events: [{ id: eventId(), ...purchase('T-1'), transaction: { ...purchase('T-1').transaction, currency: 'euro' } }] }, 'events[0].transaction.currency'],
      ['{not json', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await sendEvents(h, body);
      expect(res.status, field).toBe(400);
      const error = ((await res.json()) as { error: { field: string; message: string } }).error;
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
    }
    expect(await countEvents(h)).toBe(0);
    expect(await countOrders(h)).toBe(0);
  });

  it('refuses a body over 16 KiB with a 413 and stores nothing', async () => {
    const big = batchOf('v_big_000001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]);
    const body = JSON.stringify({ ...big, padding: 'x'.repeat(17 * 1024) });
    const res = await sendEvents(h, body);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('body');
    expect(await countEvents(h)).toBe(0);
  });

  it('refuses other origins with a 403 and stores nothing; takes its own origin (the demo store)', async () => {
    const batch = () => batchOf('v_origin_001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]);
    for (const origin of ['https://evil.example', 'https://shop.example.evil.com', null]) {
      const res = await sendEvents(h, batch(), { origin });
      expect(res.status, String(origin)).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await countEvents(h)).toBe(0);
    expect((await sendEvents(h, batch(), { origin: 'http://vitrine.test' })).status).toBe(204);
    expect(await countEvents(h)).toBe(1);
  });

  it('takes a sandboxed sender (Shopify\'s pixel: Origin null or none) by the allowed shop its batch names, and nothing else', async () => {
    const batch = (shop?: string) => batchOf('v_pixel_0001', [{ type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' }], shop ? { shop } : {});
    // Each refusal names the field at fault, and stores nothing.
    const refusals: [string | null, string | undefined, number, string][] = [
      ['null', 'https://evil.example', 403, 'shop'],
      [null, 'https://evil.example', 403, 'shop'],
      ['null', undefined, 403, 'Origin'],
      // A page with a real Origin is judged by it, whatever shop its batch names.
      ['https://evil.example', SHOP_ORIGIN, 403, 'Origin'],
      ['null', 'https://shop.example/checkout', 400, 'shop'],
      ['null', 'javascript:alert(1)', 400, 'shop'],
    ];
    for (const [origin, shop, status, field] of refusals) {
      const res = await sendEvents(h, batch(shop), { origin });
      expect(res.status, `${origin} ${shop}`).toBe(status);
      expect(((await res.json()) as { error: { field: string } }).error.field, `${origin} ${shop}`).toBe(field);
    }
    expect(await countEvents(h)).toBe(0);
    for (const origin of ['null', null]) {
      const res = await sendEvents(h, batch(SHOP_ORIGIN), { origin });
      expect(res.status, String(origin)).toBe(204);
      // A sandbox reads no answer, and is not named as a reader.
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await countEvents(h)).toBe(2);
  });

  it('credits the post a visitor opened for the order a pixel reports with that visitor\'s id', async () => {
    await sendEvents(h, batchOf('v_pixel_0002', [{ type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' }]));
    h.clock.set(start + HOUR);
    const order = batchOf('v_pixel_0002', [{ ...purchase('SHOPIFY-5001', 18, [{ item_id: 'LUM-MUG-03', price: 18, quantity: 1 }]), at: at() }], { shop: SHOP_ORIGIN });
    expect((await sendEvents(h, order, { origin: 'null' })).status).toBe(204);
    const [row] = await h.db.select({ id: orders.id }).from(orders).where(eq(orders.transactionId, 'SHOPIFY-5001'));
    const credits = await h.db.select().from(orderAttributions).where(eq(orderAttributions.orderId, row!.id));
    expect(credits.find((c) => c.productId === null)).toMatchObject({ kind: 'last_click', postId: 'post_demo01', valueMinor: 1800 });
  });

  it('names an unknown workspace', async () => {
    const res = await sendEvents(h, batchOf('v_nows_00001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }], { workspaceId: 'ws_nope' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('workspaceId');
  });

  it('acknowledges bots and stores nothing', async () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', '']) {
      expect((await sendEvents(h, batchOf('v_bot_000001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]), { ua })).status).toBe(204);
    }
    expect(await countEvents(h)).toBe(0);
  });

  it('limits batches per visitor with a 429 and Retry-After', async () => {
    let last: Response | null = null;
    for (let i = 0; i < 121; i++) last = await sendEvents(h, batchOf('v_flood_0001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]));
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await countEvents(h)).toBe(120);
    // Another visitor from the same address is not held back.
    expect((await sendEvents(h, batchOf('v_calm_00001', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]))).status).toBe(204);
  });

  it('clamps client clocks into the day before arrival', async () => {
    await sendEvents(h, batchOf('v_clock_0001', [{ type: 'view_item_list', at: at() + 30 * 24 * HOUR, galleryId: 'demo' }, { type: 'view_item_list', at: 0, galleryId: 'demo' }]));
    const stored = (await h.db.select({ at: events.occurredAt }).from(events)).map((e) => e.at - at()).sort((a, b) => a - b);
    expect(stored).toEqual([-24 * HOUR, 0]);
  });

  it('refuses a consenting batch without its ids, naming the field', async () => {
    const { visitorId: _v, ...noVisitor } = batchOf('v_nameless_1', [{ type: 'view_item_list', at: at(), galleryId: 'demo' }]);
    const res = await sendEvents(h, noVisitor);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('visitorId');
  });

  it('without consent, counts the events but links no order to the visitor', async () => {
    const visitor = 'v_denied_001';
    await sendEvents(h, batchOf(visitor, [{ type: 'select_item', at: at(), galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' }, purchase('T-DENIED')], { consent: 'denied' }));
    expect((await rollup(h, 'post', 'post_demo01')).productClicks).toBe(1);
    const [order] = await h.db.select().from(orders).where(eq(orders.transactionId, 'T-DENIED'));
    expect(order).toMatchObject({ visitorId: null, sessionId: null, channel: 'beacon', valueMinor: 14700 });
    expect(await h.db.select().from(orderAttributions)).toEqual([]);
  });

  it('recomputes the holdout itself: a holdout visitor is marked whatever the client says', async () => {
    await configureTracking(h, { holdoutShare: 0.5 });
    let visitor = '';
    for (let i = 0; !visitor; i++) if (isHoldout('ws_demo', `v_hold_${i}_xx`, 0.5)) visitor = `v_hold_${i}_xx`;
    await sendEvents(h, batchOf(visitor, [{ type: 'vitrine_holdout', at: at(), galleryId: 'demo' }]));
    const [stored] = await h.db.select().from(events);
    expect(stored!.holdout).toBe(true);
    const days = await h.db.select().from(visitorDays);
    expect(days.every((d) => d.holdout === 1 && d.exposed === 1 && d.engaged === 0)).toBe(true);
    expect((await rollup(h, 'gallery', 'demo')).impressions).toBe(0);
  });
});

describe('the gallery API tells the tracker where to send events', () => {
  it('carries tracking { workspaceId, holdoutShare, consentDefault } in JSON and HTML', async () => {
    await configureTracking(h, { holdoutShare: 0.1 });
    const body = (await (await request(h, '/v1/galleries/demo/posts')).json()) as GalleryPostsResponse;
    expect(body.tracking).toEqual({ workspaceId: 'ws_demo', holdoutShare: 0.1, consentDefault: 'denied' });
    const html = await (await request(h, '/v1/galleries/demo/posts.html')).text();
    expect(html).toContain('data-workspace="ws_demo" data-holdout-share="0.1" data-consent-default="denied"');
    // A store with another legal basis: the widget then stores an id unless told otherwise.
    await configureTracking(h, { holdoutShare: 0.1, consentDefault: 'granted' });
    const granted = (await (await request(h, '/v1/galleries/demo/posts')).json()) as GalleryPostsResponse;
    expect(granted.tracking.consentDefault).toBe('granted');
  });
});

describe('purchases: beacon and POST /v1/orders', () => {
  it('counts the same transaction once, beacon first then API (the confirmed order takes its place)', async () => {
    const key = await orderKey(h);
    await sendEvents(h, batchOf('v_buyer_0001', [{ type: 'select_content', at: at(), galleryId: 'demo', postId: 'post_demo01' }, purchase('T-100')]));
    const res = await postOrder(h, key, { transaction_id: 'T-100', value: 147, currency: 'EUR', items: [{ item_id: 'LUM-LAMP-01' }], visitor_id: 'v_buyer_0001' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ transactionId: 'T-100', created: true, replaced: true });
    const again = await postOrder(h, key, { transaction_id: 'T-100', value: 147, currency: 'EUR', items: [{ item_id: 'LUM-LAMP-01' }], visitor_id: 'v_buyer_0001' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ transactionId: 'T-100', created: false, replaced: false });
    expect(await countOrders(h, 'T-100')).toBe(1);
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo01')).toMatchObject({ orders: 1, revenueMinor: 14700 });
  });

  it('counts the same transaction once, API first then beacon', async () => {
    const key = await orderKey(h);
    await sendEvents(h, batchOf('v_buyer_0002', [{ type: 'select_item', at: at(), galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' }]));
    h.clock.advance(HOUR);
    const res = await postOrder(h, key, { transaction_id: 'T-200', value: 147, currency: 'EUR', items: [{ item_id: 'LUM-LAMP-01', price: 129 }, { item_id: 'LUM-MUG-03', price: 18 }], visitor_id: 'v_buyer_0002' });
    expect(res.status).toBe(201);
    expect((await sendEvents(h, batchOf('v_buyer_0002', [purchase('T-200')]))).status).toBe(204);
    expect((await sendEvents(h, batchOf('v_buyer_0002', [purchase('T-200')]))).status).toBe(204);
    expect(await countOrders(h, 'T-200')).toBe(1);
    const [order] = await h.db.select().from(orders).where(eq(orders.transactionId, 'T-200'));
    expect(order!.channel).toBe('api');
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    // The clicked lamp and the mug the credited post shows share the credit, each with its line.
    expect(await rollup(h, 'product', 'prod_demo1')).toMatchObject({ orders: 1, revenueMinor: 12900 });
    expect(await rollup(h, 'product', 'prod_demo3')).toMatchObject({ orders: 1, revenueMinor: 1800 });
  });

  it('needs an API key with the orders scope, and a transaction id', async () => {
    const body = { transaction_id: 'T-300', value: 10, currency: 'EUR', items: [] };
    expect((await request(h, '/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(401);
    expect((await postOrder(h, 'vk_not_a_key', body)).status).toBe(401);
    expect((await postOrder(h, await orderKey(h, ['events:write']), body)).status).toBe(403);
    const key = await orderKey(h);
    for (const [bad, field] of [[{ ...body, transaction_id: '' }, 'transaction_id'], [{ ...body, transaction_id: '   ' }, 'transaction_id'], [{ ...body, value: -1 }, 'value'], [{ ...body, items: [{ item_id: 'X', quantity: 0 }] }, 'items[0].quantity']] as const) {
      const res = await postOrder(h, key, bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
    expect(await countOrders(h)).toBe(0);
  });
});

describe('attribution windows', () => {
  /** When each order is placed: the harness clock's start, whatever day that is (touches come before it). */
  let T = 0;
  beforeAll(() => {
    T = start;
  });
  async function journey(visitor: string, touches: { type: 'view_item_list' | 'select_content'; at: number }[], orderAt: number, transactionId: string) {
    for (const touch of touches) {
      h.clock.set(touch.at);
      await sendEvents(h, batchOf(visitor, [{ ...touch, galleryId: 'demo', ...(touch.type === 'select_content' ? { postId: 'post_demo01' } : {}) }]));
    }
    h.clock.set(orderAt);
    const key = await orderKey(h);
    expect((await postOrder(h, key, { transaction_id: transactionId, value: 18, currency: 'EUR', items: [{ item_id: 'LUM-MUG-03', price: 18 }], visitor_id: visitor, occurred_at: orderAt })).status).toBe(201);
    const [order] = await h.db.select({ id: orders.id }).from(orders).where(eq(orders.transactionId, transactionId));
    return h.db.select().from(orderAttributions).where(eq(orderAttributions.orderId, order!.id));
  }

  it('credits a click exactly 7 days old (the default click window)', async () => {
    const credits = await journey('v_edge_click', [{ type: 'select_content', at: T - 168 * HOUR }], T, 'T-EDGE-1');
    expect(credits.find((c) => c.productId === null)).toMatchObject({ kind: 'last_click', postId: 'post_demo01', galleryId: 'demo', valueMinor: 1800 });
    expect(credits.find((c) => c.productId === 'prod_demo3')).toMatchObject({ kind: 'last_click', valueMinor: 1800 });
  });

  it('falls back to a view exactly 1 day old when the click is 1 ms past its window', async () => {
    const credits = await journey('v_edge_view', [{ type: 'select_content', at: T - 168 * HOUR - 1 }, { type: 'view_item_list', at: T - 24 * HOUR }], T, 'T-EDGE-2');
    expect(credits).toEqual([expect.objectContaining({ kind: 'last_view', galleryId: 'demo', postId: null, productId: null, valueMinor: 1800 })]);
    expect(await rollup(h, 'gallery', 'demo')).toMatchObject({ orders: 1, revenueMinor: 1800 });
    expect((await rollup(h, 'post', 'post_demo01')).orders).toBe(0);
  });

  it('credits nothing when the view is 1 ms past its window, yet the order counts', async () => {
    const credits = await journey('v_edge_none', [{ type: 'view_item_list', at: T - 24 * HOUR - 1 }], T, 'T-EDGE-3');
    expect(credits).toEqual([]);
    expect(await countOrders(h, 'T-EDGE-3')).toBe(1);
    expect((await rollup(h, 'workspace')).orders).toBe(0);
  });

  it('follows the workspace windows and marks other touched posts as assisted', async () => {
    await configureTracking(h, { clickWindowHours: 1 });
    h.clock.set(T - 2 * HOUR);
    await sendEvents(h, batchOf('v_assist_001', [{ type: 'select_content', at: T - 2 * HOUR, galleryId: 'demo', postId: 'post_demo02' }]));
    h.clock.set(T - 30 * 60_000);
    await sendEvents(h, batchOf('v_assist_001', [{ type: 'select_content', at: T - 30 * 60_000, galleryId: 'demo', postId: 'post_demo03' }, { type: 'select_content', at: T - 20 * 60_000, galleryId: 'demo', postId: 'post_demo01' }]));
    const credits = await journey('v_assist_001', [], T, 'T-ASSIST');
    expect(credits.filter((c) => c.productId === null).map((c) => [c.kind, c.postId]).sort()).toEqual([['assisted', 'post_demo03'], ['last_click', 'post_demo01']]);
    expect(await rollup(h, 'post', 'post_demo03')).toMatchObject({ orders: 0, assistedOrders: 1 });
    expect((await rollup(h, 'post', 'post_demo02')).assistedOrders).toBe(0);
  });
});
