import { and, between, count, desc, eq, gte, isNotNull, lt, sql, sum } from 'drizzle-orm';
import type { OrderProvenance, ReportOverview, ReportSeriesPoint } from '../../../shared/report-types.ts';
import type { Db } from '../../db/client.ts';
import { dailyRollups, orders, products } from '../../db/schema.ts';
import { liftWithInterval, rate } from './lift.ts';
import { utcDay } from '../tracking/days.ts';
import type { TrackingSettings } from '../tracking/settings.ts';
import { orderCounters } from './order-counters.ts';
import { daysOf, rangeMs, type ReportQuery } from './query.ts';

/** The rollup counters summed per day, for the workspace or for one gallery. */
export async function dailySeries(db: Db, q: ReportQuery): Promise<(ReportSeriesPoint & { assistedOrders: number; assistedRevenueMinor: number; consentedImpressions: number })[]> {
  const r = dailyRollups;
  const counted = orderCounters(q.confirmedOnly);
  const rows = await db
    .select({
      day: r.day,
      impressions: sql<number>`sum(${r.impressions})`,
      opens: sql<number>`sum(${r.opens})`,
      productClicks: sql<number>`sum(${r.productClicks})`,
      addToCarts: sql<number>`sum(${r.addToCarts})`,
      consentedImpressions: sql<number>`sum(${r.consentedImpressions})`,
      orders: sql<number>`sum(${counted.orders})`,
      revenueMinor: sql<number>`sum(${counted.revenueMinor})`,
      assistedOrders: sql<number>`sum(${counted.assistedOrders})`,
      assistedRevenueMinor: sql<number>`sum(${counted.assistedRevenueMinor})`,
    })
    .from(r)
    .where(rollupRowsOf(q))
    .groupBy(r.day);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const zero = { impressions: 0, opens: 0, productClicks: 0, addToCarts: 0, consentedImpressions: 0, orders: 0, revenueMinor: 0, assistedOrders: 0, assistedRevenueMinor: 0 };
  return daysOf(q).map((day) => ({ ...zero, ...byDay.get(day), day }));
}

interface VisitorGroup {
  holdout: number;
  engaged: number;
  visitors: number;
  converted: number;
}

/**
 * Distinct visitors of the range by group (holdout or not, engaged or not) and how many of them
 * ordered within it. Distinct visitors cannot be summed by day: a range ending today sums the
 * recency buckets of visitors' last activity and last order; an older range sums the gap buckets
 * of its visitors' chains of days and looks up only its buyers' days. Both read a number of rows
 * bounded by days, not by visitors (but for the buyers).
 */
async function visitorGroups(db: Db, q: ReportQuery, today: string): Promise<VisitorGroup[]> {
  if (q.to >= today) {
    // Nothing is dated after today, so the range's visitors are those last seen since its start,
    // and its buyers those whose last order is since then too: both are sums over recency buckets.
    const [counts] = await db.all<Record<string, number | null>>(sql`
      select sum(case when holdout = 0 then visitors end) as exposed,
        sum(case when holdout = 0 and last_engaged_day >= ${q.from} then visitors end) as engaged,
        sum(case when holdout = 1 then visitors end) as held,
        sum(case when holdout = 0 and last_order_day >= ${q.from} then visitors end) as exposed_bought,
        sum(case when holdout = 0 and last_engaged_day >= ${q.from} and last_order_day >= ${q.from} then visitors end) as engaged_bought,
        sum(case when holdout = 1 and last_order_day >= ${q.from} then visitors end) as held_bought
      from visitor_recency
      where workspace_id = ${q.workspaceId} and gallery_id = ${q.galleryId ?? ''} and last_seen_day >= ${q.from}`);
    const n = (key: string) => Number(counts?.[key] ?? 0);
    return [
      { holdout: 0, engaged: 1, visitors: n('engaged'), converted: n('engaged_bought') },
      { holdout: 0, engaged: 0, visitors: n('exposed') - n('engaged'), converted: n('exposed_bought') - n('engaged_bought') },
      { holdout: 1, engaged: 0, visitors: n('held'), converted: n('held_bought') },
    ];
  }
  // Visitors of an older range, by chain (visitor_day_gaps): each counted at their first chain day in it.
  const chains = await db.all<{ chain: string; visitors: number | null }>(sql`
    select chain, sum(visitors) as visitors from visitor_day_gaps
    where workspace_id = ${q.workspaceId} and gallery_id = ${q.galleryId ?? ''} and chain in ('seen', 'held', 'held_or_engaged')
      and day between ${q.from} and ${q.to} and prev_day < ${q.from}
    group by chain`);
  const n = (chain: string) => Number(chains.find((c) => c.chain === chain)?.visitors ?? 0);
  // The range's buyers (few next to its visitors), each with their group in the range's visitor days.
  // CROSS JOIN keeps the buyers outside: each one reads only their own days.
  const { start, end } = rangeMs(q);
  const bought = await db.all<{ holdout: number; engaged: number; converted: number }>(sql`
    select holdout, engaged, count(*) as converted from (
      select max(d.holdout) as holdout, max(d.engaged) as engaged
      from (
        select distinct visitor_id from orders
        where workspace_id = ${q.workspaceId} and occurred_at >= ${start} and occurred_at < ${end} and visitor_id is not null
      ) as b
      cross join visitor_days as d indexed by visitor_days_by_visitor
      where d.workspace_id = ${q.workspaceId} and d.visitor_id = b.visitor_id and d.gallery_id = ${q.galleryId ?? ''} and d.day between ${q.from} and ${q.to}
      group by b.visitor_id
    )
    group by holdout, engaged`);
  const converted = (f: (g: { holdout: number; engaged: number }) => boolean) => bought.filter((g) => f({ holdout: Number(g.holdout), engaged: Number(g.engaged) })).reduce((s, g) => s + Number(g.converted), 0);
  // In the holdout on some day of the range; else engaged on some day (holdout or engaged, minus holdout); else neither.
  return [
    { holdout: 0, engaged: 1, visitors: n('held_or_engaged') - n('held'), converted: converted((g) => g.holdout === 0 && g.engaged === 1) },
    { holdout: 0, engaged: 0, visitors: n('seen') - n('held_or_engaged'), converted: converted((g) => g.holdout === 0 && g.engaged === 0) },
    { holdout: 1, engaged: 0, visitors: n('held'), converted: converted((g) => g.holdout === 1) },
  ];
}

/** The workspace's rollup rows of the range, or one gallery's. */
const rollupRowsOf = (q: ReportQuery) =>
  and(eq(dailyRollups.workspaceId, q.workspaceId), eq(dailyRollups.dimension, q.galleryId ? 'gallery' : 'workspace'), eq(dailyRollups.dimensionId, q.galleryId ?? ''), between(dailyRollups.day, q.from, q.to));

/**
 * The range's orders split by provenance — every order of the workspace (attributed or not), or
 * with a gallery filter the orders credited to that gallery (its rollups) — and the currency
 * most of the workspace's counted orders were paid in.
 */
async function ordersByProvenance(db: Db, q: ReportQuery): Promise<{ split: OrderProvenance; currency: string | null }> {
  const { start, end } = rangeMs(q);
  const [rows, credited] = await Promise.all([
    db
      .select({ currency: orders.currency, channel: orders.channel, n: count(), revenue: sum(orders.valueMinor) })
      .from(orders)
      .where(and(eq(orders.workspaceId, q.workspaceId), gte(orders.occurredAt, start), lt(orders.occurredAt, end)))
      .groupBy(orders.currency, orders.channel)
      .orderBy(desc(count())),
    q.galleryId
      ? db
          .select({ n: sum(dailyRollups.orders), revenue: sum(dailyRollups.revenueMinor), confirmedN: sum(dailyRollups.confirmedOrders), confirmedRevenue: sum(dailyRollups.confirmedRevenueMinor) })
          .from(dailyRollups)
          .where(rollupRowsOf(q))
      : null,
  ]);
  const num = (v: string | number | null | undefined) => Number(v ?? 0);
  const tally = (list: typeof rows) => ({ n: list.reduce((s, r) => s + r.n, 0), revenue: list.reduce((s, r) => s + num(r.revenue), 0) });
  const [gallery] = credited ?? [];
  const all = gallery ? { n: num(gallery.n), revenue: num(gallery.revenue) } : tally(rows);
  const confirmed = gallery ? { n: num(gallery.confirmedN), revenue: num(gallery.confirmedRevenue) } : tally(rows.filter((r) => r.channel === 'api'));
  return {
    split: {
      confirmedOnly: q.confirmedOnly,
      confirmedOrders: confirmed.n,
      confirmedRevenueMinor: confirmed.revenue,
      browserReportedOrders: all.n - confirmed.n,
      browserReportedRevenueMinor: all.revenue - confirmed.revenue,
    },
    currency: rows.find((r) => !q.confirmedOnly || r.channel === 'api')?.currency ?? null,
  };
}

export async function reportOverview(db: Db, settings: TrackingSettings, q: ReportQuery, fallbackCurrency: string, now: number): Promise<ReportOverview> {
  const [series, groups, provenance] = await Promise.all([dailySeries(db, q), visitorGroups(db, q, utcDay(now)), ordersByProvenance(db, q)]);
  const { split } = provenance;
  const total = (key: keyof (typeof series)[number] & string) => series.reduce((s, p) => s + (p[key] as number), 0);
  const pick = (f: (g: VisitorGroup) => boolean) => {
    const chosen = groups.filter(f);
    return { visitors: chosen.reduce((s, g) => s + g.visitors, 0), conversions: chosen.reduce((s, g) => s + g.converted, 0) };
  };
  const exposed = pick((g) => g.holdout === 0);
  const engaged = pick((g) => g.holdout === 0 && g.engaged === 1);
  const notEngaged = pick((g) => g.holdout === 0 && g.engaged === 0);
  const holdout = pick((g) => g.holdout === 1);
  const attributedOrders = total('orders');
  const attributedRevenueMinor = total('revenueMinor');
  const totals = {
    impressions: total('impressions'),
    opens: total('opens'),
    productClicks: total('productClicks'),
    addToCarts: total('addToCarts'),
    visitors: exposed.visitors,
    engagedVisitors: engaged.visitors,
    engagementRate: rate(engaged.visitors, exposed.visitors),
    // With a gallery filter, the orders shown are the ones that gallery is credited with.
    orders: q.galleryId ? attributedOrders : split.confirmedOrders + (q.confirmedOnly ? 0 : split.browserReportedOrders),
    revenueMinor: q.galleryId ? attributedRevenueMinor : split.confirmedRevenueMinor + (q.confirmedOnly ? 0 : split.browserReportedRevenueMinor),
    attributedOrders,
    attributedRevenueMinor,
    assistedOrders: total('assistedOrders'),
    assistedRevenueMinor: total('assistedRevenueMinor'),
    conversionRateEngaged: rate(engaged.conversions, engaged.visitors),
    conversionRateNotEngaged: rate(notEngaged.conversions, notEngaged.visitors),
  };
  return {
    range: { from: q.from, to: q.to },
    currency: provenance.currency ?? fallbackCurrency,
    totals,
    provenance: split,
    holdout: {
      share: settings.holdoutShare,
      holdoutVisitors: holdout.visitors,
      holdoutConversionRate: rate(holdout.conversions, holdout.visitors),
      exposedVisitors: exposed.visitors,
      exposedConversionRate: rate(exposed.conversions, exposed.visitors),
      ...liftWithInterval(exposed, holdout),
    },
    series: series.map(({ assistedOrders: _a, assistedRevenueMinor: _b, consentedImpressions: _c, ...point }) => point),
    funnel: [
      { step: 'impressions', count: totals.impressions },
      { step: 'opens', count: totals.opens },
      { step: 'product_clicks', count: totals.productClicks },
      { step: 'add_to_carts', count: totals.addToCarts },
      { step: 'orders', count: attributedOrders },
    ],
    consent: {
      impressions: totals.impressions,
      consentedImpressions: total('consentedImpressions'),
      share: totals.impressions === 0 ? null : total('consentedImpressions') / totals.impressions,
      aggregateOnly: ['impressions', 'opens', 'productClicks', 'addToCarts'],
      consentingOnly: ['visitors', 'engagedVisitors', 'engagementRate', 'conversionRateEngaged', 'conversionRateNotEngaged', 'attributedOrders', 'holdout'],
    },
  };
}

/** The currency reports show when a range has no orders: the catalog's, else euros. */
export async function catalogCurrency(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db.select({ currency: products.currency }).from(products).where(and(eq(products.workspaceId, workspaceId), isNotNull(products.currency))).limit(1);
  return row?.currency ?? 'EUR';
}
