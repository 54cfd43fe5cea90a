import { createHarness } from '#harness';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminPostDetail } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import type { ReportOverview, ReportTop } from '../../../shared/report-types.ts';
import { runBatch } from '../../db/client.ts';
import { galleries, orderAttributions, orders, visitors } from '../../db/schema.ts';
import { planOrder, recordOrder, type OrderInput } from '../../domain/tracking/orders.ts';
import { utcDay } from '../../domain/tracking/days.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { batchOf, clearTracking, configureTracking, countOrders, orderKey, postOrder, recencyBucketsAgree, rollup, sendEvents } from '../../dev/testing/tracking-client.ts';

/**
 * Forged purchases: anyone can send `POST /v1/events` a `purchase` (the workspace id is public,
 * `Origin` is a header). A forger clicks post_demo02 and "buys" for 999 €; the real shopper clicks
 * post_demo01 and pays 147 €, confirmed by the shop's server through `POST /v1/orders`.
 */
const HOUR = 3_600_000;
let h: Harness;
let owner: AdminSession;
let key: string;
let start = 0;
beforeAll(async () => {
  h = await createHarness();
  start = h.clock.now();
  owner = await signIn(h);
  key = await orderKey(h);
});
beforeEach(async () => {
  h.clock.set(start);
  await clearTracking(h);
  await configureTracking(h);
  await h.db.update(galleries).set({ sort: 'newest' }).where(eq(galleries.id, 'demo'));
});

const REAL = { transaction_id: 'T-REAL', value: 147, currency: 'EUR', items: [{ item_id: 'LUM-LAMP-01', price: 129 }, { item_id: 'LUM-MUG-03', price: 18 }] };
const forged = (transaction_id: string) => ({ type: 'purchase' as const, at: h.clock.now(), transaction: { transaction_id, value: 999, currency: 'EUR', items: [{ item_id: 'LUM-BAG-04', price: 999 }] } });
const clickPost = (postId: string) => ({ type: 'select_content' as const, at: h.clock.now(), galleryId: 'demo', postId });

async function forge(transactionId: string) {
  expect((await sendEvents(h, batchOf('v_forger_0001', [clickPost('post_demo02'), forged(transactionId)]))).status).toBe(204);
}

async function realShopperClicks() {
  expect((await sendEvents(h, batchOf('v_shopper_001', [clickPost('post_demo01')]))).status).toBe(204);
}

async function orderRow(transactionId: string) {
  const [row] = await h.db.select().from(orders).where(and(eq(orders.workspaceId, 'ws_demo'), eq(orders.transactionId, transactionId)));
  return row!;
}

async function lastOrderDay(visitorId: string) {
  const [row] = await h.db.select({ day: visitors.lastOrderDay }).from(visitors).where(and(eq(visitors.workspaceId, 'ws_demo'), eq(visitors.visitorId, visitorId), eq(visitors.galleryId, '')));
  return row?.day ?? null;
}

describe('a forged browser purchase, then the real order', () => {
  it('counts the real order with its value, credits and visitor; the forged one is gone from every rollup', async () => {
    await realShopperClicks();
    await forge('T-REAL');
    await forge('T-REAL'); // the forger retries: still one report
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ orders: 1, revenueMinor: 99900 });
    h.clock.advance(HOUR);

    // Without occurred_at the order keeps the report's time (the shop confirms a purchase it saw).
    const res = await postOrder(h, key, { ...REAL, visitor_id: 'v_shopper_001' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ transactionId: 'T-REAL', created: true, replaced: true });
    // The shop's server retries, the forger tries again: nothing changes.
    expect((await postOrder(h, key, { ...REAL, value: 1, visitor_id: 'v_shopper_001' })).status).toBe(200);
    await forge('T-REAL');

    expect(await countOrders(h, 'T-REAL')).toBe(1);
    expect(await orderRow('T-REAL')).toMatchObject({ channel: 'api', valueMinor: 14700, currency: 'EUR', visitorId: 'v_shopper_001', occurredAt: start });
    expect((await orderRow('T-REAL')).items.map((i) => i.itemId)).toEqual(['LUM-LAMP-01', 'LUM-MUG-03']);
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo01')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ orders: 0, revenueMinor: 0, opens: 3 });
    expect(await rollup(h, 'product', 'prod_demo1')).toMatchObject({ orders: 1, revenueMinor: 12900 });
    expect(await h.db.select({ postId: orderAttributions.postId }).from(orderAttributions).where(eq(orderAttributions.kind, 'last_click'))).toEqual([
      { postId: 'post_demo01' },
      { postId: 'post_demo01' },
      { postId: 'post_demo01' },
    ]);
    // The forger is no buyer any more; the shopper is, and the recency buckets moved both.
    expect(await lastOrderDay('v_forger_0001')).toBeNull();
    expect(await lastOrderDay('v_shopper_001')).toBe(utcDay(start));
    expect(await recencyBucketsAgree(h)).toBe(true);
  });

  it('keeps the browser report’s visitor and time when the server names neither (a shop that sends both)', async () => {
    await realShopperClicks();
    expect((await sendEvents(h, batchOf('v_shopper_001', [{ type: 'purchase', at: h.clock.now(), transaction: { ...REAL, value: 140 } }]))).status).toBe(204);
    h.clock.advance(HOUR);
    expect((await postOrder(h, key, REAL)).status).toBe(201);
    expect(await orderRow('T-REAL')).toMatchObject({ channel: 'api', valueMinor: 14700, visitorId: 'v_shopper_001', sessionId: 's_v_shopper_001', occurredAt: start });
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo01')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await recencyBucketsAgree(h)).toBe(true);
  });
});

describe('the real order, then a forged browser purchase', () => {
  it('ignores the forged report: the order keeps its value and counts once', async () => {
    await realShopperClicks();
    expect((await postOrder(h, key, { ...REAL, visitor_id: 'v_shopper_001' })).status).toBe(201);
    await forge('T-REAL');
    await forge('T-REAL');
    expect(await countOrders(h, 'T-REAL')).toBe(1);
    expect(await orderRow('T-REAL')).toMatchObject({ channel: 'api', valueMinor: 14700, visitorId: 'v_shopper_001' });
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ orders: 0, revenueMinor: 0 });
    expect(await lastOrderDay('v_forger_0001')).toBeNull();
    expect(await recencyBucketsAgree(h)).toBe(true);
  });
});

describe('copies that race', () => {
  const confirmation = (value: number): OrderInput => ({ transaction: { ...REAL, value }, visitorId: 'v_shopper_001', sessionId: null, channel: 'api', occurredAt: null });

  it('a browser report written between planning and writing a confirmation: the plan changes nothing, recording again replaces it', async () => {
    await realShopperClicks();
    const settings = (await trackingSettings(h.db, 'ws_demo'))!;
    const plan = (await planOrder(h.db, settings, confirmation(147), h.clock.now()))!;
    await forge('T-REAL');
    await runBatch(h.db, plan.statements);
    expect(await orderRow('T-REAL')).toMatchObject({ channel: 'beacon', valueMinor: 99900 });
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 99900 });

    expect(await recordOrder(h.db, settings, confirmation(147), h.clock.now())).toBe('replaced');
    expect(await recordOrder(h.db, settings, confirmation(147), h.clock.now())).toBeNull();
    expect(await orderRow('T-REAL')).toMatchObject({ channel: 'api', valueMinor: 14700 });
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await recencyBucketsAgree(h)).toBe(true);
  });

  it('two confirmations of one browser report: the first replaces it, the second changes nothing', async () => {
    await realShopperClicks();
    await forge('T-REAL');
    const settings = (await trackingSettings(h.db, 'ws_demo'))!;
    const first = (await planOrder(h.db, settings, confirmation(147), h.clock.now()))!;
    const second = (await planOrder(h.db, settings, confirmation(200), h.clock.now()))!;
    await runBatch(h.db, first.statements);
    await runBatch(h.db, second.statements);
    expect(await countOrders(h, 'T-REAL')).toBe(1);
    expect(await orderRow('T-REAL')).toMatchObject({ id: first.orderId, channel: 'api', valueMinor: 14700 });
    expect(await rollup(h, 'workspace')).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(await rollup(h, 'post', 'post_demo02')).toMatchObject({ orders: 0, revenueMinor: 0 });
    expect(await recencyBucketsAgree(h)).toBe(true);
  });
});

describe('counting only orders confirmed by the shop’s server', () => {
  const report = async <T>(path: string) => {
    const res = await admin(h, owner, 'GET', path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const setConfirmedOnly = async (on: boolean) => {
    const res = await admin(h, owner, 'PATCH', '/workspace', { settings: { confirmedOrdersOnly: on } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { settings: { confirmedOrdersOnly: boolean } }).settings.confirmedOrdersOnly).toBe(on);
  };
  const bestPosts = async () => ((await (await request(h, '/v1/galleries/demo/posts?limit=2')).json()) as GalleryPostsResponse).posts.map((p) => p.id);

  beforeEach(async () => {
    // A forged purchase crediting post_demo02, and a real confirmed one crediting post_demo01.
    await realShopperClicks();
    await forge('T-FORGED');
    expect((await postOrder(h, key, { ...REAL, visitor_id: 'v_shopper_001' })).status).toBe(201);
    await h.db.update(galleries).set({ sort: 'best' }).where(eq(galleries.id, 'demo'));
  });

  it('is off by default: every order counts, and the report says which were confirmed', async () => {
    expect(((await (await admin(h, owner, 'GET', '/workspace')).json()) as { settings: { confirmedOrdersOnly: boolean } }).settings.confirmedOrdersOnly).toBe(false);
    const overview = await report<ReportOverview>('/reports/overview');
    expect(overview.totals).toMatchObject({ orders: 2, revenueMinor: 114600, attributedOrders: 2, attributedRevenueMinor: 114600 });
    expect(overview.provenance).toEqual({ confirmedOnly: false, confirmedOrders: 1, confirmedRevenueMinor: 14700, browserReportedOrders: 1, browserReportedRevenueMinor: 99900 });
    expect(await bestPosts()).toEqual(['post_demo02', 'post_demo01']);
  });

  it('when on, leaves forged revenue out of the headline, the attribution, the rankings and the best order, and shows it apart', async () => {
    expect(await bestPosts()).toEqual(['post_demo02', 'post_demo01']);
    await setConfirmedOnly(true);
    // The setting is part of what a gallery shows: the cached answer is not served again.
    expect(await bestPosts()).toEqual(['post_demo01', 'post_demo02']);

    const overview = await report<ReportOverview>('/reports/overview');
    expect(overview.totals).toMatchObject({ orders: 1, revenueMinor: 14700, attributedOrders: 1, attributedRevenueMinor: 14700 });
    expect(overview.provenance).toEqual({ confirmedOnly: true, confirmedOrders: 1, confirmedRevenueMinor: 14700, browserReportedOrders: 1, browserReportedRevenueMinor: 99900 });
    expect(overview.series.at(-1)).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(overview.funnel.at(-1)).toEqual({ step: 'orders', count: 1 });

    const gallery = await report<ReportOverview>('/reports/overview?galleryId=demo');
    expect(gallery.totals).toMatchObject({ orders: 1, revenueMinor: 14700 });
    expect(gallery.provenance).toMatchObject({ confirmedOrders: 1, confirmedRevenueMinor: 14700, browserReportedOrders: 1, browserReportedRevenueMinor: 99900 });

    const top = await report<ReportTop>('/reports/top?dimension=post');
    expect(top.rows.map((r) => [r.id, r.orders, r.revenueMinor])).toEqual([
      ['post_demo01', 1, 14700],
      ['post_demo02', 0, 0],
    ]);
    const csv = await (await admin(h, owner, 'GET', '/reports/export.csv?dimension=post')).text();
    expect(csv.split('\r\n')[2]).toMatch(/^post_demo02,.*,0,0,0,0,EUR$/);
    expect((await report<AdminPostDetail>('/posts/post_demo02')).performance).toMatchObject({ orders: 0, revenueMinor: 0 });

    await setConfirmedOnly(false);
    expect(await bestPosts()).toEqual(['post_demo02', 'post_demo01']);
    expect((await report<ReportOverview>('/reports/overview')).totals.revenueMinor).toBe(114600);
  });

  it('takes only a boolean', async () => {
    const res = await admin(h, owner, 'PATCH', '/workspace', { settings: { confirmedOrdersOnly: 'yes' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('settings.confirmedOrdersOnly');
  });
});
