import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { EventBatch, TrackingEvent } from '../../../shared/schemas/events.ts';
import { runBatch } from '../../db/client.ts';
import { auditLog, dailyRollups, events, orderAttributions, orders, visitorDays, visitorDayGaps, visitorRecency, visitors, workspaces } from '../../db/schema.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../domain/accounts/workspaces.ts';
import { createApiKey } from '../../domain/accounts/api-keys.ts';
import { TEST_CLIENT_IP_HEADER } from './client-ip.ts';
import { request, type Harness } from './harness.ts';

export const SHOP_ORIGIN = 'https://shop.example';
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let counter = 0;
/** A fresh event id (8–64 id characters), unique across a test run. */
export const eventId = () => `evt_${(++counter).toString(36).padStart(6, '0')}`;

/** A batch from one visitor of the demo workspace, with consent unless said otherwise. */
export function batchOf(visitorId: string, list: Partial<TrackingEvent>[], extra: Partial<EventBatch> = {}): EventBatch {
  return {
    v: 1,
    workspaceId: 'ws_demo',
    visitorId,
    sessionId: `s_${visitorId}`,
    consent: 'granted',
    events: list.map((e) => ({ id: eventId(), type: 'view_item_list', at: 0, ...e }) as TrackingEvent),
    ...extra,
  };
}

/** Sends a body to `POST /v1/events` the way `sendBeacon` does from the shop's page. */
export function sendEvents(h: Harness, body: unknown, { origin = SHOP_ORIGIN as string | null, ua = BROWSER_UA, ip = '203.0.113.9' } = {}) {
  const headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': ua, [TEST_CLIENT_IP_HEADER]: ip };
  if (origin) headers.origin = origin;
  return request(h, '/v1/events', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export function postOrder(h: Harness, key: string, body: unknown) {
  return request(h, '/v1/orders', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
}

/** Lets the demo workspace take events from the test shop, with the default settings changed by `settings`. */
export async function configureTracking(h: Harness, settings: Partial<typeof DEFAULT_WORKSPACE_SETTINGS> = {}) {
  await h.db.update(workspaces).set({ allowedOrigins: [SHOP_ORIGIN], settings: { ...DEFAULT_WORKSPACE_SETTINGS, ...settings } }).where(eq(workspaces.id, 'ws_demo'));
}

/**
 * Empties every tracking table. Workers tests share one database per file, so each tracking
 * test starts from this rather than from a fresh harness. Erasures' audit rows go too: the
 * queue's consumer reads them, and a test that sets the clock back would otherwise find its
 * visitor erased after the batch it sends.
 */
export async function clearTracking(h: Harness) {
  await runBatch(h.db, [
    h.db.delete(orderAttributions), h.db.delete(orders), h.db.delete(events), h.db.delete(dailyRollups), h.db.delete(visitorDays), h.db.delete(visitorDayGaps), h.db.delete(visitors), h.db.delete(visitorRecency),
    h.db.delete(auditLog).where(eq(auditLog.action, 'visitor.erased')),
  ]);
}

export async function orderKey(h: Harness, scopes = ['orders:write']) {
  return (await createApiKey(h.db, { workspaceId: 'ws_demo', userId: 'usr_demo' }, { name: 'shop server', scopes }, h.clock.now())).key;
}

export async function countEvents(h: Harness, workspaceId = 'ws_demo') {
  const [row] = await h.db.select({ n: sql<number>`count(*)` }).from(events).where(eq(events.workspaceId, workspaceId));
  return row!.n;
}

export async function countOrders(h: Harness, transactionId?: string) {
  const [row] = await h.db
    .select({ n: sql<number>`count(*)` })
    .from(orders)
    .where(and(eq(orders.workspaceId, 'ws_demo'), transactionId ? eq(orders.transactionId, transactionId) : undefined));
  return row!.n;
}

/** The summed rollup counters of one dimension row over all days. */
export async function rollup(h: Harness, dimension: 'workspace' | 'gallery' | 'post' | 'product', dimensionId = '') {
  const [row] = await h.db
    .select({
      impressions: sql<number>`coalesce(sum(${dailyRollups.impressions}), 0)`,
      opens: sql<number>`coalesce(sum(${dailyRollups.opens}), 0)`,
      productClicks: sql<number>`coalesce(sum(${dailyRollups.productClicks}), 0)`,
      addToCarts: sql<number>`coalesce(sum(${dailyRollups.addToCarts}), 0)`,
      orders: sql<number>`coalesce(sum(${dailyRollups.orders}), 0)`,
      revenueMinor: sql<number>`coalesce(sum(${dailyRollups.revenueMinor}), 0)`,
      assistedOrders: sql<number>`coalesce(sum(${dailyRollups.assistedOrders}), 0)`,
    })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.workspaceId, 'ws_demo'), eq(dailyRollups.dimension, dimension), eq(dailyRollups.dimensionId, dimensionId)));
  return row!;
}

/** Whether the recency buckets hold every visitor once, in the bucket of their latest days (and none below zero). */
export async function recencyBucketsAgree(h: Harness): Promise<boolean> {
  const one = async (query: SQL) => Number(Object.values((await h.db.all<Record<string, number>>(query))[0]!)[0]);
  const negative = await one(sql`select count(*) from visitor_recency where visitors < 0`);
  const total = await one(sql`select coalesce(sum(visitors), 0) from visitor_recency`);
  const matching = await one(sql`select count(*) from (select workspace_id, gallery_id, last_seen_day, coalesce(last_engaged_day, '') as engaged, holdout, coalesce(last_order_day, '') as ordered, count(*) as n from visitors group by 1, 2, 3, 4, 5, 6) v
    left join visitor_recency r using (workspace_id, gallery_id, last_seen_day, holdout) where r.last_engaged_day = v.engaged and r.last_order_day = v.ordered and r.visitors = v.n`);
  const filled = await one(sql`select count(*) from visitor_recency where visitors > 0`);
  return negative === 0 && total === (await one(sql`select count(*) from visitors`)) && matching === filled;
}
