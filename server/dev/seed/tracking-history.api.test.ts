import { createHarness } from '#harness';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { configureTracking, recencyBucketsAgree } from '../testing/tracking-client.ts';
import { reportOverview } from '../../domain/reports/overview.ts';
import { utcDay } from '../../domain/tracking/days.ts';
import { trackingSettings } from '../../domain/tracking/settings.ts';
import { generateHistory } from './tracking-history.ts';
import migration0010 from '../../../drizzle/0010_confirmed_orders.sql?raw';

const confirmedBackfill = migration0010.split('--> statement-breakpoint').find((statement) => statement.includes('INSERT INTO `daily_rollups`'))!;

it('writes a history whose rollups, orders and visitor days agree with its raw events', async () => {
  const h = await createHarness();
  await configureTracking(h, { holdoutShare: 0.2 });
  const report = await generateHistory(h.db, { workspaceId: 'ws_demo', days: 4, events: 800, endAt: h.clock.now(), seed: 7 });
  expect(report.events).toBeGreaterThanOrEqual(800);
  const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await h.db.all<Record<string, number>>(query))[0]!)[0]);
  expect(await one(sql`select count(*) from events`)).toBe(report.events);
  expect(await one(sql`select count(*) from events where type = 'purchase'`)).toBe(report.purchases);
  expect(await one(sql`select count(*) from orders`)).toBe(report.purchases);
  expect(await one(sql`select count(*) from orders where channel = 'api'`)).toBe(report.confirmed);
  expect(report.confirmed).toBeGreaterThan(0);
  expect(report.confirmed).toBeLessThan(report.purchases);
  for (const [type, column] of [['view_item_list', 'impressions'], ['select_content', 'opens'], ['select_item', 'product_clicks'], ['add_to_cart', 'add_to_carts']] as const) {
    const counted = await one(sql`select coalesce(sum(${sql.raw(column)}), 0) from daily_rollups where dimension = 'workspace'`);
    expect(counted, type).toBe(await one(sql`select count(*) from events where type = ${type}`));
  }
  // Each impression counts once for every post it names.
  expect(await one(sql`select coalesce(sum(impressions), 0) from daily_rollups where dimension = 'post'`)).toBe(
    await one(sql`select coalesce(sum(json_array_length(payload, '$.postIds')), 0) from events where type = 'view_item_list'`),
  );
  expect(await one(sql`select coalesce(sum(impressions), 0) from daily_rollups where dimension = 'post'`)).toBeGreaterThan(0);
  // Attributed orders in the rollups are exactly the orders with a last-touch credit.
  expect(await one(sql`select coalesce(sum(orders), 0) from daily_rollups where dimension = 'workspace'`)).toBe(
    await one(sql`select count(distinct order_id) from order_attributions where kind <> 'assisted'`),
  );
  expect(await one(sql`select coalesce(sum(revenue_minor), 0) from daily_rollups where dimension = 'workspace'`)).toBe(
    await one(sql`select coalesce(sum(value_minor), 0) from order_attributions where kind <> 'assisted' and product_id is null`),
  );
  // The confirmed counters are what migration 0010's backfill computes from the confirmed orders' credits.
  const confirmedCounters = sql`select workspace_id, day, dimension, dimension_id, confirmed_orders, confirmed_revenue_minor, confirmed_assisted_orders, confirmed_assisted_revenue_minor
    from daily_rollups order by 1, 2, 3, 4`;
  const live = await h.db.all(confirmedCounters);
  expect(await one(sql`select coalesce(sum(confirmed_orders), 0) from daily_rollups where dimension = 'workspace'`)).toBeGreaterThan(0);
  expect(await one(sql`select coalesce(sum(confirmed_orders), 0) from daily_rollups where dimension = 'workspace'`)).toBe(
    await one(sql`select count(distinct a.order_id) from order_attributions a join orders o on o.id = a.order_id where a.kind <> 'assisted' and o.channel = 'api'`),
  );
  await h.db.run(sql`update daily_rollups set confirmed_orders = 0, confirmed_revenue_minor = 0, confirmed_assisted_orders = 0, confirmed_assisted_revenue_minor = 0`);
  await h.db.run(sql.raw(confirmedBackfill));
  expect(await h.db.all(confirmedCounters)).toEqual(live);
  expect(await one(sql`select count(*) from daily_rollups where orders < confirmed_orders or revenue_minor < confirmed_revenue_minor or confirmed_orders < 0`)).toBe(0);

  expect(await one(sql`select count(*) from visitor_days where holdout = 1 and engaged = 1`)).toBe(0);
  expect(await one(sql`select count(*) from visitor_days where holdout = 1`)).toBeGreaterThan(0);

  expect(await recencyBucketsAgree(h)).toBe(true);

  // Returning visitors span days: both ways of counting distinct visitors must agree.
  const settings = (await trackingSettings(h.db, 'ws_demo'))!;
  const today = utcDay(h.clock.now());
  for (const galleryId of [null, 'demo']) {
    const q = { workspaceId: 'ws_demo', from: utcDay(h.clock.now() - 2 * 86_400_000), to: today, galleryId, confirmedOnly: false };
    const fromVisitors = await reportOverview(h.db, settings, q, 'EUR', h.clock.now());
    const fromDays = await reportOverview(h.db, settings, q, 'EUR', h.clock.now() + 2 * 86_400_000);
    expect(fromVisitors.totals.visitors).toBeGreaterThan(0);
    expect(fromVisitors.totals).toEqual(fromDays.totals);
    expect(fromVisitors.holdout).toEqual(fromDays.holdout);
  }
});
