import { createHarness } from '#harness';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminPostDetail } from '../../../shared/admin-types.ts';
import type { GalleryPostsResponse } from '../../../shared/api-types.ts';
import { isHoldout } from '../../../shared/holdout.ts';
import type { ReportOverview, ReportTop } from '../../../shared/report-types.ts';
import { dailyRollups, events, galleries } from '../../db/schema.ts';
import { utcDay } from '../../domain/tracking/days.ts';
import { purgeExpiredEvents } from '../../domain/tracking/retention.ts';
import { addMember, admin, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import { request, type Harness } from '../../dev/testing/harness.ts';
import { batchOf, clearTracking, configureTracking, orderKey, postOrder, sendEvents } from '../../dev/testing/tracking-client.ts';

/**
 * One day of a small shop, with every figure computed by hand:
 * - A views the gallery, opens post_demo01, clicks the lamp, adds it, buys lamp + mug (147 €).
 * - B views only. C views and opens post_demo02. D views and buys a tote (59 €).
 * - H1 and H2 are in the holdout; H1 buys for 20 €. An API order of 10 € has no visitor.
 * The day is the harness clock's, whichever day it starts on.
 */
const DAY_MS = 86_400_000;
let day: string;
let h: Harness;
let owner: AdminSession;
let analyst: AdminSession;
let merchandiser: AdminSession;

function visitor(prefix: string, holdout: boolean): string {
  for (let i = 0; ; i++) if (isHoldout('ws_demo', `${prefix}_${i}_visitor`, 0.5) === holdout) return `${prefix}_${i}_visitor`;
}

beforeAll(async () => {
  h = await createHarness();
  await clearTracking(h);
  await configureTracking(h, { holdoutShare: 0.5 });
  owner = await signIn(h);
  analyst = await addMember(h, owner, 'ana@vitrine.local', 'analyst');
  merchandiser = await addMember(h, owner, 'max@vitrine.local', 'merchandiser');
  const now = h.clock.now();
  day = utcDay(now);
  const view = { type: 'view_item_list' as const, at: now, galleryId: 'demo' };
  const [a, b, c, d] = ['va', 'vb', 'vc', 'vd'].map((p) => visitor(p, false));
  const [h1, h2] = ['vh1', 'vh2'].map((p) => visitor(p, true));
  const buy = (transaction_id: string, value: number, items: { item_id: string; price: number }[]) => ({ type: 'purchase' as const, at: now, transaction: { transaction_id, value, currency: 'EUR', items } });
  const batches = [
    batchOf(a!, [
      view,
      { type: 'select_content', at: now, galleryId: 'demo', postId: 'post_demo01' },
      { type: 'select_item', at: now, galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' },
      { type: 'add_to_cart', at: now, galleryId: 'demo', postId: 'post_demo01', productId: 'prod_demo1' },
    ]),
    batchOf(a!, [buy('T1', 147, [{ item_id: 'LUM-LAMP-01', price: 129 }, { item_id: 'LUM-MUG-03', price: 18 }])]),
    batchOf(b!, [view]),
    batchOf(c!, [view, { type: 'select_content', at: now, galleryId: 'demo', postId: 'post_demo02' }]),
    batchOf(d!, [view, buy('T2', 59, [{ item_id: 'LUM-BAG-04', price: 59 }])]),
    batchOf(h1!, [{ type: 'vitrine_holdout', at: now, galleryId: 'demo' }, buy('T3', 20, [{ item_id: 'LUM-CNDL-06', price: 20 }])]),
    batchOf(h2!, [{ type: 'vitrine_holdout', at: now, galleryId: 'demo' }]),
  ];
  for (const batch of batches) expect((await sendEvents(h, batch)).status).toBe(204);
  expect((await postOrder(h, await orderKey(h), { transaction_id: 'T4', value: 10, currency: 'EUR', items: [] })).status).toBe(201);
});

const get = async <T>(path: string, as = analyst) => {
  const res = await admin(h, as, 'GET', path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe('GET /admin/reports/overview', () => {
  it('matches the hand-computed day', async () => {
    const report = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}`);
    expect(report.range).toEqual({ from: day, to: day });
    expect(report.currency).toBe('EUR');
    expect(report.totals).toEqual({
      impressions: 4,
      opens: 2,
      productClicks: 1,
      addToCarts: 1,
      visitors: 4,
      engagedVisitors: 2,
      engagementRate: 0.5,
      orders: 4,
      revenueMinor: 23600,
      attributedOrders: 2,
      attributedRevenueMinor: 20600,
      assistedOrders: 0,
      assistedRevenueMinor: 0,
      conversionRateEngaged: 0.5,
      conversionRateNotEngaged: 0.5,
    });
    // T1–T3 were reported by browsers; T4 was confirmed by the shop's server.
    expect(report.provenance).toEqual({ confirmedOnly: false, confirmedOrders: 1, confirmedRevenueMinor: 1000, browserReportedOrders: 3, browserReportedRevenueMinor: 22600 });
    // Exposed 2/4 vs holdout 1/2: no lift, se = √(1/2 − 1/4 + 1/1 − 1/2) = √0.75.
    expect(report.holdout).toMatchObject({ share: 0.5, holdoutVisitors: 2, holdoutConversionRate: 0.5, exposedVisitors: 4, exposedConversionRate: 0.5, lift: 0 });
    const se = Math.sqrt(0.75);
    expect(report.holdout.ci95![0]).toBeCloseTo(Math.exp(-1.959964 * se) - 1, 6);
    expect(report.holdout.ci95![1]).toBeCloseTo(Math.exp(1.959964 * se) - 1, 6);
    expect(report.series).toEqual([{ day: day, impressions: 4, opens: 2, productClicks: 1, addToCarts: 1, orders: 2, revenueMinor: 20600 }]);
    expect(report.funnel.map((s) => [s.step, s.count])).toEqual([['impressions', 4], ['opens', 2], ['product_clicks', 1], ['add_to_carts', 1], ['orders', 2]]);
  });

  it('counts the same visitors once the range lies in the past (read from visitor days)', async () => {
    const today = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}`);
    h.clock.advance(2 * DAY_MS);
    try {
      const later = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}`);
      expect(later.totals).toEqual(today.totals);
      expect(later.holdout).toEqual(today.holdout);
      const gallery = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}&galleryId=demo`);
      expect(gallery.totals).toMatchObject({ visitors: 4, engagedVisitors: 2, conversionRateEngaged: 0.5 });
    } finally {
      h.clock.advance(-2 * DAY_MS);
    }
  });

  it('defaults to the last 30 days, filled day by day', async () => {
    const report = await get<ReportOverview>('/reports/overview');
    expect(report.range).toEqual({ from: utcDay(h.clock.now() - 29 * DAY_MS), to: day });
    expect(report.series).toHaveLength(30);
    expect(report.series.at(-1)!.impressions).toBe(4);
  });

  it('narrows to one gallery: its own credited orders', async () => {
    const report = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}&galleryId=demo`);
    expect(report.totals).toMatchObject({ impressions: 4, visitors: 4, orders: 2, revenueMinor: 20600, attributedOrders: 2 });
    const other = await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}&galleryId=nope`);
    expect(other.totals).toMatchObject({ impressions: 0, visitors: 0, orders: 0 });
  });

  it('names bad parameters', async () => {
    const longAgo = utcDay(h.clock.now() - 400 * DAY_MS); // to today: 401 days, one more than a range may span
    for (const [query, field] of [['from=2026-13-01', 'from'], ['to=yesterday', 'to'], ['from=2026-11-29&to=2026-11-28', 'from'], ['galleryId=a%20b', 'galleryId'], [`from=${longAgo}`, 'from']]) {
      const res = await admin(h, analyst, 'GET', `/reports/overview?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });

  it('is for owners and analysts, not merchandisers', async () => {
    expect((await admin(h, owner, 'GET', '/reports/overview')).status).toBe(200);
    expect((await admin(h, merchandiser, 'GET', '/reports/overview')).status).toBe(403);
    expect((await admin(h, merchandiser, 'GET', '/reports/top')).status).toBe(403);
    expect((await admin(h, null, 'GET', '/reports/overview')).status).toBe(401);
  });
});

describe('GET /admin/reports/top', () => {
  it('ranks posts, products and galleries by attributed revenue', async () => {
    const postsTop = await get<ReportTop>(`/reports/top?dimension=post&from=${day}&to=${day}`);
    expect(postsTop.rows.map((r) => [r.id, r.opens, r.productClicks, r.addToCarts, r.orders, r.revenueMinor])).toEqual([
      ['post_demo01', 1, 1, 1, 1, 14700],
      ['post_demo02', 1, 0, 0, 0, 0],
    ]);
    expect(postsTop.rows[0]!.imageUrl).toMatch(/\/admin\/media\//);
    expect(postsTop.rows[0]!.label).toMatch(/^@/);
    const productsTop = await get<ReportTop>(`/reports/top?dimension=product&from=${day}&to=${day}`);
    expect(productsTop.rows.map((r) => [r.id, r.orders, r.revenueMinor])).toEqual([
      ['prod_demo1', 1, 12900],
      ['prod_demo3', 1, 1800],
    ]);
    expect(productsTop.rows[0]!.label).toBe('Arc Table Lamp (LUM-LAMP-01)');
    const galleriesTop = await get<ReportTop>(`/reports/top?dimension=gallery&limit=1&from=${day}&to=${day}`);
    expect(galleriesTop.rows).toEqual([expect.objectContaining({ id: 'demo', label: 'Worn & loved by you', impressions: 4, opens: 2, orders: 2, revenueMinor: 20600 })]);
  });

  it('names a bad dimension or limit', async () => {
    expect((await admin(h, analyst, 'GET', '/reports/top?dimension=visitor')).status).toBe(400);
    expect((await admin(h, analyst, 'GET', '/reports/top?limit=0')).status).toBe(400);
  });
});

describe('GET /admin/reports/export.csv', () => {
  it('exports days and posts as CSV with a header row', async () => {
    const res = await admin(h, analyst, 'GET', `/reports/export.csv?dimension=day&from=${day}&to=${day}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await res.text()).toBe(
      `day,impressions,opens,product_clicks,add_to_carts,orders,revenue_minor,assisted_orders,assisted_revenue_minor,currency\r\n${day},4,2,1,1,2,20600,0,0,EUR\r\n`,
    );
    const posts = (await (await admin(h, analyst, 'GET', `/reports/export.csv?dimension=post&from=${day}&to=${day}`)).text()).split('\r\n');
    expect(posts[0]).toBe('id,label,impressions,opens,product_clicks,add_to_carts,orders,revenue_minor,assisted_orders,assisted_revenue_minor,currency');
    expect(posts[1]).toMatch(/^post_demo01,.*,0,1,1,1,1,14700,0,0,EUR$/);
  });
});

describe('performance where merchandisers work', () => {
  it('gives each inbox post its last 30 days, null when untracked', async () => {
    const tracked = await get<AdminPostDetail>('/posts/post_demo01', merchandiser);
    expect(tracked.performance).toEqual({ impressions: 0, opens: 1, orders: 1, revenueMinor: 14700 });
    expect((await get<AdminPostDetail>('/posts/post_demo05', merchandiser)).performance).toBeNull();
  });

  it('sorts a "best" gallery by the same rollups', async () => {
    await h.db.update(galleries).set({ sort: 'best' }).where(eq(galleries.id, 'demo'));
    const body = (await (await request(h, '/v1/galleries/demo/posts?limit=3')).json()) as GalleryPostsResponse;
    expect(body.posts.slice(0, 2).map((p) => p.id)).toEqual(['post_demo01', 'post_demo02']);
    await h.db.update(galleries).set({ sort: 'newest' }).where(eq(galleries.id, 'demo'));
  });
});

describe('retention', () => {
  it('deletes raw events past the retention in bounded steps and keeps the rollups', async () => {
    const before = await h.db.select({ n: sql<number>`sum(${dailyRollups.impressions})` }).from(dailyRollups).where(eq(dailyRollups.dimension, 'workspace'));
    const stored = (await h.db.select({ n: sql<number>`count(*)` }).from(events))[0]!.n;
    const later = h.clock.now() + 400 * DAY_MS;
    expect(await purgeExpiredEvents(h.db, h.clock.now())).toBe(0);
    expect(await purgeExpiredEvents(h.db, later, 5)).toBe(5);
    expect(await purgeExpiredEvents(h.db, later)).toBe(stored - 5);
    expect((await h.db.select({ n: sql<number>`count(*)` }).from(events))[0]!.n).toBe(0);
    const after = await h.db.select({ n: sql<number>`sum(${dailyRollups.impressions})` }).from(dailyRollups).where(eq(dailyRollups.dimension, 'workspace'));
    expect(after).toEqual(before);
    expect((await get<ReportOverview>(`/reports/overview?from=${day}&to=${day}`)).totals.impressions).toBe(4);
  });
});
